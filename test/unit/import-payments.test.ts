import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { csv, importText, snapshot, useSeededCounty } from '../fixtures/import-load/helpers';

const HEADER = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '指标文号', '资金名称', '预算单位', '项目编码', '功能科目',
  '收款人', '收款人账号', '收款人类型', '用途', '乡镇', '村'];
const FUND = '中央财政专项扶贫资金';
const pay = (voucher: string, date: string, amount: string, more: Partial<Record<string, string>> = {}) =>
  HEADER.map((h, i) => (i === 0 ? voucher : i === 1 ? date : i === 2 ? amount : more[h] ?? (h === '预算单位' ? '县农业农村局' : '')));

// A title line and a unit line above the header: the data start on Excel row 4.
const TITLE = [['2018年国库集中支付明细'], ['单位：元']];
const MESSY = csv([
  ...TITLE,
  HEADER,
  pay('P001', '2018-09-07', '1,234.50', { 指标明细号: 'ZB001', 项目编码: 'XM001', 收款人类型: '个人', 乡镇: '甲镇', 村: '王家沟村' }), // 4
  pay('P002', '2018/9/8', '20万元', { 指标文号: '财农〔2018〕1号', 资金名称: FUND, 预算单位: '县水利局', 项目编码: 'XM009', 收款人类型: '单位' }), // 5
  pay('P003', '2018年9月9日', '（1,000.00）', { 指标明细号: 'ZB999' }), // 6: 冲销 in accounting form
  pay('P004', '20180910', '１２３．５', { 指标文号: '财农〔2018〕2号', 资金名称: FUND, 项目编码: 'XM002' }), // 7
  pay('P005', '43353', '-500', { 指标文号: '财农〔2018〕2号' }), // 8: serial date; 2号 names two indicators
  pay('P006', '2018-09-11 10:30:00', '1 234.56', { 指标明细号: 'ZB002' }), // 9
  pay('P007', '07/09/2018', '10'), // 10
  pay('P008', '2018-13-45', '20'), // 11
  pay('P009', '2018-09-12', '10(其中,灾情因素6万元)'), // 12
  pay('', '2018-09-12', '100'), // 13
  pay('P010', '1999-12-31', '100'), // 14
  pay('P011', '2018-09-13', '1.2E+05'), // 15
  pay('P012', '2018-09-13', '50', { 预算单位: '未知局' }), // 16
  pay('P013', '2018-09-13', '60', { 收款人类型: '外星人' }), // 17
  ['小计', '', '201,432.56'], // 18
  HEADER.map(() => ''), // 19: blank, not a record
  ['合计', '', '201,432.56'], // 20
]);

