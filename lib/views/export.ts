import ExcelJS from 'exceljs';
import { csvField } from '@/lib/export/csv';
import { safeCell } from '@/lib/export/safe-cell';
import { pointsNumber, rateToPercentNumber } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import type { ViewColumn, ViewDef } from './types';

/**
 * A view's rows as CSV (UTF-8 with a BOM, CRLF, so Excel opens it as Chinese text) or XLSX, with the declared columns'
 * Chinese labels as headers. Money stays exact 元 (the decimal text in CSV, a number with two decimals in XLSX), rates
 * are percentages and gaps points as the pages show them (one decimal), a band or a coded text is its label; every text cell passes
 * through safeCell. A view's rows are aggregates (a line per town, department or 股室), so the file is built whole.
 */

type Row = Record<string, unknown>;

const UNIT: Partial<Record<ViewColumn['format'], string>> = { wan: '(元)', rate: '(%)', points: '(百分点)', change: '(百分点)' };

export const exportHeader = (c: ViewColumn) => `${c.label}${UNIT[c.format] ?? ''}`;

function cell(c: ViewColumn, value: unknown, bands: GapBand[]): string | number | null {
  if (value === null || value === undefined) return null;
  switch (c.format) {
    case 'wan': return String(value);
    case 'rate': return rateToPercentNumber(Number(value));
    case 'points': case 'change': return pointsNumber(Number(value));
    case 'int': return Number(value);
    case 'band': return safeCell(bands.find((b) => b.id === value)?.label ?? value);
    default: return safeCell(c.labels?.[String(value)] ?? value);
  }
}

export function viewCsv(view: ViewDef, rows: Row[], bands: GapBand[]): Buffer {
  const lines = [view.columns.map((c) => csvField(exportHeader(c)))];
  for (const row of rows) lines.push(view.columns.map((c) => csvField(cell(c, row[c.key], bands))));
  return Buffer.from(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
}

const NUM_FMT: Partial<Record<ViewColumn['format'], string>> = { wan: '#,##0.00', rate: '0.0', points: '0.0', change: '0.0', int: '0' };

export async function viewXlsx(view: ViewDef, rows: Row[], bands: GapBand[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '扶贫资金动态监控';
  const sheet = workbook.addWorksheet(view.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = view.columns.map((c) => ({
    header: exportHeader(c), key: c.key, width: c.format === 'text' ? 20 : 16, style: { numFmt: NUM_FMT[c.format] ?? '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    // Two-decimal 元 amounts up to 9e13 are exact as doubles, so the number in the cell is the DECIMAL in the database.
    sheet.addRow(view.columns.map((c) => {
      const v = cell(c, row[c.key], bands);
      return c.format === 'wan' && v !== null ? Number(v) : v;
    }));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
