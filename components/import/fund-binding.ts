import type { UnknownFund } from '@/lib/import/fund-scan';

export type { UnknownFund };

/** A catalog fund the viewer may bind a name to. */
export interface BindableFund {
  id: number;
  level: string;
  code: string;
  label: string;
}

/** POST /api/import/funds answers this: the file's unknown fund names and the funds they may be bound to. */
export interface FundScanResponse {
  unknown: UnknownFund[];
  funds: BindableFund[];
}

/**
 * The select's options for one unknown name: its candidates first (those the viewer may bind), then the funds of the
 * rows' level, then the others, each group in catalog order (docs/fund-matching.md).
 */
export function bindingOptions(unknown: UnknownFund, funds: BindableFund[]): { group: string; funds: BindableFund[] }[] {
  const byId = new Map(funds.map((f) => [f.id, f]));
  const proposed = unknown.candidates.map((c) => byId.get(c.id)).filter((f): f is BindableFund => !!f);
  const taken = new Set(proposed.map((f) => f.id));
  const rest = funds.filter((f) => !taken.has(f.id));
  const groups = [
    { group: '建议', funds: proposed },
    { group: '同级资金', funds: unknown.level ? rest.filter((f) => f.level === unknown.level) : [] },
    { group: unknown.level ? '其他级次' : '全部资金', funds: unknown.level ? rest.filter((f) => f.level !== unknown.level) : rest },
  ];
  return groups.filter((g) => g.funds.length > 0);
}
