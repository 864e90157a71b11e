import iconv from "iconv-lite";

export type OutputEncoding = "utf8" | "utf8-bom" | "cp932";
export const OUTPUT_ENCODINGS: readonly OutputEncoding[] = ["utf8", "utf8-bom", "cp932"];

export interface EncodedText {
  data: Buffer;
  /** Characters the encoding cannot hold, each replaced by "?". */
  replacedCount: number;
  /** The distinct replaced characters, in order of first appearance. */
  replacedChars: string[];
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Characters from JIS-based sources (macOS, some converters) whose CP932 twin has another code point.
 * Mapping them keeps 〜 and − readable in Excel instead of turning them into "?"; the same goes
 * for the few symbols our own reports use.
 */
const CP932_TWINS: ReadonlyMap<string, string> = new Map([
  ["\u301c", "\uff5e"], // WAVE DASH → FULLWIDTH TILDE
  ["\u2212", "\uff0d"], // MINUS SIGN → FULLWIDTH HYPHEN-MINUS
  ["\u2016", "\u2225"], // DOUBLE VERTICAL LINE → PARALLEL TO
  ["\u2014", "\u2015"], // EM DASH → HORIZONTAL BAR
  ["\u00a2", "\uffe0"], // CENT SIGN → FULLWIDTH CENT SIGN
  ["\u00a3", "\uffe1"], // POUND SIGN → FULLWIDTH POUND SIGN
  ["\u00ac", "\uffe2"], // NOT SIGN → FULLWIDTH NOT SIGN
  ["\u00a0", " "], // NO-BREAK SPACE → SPACE
  // Symbols the renderers themselves print (missing values, intervals, threshold conditions).
  ["\u2013", "\u2015"], // EN DASH → HORIZONTAL BAR
  ["\u2265", "\u2267"], // GREATER-THAN OR EQUAL TO → GREATER-THAN OVER EQUAL TO
  ["\u2264", "\u2266"], // LESS-THAN OR EQUAL TO → LESS-THAN OVER EQUAL TO
]);
const TWIN_PATTERN = new RegExp(`[${[...CP932_TWINS.keys()].join("")}]`, "g");
const NON_ASCII = /[^\u0000-\u007f]/;
const QUESTION_MARK = 0x3f;

/** Whether CP932 can hold each non-ASCII code point; filled as characters are met. */
const cp932Holds = new Map<number, boolean>();

function holdsInCp932(char: string): boolean {
  const cp = char.codePointAt(0) ?? 0;
  let known = cp932Holds.get(cp);
  if (known === undefined) {
    const bytes = iconv.encode(char, "cp932");
    known = !(bytes.length === 1 && bytes[0] === QUESTION_MARK);
    cp932Holds.set(cp, known);
  }
  return known;
}

export function encodeText(text: string, encoding: OutputEncoding): EncodedText {
  if (encoding === "utf8") return { data: Buffer.from(text, "utf8"), replacedCount: 0, replacedChars: [] };
  if (encoding === "utf8-bom") {
    return {
      data: Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]),
      replacedCount: 0,
      replacedChars: [],
    };
  }
  const mapped = text.replace(TWIN_PATTERN, (c) => CP932_TWINS.get(c) ?? c);
  let replacedCount = 0;
  const replaced = new Set<string>();
  if (NON_ASCII.test(mapped)) {
    for (const char of mapped) {
      if (char.charCodeAt(0) < 0x80 || holdsInCp932(char)) continue;
      replacedCount++;
      replaced.add(char);
    }
  }
  // iconv-lite writes "?" for what CP932 cannot hold, matching the count above.
  return { data: iconv.encode(mapped, "cp932"), replacedCount, replacedChars: [...replaced] };
}
