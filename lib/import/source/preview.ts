import { open } from 'node:fs/promises';
import type { SourceInfo } from '../types';
import { isBlankRow } from './header';
import { parseRecords } from './records';

const MAX_PREVIEW_BYTES = 64 << 20;

/**
 * The first `n` data rows of a prepared source (blank rows left out), each exactly as wide as info.headers. Reads only
 * the head of dataCsvPath: 256 KB, more when the rows are long.
 */
export async function previewSource(info: SourceInfo, n = 20): Promise<string[][]> {
  const fh = await open(info.dataCsvPath, 'r');
  try {
    const size = (await fh.stat()).size;
    for (let budget = 256 << 10; ; budget *= 4) {
      const buf = Buffer.alloc(Math.min(size, budget, MAX_PREVIEW_BYTES));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      const whole = bytesRead >= size;
      const text = new TextDecoder('utf-8').decode(buf.subarray(0, bytesRead), { stream: !whole }).replace(/^\uFEFF/, '');
      const { records } = parseRecords(text, info.delimiter, info.skipLines + n * 4 + 100, whole);
      const rows = records.slice(info.skipLines).filter((r) => !isBlankRow(r)).slice(0, n);
      if (rows.length >= n || whole || buf.length >= MAX_PREVIEW_BYTES) {
        const width = info.headers.length;
        return rows.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
      }
    }
  } finally {
    await fh.close();
  }
}
