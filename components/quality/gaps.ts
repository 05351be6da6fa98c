import type { QualityGap, QualityRow } from '@/queries/import/quality';

/** The gaps the 数据质量 page counts, in column order, with the QualityRow count behind each. */
export const GAPS: { gap: QualityGap; label: string; column: keyof QualityRow; help: string }[] = [
  { gap: 'indicator', label: '未匹配指标', column: 'unmatched_indicator', help: '支付没有对应到指标台账中的指标（指标明细号为空或不存在，文号加资金也无法唯一确定）' },
  { gap: 'project', label: '项目未入库', column: 'unmatched_project', help: '填了项目编码，但项目库中没有这个项目' },
  { gap: 'func_code', label: '缺功能科目', column: 'missing_func_code', help: '功能科目为空' },
  { gap: 'payee_account', label: '缺收款人账号', column: 'missing_payee_account', help: '收款人账号为空' },
  { gap: 'purpose', label: '用途为空', column: 'empty_purpose', help: '用途（摘要）为空' },
];

export const GAP_BY_ID = Object.fromEntries(GAPS.map((g) => [g.gap, g])) as Record<QualityGap, (typeof GAPS)[number]>;

export const isGap = (v: unknown): v is QualityGap => typeof v === 'string' && v in GAP_BY_ID;

/** The payments' indicator match rate (0..1); null without payments. */
export const matchRate = (r: Pick<QualityRow, 'payments' | 'unmatched_indicator'>): number | null =>
  r.payments > 0 ? (r.payments - r.unmatched_indicator) / r.payments : null;

/** The rows summed into one line for the whole scope. */
export function totalRow(rows: QualityRow[]): QualityRow {
  const sum = (k: keyof QualityRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
  return {
    unit_id: null, unit_name: '合计', unit_kind: null,
    payments: sum('payments'), unmatched_indicator: sum('unmatched_indicator'), unmatched_project: sum('unmatched_project'),
    no_project: sum('no_project'), missing_func_code: sum('missing_func_code'), missing_payee_account: sum('missing_payee_account'),
    empty_purpose: sum('empty_purpose'),
  };
}

/** How many gaps a unit has in all (a payment may count in several). */
export const gapTotal = (r: QualityRow): number => GAPS.reduce((s, g) => s + (r[g.column] as number), 0);

/** Units with the most gaps first, then the most payments: the page opens on what needs fixing. */
export function byGaps(rows: QualityRow[]): QualityRow[] {
  return [...rows].sort((a, b) => gapTotal(b) - gapTotal(a) || b.payments - a.payments || a.unit_name.localeCompare(b.unit_name, 'zh'));
}
