import { LEVEL_LABELS, LEVELS } from '@/components/labels';
import { formatCount, formatPointsShort, formatRate, yuanToWan } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import { viewById } from '@/lib/views/registry';
import type { ViewColumn, ViewRow } from '@/lib/views/types';
import type { Briefing } from './types';

/**
 * The 通报's tables as text (docs/briefing.md), for the files a bureau edits (.docx): each column takes its Chinese label
 * from the registered view it comes from, so the 通报 and the view's page name a column alike, and each cell is formatted
 * by lib/format.ts (万元 with two decimals, rates as % with one decimal, points signed with one decimal).
 */

export interface BriefingCell {
  text: string;
  /** numbers are set flush right */
  numeric: boolean;
  /** a ranking's colour band, for the cell's shading */
  band?: GapBand['id'];
}

export interface BriefingTable {
  title: string;
  headers: string[];
  rows: BriefingCell[][];
  /** said instead of an empty table */
  empty: string;
}

/** The band's colour in a word: the band's own label depends on the thresholds in the settings, which a 通报 does not read. */
export const BAND_COLOUR_NAMES: Record<GapBand['id'], string> = { green: '绿', blue: '蓝', yellow: '黄', orange: '橙', red: '红' };

const UNITS: Partial<Record<ViewColumn['format'], string>> = { wan: '(万元)' };

function cell(c: ViewColumn, value: ViewRow[string] | undefined): BriefingCell {
  const numeric = c.format !== 'text' && c.format !== 'band' && c.format !== 'date';
  if (value === null || value === undefined) return { text: '—', numeric };
  switch (c.format) {
    case 'wan': return { text: yuanToWan(String(value)), numeric };
    case 'rate': return { text: formatRate(Number(value)), numeric };
    case 'points': case 'change': return { text: formatPointsShort(Number(value)), numeric };
    case 'int': return { text: formatCount(Math.round(Number(value))), numeric };
    case 'band': {
      const band = String(value) as GapBand['id'];
      return { text: BAND_COLOUR_NAMES[band] ?? String(value), numeric, band: band in BAND_COLOUR_NAMES ? band : undefined };
    }
    default: return { text: c.labels?.[String(value)] ?? String(value), numeric };
  }
}

/** A table of a registered view's lines, with the columns `keys` in that order. */
function viewTable(title: string, viewId: string, keys: string[], rows: ViewRow[], empty: string): BriefingTable {
  const view = viewById(viewId);
  if (!view) throw new Error(`没有视图 ${viewId}`);
  const columns = keys.map((key) => {
    const c = view.columns.find((col) => col.key === key);
    if (!c) throw new Error(`视图 ${viewId} 没有列 ${key}`);
    return c;
  });
  return {
    title,
    headers: columns.map((c) => `${c.label}${UNITS[c.format] ?? ''}`),
    rows: rows.map((row) => columns.map((c) => cell(c, row[c.key]))),
    empty,
  };
}

const RANKING_KEYS = ['rank', 'name', 'total', 'paid', 'spend_rate', 'gap_points', 'change_points', 'band'];

/** 支出进度 against 序时进度 by 级次, in the 级次's order (中央, 省, 市, 县), the total last. */
function levelTable(b: Briefing): BriefingTable {
  const order = (l: Briefing['levels'][number]) => (l.level === null ? LEVELS.length : LEVELS.indexOf(l.level));
  const ordered = [...b.levels].sort((x, y) => order(x) - order(y));
  const num = (text: string): BriefingCell => ({ text, numeric: true });
  return {
    title: '分级次支出进度',
    headers: ['级次', '指标总额(万元)', '已分配(万元)', '已支付(万元)', '支出进度', '序时进度', '超(短)序时进度(百分点)'],
    rows: ordered.map((l) => [
      { text: l.level === null ? '合计' : LEVEL_LABELS[l.level], numeric: false },
      num(yuanToWan(l.total)), num(yuanToWan(l.allocated)), num(yuanToWan(l.paid)),
      num(formatRate(l.spend_rate)), num(formatRate(b.timeProgress)), num(formatPointsShort(l.gap_points)),
    ]),
    empty: '本年度尚无指标。',
  };
}

/**
 * The 通报's tables: by 级次, the three rankings (those the scope has: a 股室's own report ranks no towns or departments),
 * the stalled balances, the warnings by answering unit.
 */
export function briefingTables(b: Briefing): { levels: BriefingTable; rankings: BriefingTable[]; stalled: BriefingTable; warnings: BriefingTable } {
  const rankings: BriefingTable[] = [
    viewTable('股室支出进度排名', 'sections', RANKING_KEYS, b.rankings.sections, '没有股室收到本年度指标。'),
  ];
  if (b.scope.kind === 'county') {
    rankings.push(
      viewTable('部门支出进度排名', 'departments', RANKING_KEYS, b.rankings.departments, '没有部门收到本年度分配。'),
      viewTable('镇(中心)支出进度排名', 'towns', RANKING_KEYS, b.rankings.towns, '没有镇(中心)收到本年度分配。'),
    );
  }
  return {
    levels: levelTable(b),
    rankings,
    stalled: viewTable('滞留资金（滞留90天以上余额最大者）', 'stalled', ['name', 'fund', 'section', 'balance', 'last_paid', 'idle_days'], b.stalled, '没有滞留90天以上的资金。'),
    warnings: viewTable('预警处理情况（按核实单位）', 'warnings_by_unit', ['name', 'sent', 'answered', 'answer_rate', 'rectified', 'rectify_rate', 'overdue'], b.warningsByUnit, '没有下发核实的预警。'),
  };
}
