import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/queries/db';
import { ResultCache } from '@/queries/result-cache';
import { levelTotals } from '@/queries/overview';
import { audit } from '@/queries/auth/audit';
import { saveSettings, getSettings } from '@/queries/settings';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

// Results kept per data version (docs/performance.md): a page's figures come from memory until a write changes the
// data, and never outlive that write.

/** A computation that counts how often it ran and answers `rows`. */
function counting(rows: unknown[] = [{ v: 1 }]) {
  const c = { runs: 0, compute: async () => { c.runs++; return rows; } };
  return c;
}

describe('ResultCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers a statement with the same parameters from memory, in whatever order the parameters come', async () => {
    const cache = new ResultCache();
    const c = counting();
    await cache.get('SELECT 1', { a: 1, b: 'x' }, c.compute);
    expect(await cache.get('SELECT 1', { b: 'x', a: 1 }, c.compute)).toEqual([{ v: 1 }]);
    expect(c.runs).toBe(1);
    // Another parameter value (another viewer's scope) is another result.
    await cache.get('SELECT 1', { a: 2, b: 'x' }, c.compute);
    expect(c.runs).toBe(2);
  });

  it('lets concurrent requests for one result share one computation', async () => {
    const cache = new ResultCache();
    const c = counting();
    await Promise.all([1, 2, 3].map(() => cache.get('SELECT 1', {}, c.compute)));
    expect(c.runs).toBe(1);
  });

  it('forgets everything on clear, and a result that was being computed across a clear', async () => {
    const cache = new ResultCache();
    const c = counting();
    let release = () => {};
    const slow = cache.get('SELECT 1', {}, () => new Promise<unknown[]>((resolve) => { release = () => resolve([{ v: 0 }]); }));
    cache.clear();
    release();
    expect(await slow).toEqual([{ v: 0 }]);
    await cache.get('SELECT 1', {}, c.compute);
    expect(c.runs).toBe(1);
    cache.clear();
    await cache.get('SELECT 1', {}, c.compute);
    expect(c.runs).toBe(2);
  });

  it('keeps no failed computation and no result longer than maxRows', async () => {
    const cache = new ResultCache(10, 2);
    await expect(cache.get('SELECT 1', {}, async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    const big = counting([{ v: 1 }, { v: 2 }, { v: 3 }]);
    await cache.get('SELECT 2', {}, big.compute);
    await cache.get('SELECT 2', {}, big.compute);
    expect(big.runs).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used result beyond maxEntries', async () => {
    const cache = new ResultCache(2);
    const c = counting();
    await cache.get('A', {}, c.compute);
    await cache.get('B', {}, c.compute);
    await cache.get('A', {}, c.compute); // A is now the most recent
    await cache.get('C', {}, c.compute); // drops B
    expect(c.runs).toBe(3);
    await cache.get('A', {}, c.compute);
    expect(c.runs).toBe(3);
    await cache.get('B', {}, c.compute);
    expect(c.runs).toBe(4);
  });

  it('keeps a result only within the clock hour it was computed in (逾期 reads today)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-03T15:59:59Z'));
    const cache = new ResultCache();
    const c = counting();
    await cache.get('SELECT current_date', {}, c.compute);
    await cache.get('SELECT current_date', {}, c.compute);
    expect(c.runs).toBe(1);
    vi.setSystemTime(new Date('2026-12-03T16:00:00Z')); // midnight in China
    await cache.get('SELECT current_date', {}, c.compute);
    expect(c.runs).toBe(2);
  });

  it('freezes the rows it shares, so no reader can change another reader’s figures', async () => {
    const cache = new ResultCache();
    const rows = await cache.get('SELECT 1', {}, async () => [{ v: 1 }]);
    expect(() => { rows[0].v = 2; }).toThrow(TypeError);
    expect(() => rows.push({ v: 3 })).toThrow(TypeError);
  });
});

describe('Db.kept on a real database', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const AS_OF = { year: 2018, asOf: '2018-03-31', timeProgressMode: 'month' as const };
  const ALL = { kind: 'all' } as const;
  const centralPaid = async () => (await levelTotals(db, AS_OF, ALL)).find((r) => r.level === 'central')?.paid;
  /** A change made behind Db's back (as no code of the product does): only a cleared cache can see it. */
  const sneak = (sql: string) => db.withConnection((conn) => conn.run(sql));
  const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '乡镇'];

  it('answers from memory until an import lands, then with the import', async () => {
    expect(await centralPaid()).toBe('0.00');
    await sneak(`INSERT INTO payment_days (batch_id, pay_date, indicator_id, unit_id, town_id, amount, n)
                 VALUES (NULL, DATE '2018-03-01', 'ZB001', 101, NULL, 7.00, 1)`);
    expect(await centralPaid()).toBe('0.00');
    await importText(db, 'payments', csv([HEADER, ['P1', '2018-03-01', '100.00', 'ZB001', '甲镇']]));
    // 7.00 sneaked in + 100.00 imported: the import dropped the kept figure
    expect(await centralPaid()).toBe('107.00');
  });

  it('keeps the figures across bookkeeping writes (the audit log) and drops them on any other write', async () => {
    await sneak('DELETE FROM payment_days WHERE batch_id IS NULL');
    await audit(db, { actor: 'admin', action: 'export' });
    expect(await centralPaid()).toBe('107.00');
    await saveSettings(db, { ...(await getSettings(db)), countyName: '测试县' });
    expect(await centralPaid()).toBe('100.00');
    expect((await getSettings(db)).countyName).toBe('测试县');
  });
});
