'use client';

import { saveRiskPointsAction } from '@/app/(dashboard)/funds/risk-points/actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_SECONDARY, FIELD, LABEL } from '@/components/ui/form';
import { formatDateTime } from '@/lib/format';
import type { RiskPointDefaults } from '@/lib/funds/risk-points';
import { RISK_DAYS } from '@/lib/funds/risk-points-form';
import type { FundRiskPoints } from '@/queries/funds/risk-points';

/** One fund's 风险点, each beside the rule's setting that applies while it is empty (docs/rules.md). */
export function RiskPointsForm({ fund, defaults, showSection }: { fund: FundRiskPoints; defaults: RiskPointDefaults; showSection: boolean }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(saveRiskPointsAction);
  const { overdue, unallocated } = defaults.allocDays;
  const allocDefault = overdue === unallocated ? `${overdue}` : `${overdue}（未分配 ${unallocated}）`;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 border-b border-slate-100 py-3" data-testid={`risk-points-${fund.id}`}>
      <input type="hidden" name="fund_id" value={fund.id} />
      <div className="min-w-64 flex-1 text-sm text-slate-800">
        <div>{fund.name}</div>
        <div className="text-xs text-slate-400">
          {showSection && fund.section ? `${fund.section} · ` : ''}
          {fund.updated_by && fund.updated_at ? `${fund.updated_by} 于 ${formatDateTime(fund.updated_at)} 修改` : '未设置'}
        </div>
      </div>
      <label className={LABEL}>
        分配时限（天，默认 {allocDefault}）
        <input name="alloc_days" type="number" min={RISK_DAYS.min} max={RISK_DAYS.max} step={1} defaultValue={fund.alloc_days ?? ''}
          placeholder={String(overdue)} className={`${FIELD} w-32`} data-testid={`risk-alloc-${fund.id}`} />
      </label>
      <label className={LABEL}>
        最后使用关口（默认不设，提前 {defaults.warnDays} 天提醒）
        <input name="final_date" type="date" min="2000-01-01" max="2100-12-31" defaultValue={fund.final_date ?? ''}
          className={`${FIELD} w-40`} data-testid={`risk-final-${fund.id}`} />
      </label>
      <label className={LABEL}>
        滞留天数（默认 {defaults.idleDays}）
        <input name="idle_days" type="number" min={RISK_DAYS.min} max={RISK_DAYS.max} step={1} defaultValue={fund.idle_days ?? ''}
          placeholder={String(defaults.idleDays)} className={`${FIELD} w-32`} data-testid={`risk-idle-${fund.id}`} />
      </label>
      <button type="submit" disabled={pending} className={BUTTON_SECONDARY}>{pending ? '正在保存…' : '保存'}</button>
      <FormMessage state={state} testId={`risk-message-${fund.id}`} />
    </form>
  );
}
