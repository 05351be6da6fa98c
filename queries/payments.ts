import type { Db } from './db';
import { sqlFile } from './sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import { EMPTY_FILTER, type PageRequest, type PaymentFilter } from '@/lib/payments/filter';

/**
 * 支付明细: every function takes the viewer's Scope, and the SQL ANDs it with the filter (queries/payments/filtered.sql),
 * so a filter can only narrow what the scope allows. Amounts are exact 元 as DECIMAL strings.
 */

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
  years: number[];
  towns: PaymentOption[];
  units: PaymentOption[];
}

function filtered(file: string): string {
  return `${sqlFile('queries/payments/filtered.sql')}\n${sqlFile(`queries/payments/${file}`)}`;
}

function params(f: PaymentFilter, scope: Scope) {
  return {
    ...scopeParams(scope),
    year: f.year, date_from: f.from, date_to: f.to, town: f.town, unit: f.unit, q: f.q,
  };
}

export async function paymentSummary(db: Db, f: PaymentFilter, scope: Scope): Promise<PaymentSummary> {
  const row = await db.one<{ n: string; amount: string }>(filtered('summary.sql'), params(f, scope));
  return { count: Number(row?.n ?? 0), amount: row?.amount ?? '0.00' };
}

/** One page of payments, newest first, with the count and sum of all that match. A page past the end is empty. */
export async function listPayments(db: Db, f: PaymentFilter, scope: Scope, page: PageRequest): Promise<PaymentPage> {
  const [summary, rows] = await Promise.all([
    paymentSummary(db, f, scope),
    db.all<PaymentRow>(filtered('list.sql'), { ...params(f, scope), limit: page.pageSize, offset: (page.page - 1) * page.pageSize }),
  ]);
  return { ...summary, rows, page: page.page, pageSize: page.pageSize, pages: Math.max(1, Math.ceil(summary.count / page.pageSize)) };
}

/** Up to `limit` payments with every column, for CSV/XLSX, a chunk of rows at a time (Db.stream). */
export function exportPayments(db: Db, f: PaymentFilter, scope: Scope, limit: number): AsyncGenerator<PaymentExportRow[]> {
  return db.stream<PaymentExportRow>(filtered('export.sql'), { ...params(f, scope), limit });
}

/** The filter bar's choices: years, towns and 预算单位 that occur in the payments the viewer may read. */
export async function paymentOptions(db: Db, scope: Scope): Promise<PaymentOptions> {
  const rows = await db.all<{ kind: string; id: number; name: string }>(filtered('options.sql'), params(EMPTY_FILTER, scope));
  return {
    years: rows.filter((r) => r.kind === 'year').map((r) => Number(r.id)).sort((a, b) => b - a),
    towns: rows.filter((r) => r.kind === 'town').map(({ id, name }) => ({ id: Number(id), name })),
    units: rows.filter((r) => r.kind === 'unit').map(({ id, name }) => ({ id: Number(id), name })),
  };
}
