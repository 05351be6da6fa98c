import type { LineBreak } from '../types';

/**
 * A small RFC 4180 reader for the head of a CSV file, as Excel and DuckDB read it: a field that starts with a quote
 * runs to the closing quote ("" is a quote inside it) and may hold delimiters and line breaks; a record ends at \n,
 * \r\n or a lone \r; an empty line is a record with one empty field. Quotes inside an unquoted field are text.
 */
export interface ParsedRecords {
  records: string[][];
  /** Whether the text was read to its end (false when maxRecords stopped it or its last record was cut off). */
  complete: boolean;
  /** The line break that ended the first record (outside quotes); null when no record ended in the text. */
  lineBreak: LineBreak | null;
}

/**
 * Parses up to `maxRecords` records of `text`. When `whole` is false the text is the head of a longer file, so a last
 * record without its line break may be cut off and is left out.
 */
export function parseRecords(text: string, delimiter: string, maxRecords: number, whole: boolean): ParsedRecords {
  const records: string[][] = [];
  const n = text.length;
  let i = 0;
  const d = delimiter.charCodeAt(0);
  let lineBreak: LineBreak | null = null;
  while (i < n && records.length < maxRecords) {
    const fields: string[] = [];
    let ended = false;
    for (;;) {
      let value = '';
      if (text.charCodeAt(i) === 34 /* " */) {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            value += text.slice(i);
            i = n;
            break;
          }
          value += text.slice(i, q);
          if (text.charCodeAt(q + 1) === 34) {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // Unquoted text (or text after a closing quote) up to the delimiter or the line end.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j++;
      }
      value += text.slice(i, j);
      i = j;
      fields.push(value);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === d) {
        i++;
        continue;
      }
      if (c === 13 && i + 1 === n && !whole) break; // a \r\n cut between \r and \n: the record may go on
      const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
      lineBreak ??= crlf ? '\r\n' : c === 13 ? '\r' : '\n';
      i += crlf ? 2 : 1;
      ended = true;
      break;
    }
    if (!ended && !whole) return { records, complete: false, lineBreak };
    records.push(fields);
  }
  return { records, complete: i >= n && whole, lineBreak };
}
