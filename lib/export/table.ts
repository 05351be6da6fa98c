/**
 * What every table export writes, in CSV and XLSX alike (docs/views.md "Exported files"): a title naming the table,
 * the filter and the 截止日期, then the columns' Chinese headers and the rows. A row is its cells in column order.
 */

/** 'wan' money: the cell is exact 元 (a decimal string); XLSX holds it in 万元, CSV in 元 (each header says which).
 * 'decimal1' a rate in % or points, one decimal; 'int' a count or days; 'text' anything else (neutralised). */
export type CellFormat = 'text' | 'wan' | 'decimal1' | 'int';

export interface ExportColumn {
  label: string;
  format: CellFormat;
  /** The unit the header names, for 'decimal1' and 'int' columns ('%', '百分点', '天'); money's comes with the file. */
  unit?: string;
}

export interface ExportTable {
  /** The sheet's name and the table's title (at most 31 characters in a sheet tab: cut there). */
  title: string;
  /** The filter as the page's filter bar names it, the 截止日期 first (components/views/filter-caption.ts). */
  caption: string[];
  columns: ExportColumn[];
}

export type Cell = string | number | null;

/** The rows in chunks (a DuckDB stream's, or one list for a view's lines). */
export type RowChunks = AsyncIterable<Cell[][]> | Iterable<Cell[][]>;

/** A header with its unit: 金额(万元), 支出进度(%). */
export function exportHeader(c: ExportColumn, money: '元' | '万元'): string {
  const unit = c.format === 'wan' ? money : c.unit;
  return unit ? `${c.label}(${unit})` : c.label;
}

/** The title row's text: the table, then the filter and the 截止日期, as the page's printed filter line reads. */
export const titleLine = (t: ExportTable) => `${t.title}（${t.caption.join(' · ')}）`;

/**
 * How wide a text shows, in Excel's column-width units (one per Latin character): a CJK or full-width character
 * takes two.
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|[\u{20000}-\u{3FFFD}]/u.test(ch) ? 2 : 1;
  return width;
}
