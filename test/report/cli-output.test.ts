import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { CliContext } from "../../src/cli/context.js";
import { UsageError } from "../../src/cli/errors.js";
import {
  checkFormatEncoding,
  parseEncoding,
  parseFormat,
  resolveReportSettings,
  writeOutput,
} from "../../src/cli/output.js";
import { tempDir } from "../helpers/cli.js";

function fakeContext(cwd: string): { ctx: CliContext; stdout: () => Buffer; stderr: () => string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on("data", (d: Buffer) => out.push(d));
  stderr.on("data", (d: Buffer) => err.push(d));
  const ctx = new CliContext({ stdin: new PassThrough(), stdout, stderr, env: {}, cwd }, {});
  return { ctx, stdout: () => Buffer.concat(out), stderr: () => Buffer.concat(err).toString("utf8") };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe("parseFormat / parseEncoding", () => {
  it("accepts the known values and aliases", () => {
    expect(parseFormat(undefined)).toBe("table");
    expect(parseFormat("CSV")).toBe("csv");
    expect(parseEncoding(undefined)).toBe("utf8");
    expect(parseEncoding("Shift_JIS")).toBe("cp932");
    expect(parseEncoding("UTF-8")).toBe("utf8");
    expect(parseEncoding("utf8-bom")).toBe("utf8-bom");
  });

  it("rejects unknown values with a usage error naming the choices", () => {
    expect(() => parseFormat("xlsx")).toThrow(UsageError);
    expect(() => parseFormat("xlsx")).toThrow(/unknown format "xlsx"/);
    expect(() => parseEncoding("latin1")).toThrow(UsageError);
    try {
      parseEncoding("latin1");
    } catch (e) {
      expect((e as UsageError).hint).toBe("use one of: utf8, utf8-bom, cp932");
      expect((e as UsageError).exitCode).toBe(2);
    }
  });

  it("refuses a non-UTF-8 encoding for JSON and HTML", () => {
    expect(() => checkFormatEncoding("json", "cp932")).toThrow(/does not apply to --format json/);
    expect(() => checkFormatEncoding("csv", "cp932")).not.toThrow();
    expect(() => checkFormatEncoding("html", "utf8")).not.toThrow();
  });
});

describe("writeOutput", () => {
  it("writes to stdout without a path", async () => {
    const { ctx, stdout } = fakeContext("/");
    writeOutput(ctx, Buffer.from([0x82, 0xa0]));
    await new Promise((r) => setImmediate(r));
    expect([...stdout()]).toEqual([0x82, 0xa0]);
  });

  it("writes a file atomically relative to the working folder, leaving no temporary file", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const { ctx, stdout, stderr } = fakeContext(dir);
    writeOutput(ctx, "a,b\r\n", "report.csv");
    await new Promise((r) => setImmediate(r));
    expect(readFileSync(join(dir, "report.csv"), "utf8")).toBe("a,b\r\n");
    expect(readdirSync(dir)).toEqual(["report.csv"]);
    expect(stdout().length).toBe(0);
    expect(stderr()).toBe("wrote report.csv\n");
  });

  it("turns an unwritable path into a usage error", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const { ctx } = fakeContext(dir);
    expect(() => writeOutput(ctx, "x", "missing-folder/report.csv")).toThrow(
      /cannot write missing-folder\/report.csv/,
    );
  });
});

describe("resolveReportSettings", () => {
  it("applies checked flags over the configuration; a flag encoding for JSON is an error, a configured one is not", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(join(dir, "supportops.config.yaml"), "output:\n  format: json\n  encoding: cp932\n");
    const { ctx } = fakeContext(dir);
    expect(resolveReportSettings(ctx, {})).toMatchObject({ format: "json", encoding: "cp932" });
    expect(resolveReportSettings(ctx, { format: "csv", encoding: "sjis" })).toMatchObject({
      format: "csv",
      encoding: "cp932",
    });
    expect(() => resolveReportSettings(ctx, { encoding: "utf8-bom" })).toThrow(
      /does not apply to --format json/,
    );
    expect(() => resolveReportSettings(ctx, { format: "xlsx" })).toThrow(/unknown format "xlsx"/);
  });
});
