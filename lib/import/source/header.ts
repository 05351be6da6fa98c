import { FIELDS, headerUnit, normalizeHeader, type FieldDef } from '../fields';
import type { AmountUnit, ImportKind } from '../types';

/** Where the header is in the head rows of a sheet or CSV file, and what it says. */
export interface HeaderLayout {
  /** 0-based index (in the rows given) of the header row, or of the upper row of a two-row header. */
  headerIndex: number;
  headerRowCount: 1 | 2;
  /**
   * 0-based index of the first data row: after the header, past blank rows and a column-number row (栏次 1 2 3 …).
   * Equals rows.length when the rows given hold no data row.
   */
  dataIndex: number;
  /** Normalised headers (two-row headers combined), trailing blank columns dropped. */
  headers: string[];
  /** The same headers as written (trimmed). */
  rawHeaders: string[];
  unitHint: AmountUnit | null;
  /** The year a title line above the header names ("XX县2020年…项目安排表"), if any. */
  yearHint: number | null;
  /** How many distinct fields of the kind the headers name. */
  score: number;
}

/** Rows searched for the header. */
export const HEADER_SCAN_ROWS = 50;

const indexes = new Map<ImportKind, Map<string, FieldDef>>();

/** The field a header text names (as matchField does, with the synonyms normalised once). */
export function fieldOf(kind: ImportKind, text: string | undefined): FieldDef | null {
  if (!text) return null;
  let index = indexes.get(kind);
  if (!index) {
    index = new Map();
    for (const fd of FIELDS[kind]) {
      for (const s of fd.synonyms) {
        const h = normalizeHeader(s);
        if (!index.has(h)) index.set(h, fd);
      }
    }
    indexes.set(kind, index);
  }
  const h = normalizeHeader(text);
  return h ? (index.get(h) ?? null) : null;
}

export const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';
export const isBlankRow = (row: readonly string[]) => row.every(isBlank);
const nonBlankCount = (row: readonly string[]) => row.reduce((n, c) => n + (isBlank(c) ? 0 : 1), 0);
const lastNonBlank = (row: readonly string[]) => {
  for (let j = row.length - 1; j >= 0; j--) if (!isBlank(row[j])) return j;
  return -1;
};

const DATA_LIKE = [
  /^[-+−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$/, // 12345, 1,234.50, -3.5, 12%
  /^[-+]?[\d,.]+万?元$/, // 20万元
  /^\d{4}\s*[-/.年]\s*\d{1,2}\s*([-/.月]\s*\d{1,2}\s*日?)?(\s|$)/, // 2018-09-07, 2018/9/7, 2018年9月7日, 2018-09
  /^\d{15,17}[\dXx]$/, // ID numbers, accounts
  /^[A-Za-z]{1,6}[-_]?\d{4,}$/, // codes like ZF0000001
];

/** Whether a cell looks like a value (number, amount, date, code) rather than a header text. */
export function looksLikeData(cell: string): boolean {
  const s = cell.normalize('NFKC').trim().replace(/，/g, ',');
  return s !== '' && DATA_LIKE.some((re) => re.test(s));
}

function score(kind: ImportKind, cells: readonly string[]): number {
  const ids = new Set<string>();
  for (const c of cells) {
    const fd = fieldOf(kind, c);
    if (fd) ids.add(fd.id);
  }
  return ids.size;
}

/**
 * Combines a two-row header into one text per column. A blank upper cell under which the lower row goes on takes the
 * upper text from the left when it continues a merged span (收款人 | ∅ | ∅ over 名称 | 账号 | 开户行 → 收款人名称,
 * 收款人账号, 收款人开户行); a blank lower cell keeps the upper text (金额(万元) over ∅ → 金额(万元)). Where upper+lower
 * names no field but the lower text alone does, the lower text is kept.
 */
export function combineHeaderRows(kind: ImportKind, upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const own = (upper[j] ?? '').trim();
    const child = (lower[j] ?? '').trim();
    if (!child) {
      out.push(own);
      continue;
    }
    let parent = own;
    if (!parent) {
      let k = j - 1;
      while (k >= 0 && isBlank(upper[k]) && !isBlank(lower[k])) k--;
      if (k >= 0 && !isBlank(upper[k]) && !isBlank(lower[k])) parent = upper[k].trim();
    }
    if (!parent) {
      out.push(child);
      continue;
    }
    const both = parent + child;
    if (fieldOf(kind, both)) out.push(both);
    else if (fieldOf(kind, child)) out.push(child);
    else if (own && fieldOf(kind, own)) out.push(own);
    else out.push(both);
  }
  return out;
}

/**
 * A row that numbers the columns under a header: 栏次 | 1 | 2 | 3 …, 甲 | 乙 | 1 | 2 …, or 1 | 2 | 3 | 4 … across every
 * header column (at least four, so that a short data row such as 1 | 2 | 3 is not taken for one).
 */
