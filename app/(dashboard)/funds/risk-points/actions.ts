'use server';

import { getViewer } from '@/lib/auth/server';
import { runAdminAction, type ActionState } from '@/lib/admin/form-action';
import { parseRiskPoints } from '@/lib/funds/risk-points-form';
import { parseId } from '@/lib/url-params';
import { saveRiskPoints } from '@/queries/funds/risk-points';

const text = (form: FormData, key: string) => String(form.get(key) ?? '');

/**
 * One fund's 风险点 form (RiskPointsForm). The viewer is read afresh from its session; saveRiskPoints refuses a fund
 * of another 股室 and audits. Posted to the page's own path, so the proxy's cross-site rule covers it
 * (docs/security.md).
 */
export async function saveRiskPointsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  const fundId = parseId(text(form, 'fund_id'));
  if (fundId === undefined) return { error: '没有指定资金', at: Date.now() };
  const parsed = parseRiskPoints({ alloc_days: text(form, 'alloc_days'), final_date: text(form, 'final_date'), idle_days: text(form, 'idle_days') });
  if (!parsed.ok) return { error: parsed.error, at: Date.now() };
  return runAdminAction('/funds/risk-points', ({ db, ip }) => saveRiskPoints(db, actor, fundId, parsed.points, ip));
}
