/**
 * Cells of exported CSV and XLSX files, neutralised against formula injection (OWASP "CSV injection"): a text that
 * begins with = + - @, a tab or a carriage return (or their full-width forms, which some Excel locales accept) would
 * be run as a formula when the file is opened, so it gets a leading apostrophe and stays text. Numbers stay numbers
 * (a negative amount is data, not a formula); null and undefined become empty cells.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function safeCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
