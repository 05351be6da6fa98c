import type { EventEmitter } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvField } from '@/lib/export/csv';
import { safeCell } from '@/lib/export/safe-cell';
import { zipInput } from '@/lib/export/xlsx-zip';
import { maskFor, type Privacy } from '@/lib/privacy/mask';
import type { PaymentExportRow } from '@/queries/payments';

/**
 * 支付明细 as CSV (UTF-8 with a BOM, CRLF, so Excel opens it as Chinese text) or XLSX. Amounts stay exact 元 — a
 * decimal string in CSV, a number with two decimals in XLSX — and every text cell passes through safeCell.
 * Both are streams fed by the query's chunks (exportPayments): a 100,000-row export never holds its rows, nor the
 * whole file, in memory, and the download starts as soon as the query yields its first chunk. The payee's account is
 * personal data: masked for every reader but the admin (lib/privacy/mask.ts).
 */

type Column = { header: string; key: keyof PaymentExportRow; width: number; amount?: true; personal?: true };

export const EXPORT_COLUMNS: Column[] = [
  { header: '支付日期', key: 'pay_date', width: 12 },
  { header: '支付凭证号', key: 'voucher_no', width: 18 },
  { header: '金额(元)', key: 'amount', width: 15, amount: true },
  { header: '预算单位', key: 'unit_name', width: 20 },
  { header: '镇(中心)', key: 'town_name', width: 12 },
  { header: '村', key: 'village_name', width: 12 },
  { header: '收款人', key: 'payee_name', width: 24 },
  { header: '收款人类型', key: 'payee_type', width: 10 },
  { header: '收款账号', key: 'payee_account', width: 22, personal: true },
  { header: '收款银行', key: 'payee_bank', width: 24 },
  { header: '用途摘要', key: 'purpose', width: 36 },
  { header: '指标明细号', key: 'indicator_id', width: 16 },
  { header: '指标文号', key: 'indicator_doc_no', width: 24 },
  { header: '资金名称', key: 'fund_name', width: 28 },
  { header: '项目编码', key: 'project_code', width: 14 },
  { header: '功能科目', key: 'func_code', width: 10 },
  { header: '经济科目', key: 'eco_code', width: 10 },
];

/** The rows in chunks: exportPayments's stream of them, or any list of lists. */
type Chunks = AsyncIterable<PaymentExportRow[]> | Iterable<PaymentExportRow[]>;

const PAYEE_TYPES: Record<string, string> = { person: '个人', org: '单位' };

/** A row's cells in column order: the amount as its exact decimal text, everything else neutralised text. */
function cells(row: PaymentExportRow, privacy: Privacy): (string | null)[] {
  return EXPORT_COLUMNS.map((c) => {
    const value = c.personal ? maskFor(privacy, row[c.key]) : row[c.key];
    if (c.amount) return value as string;
    const text = c.key === 'payee_type' && value ? (PAYEE_TYPES[value] ?? value) : value;
    const safe = safeCell(text);
    return safe === null ? null : String(safe);
  });
}

async function* csvPieces(chunks: Chunks, privacy: Privacy): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')}\r\n`);
  for await (const rows of chunks) yield Buffer.from(rows.map((row) => `${cells(row, privacy).map(csvField).join(',')}\r\n`).join(''));
}

export function paymentsCsv(chunks: Chunks, privacy: Privacy): Readable {
  return Readable.from(csvPieces(chunks, privacy), { objectMode: false });
}

/** Resolves when `stream` has emptied its buffer, or when the download has gone away (`out` closed). */
function drained(stream: EventEmitter, out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      out.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Each column's cell style, one object per column: exceljs caches a style's id by object identity, and otherwise gives
 * every cell a fresh copy of its column's style and works the id out again (half the time of a 100k-row export).
 */
const STYLES: Partial<ExcelJS.Style>[] = EXPORT_COLUMNS.map((c) => (c.amount ? { numFmt: '#,##0.00' } : { numFmt: '@' }));

async function writeXlsx(out: PassThrough, chunks: Chunks, privacy: Privacy): Promise<void> {
  // No shared strings: they would keep every distinct text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = '扶贫资金动态监控';
  const sheet = workbook.addWorksheet('支付明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ header: c.header, key: c.key, width: c.width, style: STYLES[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const rows of chunks) {
    for (const row of rows) {
      const values = cells(row, privacy);
      // Two-decimal 元 amounts up to 9e13 are exact as doubles, so the number in the cell is the DECIMAL in the database.
      const added = sheet.addRow(EXPORT_COLUMNS.map((c, i) => (c.amount ? Number(values[i]) : values[i])));
      STYLES.forEach((style, i) => (added.getCell(i + 1).style = style));
      added.commit();
    }
    // Let the zip catch up (see zipInput) and a slow download too, rather than pile the file up in memory; stop when
    // the download is cancelled, which ends the query.
    const zip = zipInput(sheet);
    if (zip?._writableState.needDrain) await drained(zip, out);
    if (out.writableNeedDrain) await drained(out, out);
    if (out.destroyed) return;
  }
  sheet.commit();
  await workbook.commit();
}

/** The XLSX workbook, written with exceljs's streaming writer as the rows arrive. */
export function paymentsXlsx(chunks: Chunks, privacy: Privacy): Readable {
  const out = new PassThrough();
  writeXlsx(out, chunks, privacy).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
