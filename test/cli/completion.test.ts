import { spawnSync } from "node:child_process";
import { Command, Option } from "commander";
import { describe, expect, it } from "vitest";
import { describeProgram } from "../../src/cli/commands/completion.js";
import { runMain } from "../helpers/cli.js";

/** Runs the generated bash function for a command line and returns its candidates. */
function bashComplete(script: string, line: string[]): string[] {
  const words = line.map((w) => `'${w}'`).join(" ");
  const r = spawnSync(
    "bash",
    [
      "-c",
      `${script}\nCOMP_WORDS=(${words}); COMP_CWORD=${line.length - 1}; _supportops; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    { encoding: "utf8" },
  );
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter((l) => l !== "");
}

const has = (shell: string) => spawnSync(shell, ["-c", "true"]).status === 0;

/** Runs the generated zsh function with the completion builtins replaced by printers. */
function zshComplete(script: string, line: string[]): string[] {
  const stubs = [
    "compdef() { :; }",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh parameter expansion, not a template
    '_describe() { print -l -- "${(@P)${@[-1]}}"; }',
    'compadd() { shift; print -l -- "$@"; }',
    '_files() { print -- "<files>"; }',
  ].join("\n");
  const words = line.map((w) => `'${w}'`).join(" ");
  const r = spawnSync(
    "zsh",
    ["-f", "-c", `${stubs}\n${script}\nwords=(${words}); CURRENT=${line.length}; _supportops`],
    {
      encoding: "utf8",
    },
  );
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter((l) => l !== "");
}

function fishComplete(script: string, line: string): string[] {
  const r = spawnSync("fish", ["--no-config", "-c", `${script}\ncomplete -C ${JSON.stringify(line)}`], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  return r.stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => l.split("\t")[0] ?? "");
}

describe("supportops completion", () => {
  it("bash completes subcommands, nested subcommands, options and option choices", async () => {
    const { code, stdout } = await runMain(["completion", "bash"]);
    expect(code).toBe(0);
    expect(bashComplete(stdout, ["supportops", "con"])).toEqual(["config"]);
    expect(bashComplete(stdout, ["supportops", "--db", "x.db", "config", ""]).sort()).toEqual([
      "show",
      "validate",
    ]);
    expect(bashComplete(stdout, ["supportops", "config", "show", "--j"])).toEqual(["--json"]);
    expect(bashComplete(stdout, ["supportops", "init", "--holidays", ""]).sort()).toEqual(["japan", "none"]);
    expect(bashComplete(stdout, ["supportops", "completion", "--la"])).toEqual(["--lang"]);
    expect(bashComplete(stdout, ["supportops", "--lang", "j"])).toEqual(["ja"]);
  });

  it("zsh script names every command with its description", async () => {
    const { code, stdout } = await runMain(["completion", "zsh"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("#compdef supportops\n")).toBe(true);
    expect(stdout).toContain("'init:create supportops.config.yaml");
    expect(stdout).toContain("'/config') subs=('show:print the effective configuration");
    expect(stdout).toContain("'/init --kind') compadd -- 'tickets' 'surveys' 'orders'; return ;;");
  });

  it("fish script conditions subcommands and options on the command path", async () => {
    const { code, stdout } = await runMain(["completion", "fish"]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "complete -c supportops -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from show validate' -a show",
    );
    expect(stdout).toContain("complete -c supportops -l lang -x -a 'en ja'");
    expect(stdout).toContain("complete -c supportops -n '__fish_seen_subcommand_from init' -s y -l yes");
  });

  it.skipIf(!has("zsh"))("zsh completes subcommands with descriptions and option choices", async () => {
    const { stdout } = await runMain(["completion", "zsh"]);
    expect(zshComplete(stdout, ["supportops", "config", ""])).toEqual([
      "show:print the effective configuration and where each value came from",
      "validate:check a configuration file against the schema; exit 0 when valid, 2 otherwise",
    ]);
    expect(zshComplete(stdout, ["supportops", "init", "--kind", ""])).toEqual([
      "tickets",
      "surveys",
      "orders",
    ]);
    expect(zshComplete(stdout, ["supportops", "config", "validate", "c"])).toEqual(["<files>"]);
  });

  it.skipIf(!has("fish"))("fish completes nested subcommands and option values", async () => {
    const { stdout } = await runMain(["completion", "fish"]);
    expect(fishComplete(stdout, "supportops config ")).toEqual(["show", "validate"]);
    expect(fishComplete(stdout, "supportops init --holidays ")).toEqual(["japan", "none"]);
    expect(fishComplete(stdout, "supportops config show --js")).toEqual(["--json"]);
  });

  it("describes whatever commands the program has, leaving hidden options out", () => {
    const program = new Command("tool").option("--db <path>", "store");
    const report = program.command("report").alias("r").description("make a report");
    report.command("weekly").option("--json", "as JSON").addOption(new Option("--secret").hideHelp());
    const specs = describeProgram(program);
    expect(specs.map((s) => s.path.join(" "))).toEqual(["", "report", "report weekly"]);
    expect(specs[0]?.subcommands).toEqual([
      { name: "report", description: "make a report" },
      { name: "r", description: "make a report" },
    ]);
    const weekly = specs[2]?.options.map((o) => o.names.join(","));
    expect(weekly).toEqual(["--json", "-h,--help", "--db"]);
  });

  it("rejects an unknown shell with exit 2", async () => {
    const r = await runMain(["completion", "powershell"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bash, zsh, fish");
  });
});
