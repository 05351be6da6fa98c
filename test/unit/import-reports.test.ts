import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { rejectsCsv, rejectsXlsx } from '@/lib/import/rejects-export';
import { deletePreset, listPresets, loadPreset, savePreset } from '@/queries/import/presets';
import { paymentQuality, paymentsWithGap } from '@/queries/import/quality';
import { listRejects } from '@/queries/import/batches';
import { tempDb } from '../helpers/temp-db';
import { csv, importText, seedCounty } from '../fixtures/import-load/helpers';

const HEADER = ['凭证号', '支付日期', '支付金额', '指标明细号', '预算单位', '项目编码', '功能科目', '收款人账号', '用途', '备注'];

describe('reject reports, presets and data quality', () => {
  let db: Db;
  let cleanup: () => void;
  let batch: number;
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await seedCounty(db);
    const r = await importText(db, 'payments', csv([
      HEADER,
      ['R1', '2018-06-01', '100', 'ZB001', '县农业农村局', 'XM001', '2130505', '6222', '产业补助', ''],
      ['R2', '2018-06-02', '200', '', '县农业农村局', 'XM404', '', '', '', ''],
      ['R3', '2018-06-03', '300', 'ZB404', '县水利局', '', '2130505', '6223', '  ', ''],
      ['=HYPERLINK("http://x","点我")', '2018-13-01', '-5', '', '县水利局', '', '', '', '@SUM(A1)', '+1'], // 5: two problems
      ['R5', '2018-06-05', '10(其中,灾情因素6万元)', '', '县水利局', '', '', '', '', '-备注'], // 6
    ]));
    batch = r.batch_id;
  });
  afterAll(() => cleanup());

  it('lists every problem of every rejected row', async () => {
    expect((await listRejects(db, batch)).map((x) => [x.row, x.column, x.reason])).toEqual([
      [5, '支付日期', '不是有效日期：2018-13-01'],
      [6, '支付金额', '金额含说明文字，无法识别'],
    ]);
  });

  it('exports the rejects as CSV: the original columns, 行号 and 原因, formula-looking cells neutralised', async () => {
    const text = await rejectsCsv(db, batch);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      [...HEADER, '行号', '原因'].join(','),
      `"'=HYPERLINK(""http://x"",""点我"")",2018-13-01,'-5,,县水利局,,,,'@SUM(A1),'+1,5,支付日期：不是有效日期：2018-13-01`,
      `R5,2018-06-05,"10(其中,灾情因素6万元)",,县水利局,,,,,'-备注,6,支付金额：金额含说明文字，无法识别`,
      '',
    ]);
  });

  it('exports the rejects as XLSX with the same cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rejectsXlsx(db, batch)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(ws.getCell('A1').value).toMatch(new RegExp(`^未导入的行（批次 #${batch} · 国库集中支付明细 · payments\\.csv · 导入于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} · 共 2 行）$`));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(rows[0]).toEqual([...HEADER, '行号', '原因']);
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(rows[1][2]).toBe("'-5");
    expect(rows[1][8]).toBe("'@SUM(A1)");
    expect(rows[1].slice(10)).toEqual([5, '支付日期：不是有效日期：2018-13-01']);
    expect(rows[2][11]).toBe('支付金额：金额含说明文字，无法识别');
  });

  it('counts each paying unit\'s gaps for the 数据质量 page, within the viewer\'s scope', async () => {
    const all = await paymentQuality(db, { kind: 'all' });
    expect(all).toEqual([
      { unit_id: 201, unit_name: '县农业农村局', unit_kind: 'department', payments: 2, unmatched_indicator: 1, unmatched_project: 1,
        no_project: 0, missing_func_code: 1, missing_payee_account: 1, empty_purpose: 1 },
      { unit_id: 202, unit_name: '县水利局', unit_kind: 'department', payments: 1, unmatched_indicator: 1, unmatched_project: 0,
        no_project: 1, missing_func_code: 0, missing_payee_account: 0, empty_purpose: 1 },
    ]);
    expect((await paymentQuality(db, { kind: 'department', unitId: 202 })).map((r) => r.unit_id)).toEqual([202]);
    expect(await paymentQuality(db, { kind: 'all' }, { period: { year: 2017, asOf: '2017-12-31' }, batch: null })).toEqual([]);
    const gaps = await paymentsWithGap(db, { kind: 'all' }, 'indicator');
    expect(gaps.map((p) => p.voucher_no)).toEqual(['R2', 'R3']);
    expect((await paymentsWithGap(db, { kind: 'all' }, 'project', { unitId: 201 })).map((p) => p.voucher_no)).toEqual(['R2']);
  });

  it('saves, lists, loads and deletes named header mappings per kind', async () => {
    await savePreset(db, { name: '财政一体化系统', kind: 'payments', mapping: { 凭证编号: 'voucher_no', 备注: null }, options: { unit: '万元' }, user: 'admin' });
    await savePreset(db, { name: '财政一体化系统', kind: 'payments', mapping: { 凭证编号: 'voucher_no' }, user: 'admin' });
    await savePreset(db, { name: '民政系统', kind: 'payouts', mapping: { 身份证: 'id_number' } });
    expect((await listPresets(db, 'payments')).map((p) => [p.name, p.mapping, p.options])).toEqual([['财政一体化系统', { 凭证编号: 'voucher_no' }, {}]]);
    expect((await listPresets(db)).length).toBe(2);
    expect((await loadPreset(db, 'payouts', '民政系统'))!.mapping).toEqual({ 身份证: 'id_number' });
    expect(await loadPreset(db, 'payments', '民政系统')).toBeNull();
    await deletePreset(db, 'payouts', '民政系统');
    expect(await listPresets(db, 'payouts')).toEqual([]);
    await expect(savePreset(db, { name: ' ', kind: 'payments', mapping: {} })).rejects.toThrow('方案名称不能为空');
  });

  it('imports with a corrected mapping: a column renamed, another left out', async () => {
    const r = await importText(db, 'payments', csv([['流水', '日期', '金额', '用途'], ['M1', '2018-07-01', '5', '差旅']]),
      { mapping: { 流水: 'voucher_no', 用途: null } });
    expect(r.accepted).toBe(1);
    expect(await db.one("SELECT voucher_no, purpose FROM payments WHERE voucher_no = 'M1'")).toEqual({ voucher_no: 'M1', purpose: null });
  });
  it('imports the corrected XLSX report again: its title line skipped, 行号 and 原因 mapped to nothing', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await rejectsXlsx(db, batch)) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    // The user corrects the two rows' date and amount (row 3 and 4 under the title and header), and the 凭证号.
    ws.getCell('A3').value = 'R4';
    ws.getCell('B3').value = '2018-12-01';
    ws.getCell('C3').value = '5';
    ws.getCell('C4').value = '10';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await importText(db, 'payments', fixed, { name: '未导入的行.xlsx' });
    expect([again.accepted, again.rejected]).toEqual([2, 0]);
    const [row] = await db.all<{ n: number; amount: string }>(
      "SELECT count(*)::INT AS n, sum(amount)::VARCHAR AS amount FROM payments WHERE voucher_no IN ('R4', 'R5') AND batch_id = $b", { b: again.batch_id });
    expect(row).toEqual({ n: 2, amount: '15.00' });
  });
});
