import type { Readable } from 'node:stream';
import { csvStream } from '@/lib/export/csv';
import type { Cell, ExportColumn, ExportTable } from '@/lib/export/table';
import { xlsxStream } from '@/lib/export/xlsx';
import { maskFor, type Privacy } from '@/lib/privacy/mask';
import type { PaymentExportRow } from '@/queries/payments';

/**
 * 支付明细 as CSV or XLSX (docs/views.md "Exported files"): amounts exact 元 in CSV, 万元 in XLSX; every text cell
 * neutralised by the writers. Both are streams fed by the query's chunks (exportPayments): a 100,000-row export
 * never holds its rows, nor the whole file, in memory, and the download starts as soon as the query yields its first
 * chunk. The payee's account is personal data: masked for every reader but the admin (lib/privacy/mask.ts).
 */

type Column = ExportColumn & { key: keyof PaymentExportRow; personal?: true };

export const EXPORT_COLUMNS: Column[] = [
  { label: '支付日期', key: 'pay_date', format: 'text' },
  { label: '支付凭证号', key: 'voucher_no', format: 'text' },
  { label: '金额', key: 'amount', format: 'wan' },
  { label: '预算单位', key: 'unit_name', format: 'text' },
  { label: '镇(中心)', key: 'town_name', format: 'text' },
  { label: '村', key: 'village_name', format: 'text' },
  { label: '收款人', key: 'payee_name', format: 'text' },
  { label: '收款人类型', key: 'payee_type', format: 'text' },
  { label: '收款账号', key: 'payee_account', format: 'text', personal: true },
  { label: '收款银行', key: 'payee_bank', format: 'text' },
  { label: '用途摘要', key: 'purpose', format: 'text' },
  { label: '指标明细号', key: 'indicator_id', format: 'text' },
  { label: '指标文号', key: 'indicator_doc_no', format: 'text' },
  { label: '资金名称', key: 'fund_name', format: 'text' },
  { label: '项目编码', key: 'project_code', format: 'text' },
  { label: '功能科目', key: 'func_code', format: 'text' },
  { label: '经济科目', key: 'eco_code', format: 'text' },
];

/** The rows in chunks: exportPayments's stream of them, or any list of lists. */
type Chunks = AsyncIterable<PaymentExportRow[]> | Iterable<PaymentExportRow[]>;

const PAYEE_TYPES: Record<string, string> = { person: '个人', org: '单位' };

/** A row's cells in column order: the amount as its exact 元 text, the payee's type in Chinese, the account masked. */
function cells(row: PaymentExportRow, privacy: Privacy): Cell[] {
  return EXPORT_COLUMNS.map((c) => {
    const value = row[c.key];
    if (c.personal) return maskFor(privacy, value);
    return c.key === 'payee_type' && value ? (PAYEE_TYPES[value] ?? value) : value;
  });
}

async function* cellChunks(chunks: Chunks, privacy: Privacy): AsyncGenerator<Cell[][]> {
  for await (const rows of chunks) yield rows.map((row) => cells(row, privacy));
}

/** 支付明细's table: the title row names the filter as the page's filter bar does (`caption`). */
const table = (caption: string[]): ExportTable => ({ title: '支付明细', caption, columns: EXPORT_COLUMNS });

export function paymentsCsv(chunks: Chunks, privacy: Privacy): Readable {
  return csvStream(table([]), cellChunks(chunks, privacy));
}

export function paymentsXlsx(chunks: Chunks, privacy: Privacy, caption: string[]): Readable {
  return xlsxStream(table(caption), cellChunks(chunks, privacy));
}
