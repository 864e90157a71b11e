import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runMain } from "../helpers/cli.js";

/**
 * docs/cli-reference.md is every command's --help, so the docs cannot drift from the code.
 * Regenerate it with: UPDATE_DOCS=1 npx vitest run test/cli/docs-reference.test.ts
 */
const REFERENCE = join(ROOT, "docs/cli-reference.md");

async function helpOf(args: string[]): Promise<string> {
  const r = await runMain([...args, "--help"]);
  expect(r.code).toBe(0);
  return r.stdout.trimEnd();
}

async function commandPaths(): Promise<string[][]> {
  const top = await helpOf([]);
  const names = [...top.matchAll(/^ {2}([a-z][a-z-]*)(?= |\n|$)/gm)]
    .map((m) => m[1] as string)
    .filter((n) => n !== "help");
  const paths: string[][] = [];
  for (const name of names) {
    paths.push([name]);
    const sub = await helpOf([name]);
    const section = sub.split(/^Commands:$/m)[1]?.split(/^\S/m)[0] ?? "";
    for (const m of section.matchAll(/^ {2}([a-z][a-z-]*)/gm))
      if (m[1] !== "help") paths.push([name, m[1] as string]);
  }
  return paths;
}

async function render(): Promise<string> {
  const parts = [
    "# Command reference",
    "",
    "Generated from each command's `--help` (test/cli/docs-reference.test.ts keeps it current).",
    "See docs/cli.md for the conventions every command follows.",
    "",
    "## supportops",
    "",
    "```",
    await helpOf([]),
    "```",
  ];
  for (const path of await commandPaths()) {
    parts.push("", `## supportops ${path.join(" ")}`, "", "```", await helpOf(path), "```");
  }
  return `${parts.join("\n")}\n`;
}

describe("docs/cli-reference.md", () => {
  it("matches every command's --help", async () => {
    const text = await render();
    if (process.env.UPDATE_DOCS === "1") writeFileSync(REFERENCE, text);
    expect(readFileSync(REFERENCE, "utf8")).toBe(text);
  });
});
