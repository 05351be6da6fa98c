import { unlink } from 'node:fs/promises';
import type { SourceInfo, SourceOptions } from '../types';
import { parseHead } from './delimiter';
import { parseRecords } from './records';
import type { Sniffed } from './detect';
import { assertText, bomLength, decodeHead, decoderLabel, detectEncoding, isValidUtf8, needsTranscoding, type CsvEncoding } from './encoding';
import { blankEmptyLines } from './empty-lines';
import { SourceError } from './errors';
import { assertColumns } from './limits';
import { assertNotCutShort } from './cut-end';
import { tempPath, transcodeToUtf8 } from './transcode';

async function chooseEncoding(filePath: string, fileName: string, options: SourceOptions, { head, size }: Sniffed): Promise<CsvEncoding> {
  if (options.encoding === 'gb18030') return 'gb18030';
  if (options.encoding === 'utf-8') {
    const bom = bomLength(head, 'utf-8');
    if (!isValidUtf8(head.subarray(bom), head.length < size)) {
      throw new SourceError(`文件“${fileName}”不是有效的 UTF-8 编码，不能按 UTF-8 读取。请改选 GB18030（GBK），或不指定编码由系统自动识别。`);
    }
    return bom ? 'utf-8-bom' : 'utf-8';
  }
  return detectEncoding(filePath, head, size);
}

/**
 * Reads a CSV (or tab/semicolon-separated text) source: encoding, delimiter and header from the first MB; the data
 * stay in the file (or its UTF-8 transcoding; or a copy when empty lines among the data must be blanked, see
 * empty-lines.ts, which the loader calls when the raw copy found some), and skipLines tells DuckDB's read_csv how
 * many records to skip.
 */
export async function readCsvSource(filePath: string, fileName: string, options: SourceOptions, sniffed: Sniffed): Promise<SourceInfo> {
  const whole = sniffed.head.length >= sniffed.size;
  const encoding = await chooseEncoding(filePath, fileName, options, sniffed);
  const text = decodeHead(sniffed.head, encoding, whole);
  assertText(text, fileName, encoding);
  const { delimiter, records, complete, layout, lineBreak } = parseHead(text, options.kind, whole);
  if (!whole && records.length === 0) {
    // Not one whole record in the first MB: a header of hundreds of thousands of columns, or not a table at all.
    const partial = parseRecords(text, delimiter, 1, true).records[0] ?? [];
    assertColumns(partial.length, fileName, '的表头（仅前 1 MB）');
    throw new SourceError(`文件“${fileName}”的第一行超过 1 MB，不是表格的表头。请检查文件内容后再导入。`);
  }
  assertColumns(layout.headers.length, fileName, '的表头');

  const headerEnd = layout.headerIndex + layout.headerRowCount;
  let dataIndex = layout.dataIndex;
  if (dataIndex >= records.length) {
    if (complete) throw new SourceError(`文件“${fileName}”在表头（第 ${layout.headerIndex + 1} 行）之下没有数据行。`);
    dataIndex = headerEnd; // beyond the head only blank lines: DuckDB skips empty lines itself
  }

  const info: SourceInfo = {
    fileName,
    format: 'csv',
    encoding,
    headers: layout.headers,
    rawHeaders: layout.rawHeaders,
    // Excel shows record i (0-based, a quoted field with line breaks counted as one record) as row i + 1.
    firstDataRow: dataIndex + 1,
    unitHint: layout.unitHint,
    yearHint: layout.yearHint,
    dataCsvPath: filePath,
    // DuckDB's read_csv skip= counts records the same way (quote-aware; an empty line is one), not physical lines.
    skipLines: dataIndex,
    delimiter,
    newLine: lineBreak,
    tempFiles: [],
  };
  try {
    if (needsTranscoding(encoding)) {
      const dest = tempPath('.csv');
      await transcodeToUtf8(filePath, decoderLabel(encoding), dest);
      info.dataCsvPath = dest;
      info.tempFiles.push(dest);
    }
    // The raw copy's worker looks for empty lines in byte-wise encodings (see empty-lines.ts); not in UTF-16.
    if (encoding === 'utf-16le' || encoding === 'utf-16be') await blankEmptyLines(info);
    await assertNotCutShort(info);
  } catch (e) {
    await Promise.all(info.tempFiles.map((f) => unlink(f).catch(() => {})));
    throw e;
  }
  return info;
}
