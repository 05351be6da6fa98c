import { first, parseId, type SearchParams } from '@/lib/url-params';
import { EMPTY_VIEW_FILTER, parseViewFilter, viewFilterParams, type FilterKey, type FilterProblem, type ViewFilter } from '@/lib/views/filter';
import { unhonoured } from '@/lib/views/request';
import type { QualityFilter, QualityGap } from '@/queries/import/quality';

/**
 * 数据质量 reads the one filter (docs/views.md): `year` the budget year and `as_of` the 截止日期, so it checks the
 * payments 支付明细 lists under basis 'all'; `department` picks a 预算单位 on the page of one count; `batch` (not a
 * filter field: it names an import, not money) one import batch. A batch without a year is checked whole.
 */
export interface QualityRequest {
  filter: ViewFilter;
  batch: number | null;
  /** the payments without a 预算单位 (the 数据质量 row of unknown units) */
  noDepartment: boolean;
  problems: FilterProblem[];
}

export function parseQualityRequest(sp: SearchParams, narrowedBy: FilterKey[]): QualityRequest {
  const { filter, problems } = parseViewFilter(sp);
  const batchText = first(sp.batch)?.trim();
  const batch = parseId(batchText) ?? null;
  if (batchText && batch === null) problems.push({ param: 'batch', value: batchText, message: `导入批次 ${batchText} 无效` });
  if (first(sp.unit)?.trim()) problems.push({ param: 'unit', value: first(sp.unit)!, message: '参数 unit 已改名为 department' });
  return { filter, batch, noDepartment: first(sp.no_department) === '1', problems: [...problems, ...unhonoured({ title: '数据质量', narrowedBy }, filter)] };
}

function placeParams(q: QualityFilter): URLSearchParams {
  const p = q.period ? viewFilterParams({ ...EMPTY_VIEW_FILTER, ...q.period }) : new URLSearchParams();
  if (q.batch !== null) p.set('batch', String(q.batch));
  return p;
}

/** The /quality URL for a period and batch. */
export function qualityHref(q: QualityFilter): string {
  const s = placeParams(q).toString();
  return s ? `/quality?${s}` : '/quality';
}

/** The URL of the payments behind one count: a 预算单位, -1 the payments without one, null every unit. */
export function gapHref(gap: QualityGap, q: QualityFilter, unit: number | null = null): string {
  const p = new URLSearchParams({ gap });
  for (const [k, v] of placeParams(q)) p.set(k, v);
  if (unit === -1) p.set('no_department', '1');
  else if (unit !== null) p.set('department', String(unit));
  return `/quality/payments?${p}`;
}
