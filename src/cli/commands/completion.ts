import { Argument, type Command, type Option } from "commander";
import type { CliContext } from "../context.js";
import { action, type CommandDeps, withExamples } from "../program.js";

/** `supportops completion bash|zsh|fish`: prints a script built from the live command tree. */
export function registerCompletionCommand(program: Command, deps: CommandDeps): void {
  withExamples(
    program
      .command("completion")
      .description("print a shell completion script (bash, zsh or fish)")
      .addArgument(new Argument("<shell>", "bash, zsh or fish").choices(SHELLS))
      .action(
        action(deps, (ctx: CliContext, shell: Shell) => {
          ctx.out(completionScript(shell, program.name(), describeProgram(program)));
          return 0;
        }),
      ),
    [
      "source <(supportops completion bash)        # in ~/.bashrc",
      "supportops completion zsh > ~/.zfunc/_supportops",
      "supportops completion fish > ~/.config/fish/completions/supportops.fish",
    ],
  );
}

// ---- the command tree, as completion sees it ----

/** What completion needs to know about one option. */
export interface OptionSpec {
  names: string[];
  description: string;
  takesValue: boolean;
  choices: string[] | undefined;
}

/** One command level: its path from the root, subcommands and options (global ones included). */
export interface CommandSpec {
  path: string[];
  description: string;
  subcommands: Array<{ name: string; description: string }>;
  options: OptionSpec[];
  /** Whether positional arguments (usually files) follow. */
  takesArguments: boolean;
}

function optionSpec(o: Option): OptionSpec {
  return {
    names: [o.short, o.long].filter((n): n is string => n !== undefined),
    description: o.description,
    takesValue: o.required || o.optional,
    choices: o.argChoices ? [...o.argChoices] : undefined,
  };
}

/**
 * Walks the program's command tree, so commands added later appear without edits here.
 * Help's own listing decides visibility (hidden commands and options stay out).
 */
export function describeProgram(program: Command): CommandSpec[] {
  const help = program.createHelp();
  const globals = help.visibleOptions(program).filter((o) => o.long !== "--version" && o.long !== "--help");
  const specs: CommandSpec[] = [];
  const walk = (cmd: Command, path: string[]) => {
    const subs = help.visibleCommands(cmd).filter((c) => c.name() !== "help");
    const own = help.visibleOptions(cmd);
    const options = path.length === 0 ? own : [...own, ...globals];
    specs.push({
      path,
      description: cmd.description(),
      subcommands: subs.flatMap((c) =>
        [c.name(), ...c.aliases()].map((name) => ({ name, description: c.description() })),
      ),
      options: options.map(optionSpec),
      takesArguments: cmd.registeredArguments.length > 0,
    });
    for (const sub of subs) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return specs;
}

// ---- one generator per shell ----

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export function completionScript(shell: Shell, bin: string, specs: CommandSpec[]): string {
  switch (shell) {
    case "bash":
      return bashScript(bin, specs);
    case "zsh":
      return zshScript(bin, specs);
    case "fish":
      return fishScript(bin, specs);
  }
}

const fnName = (bin: string) => `_${bin.replace(/[^A-Za-z0-9_]/g, "_")}`;
const pathKey = (path: string[]) => path.map((p) => `/${p}`).join("");
const names = (options: OptionSpec[]) => options.flatMap((o) => o.names);
const valueNames = (specs: CommandSpec[]) => [
  ...new Set(specs.flatMap((s) => s.options.filter((o) => o.takesValue).flatMap((o) => o.names))),
];
/** Single-quoted for POSIX shells and zsh. */
const sq = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/**
 * Both POSIX-shell scripts find the command path the same way: walk the words before the cursor,
 * skip options and the values of value-taking options, and extend the path when a word names a
 * subcommand of it.
 */
function bashScript(bin: string, specs: CommandSpec[]): string {
  const paths = specs.map((s) => pathKey(s.path)).filter((p) => p !== "");
  const valueCases = specs.flatMap((s) =>
    s.options
      .filter((o) => o.takesValue)
      .flatMap((o) =>
        o.names.map(
          (n) =>
            `    ${sq(`${pathKey(s.path)} ${n}`)}) ${
              o.choices
                ? `COMPREPLY=($(compgen -W ${sq(o.choices.join(" "))} -- "$cur"))`
                : `COMPREPLY=($(compgen -f -- "$cur"))`
            }; return ;;`,
        ),
      ),
  );
  const levelCases = specs.map((s) => {
    const subs = s.subcommands.map((c) => c.name).join(" ");
    return `    ${sq(pathKey(s.path))}) subs=${sq(subs)}; opts=${sq(names(s.options).join(" "))}; args=${s.takesArguments ? 1 : 0} ;;`;
  });
  const fn = fnName(bin);
  return `# ${bin} completion for bash. Load with: source <(${bin} completion bash)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local cmdpath="" skip=0 i w subs="" opts="" args=0
  local value_opts=${sq(` ${valueNames(specs).join(" ")} `)} paths=${sq(` ${paths.join(" ")} `)}
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$w" in
      --*=*) continue ;;
      -*) [[ "$value_opts" == *" $w "* ]] && skip=1; continue ;;
    esac
    [[ "$paths" == *" $cmdpath/$w "* ]] && cmdpath="$cmdpath/$w"
  done
  case "$cmdpath $prev" in
${valueCases.join("\n")}
  esac
  case "$cmdpath" in
${levelCases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n "$subs" ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  elif ((args)); then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o default -o bashdefault -F ${fn} ${bin}
`;
}

function zshScript(bin: string, specs: CommandSpec[]): string {
  const paths = specs.map((s) => pathKey(s.path)).filter((p) => p !== "");
  const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/:/g, "\\:");
  const valueCases = specs.flatMap((s) =>
    s.options
      .filter((o) => o.takesValue)
      .flatMap((o) =>
        o.names.map(
          (n) =>
            `    ${sq(`${pathKey(s.path)} ${n}`)}) ${
              o.choices ? `compadd -- ${o.choices.map(sq).join(" ")}` : "_files"
            }; return ;;`,
        ),
      ),
  );
  const levelCases = specs.map((s) => {
    const subs = s.subcommands.map((c) => sq(`${esc(c.name)}:${c.description}`)).join(" ");
    const opts = s.options.flatMap((o) => o.names.map((n) => sq(`${esc(n)}:${o.description}`))).join(" ");
    return `    ${sq(pathKey(s.path))}) subs=(${subs}); opts=(${opts}); args=${s.takesArguments ? 1 : 0} ;;`;
  });
  const fn = fnName(bin);
  return `#compdef ${bin}
# ${bin} completion for zsh. Load with: source <(${bin} completion zsh)
# or save as _${bin} in a folder on $fpath.
${fn}() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
  local cmdpath="" skip=0 i w args=0
  local -a subs opts
  local value_opts=${sq(` ${valueNames(specs).join(" ")} `)} paths=${sq(` ${paths.join(" ")} `)}
  for ((i = 2; i < CURRENT; i++)); do
    w="\${words[i]}"
    if ((skip)); then skip=0; continue; fi
    case "$w" in
      --*=*) continue ;;
      -*) [[ "$value_opts" == *" $w "* ]] && skip=1; continue ;;
    esac
    [[ "$paths" == *" $cmdpath/$w "* ]] && cmdpath="$cmdpath/$w"
  done
  case "$cmdpath $prev" in
${valueCases.join("\n")}
  esac
  case "$cmdpath" in
${levelCases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    _describe -t options option opts
  elif (( \${#subs} )); then
    _describe -t commands command subs
  elif ((args)); then
    _files
  fi
}
compdef ${fn} ${bin}
`;
}

