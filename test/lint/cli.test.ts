import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FIXTURES, runMain, tempDir } from "../helpers/cli.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  // A .git folder marks the project root so the config search stops here.
  mkdirSync(join(dir, ".git"));
});
afterEach(() => cleanup());

const write = (rel: string, text: string | Buffer) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const lint = (args: string[], opts: { stdin?: string } = {}) =>
  runMain(["lint", ...args], { cwd: dir, ...opts });
const PRH = join(FIXTURES, "lint/glossaries/team-prh.yml");

describe("supportops lint: exit codes", () => {
  it("exits 0 on a clean tree and with warnings only", async () => {
    write("clean.md", "# チャネル\n");
    expect((await lint([])).code).toBe(0);
    write("warn.md", "ユーザの声\n");
    const r = await lint([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("warn.md");
  });

  it("exits 1 on an error-level finding", async () => {
    write("a.md", "チャンネル\n");
    const r = await lint(["--glossary", PRH, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).totals).toEqual({ errors: 1, warnings: 0, infos: 0 });
  });

  it("exits 1 when warnings exceed --max-warnings", async () => {
    write("a.md", "ユーザとオペレータ\n");
    expect((await lint(["--max-warnings", "2"])).code).toBe(0);
    const r = await lint(["--max-warnings", "1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("2 warnings is over the maximum of 1");
  });

  it("exits 2 on a configuration error naming the file and line", async () => {
    write("supportops.config.yaml", "lint:\n  builtin: maybe\n");
    write("a.md", "x\n");
    const r = await lint([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/supportops\.config\.yaml:2:.*lint\.builtin/);
  });

  it("exits 2 when a glossary spec fails", async () => {
    write(
      "bad.yml",
      "version: 1\nrules:\n  - expected: A\n    pattern: a\n    specs:\n      - from: a\n        to: b\n",
    );
    write("a.md", "x\n");
    const r = await lint(["--glossary", "bad.yml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yml:6: spec of rule "A" failed/);
  });

  it("exits 2 on bad flags", async () => {
    expect((await lint(["--fix", "--fix-dry-run"])).code).toBe(2);
    expect((await lint(["--max-warnings", "many"])).code).toBe(2);
  });
});

describe("supportops lint: files", () => {
  it("honours .gitignore and --ignore-pattern and lints Markdown and text by default", async () => {
    write(".gitignore", "ignored.md\n");
    write("ignored.md", "ユーザ\n");
    write("sub/.gitignore", "local.md\n");
    write("sub/local.md", "ユーザ\n");
    write("sub/kept.txt", "ユーザ\n");
    write("skip/me.md", "ユーザ\n");
    write("page.html", "<p>ユーザ</p>\n");
    const r = await lint(["--ignore-pattern", "skip/", "--format", "json"]);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    expect(paths).toEqual(["sub/kept.txt"]);
    const html = await lint(["page.html", "--format", "json"]);
    expect(JSON.parse(html.stdout).totals.warnings).toBe(1);
  });

  it("does not follow a symbolic link out of the project", async () => {
    const outside = tempDir();
    try {
      writeFileSync(join(outside.dir, "secret.md"), "ユーザ\n");
      symlinkSync(join(outside.dir, "secret.md"), join(dir, "link.md"));
      const r = await lint(["--format", "json"]);
      expect(JSON.parse(r.stdout).files).toEqual([]);
      expect(r.stderr).toContain("link.md: skipped: outside the project folder");
    } finally {
      outside.cleanup();
    }
  });

  it("reads a file outside the project when it is named explicitly", async () => {
    const outside = tempDir();
    try {
      writeFileSync(join(outside.dir, "other.md"), "ユーザ\n");
      const r = await lint([join(outside.dir, "other.md"), "--format", "json"]);
      expect(JSON.parse(r.stdout).totals.warnings).toBe(1);
    } finally {
      outside.cleanup();
    }
  });

  it("skips binary files with a warning", async () => {
    write("bin.md", Buffer.from([0x41, 0x00, 0x42]));
    const r = await lint(["--format", "json"]);
    expect(r.stderr).toContain("bin.md: skipped: binary file");
    expect(JSON.parse(r.stdout).files).toEqual([]);
  });

  it("fails with exit 2 when explicit paths match nothing", async () => {
    expect((await lint(["nothing/*.md"])).code).toBe(2);
  });
});

describe("supportops lint: fixing", () => {
  it("--fix rewrites files, applying only single-suggestion findings", async () => {
    write("a.md", "ユーザと`ユーザ`とｶｽﾀﾏｰ\n");
    const r = await lint(["--fix"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("ユーザーと`ユーザ`とカスタマー\n");
  });

  it("--fix-dry-run prints a unified diff and leaves the file alone", async () => {
    write("a.md", "ユーザ\n");
    const r = await lint(["--fix-dry-run"]);
    expect(r.stdout).toBe("--- a/a.md\n+++ b/a.md\n@@ -1,1 +1,1 @@\n-ユーザ\n+ユーザー\n");
    expect(readFileSync(join(dir, "a.md"), "utf8")).toBe("ユーザ\n");
  });
});

describe("supportops lint: output", () => {
  it("prints stylish file by file in path order with one summary", async () => {
    write("b.md", "オペレータ\n");
    write("a.md", "ユーザ\n");
    write("c.md", "clean\n");
    const r = await lint([]);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => /^\S/.test(l))).toEqual([
      "a.md",
      "b.md",
      "✖ 2 problems (0 errors, 2 warnings, 0 infos)",
    ]);
  });

  it("--fix with --stdin prints the fixed text and reports what is left on stderr", async () => {
    const r = await lint(["--stdin", "--fix"], { stdin: "ユーザとオペレータ\n" });
    expect(r.stdout).toBe("ユーザーとオペレーター\n");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("supportops lint: stdin, language, glossaries", () => {
  it("lints stdin under the given file name", async () => {
    const r = await lint(["--stdin", "--stdin-filename", "draft.md", "--format", "json"], {
      stdin: "`ユーザ` ユーザ\n",
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].path).toBe("draft.md");
    // "`ユーザ` ユーザ": the code span is skipped; the second ユーザ starts at UTF-16 column 7.
    expect(doc.files[0].findings.map((f: { column: number }) => f.column)).toEqual([7]);
  });

  it("--lang ja gives Japanese messages", async () => {
    const r = await runMain(["--lang", "ja", "lint", "--stdin"], { cwd: dir, stdin: "ユーザ\n" });
    expect(r.stdout).toContain("「ユーザ」ではなく「ユーザー」を使ってください。");
    expect(r.stdout).toContain("警告");
  });

  it("--no-builtin leaves the built-in glossary out", async () => {
    const r = await lint(["--stdin", "--no-builtin", "--format", "json"], { stdin: "ユーザ\n" });
    expect(JSON.parse(r.stdout).totals.warnings).toBe(0);
  });

  it("applies config overrides per path: extra glossaries, disabled rules, severities", async () => {
    write(
      "glossary/billing.yml",
      "version: 1\nterms:\n  - { preferred: 顧客, variants: [ユーザー], severity: error }\n",
    );
    write(
      "supportops.config.yaml",
      [
        "lint:",
        "  overrides:",
        "    - files: [billing/**]",
        "      glossaries: [glossary/billing.yml]",
        "      disable: [オペレーター]",
        "    - files: [notes/**]",
        "      severity: info",
        "",
      ].join("\n"),
    );
    write("billing/a.md", "ユーザー、オペレータ\n");
    write("guide/a.md", "ユーザー、オペレータ\n");
    write("notes/a.md", "オペレータ\n");
    const r = await lint(["--format", "json"]);
    const doc = JSON.parse(r.stdout) as {
      files: { path: string; findings: { ruleId: string; severity: string }[] }[];
    };
    expect(doc.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId}:${x.severity}`)])).toEqual([
      ["billing/a.md", ["顧客:error"]],
      ["guide/a.md", ["オペレーター:warning"]],
      ["notes/a.md", ["オペレーター:info"]],
    ]);
    expect(r.code).toBe(1);
  });
});

describe("supportops glossary list", () => {
  it("lists the built-in terms and glossary files, later ones winning", async () => {
    const r = await runMain(["glossary", "list", "--json", "--glossary", PRH], { cwd: dir });
    const rows = JSON.parse(r.stdout) as { id: string; source: string }[];
    expect(rows.filter((x) => x.id === "チャネル").map((x) => x.source)).toEqual([`${PRH}:3`]);
    expect(rows.some((x) => x.id === "ユーザー" && x.source === "builtin")).toBe(true);
  });

  it("prints nothing but the header with --no-builtin", async () => {
    const r = await runMain(["glossary", "list", "--no-builtin"], { cwd: dir });
    expect(r.stdout).toBe("preferred\tflagged\tseverity\tnote\n");
  });
});
