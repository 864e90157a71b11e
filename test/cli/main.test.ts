import { describe, expect, it } from "vitest";
import { runBin, runMain } from "../helpers/cli.js";

describe("supportops program", () => {
  it("prints help with examples and exits 0", async () => {
    const r = await runMain(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: supportops");
    expect(r.stdout).toContain("Examples:");
  });

  it("prints the package version", async () => {
    const r = await runMain(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("exits 2 on an unknown option, with the message on stderr", async () => {
    const r = await runMain(["--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it("rejects an unsupported --lang", async () => {
    const r = await runMain(["--lang", "fr", "--help"]);
    expect(r.code).toBe(2);
  });

  it("the built binary runs and sets its exit code", () => {
    const r = runBin(["--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option");
  });
});
