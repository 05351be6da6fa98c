/** Shared contracts of the import pipeline: source reading (lib/import/source) hands a SourceInfo to loading (lib/import/load). */

export const IMPORT_KINDS = [
  'indicators', 'allocations', 'payments', 'projects', 'perf_targets', 'payouts', 'payroll', 'deaths', 'registered_poor', 'other_list',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const KIND_LABELS: Record<ImportKind, string> = {
  indicators: '指标台账',
  allocations: '分配下达',
  payments: '国库集中支付明细',
  projects: '项目库',
  perf_targets: '绩效目标',
  payouts: '惠民发放明细',
  payroll: '财政供养人员名单',
  deaths: '死亡人员名单',
  registered_poor: '建档立卡户名单',
  other_list: '其他比对名单',
};

export type AmountUnit = '元' | '万元';

export interface SourceOptions {
  /** Force an encoding for CSV ('utf-8' or 'gb18030'); detected when absent. */
  encoding?: 'utf-8' | 'gb18030';
  /** XLSX sheet name; the first sheet when absent. */
  sheet?: string;
  kind: ImportKind;
}

/**
 * A source file made ready for DuckDB: a UTF-8, comma-separated CSV file holding only the data records (no title,
 * unit or header rows), plus what was learnt above the data.
 */
export type LineBreak = '\n' | '\r\n' | '\r';

export interface SourceInfo {
  /** The user's file name, for messages. */
  fileName: string;
  format: 'csv' | 'xlsx';
  /** 'utf-8', 'utf-8-bom', 'gb18030' for CSV; 'xlsx' for workbooks. */
  encoding: string;
  sheet?: string;
  sheets?: string[];
  /** XLSX read without a sheet asked for: the first visible sheet, passed over because it holds no table. */
  skippedSheet?: string;
  /** Headers of the data columns, normalised (see normalizeHeader), two-row headers already combined. */
  headers: string[];
  /** The headers as written in the file, for display. */
  rawHeaders: string[];
  /** The row number (as Excel shows it, 1-based) of the first data record. */
  firstDataRow: number;
  /** The unit named in a title line or header ("单位：万元"), if any. */
  unitHint: AmountUnit | null;
  /** The year named in a title line above the header ("XX县2020年…安排表"), if any: a project list's 年度. */
  yearHint: number | null;
  /** UTF-8 CSV of the data records only, comma-delimited, RFC 4180 quoting. May be the original file. */
  dataCsvPath: string;
  /** Lines to skip at the top of dataCsvPath before the first data record (0 when the file was rewritten). */
  skipLines: number;
  /** The delimiter of dataCsvPath. */
  delimiter: string;
  /**
   * The line break of dataCsvPath's records, told to DuckDB: it would otherwise take the file's first line break,
   * even one inside a quoted header cell (Alt+Enter in Excel), and read a CRLF file as LF lines. null: none seen.
   */
  newLine: LineBreak | null;
  /** Temporary files to delete after the import. */
  tempFiles: string[];
}

export interface RejectRow {
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface SubtotalMismatch {
  row: number;
  stated: string | null;
  rows_sum: string;
}

export interface ImportResult {
  batch_id: number;
  kind: ImportKind;
  file_name: string;
  sha256: string;
  encoding: string;
  rows_read: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  subtotal_rows_skipped: number;
  /** true/false when the file has a 合计 row to check against; null when it has none. */
  totals_reconciled: boolean | null;
  /** true when every 小计 line equals the rows of its section (queries/import/subtotals.sql); null when there is none. */
  subtotals_reconciled: boolean | null;
  /** The 小计 lines that do not: their row, the amount they state and the sum of their section's rows, in 元. */
  subtotal_mismatches: SubtotalMismatch[];
  /** Sum of the accepted rows' amounts in 元, exact to the fen, as a string ('0.00' for kinds without amounts). */
  amount_total_yuan: string;
  /** Payments only: how many accepted rows matched an indicator / a project. */
  matched_indicator?: number;
  matched_project?: number;
  /** 项目库 only: projects of a list without codes whose generated code this import's real codes replaced. */
  replaced_generated?: number;
  rejects: RejectRow[];
}
