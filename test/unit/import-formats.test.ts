import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { encodeGbk } from '@/lib/cli/gbk-encode';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

// The same small payments export in the forms counties send it: UTF-8 with a BOM, GBK, and an XLSX sheet with a
// title, a unit line and a two-row merged header. Each must land identically.
const ROWS = [
  ['G001', '2018-04-01', '1.5', '县农业农村局', '张三', '6222001'],
  ['G002', '2018-04-02', '2', '县水利局', '李四', '6222002'],
];

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表由系统导出']);
  const ws = wb.addWorksheet('支付明细');
  ws.addRow(['2018年国库集中支付明细']);
  ws.mergeCells('A1:F1');
  ws.addRow(['单位：万元']);
  ws.addRow(['支付凭证号', '支付日期', '支付金额', '预算单位', '收款人', null]);
  ws.addRow([null, null, null, null, '名称', '账号']);
  ws.mergeCells('E3:F3');
  for (const c of ['A', 'B', 'C', 'D']) ws.mergeCells(`${c}3:${c}4`);
  for (const r of ROWS) ws.addRow([r[0], new Date(`${r[1]}T00:00:00Z`), Number(r[2]), r[3], r[4], r[5]]);
  ws.addRow(['G003', new Date('2018-04-03T00:00:00Z'), '待定', '县水利局']); // Excel row 7
  ws.addRow(['合计', null, 3.5]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('file formats', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  const text = csv([['单位：万元'], ['支付凭证号', '支付日期', '支付金额', '预算单位', '收款人名称', '收款人账号'], ...ROWS, ['合计', '', '3.5']]);
  const expected = [
    { voucher_no: 'G001', pay_date: '2018-04-01', amount: '15000.00', unit_id: 201, payee_name: '张三', payee_account: '6222001' },
    { voucher_no: 'G002', pay_date: '2018-04-02', amount: '20000.00', unit_id: 202, payee_name: '李四', payee_account: '6222002' },
  ];
  const stored = (batch: number) =>
    db.all(`SELECT voucher_no, pay_date, amount, unit_id, payee_name, payee_account FROM payments WHERE batch_id = ${batch} ORDER BY 1`);
  const clear = () => db.run('DELETE FROM payments');

  it('UTF-8 with a BOM', async () => {
    const r = await importText(db, 'payments', `\uFEFF${text}`);
    expect([r.encoding, r.accepted, r.subtotal_rows_skipped, r.totals_reconciled]).toEqual(['utf-8-bom', 2, 1, true]);
    expect(await stored(r.batch_id)).toEqual(expected);
    await clear();
  });

  it('GBK, detected, with the unit line above the header', async () => {
    const r = await importText(db, 'payments', encodeGbk(text));
    expect([r.encoding, r.accepted, r.totals_reconciled]).toEqual(['gb18030', 2, true]);
    expect(await stored(r.batch_id)).toEqual(expected);
    expect(r.rejects).toEqual([]);
    await clear();
  });

  it('XLSX: the chosen sheet, title rows, a two-row merged header; rejects carry the Excel row number', async () => {
    const r = await importText(db, 'payments', await xlsx(), { name: '支付.xlsx', sheet: '支付明细' });
    expect([r.encoding, r.accepted, r.rejected, r.subtotal_rows_skipped, r.totals_reconciled]).toEqual(['xlsx', 2, 1, 1, true]);
    expect(r.rejects).toEqual([{ row: 7, column: '支付金额', value: '待定', reason: '不是有效金额：待定' }]);
    expect(await stored(r.batch_id)).toEqual(expected);
    const batch = await db.one<{ options: string }>(`SELECT options FROM import_batches WHERE id = ${r.batch_id}`);
    expect(JSON.parse(batch!.options)).toMatchObject({ sheet: '支付明细', first_data_row: 5, format: 'xlsx' });
    await clear();
  });
});
