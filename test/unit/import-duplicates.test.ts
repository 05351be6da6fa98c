import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { rollbackBatch } from '@/queries/import/rollback';
import { getBatch, listBatches } from '@/queries/import/batches';
import { csv, importText, snapshot, useSeededCounty } from '../fixtures/import-load/helpers';

const HEADER = ['支付凭证号', '支付日期', '支付金额', '预算单位', '用途'];
const FILE = csv([
  HEADER,
  ['P1', '2018-03-01', '100.00', '县农业农村局', '工程款'],
  ['P2', '2018-03-02', '200', '县水利局', '材料费'],
  ['P1', '2018-03-01', '100', '县农业农村局', '工程款'], // 4: the same payment again (100 = 100.00): a duplicate
  ['P2', '2018-03-02', '250', '县水利局', '材料费'], // 5: same voucher, other amount: a conflict
  ['P3', '2018-03-03', '300', '县水利局', '差旅费'],
]);

describe('duplicates, conflicts, re-import and rollback', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  let first: number;

  it('keeps the first of identical rows and rejects a same-key row with other content', async () => {
    const r = await importText(db, 'payments', FILE);
    first = r.batch_id;
    expect([r.rows_read, r.accepted, r.duplicates, r.rejected]).toEqual([5, 3, 1, 1]);
    expect(r.rejects).toEqual([{ row: 5, column: '支付凭证号', value: 'P2', reason: '与第 3 行凭证号相同但内容不同' }]);
    expect(r.amount_total_yuan).toBe('600.00');
  });

  it('changes nothing when the same file comes again: every row a duplicate, or the known conflict', async () => {
    const before = await snapshot(db);
    const payments = await db.all('SELECT * FROM payments ORDER BY voucher_no');
    const r = await importText(db, 'payments', FILE);
    expect([r.rows_read, r.accepted, r.duplicates, r.rejected]).toEqual([5, 0, 4, 1]);
    expect(r.amount_total_yuan).toBe('0.00');
    expect(await db.all('SELECT * FROM payments ORDER BY voucher_no')).toEqual(payments);
    // Only the new batch and its one reject were written.
    expect(await snapshot(db)).toEqual({ ...before, import_batches: before.import_batches + 1, import_rejects: before.import_rejects + 1 });
  });

  it('never overwrites a stored row: a changed payment is a conflict naming the batch that holds it', async () => {
    const r = await importText(db, 'payments', csv([HEADER, ['P3', '2018-03-03', '301', '县水利局', '差旅费'], ['P4', '2018-03-04', '400', '县水利局', '']]));
    expect([r.accepted, r.rejected]).toEqual([1, 1]);
    expect(r.rejects[0]).toEqual({ row: 2, column: '支付凭证号', value: 'P3', reason: `与已导入批次 #${first} 的凭证号相同但内容不同（未覆盖）` });
    expect((await db.one<{ a: string }>("SELECT amount AS a FROM payments WHERE voucher_no = 'P3'"))!.a).toBe('300.00');
  });

  it('lands a batch whose every row was rejected', async () => {
    const r = await importText(db, 'payments', csv([HEADER, ['X1', 'not a date', '1', '县水利局', '']]));
    expect([r.rows_read, r.accepted, r.rejected]).toEqual([1, 0, 1]);
    expect((await getBatch(db, r.batch_id))!.status).toBe('loaded');
  });

  it('rolls a batch back once, recording who and when; a second rollback is refused', async () => {
    const before = Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))!.n);
    const r = await rollbackBatch(db, first, '张科长');
    expect(r).toEqual({ batch_id: first, rows_deleted: 3, units_deleted: 0 });
    expect(Number((await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))!.n)).toBe(before - 3);
    const b = (await getBatch(db, first))!;
    expect(b.status).toBe('rolled_back');
    expect(b.rolled_back_by).toBe('张科长');
    expect(b.rolled_back_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    await expect(rollbackBatch(db, first, '张科长')).rejects.toThrow(`批次 #${first} 已于`);
    await expect(rollbackBatch(db, 9999, '张科长')).rejects.toThrow('批次 #9999 不存在');
  });

  it('imports the rolled-back rows again afterwards', async () => {
    const r = await importText(db, 'payments', FILE);
    expect([r.accepted, r.duplicates, r.rejected]).toEqual([3, 1, 1]);
  });

  it('lists the batches newest first with their counts and files', async () => {
    const batches = await listBatches(db);
    expect(batches[0].id).toBeGreaterThan(batches[batches.length - 1].id);
    const b = batches.find((x) => x.id === first)!;
    expect(b).toMatchObject({ kind: 'payments', file_name: 'payments.csv', rows_read: 5, accepted: 3, duplicates: 1, rejected: 1, status: 'rolled_back' });
    expect(b.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.raw_path).toMatch(new RegExp(`${first}-${b.sha256.slice(0, 12)}-payments\\.csv$`));
    expect(b.mapping).toEqual({ 支付凭证号: 'voucher_no', 支付日期: 'pay_date', 支付金额: 'amount', 预算单位: 'unit', 用途: 'purpose' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(b.raw_path!, 'utf8')).toBe(FILE);
  });
});
