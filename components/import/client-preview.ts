import Papa from 'papaparse';

/** How much of a text file the browser reads for its preview. */
export const BROWSER_PREVIEW_BYTES = 256 * 1024;
export const BROWSER_PREVIEW_ROWS = 20;

export type BrowserEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export const BROWSER_ENCODING_LABELS: Record<BrowserEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK / GB18030',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16（大端）',
};

/** Whether the server, not the browser, previews this file (a workbook). */
export const isWorkbookName = (name: string) => /\.(xlsx|xlsm|xls|et)$/i.test(name);

/**
 * The head of a text file as text: a BOM decides; else UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset
 * of GBK, what Chinese Excel writes). `whole` says the bytes are the entire file; otherwise a character cut at the end
 * of the slice is not an error.
 */
export function decodeHead(bytes: Uint8Array, whole: boolean): { text: string; encoding: BrowserEncoding } {
  const stream = { stream: !whole };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3), stream), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2), stream), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2), stream), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes, stream), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes, stream), encoding: 'gb18030' };
  }
}

/**
 * The delimiter of a text table: of comma, tab, semicolon and bar, the one that occurs most in the first lines outside
 * quotes (papaparse's own guess needs more rows than a title-and-header preview may have). Comma when none occurs.
 */
export function guessDelimiter(text: string): string {
  const head = text.split(/\r\n|\n|\r/).slice(0, 30).join('\n').replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const d of [',', '\t', ';', '|']) {
    const count = head.split(d).length - 1;
    if (count > most) [best, most] = [d, count];
  }
  return best;
}

/**
 * The first rows of a CSV text as the user sees them in Excel (title rows included), parsed by papaparse with its
 * delimiter detection. Trailing empty cells are dropped; a row cut by the end of a partial read is left out.
 */
export function previewRows(text: string, whole: boolean, n = BROWSER_PREVIEW_ROWS): string[][] {
  const parsed = Papa.parse<string[]>(text, { preview: n + 1, skipEmptyLines: false, delimiter: guessDelimiter(text) });
  let rows = parsed.data;
  // Without the whole file the last parsed row may be cut short: keep it only if more rows followed it.
  if (!whole && rows.length <= n) rows = rows.slice(0, -1);
  const out = rows.slice(0, n).map((r) => {
    const cells = r.map((c) => (c ?? '').toString());
    while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
    return cells;
  });
  // The line break that ends the file is not one more (empty) row.
  if (whole && rows.length <= n) while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Reads the head of a File in the browser and previews it. */
export async function previewFile(file: Blob, n = BROWSER_PREVIEW_ROWS): Promise<{ encoding: BrowserEncoding; rows: string[][]; whole: boolean }> {
  const whole = file.size <= BROWSER_PREVIEW_BYTES;
  const bytes = new Uint8Array(await file.slice(0, BROWSER_PREVIEW_BYTES).arrayBuffer());
  const { text, encoding } = decodeHead(bytes, whole);
  return { encoding, rows: previewRows(text, whole, n), whole };
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
