/** The two file formats of every export (支付明细, rejected rows, views) and their content types. */
export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type ExportFormat = keyof typeof EXPORT_TYPES;

export const isExportFormat = (format: string): format is ExportFormat => format === 'csv' || format === 'xlsx';

/** Content-Disposition for a download with a Chinese file name (ASCII fallback for old clients). */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
