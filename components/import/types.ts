import type { AmountUnit, ImportKind, ImportResult } from '@/lib/import/types';
import type { ProjectStatus } from '@/lib/import/project-status';
import type { ListHolds } from '@/lib/import/comparison-list';

/** The contracts between the 数据导入 page and its routes (app/api/import/**). Plain data only. */

export interface UploadColumn {
  /** 0-based position in the data records. */
  index: number;
  /** Normalised header: the key of a mapping. */
  header: string;
  /** The header as written in the file. */
  rawHeader: string;
  /** The field the automatic mapping chose, or null. */
  field: string | null;
}

export interface UploadSource {
  format: 'csv' | 'xlsx';
  /** 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be' for CSV; 'xlsx' for workbooks. */
  encoding: string;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  rawHeaders: string[];
  /** The Excel row number of the first data record. */
  firstDataRow: number;
  unitHint: AmountUnit | null;
  /** The year a title line names (a project list's 年度), if any. */
  yearHint: number | null;
}

export interface PresetOptionsInfo {
  unit?: AmountUnit;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
}

export interface PresetInfo {
  name: string;
  mapping: Record<string, string | null>;
  options: PresetOptionsInfo;
  created_by: string | null;
  created_at: string;
}

/** POST /api/import/upload and /api/import/preview answer this. */
export interface UploadInfo {
  token: string;
  fileName: string;
  size: number;
  kind: ImportKind;
  source: UploadSource;
  /** The first data rows, each as wide as source.headers. */
  preview: string[][];
  columns: UploadColumn[];
  presets: PresetInfo[];
  /** Something the reader decided that the user should know (another sheet than the first was read). */
  notice?: string;
}

export type CsvEncodingChoice = 'utf-8' | 'gb18030';

export interface CommitOptions {
  unit?: AmountUnit;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
  sheet?: string;
  encoding?: CsvEncodingChoice;
  /** 项目库: the year and status of rows without one (absent: the title's year, 未开工). */
  year?: string;
  status?: ProjectStatus;
  /** 比对名单: the list's label (required), the department it came from, what it holds (其他比对名单). */
  label?: string;
  department?: string;
  holds?: ListHolds;
}

export interface CommitRequest {
  token: string;
  kind: ImportKind;
  /** Normalised header → field id, or null to leave the column out. */
  mapping: Record<string, string | null>;
  options: CommitOptions;
}

export interface CommitResponse {
  result: ImportResult;
}

/** Every route answers an error as { error } with a message for the user. */
export interface ApiError {
  error: string;
}

export const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16（大端）',
  xlsx: 'Excel 工作簿',
};

export const encodingLabel = (e: string | null | undefined): string => (e ? ENCODING_LABELS[e] ?? e : '—');
