import type { UnitRow } from '@/queries/overview';

export interface RankedRow extends UnitRow {
  /** 1 = furthest ahead of 序时进度 */
  rank: number;
}

export type Ranking =
  | { kind: 'all'; rows: RankedRow[] }
  | { kind: 'split'; best: RankedRow[]; worst: RankedRow[]; count: number; all: RankedRow[] };

/**
 * Ranks units by 超(短)序时进度 (then 支出进度, then name). With more than 2 × size units, the `size` best and the
 * `size` worst (worst first), plus `all` so that the units in between stay reachable; otherwise all of them in one
 * list, so no unit appears twice.
 */
export function rankUnits(rows: UnitRow[], size = 5): Ranking {
  const sorted = [...rows]
    .sort((a, b) => b.gap_points - a.gap_points || b.spend_rate - a.spend_rate || a.name.localeCompare(b.name, 'zh-CN'))
    .map((r, i) => ({ ...r, rank: i + 1 }));
  if (sorted.length <= size * 2) return { kind: 'all', rows: sorted };
  return { kind: 'split', best: sorted.slice(0, size), worst: sorted.slice(-size).reverse(), count: sorted.length, all: sorted };
}
