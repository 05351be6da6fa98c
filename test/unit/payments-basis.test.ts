import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { levelTotals } from '@/queries/overview';
import { basisSummaries, listPayments, paymentSummary, type PaymentQuery } from '@/queries/payments';
import { BASES, EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { paymentQuality } from '@/queries/import/quality';
import { totalRow } from '@/components/quality/gaps';
import { viewLines } from '../helpers/view-lines';
import { tempDb } from '../helpers/temp-db';
import { loadPaymentsBasisFixture } from '../fixtures/payments-basis';
import { rebuildPaymentDays } from '@/queries/payments/days';

const ALL: Scope = { kind: 'all' };
const JIA: Scope = { kind: 'town', unitId: 101 };
const Y2018: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-10-31' };
const OVERVIEW = { year: 2018, asOf: '2018-10-31', timeProgressMode: 'month' as const };

describe('支付明细 on the one filter: each basis summed by hand (test/fixtures/payments-basis.ts)', () => {
  let db: Db;
  let cleanup: () => void;
  let nongcai: Scope;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadPaymentsBasisFixture(db);
    const row = await db.one<{ id: number }>("SELECT id FROM units WHERE kind = 'section' AND name = '农财所'");
    nongcai = { kind: 'section', unitId: row!.id };
  });
  afterAll(() => cleanup());

  const vouchers = async (f: Partial<PaymentQuery>, scope: Scope = ALL) =>
    (await listPayments(db, { ...Y2018, ...f }, scope, { page: 1, pageSize: 100 })).rows.map((r) => r.voucher_no);
  const paidOf = async (scope: Scope) => (await levelTotals(db, OVERVIEW, scope)).find((r) => r.level === null)!.paid;

  it('the county: every basis, and basis year is 总览\'s 已支付', async () => {
    const sums = await basisSummaries(db, Y2018, ALL);
    // year: on Y1, Y2 (Y3 not received by 10-31), paid by 10-31, whenever: Q1 100,000.00 + Q2 20,000.50 + Q3 30,000.00
    // + Q5 5,000.00 (2017-12-28) = 155,000.50; Q4 (11-05) is after the 截止日期.
    expect(sums.year).toEqual({ count: 4, amount: '155000.50' });
    // carryover: 2018 payments on C1 (60,000 left) and C3 (80,000 left): Q7 25,000 + Q8 10,000 + Q11 8,000 = 43,000.00;
    // C2 had nothing left (Q10 is not 上年结转), Q6 was paid in 2017.
    expect(sums.carryover).toEqual({ count: 3, amount: '43000.00' });
    // unmatched: Q12 (no indicator) 3,000.00 + Q13 (ZZ9, not in the ledger) 4,500.25 = 7,500.25; Q15 is 2017's.
    expect(sums.unmatched).toEqual({ count: 2, amount: '7500.25' });
    // all: every payment 2018-01-01..10-31: Q1 100,000 + Q2 20,000.50 + Q3 30,000 + Q7 25,000 + Q8 10,000 + Q10 1,000
    // + Q11 8,000 + Q12 3,000 + Q13 4,500.25 + Q14 7,000 = 208,500.75.
    expect(sums.all).toEqual({ count: 10, amount: '208500.75' });
    // other: in all, on no line: Q10 1,000 (C2 spent) + Q14 7,000 (Y3 not yet received) = 8,000.00
    // = 208,500.75 − (155,000.50 − Q5 5,000) − 43,000 − 7,500.25.
    expect(sums.other).toEqual({ count: 2, amount: '8000.00' });
    expect(await paidOf(ALL)).toBe(sums.year.amount);
  });

  it('a town: its own money on the three lines, a department\'s payment for it only under all', async () => {
    const sums = await basisSummaries(db, Y2018, JIA);
    // year: 甲镇 and its body 甲镇财政所 on Y1/Y2: Q1 100,000.00 + Q2 20,000.50 = 120,000.50 (Q3 is 县教育局's spending).
    expect(sums.year).toEqual({ count: 2, amount: '120000.50' });
    expect(await paidOf(JIA)).toBe('120000.50');
    // carryover: Q7 25,000.00 (Q6 is 2017's); unmatched: Q12 3,000.00 (Q13 is 县农业农村局's, Q15 2017's).
    expect(sums.carryover).toEqual({ count: 1, amount: '25000.00' });
    expect(sums.unmatched).toEqual({ count: 1, amount: '3000.00' });
    // all: what 甲镇 may read in 2018: Q1 + Q2 + Q3 30,000 + Q7 + Q12 + Q13 4,500.25 = 182,500.75;
    // other: Q3 + Q13 = 34,500.25, the departments' payments made for 甲镇.
    expect(sums.all).toEqual({ count: 6, amount: '182500.75' });
    expect(sums.other).toEqual({ count: 2, amount: '34500.25' });
  });

  it('the county narrowed to a town agrees with the town ranking and with the town\'s own figures', async () => {
    const sums = await basisSummaries(db, { ...Y2018, town: 101 }, ALL);
    const jia = (await viewLines(db, 'towns', OVERVIEW, ALL)).find((r) => r.id === 101)!;
    expect(sums.year.amount).toBe(jia.paid);
    expect(sums).toEqual(await basisSummaries(db, Y2018, JIA));
  });

  it('a 股室: its funds\' payments (农财所 manages fund 22: Y1, Y3, C1)', async () => {
    const sums = await basisSummaries(db, Y2018, nongcai);
    // year: Q1 100,000 + Q2 20,000.50 + Q5 5,000 = 125,000.50; carryover: Q7 25,000 + Q8 10,000 = 35,000.00;
    // no unmatched payment of its own imports; all: Q1 + Q2 + Q7 + Q8 + Q14 7,000 = 162,000.50.
    expect(sums.year).toEqual({ count: 3, amount: '125000.50' });
    expect(sums.carryover).toEqual({ count: 2, amount: '35000.00' });
    expect(sums.unmatched).toEqual({ count: 0, amount: '0.00' });
    expect(sums.all).toEqual({ count: 5, amount: '162000.50' });
    expect(await paidOf(nongcai)).toBe(sums.year.amount);
  });

  it('the list holds exactly the basis asked for, newest first, and its sum is the basis figure', async () => {
    expect(await vouchers({})).toEqual(['Q3', 'Q2', 'Q1', 'Q5']);
    expect(await vouchers({ basis: 'carryover' })).toEqual(['Q11', 'Q8', 'Q7']);
    expect(await vouchers({ basis: 'unmatched' })).toEqual(['Q13', 'Q12']);
    expect(await vouchers({ basis: 'all' })).toEqual(['Q14', 'Q13', 'Q12', 'Q11', 'Q8', 'Q7', 'Q3', 'Q2', 'Q10', 'Q1']);
    const sums = await basisSummaries(db, Y2018, ALL);
    for (const basis of BASES) expect(await paymentSummary(db, { ...Y2018, basis }, ALL)).toEqual(sums[basis]);
  });

  it('narrows by 级次, 预算单位, pay dates and text on every basis', async () => {
    // province: Y2 → Q3 30,000.00 (= 总览's province row); C3 → Q11 8,000.00; an unmatched payment has no 级次.
    const province = await basisSummaries(db, { ...Y2018, level: 'province' }, ALL);
    expect([province.year.amount, province.carryover.amount, province.unmatched.amount]).toEqual(['30000.00', '8000.00', '0.00']);
    expect((await levelTotals(db, OVERVIEW, ALL)).find((r) => r.level === 'province')!.paid).toBe('30000.00');
    // 县教育局 paid Q3, Q10, Q14 in 2018: 30,000 + 1,000 + 7,000 = 38,000.00.
    expect((await basisSummaries(db, { ...Y2018, department: 201 }, ALL)).all).toEqual({ count: 3, amount: '38000.00' });
    // basis year from 03-01: Q2 20,000.50 + Q3 30,000 = 50,000.50.
    expect(await paymentSummary(db, { ...Y2018, payFrom: '2018-03-01' }, ALL)).toEqual({ count: 2, amount: '50000.50' });
    expect(await vouchers({ basis: 'carryover', q: '化肥' })).toEqual(['Q7']);
    expect(await vouchers({ basis: 'carryover', indicator: 'C3' })).toEqual(['Q11']);
  });

  it('数据质量 checks the same year\'s payments as basis all, and counts the unmatched line\'s payments', async () => {
    const total = totalRow(await paymentQuality(db, ALL, { period: { year: 2018, asOf: '2018-10-31' }, batch: null }));
    // all: 10 payments (see above); without a known indicator: Q12 and Q13, the 2 of basis unmatched.
    expect([total.payments, total.unmatched_indicator]).toEqual([10, 2]);
  });

  it('an earlier 截止日期 moves every line with it', async () => {
    // As of 2018-04-30: year Q1 + Q2 + Q3 + Q5 = 155,000.50 still; nothing of C1/C3 paid yet; all Q1 + Q2 + Q3 + Q10.
    const sums = await basisSummaries(db, { ...Y2018, asOf: '2018-04-30' }, ALL);
    expect([sums.year.amount, sums.carryover.amount, sums.unmatched.amount, sums.all.amount])
      .toEqual(['155000.50', '0.00', '0.00', '151000.50']);
  });

  it('a page read from the days its rows fall on equals the same page of the whole list, on every basis and scope', async () => {
    // Pages of 1 and 3 payments find their oldest day in payment_days first (queries/payments.ts, cutoff.sql); a page of
    // 100 holds every payment, so it reads them all. Page by page they must give the same vouchers in the same order.
    for (const scope of [ALL, JIA, nongcai]) {
      for (const basis of BASES) {
        const whole = await vouchers({ basis }, scope);
        for (const pageSize of [1, 3]) {
          const paged: string[] = [];
          for (let page = 1; paged.length < whole.length + pageSize; page++) {
            const got = await listPayments(db, { ...Y2018, basis }, scope, { page, pageSize });
            expect(got.count).toBe(whole.length);
            if (got.rows.length === 0) break;
            paged.push(...got.rows.map((r) => r.voucher_no));
          }
          expect(paged).toEqual(whole);
        }
      }
    }
  });

  it('counts vouchers, not days: two payments of one day, indicator and unit count twice, with or without text', async () => {
    // Q16 is paid by 甲镇 on Q1's day against Y1: payment_days holds one row for both (n = 2).
    await db.run(`INSERT INTO payments (voucher_no, indicator_id, unit_id, amount, pay_date, purpose) VALUES ('Q16', 'Y1', 101, 0.50, '2018-02-01', '道路硬化尾款')`);
    await rebuildPaymentDays(db);
    try {
      expect(Number((await db.one<{ n: number }>(`SELECT n FROM payment_days WHERE indicator_id = 'Y1' AND unit_id = 101 AND pay_date = '2018-02-01'`))?.n)).toBe(2);
      // year: 155,000.50 + 0.50, five payments; the text 道路 matches Q1 and Q16 only, read from the vouchers.
      expect((await basisSummaries(db, Y2018, ALL)).year).toEqual({ count: 5, amount: '155001.00' });
      expect(await paymentSummary(db, { ...Y2018, q: '道路' }, ALL)).toEqual({ count: 2, amount: '100000.50' });
    } finally {
      await db.run(`DELETE FROM payments WHERE voucher_no = 'Q16'`);
      await rebuildPaymentDays(db);
    }
  });
});