function isColumnNumberRow(row: readonly string[], headerColumns: number): boolean {
  const cells = row.map((c) => c.normalize('NFKC').trim()).filter((c) => c !== '');
  if (cells.length === 0) return false;
  if (/^(栏次|栏号|列次|列号)$/.test(cells[0])) return true;
  let k = 0;
  while (k < cells.length && /^[甲乙丙丁戊]$/.test(cells[k])) k++;
  const numbers = cells.slice(k);
  if (!numbers.every((c, i) => c === String(i + 1))) return false;
  return k > 0 ? numbers.length >= 2 : numbers.length >= 4 && numbers.length >= headerColumns;
}

const UNIT_LINE = /单位\s*:?\s*\(?\s*(万元|元)(?![\u3400-\u9fff])/;

/** The unit a title or unit line states ("单位：万元", "金额单位:元", "（单位：万元）"), if any. */
export function unitOfLine(text: string): AmountUnit | null {
  const m = UNIT_LINE.exec(text.normalize('NFKC'));
  return m ? (m[1] as AmountUnit) : null;
}

// A year in a title: 2020年, 2020 年度. Years outside 1990–2099 are more likely other numbers (a 文号's 〔2020〕 has no 年).
const TITLE_YEAR = /(?<!\d)((?:199|20\d)\d)\s*年/;

/** The first year a title line states, if any. */
export function yearOfLine(text: string): number | null {
  const m = TITLE_YEAR.exec(text.normalize('NFKC'));
  return m ? Number(m[1]) : null;
}

/**
 * Finds the header among the first rows of a sheet: the row (or pair of rows, for a two-row merged header) whose cells
 * name the most fields of the kind. Rows above it are titles and unit lines. When no row names any field, the first
 * row that is about as wide as the widest row is taken, so the user can map the columns by hand.
 */
export function findHeader(rows: readonly string[][], kind: ImportKind): HeaderLayout {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  const singles = rows.slice(0, limit + 1).map((r) => score(kind, r));
  let best = { index: -1, two: false, score: 0, cells: [] as string[] };
  for (let i = 0; i < limit; i++) {
    let s = singles[i];
    let two = false;
    let cells = rows[i].map((c) => c.trim());
    const next = rows[i + 1];
    if (next && nonBlankCount(rows[i]) > 0 && nonBlankCount(next) > 0 && !next.some(looksLikeData)) {
      const combined = combineHeaderRows(kind, rows[i], next);
      const cs = score(kind, combined);
      if (cs > s && cs > singles[i + 1]) {
        s = cs;
        two = true;
        cells = combined;
      }
    }
    if (s > best.score) best = { index: i, two, score: s, cells };
  }
  if (best.index < 0) {
    const widest = Math.max(0, ...rows.slice(0, limit).map(nonBlankCount));
    const i = Math.max(0, rows.slice(0, limit).findIndex((r) => nonBlankCount(r) >= Math.max(2, Math.ceil(widest / 2))));
    best = { index: i, two: false, score: 0, cells: (rows[i] ?? []).map((c) => c.trim()) };
  }

  const headerEnd = best.index + (best.two ? 2 : 1);
  let dataIndex = headerEnd;
  while (dataIndex < rows.length && isBlankRow(rows[dataIndex])) dataIndex++;
  if (dataIndex < rows.length && isColumnNumberRow(rows[dataIndex], nonBlankCount(best.cells))) {
    dataIndex++;
    while (dataIndex < rows.length && isBlankRow(rows[dataIndex])) dataIndex++;
  }

  let width = lastNonBlank(best.cells) + 1;
  for (let r = headerEnd; r < rows.length; r++) width = Math.max(width, lastNonBlank(rows[r]) + 1);
  const rawHeaders = Array.from({ length: width }, (_, j) => best.cells[j] ?? '');
  const headers = rawHeaders.map((h) => normalizeHeader(h));

  let unitHint: AmountUnit | null = null;
  for (const h of rawHeaders) {
    if (fieldOf(kind, h)?.type === 'money' && (unitHint = headerUnit(h))) break;
  }
  if (!unitHint) for (const h of rawHeaders) if ((unitHint = headerUnit(h))) break;
  if (!unitHint) {
    outer: for (let r = 0; r < best.index; r++) {
      for (const c of rows[r]) if (c && (unitHint = unitOfLine(c))) break outer;
    }
  }
  let yearHint: number | null = null;
  outer: for (let r = 0; r < best.index; r++) {
    for (const c of rows[r]) if (c && (yearHint = yearOfLine(c)) !== null) break outer;
  }
  return {
    headerIndex: best.index,
    headerRowCount: best.two ? 2 : 1,
    dataIndex,
    headers,
    rawHeaders,
    unitHint,
    yearHint,
    score: best.score,
  };
}
