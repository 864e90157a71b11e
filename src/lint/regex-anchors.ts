/**
 * Necessary literals of a regular expression: a small set of strings at least one of which occurs
 * in every match. A text containing none of them cannot match, so the rule can be skipped there
 * without running it. The analysis is conservative: whatever it does not understand (classes it
 * cannot enumerate, `.`, backreferences, unknown syntax) counts as "any text", and when no set can
 * be proved the answer is null (always run the rule).
 *
 * Literal characters go through `mapChar`, which puts them into the space the caller searches
 * (the raw text, or a width- and case-folded copy); it returns null for a character that space
 * cannot represent faithfully, which then counts as unknown.
 */

/** Maps one code point of the pattern into the search space; null when it cannot be represented. */
export type CharMapper = (codePoint: number) => string | null;

/** What is known about one piece of the pattern. */
interface Info {
  /** Every string the piece can match, when there are few (may contain ""). */
  exact: string[] | null;
  /** Strings one of which occurs in every match of the piece (never ""); null when unknown. */
  need: string[] | null;
}

/** Largest set of strings built by expansion (classes, optional parts, products). */
const MAX_SET = 32;
/** Largest set of needed strings kept for an alternation. */
const MAX_NEED = 64;

const ZERO_WIDTH: Info = { exact: [""], need: null };
const UNKNOWN: Info = { exact: null, need: null };

class Unsupported extends Error {}