describe('importing a messy payments export', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('reads every value format, rejects bad rows with exact reasons and Excel row numbers, skips 小计/合计', async () => {
    const r = await importText(db, 'payments', MESSY);
    expect(r.rows_read).toBe(16);
    expect(r.accepted).toBe(6);
    expect(r.rejected).toBe(8);
    expect(r.duplicates).toBe(0);
    expect(r.subtotal_rows_skipped).toBe(2);
    expect(r.rows_read).toBe(r.accepted + r.rejected + r.duplicates + r.subtotal_rows_skipped);
    // 1234.50 + 200000 − 1000 + 123.50 − 500 + 1234.56, exact to the fen
    expect(r.amount_total_yuan).toBe('201092.56');
    // The 合计 line equals every data row whose amount could be read: the six accepted plus 10, 20, 100, 100, 50, 60.
    expect(r.totals_reconciled).toBe(true);
    expect(r.rejects.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [10, '支付日期', '07/09/2018', '日期为日/月/年格式，请选择“日在前”后重新导入：07/09/2018'],
      [11, '支付日期', '2018-13-45', '不是有效日期：2018-13-45'],
      [12, '支付金额', '10(其中,灾情因素6万元)', '金额含说明文字，无法识别'],
      [13, '支付凭证号', null, '必填字段为空'],
      [14, '支付日期', '1999-12-31', '日期超出合理范围（2000—2100年）：1999-12-31'],
      [15, '支付金额', '1.2E+05', '金额为科学计数法，精度已丢失：1.2E+05'],
      [16, '预算单位', '未知局', '未知单位：未知局（不在单位名录中；确为新单位时请选择“允许新建单位”）'],
      [17, '收款人类型', '外星人', '收款人类型应为“个人”或“单位”：外星人'],
    ]);
    const rows = await db.all(`SELECT voucher_no, pay_date, amount, indicator_id, unit_id, project_code, payee_type, town_id, village_id
      FROM payments WHERE batch_id = ${r.batch_id} ORDER BY voucher_no`);
    expect(rows).toEqual([
      { voucher_no: 'P001', pay_date: '2018-09-07', amount: '1234.50', indicator_id: 'ZB001', unit_id: 201, project_code: 'XM001', payee_type: 'person', town_id: 101, village_id: 1001 },
      { voucher_no: 'P002', pay_date: '2018-09-08', amount: '200000.00', indicator_id: 'ZB001', unit_id: 202, project_code: 'XM009', payee_type: 'org', town_id: null, village_id: null },
      { voucher_no: 'P003', pay_date: '2018-09-09', amount: '-1000.00', indicator_id: 'ZB999', unit_id: 201, project_code: null, payee_type: null, town_id: null, village_id: null },
      { voucher_no: 'P004', pay_date: '2018-09-10', amount: '123.50', indicator_id: 'ZB002', unit_id: 201, project_code: 'XM002', payee_type: null, town_id: null, village_id: null },
      { voucher_no: 'P005', pay_date: '2018-09-10', amount: '-500.00', indicator_id: null, unit_id: 201, project_code: null, payee_type: null, town_id: null, village_id: null },
      { voucher_no: 'P006', pay_date: '2018-09-11', amount: '1234.56', indicator_id: 'ZB002', unit_id: 201, project_code: null, payee_type: null, town_id: null, village_id: null },
    ]);
  });

  it('keeps unmatched payments and counts the matches: 明细号, or 文号 + fund naming exactly one indicator', async () => {
    const batch = await db.one<{ matched_indicator: string; matched_project: string }>(
      'SELECT matched_indicator, matched_project FROM import_batches ORDER BY id DESC LIMIT 1');
    // P001 ZB001, P002 文号 1号 → ZB001, P004 文号 2号 + fund 22 → ZB002, P006 ZB002; P003 (ZB999) and P005 (2号 without
    // fund: two indicators) are kept unmatched. Projects: XM001 and XM002.
    expect(batch).toEqual({ matched_indicator: '4', matched_project: '2' });
  });

  it('stores every reject with the whole raw row', async () => {
    const rej = await db.one<{ raw_row: string }>("SELECT raw_row FROM import_rejects WHERE row_no = 12");
    expect(JSON.parse(rej!.raw_row)).toEqual(pay('P009', '2018-09-12', '10(其中,灾情因素6万元)').map((v) => (v === '' ? null : v)));
  });

  it('reports totals that do not reconcile', async () => {
    const r = await importText(db, 'payments', csv([HEADER, pay('Q001', '2018-10-01', '100'), pay('Q002', '2018-10-02', '200.5'), ['合计', '', '301.00']]));
    expect(r.accepted).toBe(2);
    expect(r.subtotal_rows_skipped).toBe(1);
    expect(r.totals_reconciled).toBe(false);
    const none = await importText(db, 'payments', csv([HEADER, pay('Q003', '2018-10-01', '100')]));
    expect(none.totals_reconciled).toBeNull();
  });

  it('keeps a payment whose 用途 begins with 合计: only the first text column and the key column carry a total label', async () => {
    const r = await importText(db, 'payments', csv([HEADER, pay('T001', '2018-10-01', '100', { 用途: '合计三个月护林员工资' }),
      pay('T002', '2018-10-01', '50', { 收款人: '小计划种植合作社' }), ['合计', '', '150']]));
    expect([r.accepted, r.subtotal_rows_skipped, r.totals_reconciled]).toEqual([2, 1, true]);
    const sub = await importText(db, 'payments', csv([HEADER, ['小计', '2018-10-01', '150']]));
    expect([sub.accepted, sub.subtotal_rows_skipped]).toEqual([0, 1]);
  });

  it('reads amounts in 万元 from the header, unless the user says otherwise; a cell suffix always wins', async () => {
    const file = csv([[...HEADER.slice(0, 2), '支付金额(万元)'], ['W001', '2018-10-01', '12.5'], ['W002', '2018-10-01', '300元']]);
    const r = await importText(db, 'payments', file);
    expect(r.amount_total_yuan).toBe('125300.00');
    const asYuan = await importText(db, 'payments', file.replace(/W00/g, 'Y00'), { unit: '元' });
    expect(asYuan.amount_total_yuan).toBe('312.50');
  });

  it('reads day-first dates only when asked', async () => {
    const r = await importText(db, 'payments', csv([HEADER.slice(0, 3), ['D001', '07/09/2018', '1']]), { dayFirst: true });
    expect(r.accepted).toBe(1);
    expect((await db.one<{ d: string }>("SELECT pay_date AS d FROM payments WHERE voucher_no = 'D001'"))!.d).toBe('2018-09-07');
  });

  it('refuses a file whose required field has no column, and changes nothing', async () => {
    const before = await snapshot(db);
    await expect(importText(db, 'payments', csv([['支付凭证号', '支付日期', '用途'], ['Z001', '2018-01-01', 'x']])))
      .rejects.toThrow('缺少必填字段 “支付金额”');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('funds and units the catalog does not know', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  const FILE = csv([HEADER, pay('F001', '2018-05-01', '100', { 资金名称: '中央财政专项扶贫资金（2018年）', 指标文号: '财农〔2018〕2号' })]);

  it('rejects an unknown fund with the closest catalog name, and accepts it once the user confirms the choice', async () => {
    const r = await importText(db, 'payments', FILE);
    expect(r.accepted).toBe(0);
    expect(r.rejects).toEqual([{
      row: 2, column: '资金名称', value: '中央财政专项扶贫资金（2018年）',
      reason: '资金不在目录中：中央财政专项扶贫资金（2018年）；可能是：中央财政专项扶贫资金（中央，central-22）、扶贫专项资金（市，city-5）、'
        + '扶贫专项资金（县，county-2）。请改正资金名称或资金代码，或在导入页把它绑定为资金别名',
    }]);
    const ok = await importText(db, 'payments', FILE, { fundChoices: { '中央财政专项扶贫资金（2018年）': 22 } });
    expect(ok.accepted).toBe(1);
    // With the fund known, 文号 2号 names one indicator of fund 22.
    expect((await db.one<{ i: string }>("SELECT indicator_id AS i FROM payments WHERE voucher_no = 'F001'"))!.i).toBe('ZB002');
  });

  it('finds a fund by its catalog code and by a name written with full-width brackets or spaces', async () => {
    const r = await importText(db, 'indicators', csv([
      ['指标明细号', '资金名称', '指标金额', '接收日期'],
      ['I100', 'central-22', '1000', '2018-01-01'],
      ['I101', '老少边地区转移支付（不含专项扶贫资金）', '1000', '2018-01-01'],
      ['I102', ' 中央财政 专项扶贫资金 ', '1000', '2018-01-01'],
    ]));
    expect(r.accepted).toBe(3);
    expect(await db.all("SELECT id, fund_id, level, year FROM indicators WHERE id LIKE 'I1%' ORDER BY id")).toEqual([
      { id: 'I100', fund_id: 22, level: 'central', year: 2018 },
      { id: 'I101', fund_id: 3, level: 'central', year: 2018 },
      { id: 'I102', fund_id: 22, level: 'central', year: 2018 },
    ]);
  });

  const UNITS = csv([HEADER, pay('U001', '2018-05-01', '100', { 预算单位: '县新设局', 乡镇: '丙镇', 村: '新村' }),
    pay('U002', '2018-05-02', '100', { 预算单位: '丁镇', 乡镇: '甲镇', 村: '张家湾村' })]);

  it('rejects unknown units, towns and villages unless new units are allowed', async () => {
    const r = await importText(db, 'payments', UNITS);
    expect(r.accepted).toBe(0);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [2, '预算单位', '未知单位：县新设局（不在单位名录中；确为新单位时请选择“允许新建单位”）'],
      [2, '乡镇', '未知乡镇：丙镇（不在单位名录中；确为新乡镇时请选择“允许新建单位”）'],
      [2, '村', '未知乡镇“丙镇”，无法确定村：新村'],
      [3, '预算单位', '未知单位：丁镇（不在单位名录中；确为新单位时请选择“允许新建单位”）'],
      [3, '村', '乡镇“甲镇”下没有村：张家湾村（确为新村时请选择“允许新建单位”）'],
    ]);
  });

  it('creates them, with ids after the largest, when allowed; rolling the batch back removes them again', async () => {
    const before = await db.all('SELECT * FROM units ORDER BY id');
    const r = await importText(db, 'payments', UNITS, { allowNewUnits: true });
    expect(r.accepted).toBe(2);
    const created = await db.all<{ id: number; kind: string; name: string; parent_id: number | null }>(
      'SELECT id, kind, name, parent_id FROM units WHERE id > 1003 ORDER BY id');
    // Towns first, then departments, then villages (under their town).
    expect(created).toEqual([
      { id: 1004, kind: 'town', name: '丁镇', parent_id: null },
      { id: 1005, kind: 'town', name: '丙镇', parent_id: null },
      { id: 1006, kind: 'department', name: '县新设局', parent_id: null },
      { id: 1007, kind: 'village', name: '张家湾村', parent_id: 101 },
      { id: 1008, kind: 'village', name: '新村', parent_id: 1005 },
    ]);
    expect(await db.all("SELECT voucher_no, unit_id, town_id, village_id FROM payments WHERE voucher_no LIKE 'U%' ORDER BY 1")).toEqual([
      { voucher_no: 'U001', unit_id: 1006, town_id: 1005, village_id: 1008 },
      { voucher_no: 'U002', unit_id: 1004, town_id: 101, village_id: 1007 },
    ]);
    const { rollbackBatch } = await import('@/queries/import/rollback');
    const rb = await rollbackBatch(db, r.batch_id, 'tester');
    expect(rb).toEqual({ batch_id: r.batch_id, rows_deleted: 2, units_deleted: 5 });
    expect(await db.all('SELECT * FROM units ORDER BY id')).toEqual(before);
  });
});