function fishScript(bin: string, specs: CommandSpec[]): string {
  const fq = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  const root = specs.find((s) => s.path.length === 0);
  const globalLongs = new Set(
    specs
      .filter((s) => s.path.length > 0)
      .reduce<string[] | undefined>((acc, s) => {
        const own = names(s.options);
        return acc ? acc.filter((n) => own.includes(n)) : own;
      }, undefined) ?? [],
  );
  const lines = [
    `# ${bin} completion for fish. Load with: ${bin} completion fish | source`,
    `complete -c ${bin} -f`,
  ];
  const optionLine = (o: OptionSpec, condition: string | undefined) => {
    const parts = [`complete -c ${bin}`];
    if (condition) parts.push(`-n ${fq(condition)}`);
    for (const n of o.names) parts.push(n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`);
    if (o.takesValue) parts.push(o.choices ? `-x -a ${fq(o.choices.join(" "))}` : "-r -F");
    if (o.description) parts.push(`-d ${fq(o.description)}`);
    return parts.join(" ");
  };
  // Global options once, without a condition; the root's own (version, help) only before a subcommand.
  for (const o of root?.options ?? []) {
    const global = o.names.some((n) => globalLongs.has(n));
    lines.push(optionLine(o, global ? undefined : "__fish_use_subcommand"));
  }
  for (const s of specs) {
    const seen = s.path.map((p) => `__fish_seen_subcommand_from ${p}`);
    if (s.subcommands.length > 0) {
      const notYet = `not __fish_seen_subcommand_from ${s.subcommands.map((c) => c.name).join(" ")}`;
      const condition = s.path.length === 0 ? "__fish_use_subcommand" : [...seen, notYet].join("; and ");
      for (const c of s.subcommands) {
        lines.push(`complete -c ${bin} -n ${fq(condition)} -a ${c.name} -d ${fq(c.description)}`);
      }
    }
    if (s.path.length === 0) continue;
    for (const o of s.options) {
      if (o.names.some((n) => globalLongs.has(n))) continue;
      lines.push(optionLine(o, seen.join("; and ")));
    }
    if (s.takesArguments) lines.push(`complete -c ${bin} -n ${fq(seen.join("; and "))} -F`);
  }
  return `${lines.join("\n")}\n`;
}
