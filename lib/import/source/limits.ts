import { SourceError } from './errors';

/**
 * What a source file may hold before it is refused (docs/import-limits.md). Refused early, with a message: an
 * oversized file would otherwise cost minutes, gigabytes and every other request's speed before failing anyway.
 */

/** Columns of a table, CSV or XLSX: no ledger export comes near; 200,000 made a 17 MB preview and an out-of-memory import. */
export const MAX_COLUMNS = 1000;
/** Excel's last row (a sheet cannot hold more). */
export const MAX_EXCEL_ROW = 1_048_576;
/** Empty rows between two rows of a sheet that hold something: more means a stray cell far below the table. */
export const MAX_ROW_GAP = 100_000;
/** Bytes of a workbook's parts once unzipped (the sheets, shared strings, styles and the workbook part). */
export const MAX_XLSX_UNCOMPRESSED = 2 * 1024 ** 3;
/** Shared strings of a workbook, held in memory while its sheet is read (about 100 bytes each). */
export const MAX_SHARED_STRINGS = 5_000_000;

const count = (n: number) => n.toLocaleString('en-US');

/** Refuses a table wider than MAX_COLUMNS; `where` says which row (for the message). */
export function assertColumns(width: number, fileName: string, where: string): void {
  if (width > MAX_COLUMNS) {
    throw new SourceError(`文件“${fileName}”${where}有 ${count(width)} 列，超过导入上限 ${count(MAX_COLUMNS)} 列。请删去多余的列（或检查分隔符是否选对）后再导入。`);
  }
}

/** Refuses a sheet row beyond Excel's last, and a gap of more than MAX_ROW_GAP empty rows. */
export function assertRowNumber(rowNumber: number, previous: number, fileName: string, sheet: string): void {
  const where = `工作簿“${fileName}”的工作表“${sheet}”`;
  if (rowNumber > MAX_EXCEL_ROW) {
    throw new SourceError(`${where}有第 ${count(rowNumber)} 行，超过 Excel 的最大行数 ${count(MAX_EXCEL_ROW)}：文件不是 Excel 正常保存的，请在 Excel 中打开后另存为 .xlsx 再导入。`);
  }
  if (rowNumber - previous - 1 > MAX_ROW_GAP) {
    throw new SourceError(`${where}第 ${count(previous)} 行之后隔了 ${count(rowNumber - previous - 1)} 个空行才是第 ${count(rowNumber)} 行（上限 ${count(MAX_ROW_GAP)} 个空行）。请删去表格下方远处的单元格后再导入。`);
  }
}

export const xlsxTooBig = (fileName: string, bytes: number) =>
  new SourceError(`工作簿“${fileName}”解压后超过 ${count(Math.floor(bytes / 1024 ** 2))} MB（上限 ${count(MAX_XLSX_UNCOMPRESSED / 1024 ** 2)} MB），不能导入。请拆分文件，或另存为 CSV 后再导入。`);
