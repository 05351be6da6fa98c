import type { CellValue } from 'exceljs';

/** A number as plain decimal text, as Excel shows it in General format (15 significant digits, never an exponent). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const short = String(n);
  if (!short.includes('e') && short.replace(/^-?[0.]*/, '').replace('.', '').length <= 15) return short;
  const s = String(Number(n.toPrecision(15)));
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead + frac;
  const exp = Number(expText);
  if (exp >= 0) {
    const point = 1 + exp;
    return sign + (digits.length <= point ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`);
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date cell as YYYY-MM-DD (exceljs builds dates in UTC). */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whether an Excel number format shows a date (same test exceljs applies to plain number cells). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day number as a date (1900 date system). */
const serialToDate = (serial: number) => new Date(Math.round((serial - 25569) * 86_400_000));

/**
 * The text of a cell as Excel would write it to CSV, for the value parser downstream: numbers as plain decimals
 * (20180907 stays 20180907; an Excel serial date stored as a plain number stays a number), dates as YYYY-MM-DD,
 * formulas as their cached result, rich text and hyperlinks as their text, errors as #N/A etc., booleans TRUE/FALSE.
 */
export function cellText(value: CellValue | undefined, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return plainNumber(value);
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
  }
  if (value instanceof Date) return isoDate(value);
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('error' in v) return String(v.error ?? '');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = v.result as CellValue | undefined;
    if (typeof result === 'number' && isDateFormat(numFmt)) return isoDate(serialToDate(result));
    if (typeof result === 'number' && Number.isNaN(result)) return '';
    return cellText(result);
  }
  if ('text' in v) return cellText(v.text as CellValue);
  return '';
}
