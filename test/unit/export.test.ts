import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import type { Db } from '@/queries/db';
import { EXPORT_COLUMNS, paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import { zipInput } from '@/lib/export/xlsx-zip';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import type { PaymentQuery } from '@/queries/payments';
import { exportPayments, type PaymentExportRow } from '@/queries/payments';
import { tempDb } from '../helpers/temp-db';

/** Every payment of the fixture (all in 2018): budget year 2018 to its last day, on basis 'all' (docs/views.md). */
const EVERY: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' };

const ROW: PaymentExportRow = {
  pay_date: '2018-09-07', voucher_no: 'PZ001', amount: '-12345678901.23', unit_name: '石窑镇', town_name: '石窑镇',
  village_name: null, payee_name: '=cmd|" /C calc"!A0', payee_type: 'person', payee_account: '6217000012345678901',
  payee_bank: '农商行, 石窑支行', purpose: '他说"好"\n第二行', indicator_id: 'ZB1', indicator_doc_no: '@doc', fund_name: '+资金',
  project_code: null, func_code: '2130599', eco_code: '30305',
};

const bytes = async (file: Readable) => Buffer.concat(await file.toArray());

describe('支付明细 export files', () => {
  it('CSV: UTF-8 BOM, Chinese headers, exact 元, quoted and neutralised cells, CRLF', async () => {
    const csv = (await bytes(paymentsCsv([[ROW]], 'whole'))).toString('utf8');
    expect(csv.startsWith('\uFEFF支付日期,支付凭证号,金额(元),')).toBe(true);
    const [, line] = csv.slice(1).split('\r\n');
    expect(line).toBe(
      '2018-09-07,PZ001,-12345678901.23,石窑镇,石窑镇,,"\'=cmd|"" /C calc""!A0",个人,6217000012345678901,"农商行, 石窑支行",'
      + '"他说""好""\n第二行",ZB1,\'@doc,\'+资金,,2130599,30305',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('XLSX: the amount is a number equal to the DECIMAL, text cells are neutralised text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(paymentsXlsx([[ROW], [{ ...ROW, voucher_no: 'PZ002', amount: '0.07' }]], 'whole'))) as never);
    const sheet = workbook.getWorksheet('支付明细')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    const amountCol = EXPORT_COLUMNS.findIndex((c) => c.key === 'amount') + 1;
    expect(sheet.getRow(2).getCell(amountCol).value).toBe(-12345678901.23);
    expect(sheet.getRow(3).getCell(amountCol).value).toBe(0.07);
    expect(sheet.getRow(2).getCell(EXPORT_COLUMNS.findIndex((c) => c.key === 'payee_name') + 1).value).toBe('\'=cmd|" /C calc"!A0');
    expect(sheet.getRow(2).getCell(EXPORT_COLUMNS.findIndex((c) => c.key === 'payee_account') + 1).value).toBe('6217000012345678901');
    expect(sheet.rowCount).toBe(3);
  });

  it('exceljs still hands a sheet to the zip through a stream whose backlog can be waited on (zipInput)', async () => {
    const out = new PassThrough();
    out.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = workbook.addWorksheet('x');
    for (let i = 0; i < 2000; i++) sheet.addRow([`第${i}行`, i]).commit();
    await new Promise((resolve) => setImmediate(resolve));
    // The rows went in faster than the zip compresses them: the stream says so, and says when it has caught up.
    expect(zipInput(sheet)?._writableState.needDrain).toBe(true);
    await once(zipInput(sheet)!, 'drain');
    sheet.commit();
    await workbook.commit();
  });
});

describe('支付明细 export streamed from DuckDB', () => {
  // 5,000 payments of 甲镇, more than two DuckDB chunks (2,048 rows each): payment i is voucher PZ0000i, paid on day
  // i % 300 of 2018 (0 = 1 January), i × 1.01 元; payment 4321's payee looks like a formula.
  const N = 5000;
  const voucher = (i: number) => `PZ${String(i).padStart(5, '0')}`;
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await db.run("INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇')");
    await db.run(`INSERT INTO payments (voucher_no, pay_date, amount, unit_id, town_id, payee_name, purpose)
      SELECT 'PZ' || lpad(i::VARCHAR, 5, '0'), DATE '2018-01-01' + (i % 300)::INTEGER, (i * 1.01)::DECIMAL(18,2), 101, 101,
             CASE WHEN i = 4321 THEN '=HYPERLINK("http://x","点我")' ELSE '收款人' || i END, '到户补助'
      FROM range(1, ${N + 1}) t(i)`);
  });
  afterAll(() => cleanup());

  it('XLSX: the header, then every row newest first, amounts as formatted numbers, the formula-looking payee neutralised', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(paymentsXlsx(exportPayments(db, EVERY, { kind: 'all' }, N), 'whole'))) as never);
    const sheet = workbook.getWorksheet('支付明细')!;
    expect(sheet.rowCount).toBe(N + 1);
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => c.header)]);
    const col = (key: keyof PaymentExportRow) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // Newest first, then the larger voucher: by (day desc, i desc).
    const expected = Array.from({ length: N }, (_, k) => k + 1).sort((a, b) => b % 300 - a % 300 || b - a).map(voucher);
    expect(sheet.getColumn(col('voucher_no')).values.slice(2)).toEqual(expected);
    const row = sheet.getRow(expected.indexOf(voucher(4321)) + 2);
    expect(row.getCell(col('pay_date')).value).toBe('2018-05-02'); // 4321 % 300 = 121 days after 1 January
    expect(row.getCell(col('amount')).value).toBe(4364.21);
    expect(row.getCell(col('amount')).numFmt).toBe('#,##0.00');
    expect(row.getCell(col('payee_account')).numFmt).toBe('@'); // text, so Excel never turns an account into a number
    expect(row.getCell(col('payee_name')).value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(row.getCell(col('town_name')).value).toBe('甲镇');
  });

  it('CSV: the same rows from the same stream of chunks', async () => {
    const csv = (await bytes(paymentsCsv(exportPayments(db, EVERY, { kind: 'all' }, N), 'whole'))).toString('utf8');
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(N + 2); // header, N rows, and the empty piece after the last CRLF
    expect(lines[N + 1]).toBe('');
    expect(new Set(lines.slice(1, N + 1).map((l) => l.split(',')[1]))).toEqual(new Set(Array.from({ length: N }, (_, k) => voucher(k + 1))));
  });

  it('a cancelled download stops reading rows, which ends the query and frees its connection', async () => {
    for (const write of [paymentsCsv, paymentsXlsx]) {
      let closed = false;
      // The first chunk over and over: only the reader going away can end this stream.
      async function* endless() {
        try {
          for await (const rows of exportPayments(db, EVERY, { kind: 'all' }, N)) for (;;) yield rows;
        } finally {
          closed = true;
        }
      }
      const file = write(endless(), 'masked');
      await once(file, 'data');
      file.destroy();
      await vi.waitFor(() => expect(closed).toBe(true));
    }
  });
});
