import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';
import { buildDemoFile } from '@/lib/cli/demo';
import type { Scope } from '@/lib/auth/roles';
import { viewLines } from '../helpers/view-lines';
import { paymentDaysDrift } from '../helpers/payment-days';

const ALL: Scope = { kind: 'all' };

const RULES = [
  'ALLOC_OVERDUE', 'NOT_ALLOCATED', 'SPEND_LAG', 'IDLE_FUNDS', 'OVER_INDICATOR', 'NO_PROJECT', 'WRONG_SUBJECT',
  'LARGE_TO_PERSON', 'TO_OWN_ACCOUNT', 'DUPLICATE_PAY', 'OFFICIAL_RECIPIENT', 'DECEASED_RECIPIENT', 'NOT_POOR_RECIPIENT',
  'SHARED_ACCOUNT', 'YEAR_END_RUSH', 'PROJECT_OVERDUE', 'NO_PERF_TARGET', 'PERF_DEVIATION', 'BAD_MEMO', 'FUND_DEADLINE',
  'LISTED_PAYEE',
];

const FINGERPRINT = `SELECT
  (SELECT count(*) FROM payments) AS payments, (SELECT sum(amount) FROM payments)::VARCHAR AS paid,
  (SELECT sum(hash(voucher_no, pay_date, amount, payee_account)) FROM payments)::VARCHAR AS payment_hash,
  (SELECT sum(hash(id, amount, received_date)) FROM indicators)::VARCHAR AS indicator_hash,
  (SELECT sum(hash(id_number, month, paid)) FROM payouts)::VARCHAR AS payout_hash`;

