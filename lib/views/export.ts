import { csvBuffer } from '@/lib/export/csv';
import type { Cell, CellFormat, ExportTable } from '@/lib/export/table';
import { xlsxBuffer } from '@/lib/export/xlsx';
import { pointsNumber, rateToPercentNumber } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import type { ColumnFormat, ViewColumn, ViewDef } from './types';

/**
 * A view's lines as CSV or XLSX (docs/views.md "Exported files"), with the declared columns' Chinese labels as
 * headers. Money is exact 元 in CSV and 万元 in XLSX; rates are percentages and gaps points as the pages show them
 * (one decimal); a band or a coded text is its label. A view's rows are aggregates (a line per town, department or
 * 股室), so the file is built whole.
 */

type Row = Record<string, unknown>;

const FORMAT: Record<ColumnFormat, CellFormat> = {
  wan: 'wan', rate: 'decimal1', points: 'decimal1', change: 'decimal1', int: 'int', band: 'text', text: 'text', date: 'text',
};
const UNIT: Partial<Record<ColumnFormat, string>> = { rate: '%', points: '百分点', change: '百分点' };

function cell(c: ViewColumn, value: unknown, bands: GapBand[]): Cell {
  if (value === null || value === undefined) return null;
  switch (c.format) {
    case 'wan': return String(value);
    case 'rate': return rateToPercentNumber(Number(value));
    case 'points': case 'change': return pointsNumber(Number(value));
    case 'int': return Number(value);
    case 'band': return bands.find((b) => b.id === value)?.label ?? String(value);
    default: return c.labels?.[String(value)] ?? String(value);
  }
}

/** The view as an export's table; `caption` names its filter and 截止日期 (components/views/filter-caption.ts). */
export function viewTable(view: ViewDef, caption: string[]): ExportTable {
  return { title: view.title, caption, columns: view.columns.map((c) => ({ label: c.label, format: FORMAT[c.format], unit: UNIT[c.format] })) };
}

const viewCells = (view: ViewDef, rows: Row[], bands: GapBand[]) => rows.map((row) => view.columns.map((c) => cell(c, row[c.key], bands)));

export function viewCsv(view: ViewDef, rows: Row[], bands: GapBand[]): Buffer {
  return csvBuffer(viewTable(view, []), viewCells(view, rows, bands));
}

export function viewXlsx(view: ViewDef, rows: Row[], bands: GapBand[], caption: string[]): Promise<Buffer> {
  return xlsxBuffer(viewTable(view, caption), viewCells(view, rows, bands));
}
