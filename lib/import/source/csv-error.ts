import { SourceError } from './errors';

const CSV_ERROR = /^Invalid Input Error: CSV Error on Line: (\d+)/;

/**
 * DuckDB's refusal of a malformed CSV record (a quote left open — often a file cut off inside a quoted cell —, or
 * another break of the format) in the user's words, or null for any other error. The line is the file's physical
 * line, as DuckDB counts it; docs/reliability.md "Corrupt uploads".
 */
export function csvReadError(error: unknown, fileName: string): SourceError | null {
  const message = error instanceof Error ? error.message : '';
  const line = CSV_ERROR.exec(message)?.[1];
  if (!line) return null;
  const what = /unterminated quote/i.test(message) ? '有未闭合的引号（"）' : '不符合 CSV 格式';
  return new SourceError(`文件“${fileName}”第 ${line} 行${what}，文件可能被截断或已损坏，没有导入任何数据。`
    + '请在 Excel 或 WPS 中打开后重新另存为 CSV（或 .xlsx）再导入。');
}
