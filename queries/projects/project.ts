import type { Db } from '../db';
import { scoped } from '../overview';
import { getSettings } from '../settings';
import { namedSql, sqlFile, usedParams } from '../sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';

/** The project page's data (docs/villages-and-projects.md): money is exact 元 strings, fractions are numbers. */

export interface ProjectFacts {
  code: string;
  name: string;
  year: number;
  type: string | null;
  status: string;
  town_id: number | null;
  town_name: string | null;
  village_id: number | null;
  village_name: string | null;
  unit_name: string | null;
  planned_amount: string | null;
  content: string | null;
  start_date: string | null;
  planned_end: string | null;
  actual_end: string | null;
  beneficiaries: number | null;
  poor_beneficiaries: number | null;
  overdue: boolean;
  /** the elapsed share of start_date → planned_end at the 截止日期; null without both dates */
  time_progress: number | null;
  allocated: string;
  paid: string;
  progress: number;
}

export interface ProjectAllocation {
  id: string;
  indicator_id: string;
  indicator_year: number | null;
  fund_name: string | null;
  unit_name: string | null;
  amount: string;
  alloc_date: string;
  doc_no: string | null;
}

export interface ProjectPayment {
  voucher_no: string;
  pay_date: string;
  payee_name: string | null;
  amount: string;
  purpose: string | null;
  indicator_id: string | null;
  unit_name: string | null;
}

/** lagging: behind the project's time progress; over: an upper bound exceeded; unreported: no actual by the 截止日期. */
export type TargetFlag = 'ok' | 'lagging' | 'over' | 'unreported';

export interface ProjectTarget {
  id: number;
  level1: string;
  level2: string | null;
  name: string;
  comparator: '>=' | '<=' | '=';
  target_value: number;
  unit: string | null;
  actual_value: number | null;
  reported: string | null;
  completion: number | null;
  time_progress: number | null;
  flag: TargetFlag | null;
}

export interface ProjectQuery {
  code: string;
  year: number;
  asOf: string;
  scope: Scope;
}

const SQL = 'queries/projects/project.sql';

/** One statement of project.sql after scope.sql and money.sql, with the parameters it uses. */
async function run<T>(db: Db, name: string, q: ProjectQuery, extra: Record<string, number> = {}): Promise<T[]> {
  const sql = `${scoped()}\n${sqlFile('queries/projects/money.sql')}\n${namedSql(SQL)[name]}`;
  const { timeProgressMode } = await getSettings(db);
  const params = {
    year: q.year, as_of: q.asOf, tp_mode: timeProgressMode, ...scopeParams(q.scope), level: null, fund: null, section: null,
    code: q.code, ...extra,
  };
  return db.all<T>(sql, usedParams(sql, params));
}

/** The project, or undefined when there is none by that code or it lies outside the viewer's scope. */
export async function projectFacts(db: Db, q: ProjectQuery): Promise<ProjectFacts | undefined> {
  return (await run<ProjectFacts>(db, 'facts', q))[0];
}

export function projectAllocations(db: Db, q: ProjectQuery): Promise<ProjectAllocation[]> {
  return run<ProjectAllocation>(db, 'allocations', q);
}

/** A page of the project's payments, newest first, with the count and sum of all of them. */
export async function projectPayments(db: Db, q: ProjectQuery, page: { page: number; pageSize: number }) {
  const [totals, rows] = await Promise.all([
    run<{ count: number; amount: string }>(db, 'payment_totals', q),
    run<ProjectPayment>(db, 'payments', q, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }),
  ]);
  return { count: totals[0].count, amount: totals[0].amount, rows };
}

export function projectTargets(db: Db, q: ProjectQuery): Promise<ProjectTarget[]> {
  return run<ProjectTarget>(db, 'targets', q);
}
