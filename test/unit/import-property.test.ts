import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

const HEADER = ['支付凭证号', '支付日期', '支付金额', '预算单位', '收款人', '用途'];

/** One line of a generated export. */
type Line =
  | { t: 'good'; amount: number; payee: string | null; purpose: string | null; day: number }
  | { t: 'bad'; how: 'date' | 'amount' | 'unit' | 'voucher' }
  | { t: 'dup'; of: number }
  | { t: 'conflict'; of: number }
  | { t: 'total'; label: '小计' | '合计' | '总计' }
  | { t: 'blank'; empty: boolean };

const line: fc.Arbitrary<Line> = fc.oneof(
  { weight: 6, arbitrary: fc.record({
    t: fc.constant('good' as const),
    amount: fc.integer({ min: -99_999_99, max: 99_999_999 }),
    payee: fc.option(fc.constantFrom('张三', '陕西宏远建筑工程有限公司', ' 李四 '), { nil: null }),
    purpose: fc.option(fc.constantFrom('工程款', '', '材料费'), { nil: null }),
    day: fc.integer({ min: 0, max: 300 }),
  }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('bad' as const), how: fc.constantFrom('date', 'amount', 'unit', 'voucher') as fc.Arbitrary<'date' | 'amount' | 'unit' | 'voucher'> }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('dup' as const), of: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('conflict' as const), of: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('total' as const), label: fc.constantFrom('小计', '合计', '总计') as fc.Arbitrary<'小计' | '合计' | '总计'> }) },
  // A blank row as Excel writes it (",,,,,"), or a completely empty line, which DuckDB alone would not count.
  { weight: 1, arbitrary: fc.record({ t: fc.constant('blank' as const), empty: fc.boolean() }) },
);

const date = (day: number) => new Date(Date.UTC(2018, 0, 1 + day)).toISOString().slice(0, 10);
const money = (fen: number) => (fen / 100).toFixed(2);

/** The file's cells, and what a correct import must report (worked out here, independently of the importer). */
function render(lines: Line[], run: number) {
  const rows: (string | null)[][] = [HEADER];
  const goods: (string | null)[][] = [];
  let n = 0;
  let records = 0;
  const expected = { accepted: 0, rejected: 0, duplicates: 0, subtotal: 0 };
  /** Excel row numbers of the rejected rows (the header is row 1). */
  const rejectedRows: number[] = [];
  for (const l of lines) {
    let row: (string | null)[];
    if (l.t === 'good') row = [`V${run}-${n++}`, date(l.day), money(l.amount), '县水利局', l.payee, l.purpose];
    else if (l.t === 'bad') {
      row = [`V${run}-${n++}`, l.how === 'date' ? '2018-02-30' : date(1), l.how === 'amount' ? '12(其中3万元)' : '1.00',
        l.how === 'unit' ? '不存在的局' : '县水利局', null, null];
      if (l.how === 'voucher') row[0] = null;
    } else if ((l.t === 'dup' || l.t === 'conflict') && goods.length) {
      const first = goods[l.of % goods.length];
      row = l.t === 'dup' ? [...first] : [first[0], first[1], money(Math.round(Number(first[2]) * 100) + 1), first[3], first[4], first[5]];
    } else if (l.t === 'total') row = [l.label, null, '1.00', null, null, null];
    else row = l.t === 'blank' && l.empty ? [] : [null, null, null, null, null, null];
    if (l.t === 'good') goods.push(row);
    const record = row.some((c) => c !== null && c !== '');
    if (record) records++;
    if (l.t === 'good') expected.accepted++;
    else if (l.t === 'bad' || (l.t === 'conflict' && record)) {
      expected.rejected++;
      rejectedRows.push(rows.length + 1);
    }
    else if (l.t === 'dup' && record) expected.duplicates++;
    else if (l.t === 'total') expected.subtotal++;
    rows.push(row);
  }
  return { text: csv(rows), records, expected, rejectedRows, vouchers: goods.map((g) => [g[0], g[2]]) };
}

describe('import accounting (property)', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('rows_read = accepted + rejected + duplicates + subtotal rows, the accepted rows really are in the table, rejects have their rows', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (lines) => {
        run++;
        const { text, records, expected, rejectedRows, vouchers } = render(lines, run);
        if (records === 0) {
          // Nothing below the header: nothing could be read, so nothing lands.
          await expect(importText(db, 'payments', text)).rejects.toThrow('没有数据行');
          return;
        }
        const r = await importText(db, 'payments', text);
        expect(r.rows_read).toBe(records);
        expect(r.rows_read).toBe(r.accepted + r.rejected + r.duplicates + r.subtotal_rows_skipped);
        expect({ accepted: r.accepted, rejected: r.rejected, duplicates: r.duplicates, subtotal: r.subtotal_rows_skipped }).toEqual(expected);
        const stored = await db.one<{ n: string; s: string | null }>(
          `SELECT count(*) AS n, sum(amount)::VARCHAR AS s FROM payments WHERE batch_id = ${r.batch_id}`);
        expect(Number(stored!.n)).toBe(r.accepted);
        expect(stored!.s ?? '0.00').toBe(r.amount_total_yuan);
        const rows = await db.all<{ voucher_no: string; amount: string }>(
          `SELECT voucher_no, amount FROM payments WHERE batch_id = ${r.batch_id} ORDER BY voucher_no`);
        expect(rows.map((x) => [x.voucher_no, x.amount])).toEqual([...vouchers].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
        // Every rejected row is reported (once per row, with all its problems), under the row number Excel shows.
        const reported = await db.all<{ row_no: string }>(`SELECT DISTINCT row_no FROM import_rejects WHERE batch_id = ${r.batch_id} ORDER BY row_no`);
        expect(reported.map((x) => Number(x.row_no))).toEqual(rejectedRows);
      }),
      { numRuns: 40, seed: 20181231 },
    );
  }, 240_000);
});
