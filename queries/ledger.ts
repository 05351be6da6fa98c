import type { Db } from './db';
import { NOT_NARROWED, scoped, type OverviewFilter } from './overview';
import { sqlFile } from './sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';

/** Money as exact 元 DECIMAL strings. */
export interface OutsideYear {
  /** 上年结转: earlier years' indicators' balance at the budget year's first day, and paid against them since */
  carryover_balance: string;
  carryover_paid: string;
  /** 支出进度 of the carried-over balance */
  carryover_rate: number;
  /** payments of the period that name no known indicator */
  unmatched_paid: string;
  unmatched_payments: number;
  /** every payment of the period (budget year's first day to the 截止日期) the viewer may read */
  all_paid: string;
}

/**
 * The payments of the budget year that the year's 已支付 does not count (docs/ledger.md), for 总览: 上年结转 spending
 * and payments matching no indicator, within the viewer's scope, for the same year and 截止日期.
 */
export async function outsideYear(db: Db, f: OverviewFilter, scope: Scope): Promise<OutsideYear> {
  const sql = [scoped(), sqlFile('queries/ledger/carryover.sql'), sqlFile('queries/ledger/outside_year.sql')].join('\n');
  const row = await db.one<OutsideYear>(sql, { year: f.year, as_of: f.asOf, tp_mode: f.timeProgressMode, ...scopeParams(scope), ...NOT_NARROWED });
  return row!;
}
