/**
 * Agreement with textlint + textlint-rule-prh: js-primer's own prh.yml over js-primer's chapters,
 * compared on (file, line, column, expected). Prints the counts and every difference.
 * Run: npx tsx bench/lint-agreement.ts [dictionary] [glob]
 */
import { relative, resolve } from "node:path";
import { keyOf, runOurs } from "./lint-ours.js";
import { runTextlint } from "./lint-textlint.js";

const DATA = resolve(import.meta.dirname, "../../shared/data");
const dictionary = process.argv[2] ?? `${DATA}/js-primer/prh.yml`;
const glob = process.argv[3] ?? `${DATA}/js-primer/source/**/*.md`;

const theirs = runTextlint(dictionary, glob);
const ours = runOurs(dictionary, glob);
const theirKeys = new Set(theirs.findings.map(keyOf));
const ourKeys = new Set(ours.findings.map(keyOf));
const onlyTheirs = [...theirKeys].filter((k) => !ourKeys.has(k)).sort();
const onlyOurs = [...ourKeys].filter((k) => !theirKeys.has(k)).sort();
const both = [...ourKeys].filter((k) => theirKeys.has(k)).length;
const show = (k: string) => relative(DATA, k.split(":")[0] ?? "") + k.slice((k.split(":")[0] ?? "").length);

console.log(`dictionary: ${relative(DATA, dictionary)}`);
console.log(`textlint findings: ${theirKeys.size}, ours: ${ourKeys.size}, agreeing: ${both}`);
const union = theirKeys.size + ourKeys.size - both;
console.log(`agreement: ${union === 0 ? 100 : ((100 * both) / union).toFixed(2)}% of the union`);
for (const k of onlyTheirs) console.log(`only textlint: ${show(k)}`);
for (const k of onlyOurs) console.log(`only ours:     ${show(k)}`);
