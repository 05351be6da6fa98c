import { columnIndex, columnName } from '../../xlsx/cell-ref';

/** A cell or row start tag (`<c` is not `<col`, `<row` not `<rowBreaks`), with its attributes. */
const TAG = /<(c|row)(?=[\s>/])([^>]*)/g;
/** A cell or row start tag without its reference. */
const WITHOUT_REF = /<(?:c|row)(?=[\s>/])(?![^>]*\sr\s*=)/;
const REF = /\sr\s*=\s*["']([^"']*)["']/;

/**
 * A worksheet's XML text with every cell's reference written out. The format lets a cell leave out its `r="B3"` when it
 * follows the cell before it in the row (our own exports do: lib/export/xlsx.ts), but exceljs's streaming reader
 * needs it on every cell. So each `<c` without one gets the place it has: the column after the row's last cell, in the
 * row its `<row r="…">` names (or the row after the last). A tag cut at a chunk's end waits for the next chunk. A
 * chunk whose tags all have their reference passes as it is (the usual file: a tenth of the time of rewriting it).
 */
export async function* withCellRefs(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let row = 0;
  let col = -1;
  let rest = '';
  const follow = (tag: string, name: string, attrs: string): string => {
    const ref = REF.exec(attrs)?.[1];
    if (name === 'row') {
      row = ref ? Number(ref) : row + 1;
      col = -1;
      return tag;
    }
    if (ref) {
      col = columnIndex(ref);
      return tag;
    }
    col += 1;
    return `<c r="${columnName(col)}${row}"${attrs}`;
  };
  for await (const chunk of chunks) {
    const text = rest + chunk;
    // Up to the last tag that is complete; a `<` after the last `>` opens one cut in two.
    const open = text.lastIndexOf('<');
    const end = open > text.lastIndexOf('>') ? open : text.length;
    rest = text.slice(end);
    const done = text.slice(0, end);
    if (WITHOUT_REF.test(done)) {
      yield done.replace(TAG, follow);
      continue;
    }
    // Every tag names its place: only the last row and cell matter for the chunks after.
    const last = lastTags(done);
    for (const m of last) follow(m[0], m[1], m[2]);
    yield done;
  }
  if (rest) yield rest;
}

/** The last row tag of a text and the cell tags after it (at most the last one of them is needed). */
function lastTags(text: string): RegExpExecArray[] {
  const rowAt = lastTagAt(text, '<row');
  const cellAt = lastTagAt(text, '<c');
  const found: RegExpExecArray[] = [];
  for (const at of [rowAt, cellAt].filter((i) => i >= 0).sort((a, b) => a - b)) {
    TAG.lastIndex = at;
    const m = TAG.exec(text);
    if (m) found.push(m);
  }
  TAG.lastIndex = 0;
  return found;
}

/** Where the last `<c` or `<row` tag (not `<col`, `<rowBreaks`) begins, or -1. */
function lastTagAt(text: string, open: string): number {
  for (let i = text.lastIndexOf(open); i >= 0; i = text.lastIndexOf(open, i - 1)) {
    const next = text.charAt(i + open.length);
    if (next === '>' || next === '/' || /\s/.test(next)) return i;
    if (i === 0) break;
  }
  return -1;
}
