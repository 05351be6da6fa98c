import type { Db } from '../db';
import { sqlFile } from '../sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import { maskFor, type Privacy } from '@/lib/privacy/mask';
import type { ViewFilter } from '@/lib/views/filter';
import { resolveDates } from '../views/run';

export interface QualityFilter {
  /** The budget year and 截止日期 (the one filter, docs/views.md): payments from the year's first day to that date;
   * null: every date (a batch checked whole). */
  period: { year: number; asOf: string } | null;
  /** One import batch; null: all. */
  batch: number | null;
}

/** One paying unit's gaps (数据质量 page). unit_id null: payments without a known 预算单位. */
export interface QualityRow {
  unit_id: number | null;
  unit_name: string;
  unit_kind: string | null;
  payments: number;
  unmatched_indicator: number;
  unmatched_project: number;
  no_project: number;
  missing_func_code: number;
  missing_payee_account: number;
  empty_purpose: number;
}

const COUNTS = ['payments', 'unmatched_indicator', 'unmatched_project', 'no_project', 'missing_func_code', 'missing_payee_account', 'empty_purpose'] as const;

/** The page's filter: the period resolved as every view resolves it, except that a batch without a year or date is
 * checked whole (the payments of one import may span years). */
export async function qualityFilter(db: Db, filter: ViewFilter, batchId: number | null): Promise<QualityFilter> {
  if (batchId !== null && filter.year === null && filter.asOf === null) return { period: null, batch: batchId };
  const { year, asOf } = await resolveDates(db, filter);
  return { period: { year, asOf }, batch: batchId };
}

/** Every payment the viewer may read, of every batch. */
export const EVERY_PAYMENT: QualityFilter = { period: null, batch: null };

/** quality.sql and unmatched.sql run on the same filtered, scoped payments (quality_scope.sql). */
const scoped = (file: string) => `${sqlFile('queries/import/quality_scope.sql')}\n${sqlFile(file)}`;

const filterParams = (f: Partial<QualityFilter>, scope: Scope) => ({
  year: f.period?.year ?? null, as_of: f.period?.asOf ?? null, batch: f.batch ?? null, ...scopeParams(scope),
});

export async function paymentQuality(db: Db, scope: Scope, f: QualityFilter = EVERY_PAYMENT): Promise<QualityRow[]> {
  const rows = await db.kept<Record<string, unknown>>(scoped('queries/import/quality.sql'), filterParams(f, scope));
  return rows.map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const c of COUNTS) out[c] = Number(r[c]);
    return out as unknown as QualityRow;
  });
}

export type QualityGap = 'indicator' | 'project' | 'func_code' | 'payee_account' | 'purpose';

export interface UnmatchedPayment {
  voucher_no: string;
  pay_date: string;
  amount: string;
  indicator_id: string | null;
  indicator_doc_no: string | null;
  project_code: string | null;
  func_code: string | null;
  payee_name: string | null;
  payee_account: string | null;
  purpose: string | null;
  unit_id: number | null;
  unit_name: string | null;
  batch_id: number | null;
}

/**
 * The payments behind one count of the 数据质量 table (unitId -1: payments without a unit, null: every unit), the
 * payee's account masked unless `privacy` says the reader sees accounts whole.
 */
export async function paymentsWithGap(
  db: Db, scope: Scope, gap: QualityGap, f: Partial<QualityFilter> & { unitId?: number | null; limit?: number; offset?: number } = EVERY_PAYMENT,
  privacy: Privacy = 'masked',
): Promise<UnmatchedPayment[]> {
  const rows = await db.all<UnmatchedPayment>(scoped('queries/import/unmatched.sql'), {
    ...filterParams(f, scope), what: gap, unit: f.unitId ?? null, limit: f.limit ?? 100, offset: f.offset ?? 0,
  });
  return privacy === 'whole' ? rows : rows.map((r) => ({ ...r, payee_account: maskFor(privacy, r.payee_account) }));
}
