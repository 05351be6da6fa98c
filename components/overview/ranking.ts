import type { ViewRow } from '@/lib/views/types';

export type Ranking =
  | { kind: 'all'; rows: ViewRow[] }
  | { kind: 'split'; best: ViewRow[]; worst: ViewRow[]; count: number; all: ViewRow[] };

/**
 * A view's lines, already ranked and sorted in SQL (best first, queries/views/), as the overview shows them: with more
 * than 2 × size lines, the `size` best and the `size` worst (worst first), plus `all` so that the lines in between
 * stay reachable; otherwise all of them in one list, so no line appears twice.
 */
export function splitRanking(rows: ViewRow[], size = 5): Ranking {
  if (rows.length <= size * 2) return { kind: 'all', rows };
  return { kind: 'split', best: rows.slice(0, size), worst: rows.slice(-size).reverse(), count: rows.length, all: rows };
}