describe('demo county generator', () => {
  let dir: string;
  let db: Db;
  const open = async (name: string, seed: number) => {
    const file = path.join(dir, name);
    await buildDemoFile(file, { payments: 20_000, year: 2018, seed });
    return Db.open(file, { readOnly: true });
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-demo-'));
    db = await open('a.duckdb', 3);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is deterministic for a seed and different for another', async () => {
    const again = await open('b.duckdb', 3);
    const other = await open('c.duckdb', 4);
    const [a, b, c] = await Promise.all([db, again, other].map((d) => d.one(FINGERPRINT)));
    again.close();
    other.close();
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('has the shape of the county: 县城 + 12 towns, ~150 villages, 25 departments, 1,500 projects, N payments', async () => {
    const kinds = await db.all<{ kind: string; n: string }>('SELECT kind, count(*) AS n FROM units GROUP BY kind');
    const n = Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(n.town).toBe(13);
    expect(n.department).toBe(25);
    expect(n.village).toBeGreaterThanOrEqual(130);
    expect(n.village).toBeLessThanOrEqual(170);
    expect((await db.one<{ n: string }>('SELECT count(*) AS n FROM projects'))?.n).toBe('1500');
    // N ordinary payments plus the planted ones (each planted payment has a PZ + letter voucher).
    const p = await db.one<{ ordinary: string; planted: string; distinct_vouchers: string; total: string }>(
      `SELECT count(*) FILTER (WHERE voucher_no SIMILAR TO 'PZ[0-9]+') AS ordinary,
              count(*) FILTER (WHERE voucher_no SIMILAR TO 'PZ[A-Z].*') AS planted,
              count(DISTINCT voucher_no) AS distinct_vouchers, count(*) AS total FROM payments`);
    expect(p?.ordinary).toBe('20000');
    expect(Number(p?.planted)).toBeGreaterThan(0);
    expect(p?.distinct_vouchers).toBe(p?.total);
    // Every indicator belongs to a catalog fund; the previous year is complete, the demo year stops at 31 October.
    const ind = await db.one<{ orphans: string; last: string }>(
      `SELECT count(*) FILTER (WHERE fund_id NOT IN (SELECT id FROM funds)) AS orphans,
              max(received_date) FILTER (WHERE year = 2018)::VARCHAR AS last FROM indicators`);
    expect(ind?.orphans).toBe('0');
    // A payment's village lies in the payment's town.
    const misplaced = await db.one<{ n: string }>(
      'SELECT count(*) AS n FROM payments p JOIN units v ON v.id = p.village_id WHERE v.parent_id IS DISTINCT FROM p.town_id');
    expect(misplaced?.n).toBe('0');
    expect(ind!.last <= '2018-10-31').toBe(true);
  });

  it('sums its payments per day into payment_days, exactly (the rollup the measures read)', async () => {
    expect(Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payment_days'))?.n)).toBeGreaterThan(0);
    expect(await paymentDaysDrift(db)).toBe(0);
  });

  it('plants instances of every warning rule and records them in the manifest', async () => {
    const rows = await db.all<{ rule_id: string }>('SELECT DISTINCT rule_id FROM demo_manifest');
    expect(rows.map((r) => r.rule_id).sort()).toEqual([...RULES].sort());
  });

  it('the planted instances really have what their rule looks for', async () => {
    const check = async (sql: string) => (await db.one<{ bad: string }>(sql))?.bad;
    // NOT_ALLOCATED: nothing allocated.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'NOT_ALLOCATED'
      AND EXISTS (SELECT 1 FROM allocations a WHERE a.indicator_id = m.subject_id)`)).toBe('0');
    // OVER_INDICATOR: paid more than the indicator.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN indicators i ON i.id = m.subject_id
      WHERE rule_id = 'OVER_INDICATOR' AND (SELECT sum(amount) FROM payments p WHERE p.indicator_id = i.id) <= i.amount`)).toBe('0');
    // LARGE_TO_PERSON: ≥ 50,000 元 to a person.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN payments p ON p.voucher_no = m.subject_id
      WHERE rule_id = 'LARGE_TO_PERSON' AND NOT (p.payee_type = 'person' AND p.amount >= 50000)`)).toBe('0');
    // TO_OWN_ACCOUNT: the payee account is the paying unit's own.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN payments p ON p.voucher_no = m.subject_id
      JOIN units u ON u.id = p.unit_id WHERE rule_id = 'TO_OWN_ACCOUNT' AND p.payee_account <> u.account_no`)).toBe('0');
    // DECEASED_RECIPIENT: payouts for months after the death.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'DECEASED_RECIPIENT' AND NOT EXISTS (
      SELECT 1 FROM payouts po JOIN (SELECT r.value AS id_number, r.event_date FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id WHERE l.kind = 'deaths') w ON w.id_number = po.id_number
      WHERE po.id_number = m.subject_id AND po.month > w.event_date)`)).toBe('0');
    // OFFICIAL_RECIPIENT: on the payroll list.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'OFFICIAL_RECIPIENT'
      AND m.subject_id NOT IN (SELECT id_number FROM (SELECT r.value AS id_number, r.event_date FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id WHERE l.kind = 'payroll'))`)).toBe('0');
    // LISTED_PAYEE: the payee is a company on a list of companies.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN payments p ON p.voucher_no = m.subject_id WHERE rule_id = 'LISTED_PAYEE'
      AND p.payee_name NOT IN (SELECT r.value FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id WHERE l.holds = 'company')`)).toBe('0');
    // SHARED_ACCOUNT: ≥ 3 distinct IDs on the account.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'SHARED_ACCOUNT'
      AND (SELECT count(DISTINCT id_number) FROM payouts WHERE account_no = m.subject_id) < 3`)).toBe('0');
    // NOT_POOR_RECIPIENT: household-targeted, not registered poor.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN payouts po ON po.voucher_no = m.subject_id
      WHERE rule_id = 'NOT_POOR_RECIPIENT' AND (NOT po.household_targeted
        OR po.id_number IN (SELECT id_number FROM (SELECT r.value AS id_number, r.event_date FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id WHERE l.kind = 'registered_poor')))`)).toBe('0');
    // YEAR_END_RUSH: December holds more than 30 % of the fund's payments that year.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'YEAR_END_RUSH' AND (
      SELECT sum(p.amount) FILTER (WHERE month(p.pay_date) = 12) / sum(p.amount) FROM payments p JOIN indicators i ON i.id = p.indicator_id
      WHERE i.fund_id = m.subject_id::INTEGER AND year(p.pay_date) = m.note::INTEGER) <= 0.3`)).toBe('0');
    // NO_PERF_TARGET: funded, no targets.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m WHERE rule_id = 'NO_PERF_TARGET'
      AND (m.subject_id IN (SELECT project_code FROM perf_targets) OR m.subject_id NOT IN (SELECT project_code FROM allocations WHERE project_code IS NOT NULL))`)).toBe('0');
    // FUND_DEADLINE: a fund's final date set, money of an indicator received by then still unpaid at the cut.
    expect(await check(`SELECT count(*) AS bad FROM demo_manifest m JOIN indicators i ON i.id = m.subject_id
      JOIN fund_risk_points r ON r.fund_id = i.fund_id WHERE rule_id = 'FUND_DEADLINE' AND (r.final_date IS NULL
        OR i.received_date > r.final_date OR (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.indicator_id = i.id) >= i.amount)`)).toBe('0');
    // …one final date passed and one still ahead; and one fund's own 滞留天数 brings in balances the rule's 90 days
    // would not.
    expect(await db.one(`SELECT count(*) FILTER (WHERE final_date < DATE '2018-10-31') AS passed,
      count(*) FILTER (WHERE final_date > DATE '2018-10-31') AS ahead, count(idle_days) AS idle FROM fund_risk_points`))
      .toEqual({ passed: '1', ahead: '1', idle: '1' });
    expect(Number((await db.one<{ n: string }>(`SELECT count(*) AS n FROM demo_manifest
      WHERE rule_id = 'IDLE_FUNDS' AND note LIKE '滞留天数 45%'`))?.n)).toBeGreaterThan(0);
    // ID numbers carry a valid GB 11643 check character.
    expect(await check(`SELECT count(*) AS bad FROM (SELECT DISTINCT id_number FROM payouts) WHERE substr(id_number, 18, 1) <> id_check(substr(id_number, 1, 17))`
      .replace('id_check(substr(id_number, 1, 17))', `substr('10X98765432', 1 + (list_sum([(ascii(substr(id_number, j, 1)) - 48) * [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2][j] FOR j IN range(1, 18)]) % 11)::INTEGER, 1)`))).toBe('0');
  });

  it('the lagging towns and section are more than 10 points behind 序时进度 on 31 October', async () => {
    const filter = { year: 2018, asOf: '2018-10-31', timeProgressMode: 'month' as const };
    const lagging = await db.all<{ note: string }>("SELECT note FROM demo_manifest WHERE rule_id = 'SPEND_LAG'");
    const rows = [...(await viewLines(db, 'towns', filter, ALL)), ...(await viewLines(db, 'departments', filter, ALL)), ...(await viewLines(db, 'sections', filter, ALL))];
    for (const { note } of lagging) {
      expect(rows.find((r) => r.name === note)?.gap_points, note).toBeLessThan(-10);
    }
  });
});
