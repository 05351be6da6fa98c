import { formatPointsDistance, formatRate, yuanToWan } from '@/lib/format';
import type { Briefing } from './types';

/** What the summary is written from: the 通报's data without the summary itself and its hash. */
export type BriefingData = Omit<Briefing, 'summary' | 'dataHash'>;

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * The 通报's summary in a bureau briefing's words (docs/briefing.md), paragraph by paragraph, every number taken from
 * the data and formatted by lib/format.ts, none typed in: the headline 支出进度 against 序时进度 first.
 */
export function briefingSummary(b: BriefingData): string[] {
  const t = b.levels.find((l) => l.level === null);
  if (!t || Number(t.total) === 0) return [`截至${monthDay(b.asOf)}，${b.scopeName}${b.year}年度尚无扶贫资金指标。`];
  const gap = t.gap_points;
  const distance = formatPointsDistance(gap);
  const against = Number(distance) === 0 ? '与序时进度持平' : `${gap < 0 ? '低于' : '高于'}序时进度${distance}个百分点`;
  return [
    `截至${monthDay(b.asOf)}，${b.scopeName}扶贫资金共${yuanToWan(t.total)}万元，已支付${yuanToWan(t.paid)}万元，`
      + `支出进度为${formatRate(t.spend_rate)}，序时进度为${formatRate(b.timeProgress)}，${against}。`,
  ];
}
