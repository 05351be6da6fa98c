import type { ImportKind } from '../types';
import { findHeader, isBlankRow, type HeaderLayout } from './header';
import { parseRecords, type ParsedRecords } from './records';

/** Delimiters a CSV export can use: Excel writes comma (CSV) or tab ("Unicode text", many .txt/.xls exports). */
export const DELIMITERS = [',', '\t', ';'] as const;

/** Records parsed from the head of a CSV file: enough for the header search and a look at the first data rows. */
export const HEAD_RECORDS = 200;

export interface HeadParse extends ParsedRecords {
  delimiter: string;
  layout: HeaderLayout;
}

/** How many records share the most common field count (when that count is above 1): regular tables score high. */
function regularity(records: string[][]): number {
  const counts = new Map<number, number>();
  for (const r of records) if (!isBlankRow(r)) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const [fields, n] of counts) if (fields > 1 && n > best) best = n;
  return best;
}

/**
 * Parses the head with each delimiter and keeps the one whose header names the most fields of the kind; on a tie the
 * one that splits the rows most regularly; then comma before tab before semicolon.
 */
export function parseHead(text: string, kind: ImportKind, whole: boolean, forced?: string): HeadParse {
  let best: (HeadParse & { regular: number }) | null = null;
  for (const delimiter of forced ? [forced] : DELIMITERS) {
    const parsed = parseRecords(text, delimiter, HEAD_RECORDS, whole);
    const layout = findHeader(parsed.records, kind);
    const regular = regularity(parsed.records);
    if (!best || layout.score > best.layout.score || (layout.score === best.layout.score && regular > best.regular)) {
      best = { ...parsed, delimiter, layout, regular };
    }
  }
  const { regular: _, ...result } = best!;
  return result;
}
