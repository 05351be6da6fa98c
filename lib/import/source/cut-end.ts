import { open } from 'node:fs/promises';
import type { SourceInfo } from '../types';
import { SourceError } from './errors';
import { parseRecords } from './records';

/** How much of the file's end is looked at: far more than any one record of an export. */
const TAIL_BYTES = 64 * 1024;

/**
 * Refuses a CSV cut off in the middle of its last record (an upload or copy broken off): a file that does not end in
 * a line break and whose last line has fewer cells than the header. DuckDB would read that line as a short row, and
 * "…,3000.30,县水利局" cut to "…,30" would land as 30 元 (docs/reliability.md "Corrupt uploads"). A cut inside a
 * quoted cell DuckDB refuses by itself; a last line with quotes left open is left to it.
 */
export async function assertNotCutShort(info: SourceInfo): Promise<void> {
  const file = await open(info.dataCsvPath, 'r');
  let tail: string;
  try {
    const { size } = await file.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buf = Buffer.alloc(length);
    await file.read(buf, 0, length, size - length);
    // dataCsvPath is UTF-8; a character cut at the window's start only spoils text before the last line.
    tail = buf.toString('utf8');
  } finally {
    await file.close();
  }
  if (/[\r\n]$/.test(tail)) return;
  const lastLine = tail.slice(Math.max(tail.lastIndexOf('\n'), tail.lastIndexOf('\r')) + 1);
  if ((lastLine.match(/"/g)?.length ?? 0) % 2 === 1) return;
  const cells = parseRecords(lastLine, info.delimiter, 1, true).records[0]?.length ?? 0;
  if (cells > 0 && cells < info.headers.length) {
    throw new SourceError(`文件“${info.fileName}”的最后一行不完整（只有 ${cells} 列，表头有 ${info.headers.length} 列，且文件没有以换行结束），`
      + '文件可能在复制或上传中被截断，没有导入任何数据。请重新导出或上传完整的文件。');
  }
}
