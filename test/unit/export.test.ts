import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import type { Db } from '@/queries/db';
import { EXPORT_COLUMNS, paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import { exportHeader, textWidth } from '@/lib/export/table';
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

  it('XLSX: a title row with the filter and the 截止日期, Chinese headers frozen below it, 万元 amounts, neutralised text', async () => {
    const caption = ['2018年度', '截止 2018-09-30', '支付口径 全部支付', '镇(中心) 石窑镇'];
    const rows = [[ROW], [{ ...ROW, voucher_no: 'PZ002', amount: '0.07', purpose: '=1+1', unit_name: '', eco_code: null }]];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(paymentsXlsx(rows, 'whole', caption))) as never);
    const sheet = workbook.getWorksheet('支付明细')!;
    expect(sheet.getCell('A1').value).toBe('支付明细（2018年度 · 截止 2018-09-30 · 支付口径 全部支付 · 镇(中心) 石窑镇）');
    expect(sheet.getRow(2).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => exportHeader(c, '万元'))]);
    expect(sheet.getCell('C2').value).toBe('金额(万元)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const col = (key: keyof PaymentExportRow) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // −12,345,678,901.23 元 = −1,234,567.890123 万元 (the point moved four places; shown −1,234,567.89 as on the page).
    expect(sheet.getRow(3).getCell(col('amount')).value).toBe(-1234567.890123);
    expect(sheet.getRow(3).getCell(col('amount')).numFmt).toBe('#,##0.00');
    expect(sheet.getRow(4).getCell(col('amount')).value).toBe(0.000007); // 0.07 元
    expect(sheet.getRow(3).getCell(col('payee_name')).value).toBe('\'=cmd|" /C calc"!A0');
    expect(sheet.getRow(3).getCell(col('purpose')).value).toBe('他说"好"\n第二行');
    expect(sheet.getRow(4).getCell(col('purpose')).value).toBe("'=1+1");
    expect(sheet.getRow(3).getCell(col('payee_account')).value).toBe('6217000012345678901');
    expect(sheet.getRow(3).getCell(col('payee_type')).value).toBe('个人');
    // Cells name their place only after an empty one (null or ''): every cell still lands in its column.
    const shown = (r: number) => EXPORT_COLUMNS.map((_, i) => sheet.getRow(r).getCell(i + 1).value);
    expect(shown(3)).toEqual(['2018-09-07', 'PZ001', -1234567.890123, '石窑镇', '石窑镇', null, '\'=cmd|" /C calc"!A0', '个人',
      '6217000012345678901', '农商行, 石窑支行', '他说"好"\n第二行', 'ZB1', "'@doc", "'+资金", null, '2130599', '30305']);
    expect(shown(4)).toEqual(['2018-09-07', 'PZ002', 0.000007, null, '石窑镇', null, '\'=cmd|" /C calc"!A0', '个人',
      '6217000012345678901', '农商行, 石窑支行', "'=1+1", 'ZB1', "'@doc", "'+资金", null, '2130599', null]);
    // Widths measured, a CJK character counting two: 收款人 (6) holds '=cmd|" /C calc"!A0' (18) + 2;
    // 收款银行's '农商行, 石窑支行' is 7 CJK + 2 = 16, + 2; 村 has only its header (2): the least, 8.
    expect(sheet.getColumn(col('payee_name')).width).toBe(20);
    expect(sheet.getColumn(col('payee_bank')).width).toBe(18);
    expect(sheet.getColumn(col('village_name')).width).toBe(8);
    expect(sheet.rowCount).toBe(4);
  });

  it('CSV reads back as Chinese text: the BOM, then UTF-8', async () => {
    const csv = await bytes(paymentsCsv([[{ ...ROW, purpose: '=1+1' }]], 'whole'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, line] = new TextDecoder('utf-8', { fatal: true }).decode(csv).split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['支付日期', '支付凭证号', '金额(元)', '预算单位']);
    expect(line.split(',')[3]).toBe('石窑镇');
    expect(line).toContain(",'=1+1,");
  });

  it('measures text as Excel shows it: a CJK or full-width character takes two columns', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('石窑镇')).toBe(6);
    expect(textWidth('（A１）')).toBe(7); // full-width brackets and digit: 2 + 1 + 2 + 2
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

  it('XLSX: the title, the header, then every row newest first, amounts in 万元, the formula-looking payee neutralised', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytes(paymentsXlsx(exportPayments(db, EVERY, { kind: 'all' }, N), 'whole', ['2018年度', '截止 2018-12-31']))) as never);
    const sheet = workbook.getWorksheet('支付明细')!;
    expect(sheet.rowCount).toBe(N + 2);
    expect(sheet.getRow(2).values).toEqual([undefined, ...EXPORT_COLUMNS.map((c) => exportHeader(c, '万元'))]);
    const col = (key: keyof PaymentExportRow) => EXPORT_COLUMNS.findIndex((c) => c.key === key) + 1;
    // Newest first, then the larger voucher: by (day desc, i desc).
    const expected = Array.from({ length: N }, (_, k) => k + 1).sort((a, b) => b % 300 - a % 300 || b - a).map(voucher);
    expect(sheet.getColumn(col('voucher_no')).values.slice(3)).toEqual(expected);
    const row = sheet.getRow(expected.indexOf(voucher(4321)) + 3);
    expect(row.getCell(col('pay_date')).value).toBe('2018-05-02'); // 4321 % 300 = 121 days after 1 January
    expect(row.getCell(col('amount')).value).toBe(0.436421); // 4321 × 1.01 = 4,364.21 元
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
      const file = write(endless(), 'masked', []);
      await once(file, 'data');
      file.destroy();
      await vi.waitFor(() => expect(closed).toBe(true));
    }
  });
});
