import type { LevelRow, MonthPoint } from '@/queries/overview';
import type { GapBand } from '@/lib/settings';
import type { ViewRow } from '@/lib/views/types';

/** Whose 通报 (docs/briefing.md): the whole county's, or one 股室's own report on the funds it manages. */
export type BriefingScope = { kind: 'county' } | { kind: 'section'; unitId: number };

/**
 * Everything one 通报 shows, read once (queries/briefing/load.ts) and drawn alike by the page, the PDF and the .docx:
 * each table is a registered view's lines (lib/views/registry.ts), so every number in it equals the view's JSON for the
 * same 截止日期 and scope. Money is exact 元 strings, rates fractions, gaps points, as the views give them.
 */
export interface Briefing {
  /** 县名 from the settings, for the title. */
  county: string;
  scope: BriefingScope;
  /** 全县, or the 股室's name. */
  scopeName: string;
  year: number;
  /** 截止日期, YYYY-MM-DD */
  asOf: string;
  /** the date 环比 compares with (the previous month-end) */
  comparedWith: string;
  /** 序时进度 at the 截止日期, a fraction */
  timeProgress: number;
  /** by 级次, and the total (level null) */
  levels: LevelRow[];
  /** the total over all levels at `comparedWith` (the county's or the 股室's 环比), null where nothing was received */
  previousTotal: LevelRow | null;
  /** the gap bands of the settings, for the rankings' colours and the summary's thresholds (docs/measures.md) */
  gapBands: GapBand[];
  /** the year's cumulative 支出进度 month by month, for the trend chart */
  monthly: MonthPoint[];
  /** each ranking's lines in rank order; [] where the ranking does not apply to the scope (a 股室's own report
   * ranks no towns or departments). */
  rankings: { sections: ViewRow[]; departments: ViewRow[]; towns: ViewRow[] };
  /** the largest balances idle 90 days or more (滞留资金), largest first */
  stalled: ViewRow[];
  /** every balance idle 90 days or more, not only the lines listed: how many, and their sum in exact 元 */
  stalledTotal: { count: number; balance: string };
  /** warning statistics by answering unit (预警总览 按单位) and by rule (按规则) */
  warningsByUnit: ViewRow[];
  warningsByRule: ViewRow[];
  /** the summary in the style of a bureau briefing, paragraph by paragraph, every number computed (summary.ts) */
  summary: string[];
  /** sha256 of everything above: the same data and 截止日期 give the same hash (the archive keeps it) */
  dataHash: string;
}
