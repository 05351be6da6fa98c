'use client';

import { runRulesAction } from '@/app/(dashboard)/settings/rule-actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_PRIMARY } from '@/components/ui/form';

/** 立即运行: every enabled rule over the newest data (docs/rules.md "Running the rules"); in 设置 and on 预警总览. */
export function RunRulesButton({ label = '立即运行全部规则' }: { label?: string }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(runRulesAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3" data-testid="rules-run">
      <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="rules-run-submit">{pending ? '正在运行…' : label}</button>
      <FormMessage state={state} testId="rules-run-message" />
    </form>
  );
}
