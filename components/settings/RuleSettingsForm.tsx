'use client';

import type { RuleDef } from '@/lib/rules/types';
import { saveRuleSettingsAction } from '@/app/(dashboard)/settings/rule-actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_SECONDARY, FIELD, LABEL } from '@/components/ui/form';

/** The part of a rule and its saved choice the form shows (RuleDef's sql stays on the server). */
export interface RuleSettingsRow {
  rule: Pick<RuleDef, 'id' | 'name' | 'params'>;
  enabled: boolean;
  params: Record<string, number>;
}

/** One rule's switch and thresholds, saved on their own (设置 → 预警规则). */
export function RuleSettingsForm({ row }: { row: RuleSettingsRow }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(saveRuleSettingsAction);
  const { rule } = row;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-end gap-4 border-b border-slate-100 py-3" data-testid={`rule-settings-${rule.id}`}>
      <input type="hidden" name="rule_id" value={rule.id} />
      <label className="flex min-w-48 items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="enabled" defaultChecked={row.enabled} data-testid={`rule-enabled-${rule.id}`} />
        <span>{rule.name}</span>
        <span className="font-mono text-xs text-slate-400">{rule.id}</span>
      </label>
      {Object.entries(rule.params).map(([name, p]) => (
        <label key={name} className={LABEL}>
          {p.label}
          <input name={`param_${name}`} type="number" step="any" min={p.min} max={p.max} defaultValue={row.params[name]} required
            className={`${FIELD} w-32`} data-testid={`rule-param-${rule.id}-${name}`} />
        </label>
      ))}
      <button type="submit" disabled={pending} className={BUTTON_SECONDARY}>{pending ? '正在保存…' : '保存'}</button>
      <FormMessage state={state} />
    </form>
  );
}
