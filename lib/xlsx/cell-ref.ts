/** A spreadsheet column's letters from its 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let name = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A column's 0-based index from a cell reference's letters (`B3` → 1, `AA10` → 26); -1 when it has none. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0) & ~32; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}
