// The testing screen must be imported before anything that imports @inquirer/prompts.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { screen } from "@inquirer/testing/vitest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runMain, tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Waits until the current prompt shows `text`, then answers it. */
async function answer(text: string, keys: () => void): Promise<void> {
  for (let i = 0; i < 50 && !screen.getScreen().includes(text); i++) await screen.next();
  expect(screen.getScreen()).toContain(text);
  keys();
}

describe("supportops init with the real inquirer prompts", () => {
  it("shows sample values and the detected type for an unsure column, and saves the answer", async () => {
    writeFileSync(join(dir, "export.csv"), "ticket_id,登録日時\nA-1,2025/04/01 9:05\nA-2,2025/04/02 10:40\n");
    const run = runMain(["init"], { cwd: dir, tty: true });
    const enter = () => screen.keypress("enter");
    await answer("Time zone", enter);
    await answer("Business hours", enter);
    await answer("Holiday calendar", () => {
      screen.keypress("down");
      enter();
    });
    await answer("SLA first-response", enter);
    await answer("SLA resolution", enter);
    await answer("CSAT target", enter);
    await answer("SLA compliance target", enter);
    await answer("Glossary for", enter);
    await answer("Store file", enter);
    await answer("Sample export", () => {
      screen.type("export.csv");
      enter();
    });
    await answer("What does the export hold", enter);
    await answer("Name for this column mapping", () => {
      screen.type("helpdesk");
      enter();
    });
    await answer(
      'Column "登録日時" (detected: datetime; samples: "2025/04/01 9:05", "2025/04/02 10:40")',
      () => screen.type("created_at"),
    );
    // Typing in a select jumps to the matching choice.
    await answer("created_at", enter);
    const r = await run;
    expect(r.code).toBe(0);
    const config = parse(readFileSync(join(dir, "supportops.config.yaml"), "utf8")) as {
      business_hours: { holidays: { japan: boolean } };
      import: unknown;
    };
    expect(config.business_hours.holidays.japan).toBe(false);
    expect(config.import).toEqual({
      profiles: {
        helpdesk: { kind: "tickets", columns: { ticket_id: "ticket_id", 登録日時: "created_at" } },
      },
    });
  });
});
