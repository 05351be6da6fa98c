import type { Db } from './db';
import { sqlFile } from './sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import type { PageRequest } from '@/lib/paging';
import type { Basis, ViewFilter } from '@/lib/views/filter';

/**
 * 支付明细: every function takes the one filter with its budget year and 截止日期 resolved (queries/views/run.ts's
 * resolveDates) and the viewer's Scope; the SQL ANDs the scope with the filter (queries/payments/filtered.sql), so a
 * filter can only narrow what the scope allows. Amounts are exact 元 as DECIMAL strings.
 */

/** The filter as the queries take it: year and as_of resolved. */
export type PaymentQuery = ViewFilter & { year: number; asOf: string };

export interface PaymentRow {
  voucher_no: string;
  pay_date: string;
  amount: string;
  unit_id: number | null;
  unit_name: string | null;
  town_id: number | null;
  town_name: string | null;
  village_name: string | null;
  payee_name: string | null;
  payee_type: 'person' | 'org' | null;
  purpose: string | null;
  indicator_id: string | null;
  fund_name: string | null;
  project_code: string | null;
}

export interface PaymentExportRow {
  pay_date: string;
  voucher_no: string;
  amount: string;
  unit_name: string | null;
  town_name: string | null;
  village_name: string | null;
  payee_name: string | null;
  payee_type: 'person' | 'org' | null;
  payee_account: string | null;
  payee_bank: string | null;
  purpose: string | null;
  indicator_id: string | null;
  indicator_doc_no: string | null;
  fund_name: string | null;
  project_code: string | null;
  func_code: string | null;
  eco_code: string | null;
}

export interface PaymentSummary {
  /** rows matching the filter within the scope */
  count: number;
  /** their sum in 元 */
  amount: string;
}

export interface PaymentPage extends PaymentSummary {
  rows: PaymentRow[];
  page: number;
  pageSize: number;
  pages: number;
}


export interface PaymentOption {
  id: number;
  name: string;
}

export interface PaymentOptions {
  towns: PaymentOption[];
  departments: PaymentOption[];
}

function filtered(file: string): string {
  return `${sqlFile('queries/payments/filtered.sql')}\n${sqlFile(`queries/payments/${file}`)}`;
}

/** Whether the filter names what only a voucher has (village, project, text), so no per-day sum can answer it. */
const needsVouchers = (f: PaymentQuery) => f.village !== null || f.project !== null || f.q !== null;

/**
 * filtered.sql's parameters. `rows`: the caller reads payments one by one (a list, an export), else only their count
 * and sum, which payment_days answers unless the filter needs the vouchers. `cutoff`: the oldest day a list needs.
 */
function params(f: PaymentQuery, scope: Scope, rows = false, cutoff: string | null = null) {
  return {
    ...scopeParams(scope),
    year: f.year, as_of: f.asOf, basis: f.basis, level: f.level, section: f.section, department: f.department,
    town: f.town, village: f.village, fund: f.fund, indicator: f.indicator, project: f.project,
    pay_from: f.payFrom, pay_to: f.payTo, q: f.q, detail: rows || needsVouchers(f), cutoff,
  };
}

/**
 * The oldest day a list's page can reach, read from payment_days: newest first, the page's rows all fall on or after
 * the day by which `need` payments have been counted. null: the filter needs the vouchers, or there are fewer.
 */
async function listCutoff(db: Db, f: PaymentQuery, scope: Scope, need: number): Promise<string | null> {
  if (needsVouchers(f)) return null;
  return (await db.kept<{ cutoff: string | null }>(filtered('cutoff.sql'), { ...params(f, scope), need }))[0]?.cutoff ?? null;
}

export async function paymentSummary(db: Db, f: PaymentQuery, scope: Scope): Promise<PaymentSummary> {
  const [row] = await db.kept<{ n: string; amount: string }>(filtered('summary.sql'), params(f, scope));
  return { count: Number(row?.n ?? 0), amount: row?.amount ?? '0.00' };
}

/**
 * The filter's payments on every basis at once, and `other` (in all, on none of the three lines) (docs/views.md: basis), whichever basis it asks for: 支付明细 shows
 * them side by side, so the year's figure (总览's 已支付) and what lies beside it are read together.
 */
export async function basisSummaries(db: Db, f: PaymentQuery, scope: Scope): Promise<Record<Basis | 'other', PaymentSummary>> {
  const [row] = await db.kept<Record<string, string>>(filtered('bases.sql'), params(f, scope));
  const of = (b: Basis | 'other'): PaymentSummary => ({ count: Number(row[`${b}_n`]), amount: row[`${b}_amount`] });
  return { year: of('year'), carryover: of('carryover'), unmatched: of('unmatched'), all: of('all'), other: of('other') };
}

/** One page of payments, newest first, with the count and sum of all that match. A page past the end is empty. */
export async function listPayments(db: Db, f: PaymentQuery, scope: Scope, page: PageRequest): Promise<PaymentPage> {
  const offset = (page.page - 1) * page.pageSize;
  const [summary, rows] = await Promise.all([
    paymentSummary(db, f, scope),
    listCutoff(db, f, scope, offset + page.pageSize).then((cutoff) =>
      db.kept<PaymentRow>(filtered('list.sql'), { ...params(f, scope, true, cutoff), limit: page.pageSize, offset })),
  ]);
  return { ...summary, rows, page: page.page, pageSize: page.pageSize, pages: Math.max(1, Math.ceil(summary.count / page.pageSize)) };
}

/** Up to `limit` payments with every column, for CSV/XLSX, a chunk of rows at a time (Db.stream). */
export async function* exportPayments(db: Db, f: PaymentQuery, scope: Scope, limit: number): AsyncGenerator<PaymentExportRow[]> {
  // A row arrives as one JSON text (export.sql says why).
  for await (const texts of db.streamTexts(filtered('export.sql'), { ...params(f, scope, true), limit })) {
    yield texts.map((text) => JSON.parse(text) as PaymentExportRow);
  }
}

/** The filter bar's choices: towns and 预算单位 that occur in the payments the viewer may read. */
export async function paymentOptions(db: Db, scope: Scope): Promise<PaymentOptions> {
  const rows = await db.kept<{ kind: string; id: number; name: string }>(sqlFile('queries/payments/options.sql'), scopeParams(scope));
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map(({ id, name }) => ({ id: Number(id), name }));
  return { towns: of('town'), departments: of('department') };
}
