import type { RiskPoints } from '@/queries/funds/risk-points';
import { parseIsoDate } from '@/lib/url-params';

// The 风险点 form's limits and its parsing: no server code, so the form (a client component) shares them.

/** A day count a 股室 may set: 1 day to ten years (the table's CHECK says the same, migration 013). */
export const RISK_DAYS = { min: 1, max: 3650 } as const;

/** The form's fields as typed: an empty field means "use the rule's setting". */
export interface RiskPointsInput {
  alloc_days: string;
  final_date: string;
  idle_days: string;
}

type Parsed<T> = { value: T } | { error: string };

function days(label: string, text: string): Parsed<number | null> {
  const t = text.trim();
  if (!t) return { value: null };
  const n = /^\d{1,4}$/.test(t) ? Number(t) : NaN;
  return n >= RISK_DAYS.min && n <= RISK_DAYS.max ? { value: n } : { error: `${label}须是 ${RISK_DAYS.min} 到 ${RISK_DAYS.max} 之间的整数天数` };
}

function finalDate(text: string): Parsed<string | null> {
  const t = text.trim();
  if (!t) return { value: null };
  const date = parseIsoDate(t);
  return date ? { value: date } : { error: '最后使用关口须是 2000 到 2100 年间的日期（YYYY-MM-DD）' };
}

/** The form's values checked: days 1–3650, a real date in 2000–2100 (parseIsoDate), or empty. */
export function parseRiskPoints(form: RiskPointsInput): { ok: true; points: RiskPoints } | { ok: false; error: string } {
  const alloc = days('分配时限', form.alloc_days);
  const date = finalDate(form.final_date);
  const idle = days('滞留天数', form.idle_days);
  if ('error' in alloc) return { ok: false, error: alloc.error };
  if ('error' in date) return { ok: false, error: date.error };
  if ('error' in idle) return { ok: false, error: idle.error };
  return { ok: true, points: { alloc_days: alloc.value, final_date: date.value, idle_days: idle.value } };
}
