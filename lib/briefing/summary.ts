import { LEVEL_LABELS, LEVELS } from '@/components/labels';
import { formatCount, formatPointsDistance, formatRate, yuanToWan } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import type { ViewRow } from '@/lib/views/types';
import type { Briefing } from './types';

/** What the summary is written from: the 通报's data without the summary itself and its hash. */
export type BriefingData = Omit<Briefing, 'summary' | 'dataHash'>;

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A gap in points in words: "低于序时进度25.6个百分点", or "与序时进度持平" where it rounds to zero. */
function against(gapPoints: number): string {
  const distance = formatPointsDistance(gapPoints);
  return Number(distance) === 0 ? '与序时进度持平' : `${gapPoints < 0 ? '低于' : '高于'}序时进度${distance}个百分点`;
}

/** "甲、乙" for one or two names, "甲、乙、丙等3个镇" beyond: a briefing names the units it counts. */
function nameList(names: string[], noun: string): string {
  return names.length > 1 ? `${names.join('、')}等${names.length}个${noun}` : names[0];
}

const RANKINGS = [
  { key: 'sections', noun: '股室', title: '各股室' },
  { key: 'departments', noun: '部门', title: '各部门' },
  { key: 'towns', noun: '镇', title: '各镇（中心）' },
] as const;

/**
 * The 通报's summary in a bureau briefing's words (docs/briefing.md), paragraph by paragraph, every number taken from
 * the data and formatted by lib/format.ts, none typed in: the headline and its 环比, the levels, each ranking, the idle
 * balances and the warnings.
 */
export function briefingSummary(b: BriefingData): string[] {
  const t = b.levels.find((l) => l.level === null);
  if (!t || Number(t.total) === 0) return [`截至${monthDay(b.asOf)}，${b.scopeName}${b.year}年度尚无扶贫资金指标。`];
  return [
    `截至${monthDay(b.asOf)}，${b.scopeName}扶贫资金共${yuanToWan(t.total)}万元，已支付${yuanToWan(t.paid)}万元，`
      + `支出进度为${formatRate(t.spend_rate)}，序时进度为${formatRate(b.timeProgress)}，${against(t.gap_points)}${change(b, t.spend_rate)}。`,
    levelsParagraph(b),
    ...RANKINGS.flatMap(({ key, noun, title }) => {
      const rows = b.rankings[key];
      return rows.length > 1 ? [rankingParagraph(rows, noun, title, b.gapBands)] : [];
    }),
    stalledParagraph(b),
    warningsParagraph(b),
  ];
}

/** 环比: the county's (or the 股室's) 支出进度 against the previous month-end, in points. */
function change(b: BriefingData, spendRate: number): string {
  const before = b.previousTotal;
  if (!before || Number(before.total) === 0) return '';
  const points = (spendRate - before.spend_rate) * 100;
  const distance = formatPointsDistance(points);
  const moved = Number(distance) === 0 ? '持平' : `${points > 0 ? '提高' : '下降'}${distance}个百分点`;
  return `；较${monthDay(b.comparedWith)}（${formatRate(before.spend_rate)}）${moved}`;
}

/** 分级次: each level's 支出进度 and gap, then which levels lag 序时进度. */
function levelsParagraph(b: BriefingData): string {
  const rows = LEVELS.flatMap((level) => b.levels.filter((l) => l.level === level && Number(l.total) > 0));
  const parts = rows.map((l) => `${LEVEL_LABELS[l.level!]}资金支出进度${formatRate(l.spend_rate)}，${against(l.gap_points)}`);
  const lagging = rows.filter((l) => l.gap_points < 0 && Number(formatPointsDistance(l.gap_points)) > 0).map((l) => LEVEL_LABELS[l.level!]);
  const verdict = lagging.length === 0 ? '各级次资金支出进度均达到序时进度'
    : lagging.length > 1 && lagging.length === rows.length ? '各级次资金支出进度均滞后于序时进度'
      : `${lagging.join('、')}资金支出进度滞后于序时进度`;
  return `分级次看，${parts.join('；')}。${verdict}。`;
}

/**
 * One ranking: the first and the last, then the units in the red and orange bands by their bands' thresholds (settings),
 * or, where none is that far behind, those below 序时进度.
 */
function rankingParagraph(rows: ViewRow[], noun: string, title: string, bands: GapBand[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const rate = (r: ViewRow) => formatRate(Number(r.spend_rate));
  const head = `${title}中，${first.name}支出进度最高（${rate(first)}），${last.name}最低（${rate(last)}）`;
  const min = (id: GapBand['id']) => bands.find((band) => band.id === id)!.min;
  const names = (band: GapBand['id']) => rows.filter((r) => r.band === band).map((r) => String(r.name));
  const red = names('red');
  const orange = names('orange');
  const far = [
    // The thresholds as the settings' band labels write them (lib/settings.ts bandsFrom): whole points, "30个百分点".
    ...(red.length ? [`${nameList(red, noun)}支出进度低于序时进度${-min('orange')}个百分点以上`] : []),
    ...(orange.length ? [`${nameList(orange, noun)}支出进度低于序时进度${-min('yellow')}个百分点以上`] : []),
  ];
  if (far.length) return `${head}；${far.join('，')}。`;
  const behind = rows.filter((r) => Number(r.gap_points) < 0).map((r) => String(r.name));
  return behind.length ? `${head}；${nameList(behind, noun)}支出进度低于序时进度。` : `${head}；均达到序时进度。`;
}

/** 滞留资金: every balance idle 90 days or more, counted and summed, the largest named. */
function stalledParagraph(b: BriefingData): string {
  const { count, balance } = b.stalledTotal;
  if (count === 0) return '无闲置90天以上的滞留资金。';
  const top = b.stalled[0];
  return `闲置90天以上的滞留资金共${formatCount(count)}笔、${yuanToWan(balance)}万元，其中最大一笔为${top.name}的${top.fund}（指标${top.indicator}）`
    + `余额${yuanToWan(String(top.balance))}万元，已滞留${formatCount(Number(top.idle_days))}天。`;
}

/** 预警: found and still open, then what was sent for 核实: answered (处理率), rectified (整改率), overdue, and the unit
 * with the most unanswered. Rates are the sums' shares, as 预警总览's lines are each unit's. */
function warningsParagraph(b: BriefingData): string {
  const sum = (rows: ViewRow[], key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
  const found = sum(b.warningsByRule, 'warnings');
  if (found === 0) return '本期未发现预警。';
  const head = `共发现预警${formatCount(found)}条，其中未办结${formatCount(sum(b.warningsByRule, 'open'))}条`;
  const sent = sum(b.warningsByUnit, 'sent');
  if (sent === 0) return `${head}，尚未下发核实。`;
  const answered = sum(b.warningsByUnit, 'answered');
  const rectified = sum(b.warningsByUnit, 'rectified');
  const unanswered = (r: ViewRow) => Number(r.sent) - Number(r.answered);
  // The first of the largest: 预警总览's order (lowest 处理率 first) breaks a tie.
  const most = b.warningsByUnit.reduce((m, r) => (unanswered(r) > unanswered(m) ? r : m));
  const mostText = unanswered(most) > 0 ? `；未答复最多的是${most.name}（${formatCount(unanswered(most))}条）` : '';
  return `${head}；下发核实${formatCount(sent)}条，已答复${formatCount(answered)}条，处理率${formatRate(answered / sent)}，`
    + `已整改${formatCount(rectified)}条，整改率${formatRate(rectified / sent)}，逾期${formatCount(sum(b.warningsByUnit, 'overdue'))}条${mostText}。`;
}