export function regexAnchors(source: string, mapChar: CharMapper): string[] | null {
  try {
    const parser = new PatternParser(source, mapChar);
    const info = parser.alternation();
    if (!parser.atEnd()) return null;
    return bestNeed(info);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}

function bestNeed(info: Info): string[] | null {
  return pickBetter(info.need, asNeed(info.exact));
}

/** An exact set used as a need: only when it cannot match the empty string. */
function asNeed(exact: string[] | null): string[] | null {
  if (exact === null || exact.length === 0 || exact.includes("")) return null;
  return exact;
}

/**
 * The more selective of two needs. A string of n characters is taken to occur with probability
 * 16^-n (text is far from uniform, but longer is rarer), so a set scores the sum over its strings.
 */
function pickBetter(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return rarity(b) < rarity(a) ? b : a;
}

const RARITY = Array.from({ length: 13 }, (_, n) => 16 ** -n);

function rarity(set: readonly string[]): number {
  let sum = 0;
  for (const s of set) sum += RARITY[Math.min(s.length, 12)] as number;
  return sum;
}

function product(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function union(sets: readonly (string[] | null)[], limit: number): string[] | null {
  const out = new Set<string>();
  for (const s of sets) {
    if (s === null) return null;
    for (const x of s) out.add(x);
    if (out.size > limit) return null;
  }
  return [...out];
}

/** A sequence: exact when every piece is; the need is the best of any piece's and of runs of exact pieces. */
function sequence(items: readonly Info[]): Info {
  let exact: string[] | null = [""];
  for (const item of items) {
    exact = exact && item.exact ? product(exact, item.exact) : null;
  }
  let need: string[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Info;
    need = pickBetter(need, item.need);
    need = pickBetter(need, asNeed(item.exact));
    // The longest run of exact pieces starting here, as one product.
    let run: string[] | null = item.exact;
    for (let j = i + 1; run !== null && j < items.length; j++) {
      const next = (items[j] as Info).exact;
      const joined = next ? product(run, next) : null;
      if (joined === null) break;
      run = joined;
      need = pickBetter(need, asNeed(run));
    }
  }
  return { exact, need };
}

function repeat(info: Info, min: number, max: number): Info {
  if (min === 0) {
    // Optional: the piece may be absent, so it guarantees nothing; `?` keeps an exact set.
    const exact = max === 1 && info.exact ? union([info.exact, [""]], MAX_SET) : null;
    return { exact, need: null };
  }
  let exact: string[] | null = null;
  if (min === max && info.exact) {
    exact = [""];
    for (let k = 0; k < min && exact; k++) exact = product(exact, info.exact);
  }
  return { exact, need: bestNeed(info) };
}

const SYNTAX_CHARS = new Set("^$\\.*+?()[]{}|/");
const CONTROL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12 };

/** Recursive descent over the `u`-mode pattern syntax, one code point at a time. */
class PatternParser {
  private readonly chars: string[];
  private pos = 0;

  constructor(
    source: string,
    private readonly mapChar: CharMapper,
  ) {
    this.chars = Array.from(source);
  }

  atEnd(): boolean {
    return this.pos >= this.chars.length;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const ch = this.chars[this.pos++];
    if (ch === undefined) throw new Unsupported();
    return ch;
  }

  private expect(ch: string): void {
    if (this.next() !== ch) throw new Unsupported();
  }

  alternation(): Info {
    const alternatives = [this.sequence()];
    while (this.peek() === "|") {
      this.pos++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0] as Info;
    return {
      exact: union(
        alternatives.map((a) => a.exact),
        MAX_SET,
      ),
      need: union(alternatives.map(bestNeed), MAX_NEED),
    };
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (!this.atEnd() && this.peek() !== "|" && this.peek() !== ")") {
      items.push(this.quantified(this.atom()));
    }
    return sequence(items);
  }

  private quantified(info: Info): Info {
    const ch = this.peek();
    let min: number;
    let max: number;
    if (ch === "*") [min, max] = [0, Number.POSITIVE_INFINITY];
    else if (ch === "+") [min, max] = [1, Number.POSITIVE_INFINITY];
    else if (ch === "?") [min, max] = [0, 1];
    else if (ch === "{") [min, max] = this.braces();
    else return info;
    if (ch !== "{") this.pos++;
    if (this.peek() === "?") this.pos++; // lazy: same strings
    return repeat(info, min, max);
  }

  /** `{n}`, `{n,}` or `{n,m}` (in `u` mode a brace is always a quantifier). */
  private braces(): [number, number] {
    const rest = this.chars.slice(this.pos).join("");
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!m) throw new Unsupported();
    this.pos += Array.from(m[0]).length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY;
    return [min, max];
  }

  private atom(): Info {
    const ch = this.next();
    switch (ch) {
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case ".":
        return UNKNOWN;
      case "^":
      case "$":
        return ZERO_WIDTH;
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
      case "{":
      case "}":
      case "]":
      case ")":
        throw new Unsupported();
      default:
        return this.literal(ch.codePointAt(0) as number);
    }
  }

  private literal(codePoint: number): Info {
    const mapped = this.mapChar(codePoint);
    return mapped === null ? UNKNOWN : { exact: [mapped], need: [mapped] };
  }

  private group(): Info {
    let lookaround = false;
    if (this.peek() === "?") {
      this.pos++;
      const kind = this.next();
      if (kind === "=" || kind === "!") lookaround = true;
      else if (kind === "<" && (this.peek() === "=" || this.peek() === "!")) {
        this.pos++;
        lookaround = true;
      } else if (kind === "<") {
        while (this.next() !== ">") {
          // the group's name
        }
      } else if (kind !== ":") throw new Unsupported();
    }
    const inner = this.alternation();
    this.expect(")");
    // A lookaround consumes nothing; what it looks at is not part of the match.
    return lookaround ? ZERO_WIDTH : inner;
  }

  private escape(): Info {
    const ch = this.next();
    if (ch === "b" || ch === "B") return ZERO_WIDTH;
    if ("dDsSwW".includes(ch)) return UNKNOWN;
    if (ch === "p" || ch === "P") {
      this.skipBraced();
      return UNKNOWN;
    }
    if (ch === "k") {
      // Named backreference: any text, possibly empty.
      this.expect("<");
      while (this.next() !== ">") {
        // the name
      }
      return UNKNOWN;
    }
    if (/[1-9]/.test(ch)) {
      while (/[0-9]/.test(this.peek() ?? "")) this.pos++;
      return UNKNOWN;
    }
    const codePoint = this.characterEscape(ch);
    return codePoint === null ? UNKNOWN : this.literal(codePoint);
  }

  /** The code point of an escape that stands for one character (null when not understood). */
  private characterEscape(ch: string): number | null {
    if (ch in CONTROL_ESCAPES) return CONTROL_ESCAPES[ch] as number;
    if (ch === "0" && !/[0-9]/.test(this.peek() ?? "")) return 0;
    if (ch === "c") {
      const letter = this.next();
      if (!/[A-Za-z]/.test(letter)) throw new Unsupported();
      return (letter.codePointAt(0) as number) % 32;
    }
    if (ch === "x") return this.hexDigits(2);
    if (ch === "u") {
      if (this.peek() === "{") {
        this.pos++;
        let hex = "";
        while (this.peek() !== "}") hex += this.next();
        this.pos++;
        if (!/^[0-9A-Fa-f]+$/.test(hex)) throw new Unsupported();
        return Number.parseInt(hex, 16);
      }
      const unit = this.hexDigits(4);
      // A lone surrogate (or a pair spelled as two escapes): not worth decoding.
      return unit >= 0xd800 && unit <= 0xdfff ? null : unit;
    }
    if (SYNTAX_CHARS.has(ch) || ch === "-") return ch.codePointAt(0) as number;
    throw new Unsupported();
  }

  private hexDigits(count: number): number {
    let hex = "";
    for (let i = 0; i < count; i++) hex += this.next();
    if (!/^[0-9A-Fa-f]+$/.test(hex)) throw new Unsupported();
    return Number.parseInt(hex, 16);
  }

  private skipBraced(): void {
    this.expect("{");
    while (this.next() !== "}") {
      // property name and value
    }
  }

  /** A class is exact when it is not negated and lists few characters, each representable. */
  private charClass(): Info {
    const negated = this.peek() === "^";
    if (negated) this.pos++;
    const members = new Set<string>();
    let known = !negated;
    while (this.peek() !== "]") {
      const low = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== undefined) {
        this.pos++;
        const high = this.classAtom();
        if (low === null || high === null || high < low || high - low >= MAX_SET) known = false;
        else for (let c = low; c <= high; c++) known = this.addMember(members, c) && known;
      } else if (low === null) known = false;
      else known = this.addMember(members, low) && known;
    }
    this.pos++; // ]
    if (!known || members.size === 0 || members.size > MAX_SET) return UNKNOWN;
    const exact = [...members];
    return { exact, need: exact };
  }

  private addMember(members: Set<string>, codePoint: number): boolean {
    const mapped = this.mapChar(codePoint);
    if (mapped === null) return false;
    members.add(mapped);
    return true;
  }

  /** One class member as a code point; null for a class escape (\d, \p{…}) or one not understood. */
  private classAtom(): number | null {
    const ch = this.next();
    if (ch !== "\\") return ch.codePointAt(0) as number;
    const esc = this.next();
    if ("dDsSwW".includes(esc)) return null;
    if (esc === "p" || esc === "P") {
      this.skipBraced();
      return null;
    }
    if (esc === "b") return 8;
    return this.characterEscape(esc);
  }
}
