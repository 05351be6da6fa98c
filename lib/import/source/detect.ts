import { open } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from './errors';

/** Bytes read from the top of a file for format, encoding, delimiter and header detection. */
export const HEAD_BYTES = 1 << 20;

export interface Sniffed {
  format: 'csv' | 'xlsx';
  size: number;
  /** The first HEAD_BYTES bytes (all of a smaller file). */
  head: Buffer;
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * Reads the top of the file and decides its format: XLSX (a zip, or named .xlsx) or CSV/text. Rejects with a message
 * for the user what cannot be read: empty files, old binary Excel (.xls) and other binary documents, HTML tables.
 */
export async function sniffFile(filePath: string, fileName: string): Promise<Sniffed> {
  const fh = await open(filePath, 'r');
  let head: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    let got = 0;
    while (got < head.length) {
      const { bytesRead } = await fh.read(head, got, head.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    head = head.subarray(0, got);
  } finally {
    await fh.close();
  }
  const ext = path.extname(fileName).toLowerCase();
  const name = `“${fileName}”`;
  if (size === 0) throw new SourceError(`文件${name}是空文件（0 字节），没有可导入的内容。`);

  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (['.csv', '.txt', '.tsv'].includes(ext)) {
      throw new SourceError(`文件${name}的扩展名是 ${ext}，但内容是压缩包（zip/xlsx）。如是 Excel 工作簿，请把扩展名改为 .xlsx 后再导入。`);
    }
    return { format: 'xlsx', size, head };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: Excel 97–2003 (.xls), WPS (.et), Word (.doc), or a password-protected .xlsx.
    if (ext === '.xlsx') {
      throw new SourceError(`文件${name}是加密（设置了打开密码）的工作簿或旧版 Excel 文件，无法读取。请在 Excel 中取消密码，或另存为 .xlsx 或 CSV 后再导入。`);
    }
    throw new SourceError(`文件${name}是旧版 Excel 97–2003 工作簿（.xls）或其他旧版 Office 文件，无法直接导入。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 CSV（逗号分隔）后再导入。`);
  }
  const magic: [number[], string][] = [
    [[0x25, 0x50, 0x44, 0x46], 'PDF 文档'],
    [[0x1f, 0x8b], 'gzip 压缩文件'],
    [[0x52, 0x61, 0x72, 0x21], 'RAR 压缩文件'],
    [[0x37, 0x7a, 0xbc, 0xaf], '7z 压缩文件'],
    [[0x89, 0x50, 0x4e, 0x47], 'PNG 图片'],
    [[0xff, 0xd8, 0xff], 'JPEG 图片'],
  ];
  for (const [bytes, what] of magic) {
    if (startsWith(head, bytes)) throw new SourceError(`文件${name}是${what}，不是表格。请导入 .xlsx 工作簿或 CSV 文件。`);
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    throw new SourceError(`文件${name}的扩展名是 ${ext}，但内容不是 Excel 工作簿（文件可能已损坏，或扩展名不对）。请在 Excel 中重新另存为 .xlsx 或 CSV。`);
  }
  const top = head.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|\?xml|meta)/.test(top)) {
    // Many finance systems "export to Excel" as an HTML page or SpreadsheetML with an .xls name.
    throw new SourceError(`文件${name}是网页（HTML/XML）格式的表格，不是真正的 Excel 文件。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV 后再导入。`);
  }
  // .xls files that are really text (tab- or comma-separated) are common exports: read them as CSV.
  return { format: 'csv', size, head };
}
