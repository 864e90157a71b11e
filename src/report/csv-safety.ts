/**
 * Spreadsheet formula injection: Excel and LibreOffice run a cell that starts with = + - @ (or a tab
 * or CR before one) as a formula. Such text cells get a leading apostrophe, which the spreadsheet
 * shows as text. Full-width ＝ ＋ － ＠ are treated the same, as a precaution for Japanese input.
 * A text cell that is a plain negative number ("-12", "-0.5") stays as it is: it cannot run anything.
 * Numeric columns are written from numbers, never from text, so they are left alone entirely.
 */
const DANGEROUS_START = /^[=+\-@\t\r＝＋－＠]/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+(\.\d+)?$/;

export function neutraliseFormula(text: string): string {
  if (!DANGEROUS_START.test(text) || PLAIN_NEGATIVE_NUMBER.test(text)) return text;
  return `'${text}`;
}
