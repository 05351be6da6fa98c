import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { csv, importText, useSeededCounty } from '../fixtures/import-load/helpers';

describe('every import kind lands in its table', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('indicators: 万元 header, yes/no flags, level picks among same-named funds, leading zeros kept', async () => {
    const fund = async (level: string) =>
      (await db.one<{ id: number }>("SELECT id FROM funds WHERE name = '扶贫专项资金' AND level = $l", { l: level }))!.id;
    const levels = await db.all<{ level: string }>("SELECT level FROM funds WHERE name = '扶贫专项资金' ORDER BY id");
    const r = await importText(db, 'indicators', csv([
      ['指标明细号', '指标文号', '资金名称', '预算级次', '指标金额(万元)', '接收日期', '是否扶贫', '是否直达', '补贴到人', '功能科目'],
      ['00123', '财农〔2018〕5号', '扶贫专项资金', '县', '12.3456', '2018-01-05', '是', 'N', '0', '2130505'],
      ['I2', '', '扶贫专项资金', '', '1', '2018-01-05', '', '', '', ''],
      ['1.23E+15', '', 'central-22', '中央', '5', '2018-02-01', '', '', '', ''],
      ['I4', '', 'central-22', '', '5', '2018-02-01', '也许', '', '', ''],
    ]));
    expect([r.accepted, r.rejected]).toEqual([1, 3]);
    const label: Record<string, string> = { central: '中央', province: '省', city: '市', county: '县' };
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [3, '资金名称', `资金名称在多个预算级次下都有（${levels.map((l) => label[l.level]).join('、')}），请填写预算级次，或改用资金代码（如 central-22）：扶贫专项资金`],
      [4, '指标明细号', '编码被Excel显示为科学计数法，原值已丢失：1.23E+15'],
      [5, '是否扶贫', '应为“是”或“否”：也许'],
    ]);
    expect(await db.one("SELECT id, doc_no, fund_id, level, year, amount, received_date, func_code, is_poverty, is_direct, is_to_person FROM indicators WHERE id = '00123'"))
      .toEqual({ id: '00123', doc_no: '财农〔2018〕5号', fund_id: await fund('county'), level: 'county', year: 2018, amount: '123456.00',
        received_date: '2018-01-05', func_code: '2130505', is_poverty: true, is_direct: false, is_to_person: false });
  });

  it('allocations: without a 分配明细号 the content makes the key, so the same line twice is one allocation', async () => {
    const file = csv([
      ['指标明细号', '接收单位', '分配金额', '分配日期', '分配文号'],
      ['ZB001', '甲镇', '1000', '2018-02-01', '县财发〔2018〕1号'],
      ['ZB001', '县水利局', '2000', '2018-02-02', ''],
      ['ZB001', '甲镇', '1,000.00', '2018/2/1', '县财发〔2018〕1号'],
      ['ZB001', '', '5', '2018-02-03', ''],
    ]);
    const r = await importText(db, 'allocations', file);
    expect([r.accepted, r.duplicates, r.rejected]).toEqual([2, 1, 1]);
    expect(r.rejects).toEqual([{ row: 5, column: '接收单位', value: null, reason: '必填字段为空' }]);
    expect(await db.all('SELECT indicator_id, unit_id, amount, alloc_date, doc_no, length(id)::INTEGER AS n FROM allocations ORDER BY unit_id')).toEqual([
      { indicator_id: 'ZB001', unit_id: 101, amount: '1000.00', alloc_date: '2018-02-01', doc_no: '县财发〔2018〕1号', n: 17 },
      { indicator_id: 'ZB001', unit_id: 202, amount: '2000.00', alloc_date: '2018-02-02', doc_no: null, n: 17 },
    ]);
    const again = await importText(db, 'allocations', file);
    expect([again.accepted, again.duplicates, again.rejected]).toEqual([0, 3, 1]);
  });

  it('projects: status labels, whole numbers with units, villages within their town', async () => {
    const r = await importText(db, 'projects', csv([
      ['项目编码', '项目名称', '年度', '乡镇', '村', '实施单位', '计划投资(万元)', '开工日期', '计划完工日期', '项目状态', '受益户数', '带贫人数'],
      ['XM100', '道路硬化', '2018年', '甲镇', '李家峁村', '县农业农村局', '50', '2018/3/1', '2018/10/31', '已入库', '120户', '35'],
      ['XM101', '水窖', '2018', '乙镇', '王家沟村', '', '1.5', '', '', '实施中', '1,200', '0'],
      ['XM102', '大棚', '2018', '', '', '', '', '', '', '规划中', '', ''],
      ['XM103', '养殖', '2018', '', '', '', '', '', '', '验收', '12.5', ''],
    ]));
    expect([r.accepted, r.rejected]).toEqual([2, 2]);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [4, '项目状态', '未知项目状态（应为未开工/申报/审核/入库/实施/完工/验收）：规划中'],
      [5, '受益户数', '应为整数：12.5'],
    ]);
    expect(await db.all("SELECT code, year, town_id, village_id, unit_id, planned_amount, start_date, planned_end, status, beneficiaries, poor_beneficiaries FROM projects WHERE code LIKE 'XM10%' ORDER BY code"))
      .toEqual([
        { code: 'XM100', year: 2018, town_id: 101, village_id: 1002, unit_id: 201, planned_amount: '500000.00', start_date: '2018-03-01', planned_end: '2018-10-31', status: 'approved', beneficiaries: 120, poor_beneficiaries: 35 },
        { code: 'XM101', year: 2018, town_id: 102, village_id: 1003, unit_id: null, planned_amount: '15000.00', start_date: null, planned_end: null, status: 'in_progress', beneficiaries: 1200, poor_beneficiaries: 0 },
      ]);
    expect(r.amount_total_yuan).toBe('515000.00');
  });

  it('performance targets: comparators, percentages, generated ids', async () => {
    const r = await importText(db, 'perf_targets', csv([
      ['项目编码', '一级指标', '二级指标', '三级指标', '指标符号', '指标值', '计量单位', '完成值'],
      ['XM100', '产出', '数量', '硬化道路长度', '≥', '5.5', '公里', '3'],
      ['XM100', '满意度', '服务对象满意度', '群众满意度', '', '90%', '%', ''],
      ['XM100', '效益', '', '带贫人数', '=', '三十', '人', ''],
    ]));
    expect([r.accepted, r.rejected, r.amount_total_yuan]).toEqual([2, 1, '0.00']);
    expect(r.rejects[0]).toMatchObject({ row: 4, column: '指标值', reason: '数值含说明文字，无法识别' });
    expect(await db.all('SELECT id, project_code, level1, name, comparator, target_value, unit, actual_value FROM perf_targets ORDER BY id')).toEqual([
      { id: 1, project_code: 'XM100', level1: '产出', name: '硬化道路长度', comparator: '>=', target_value: 5.5, unit: '公里', actual_value: 3 },
      { id: 2, project_code: 'XM100', level1: '满意度', name: '群众满意度', comparator: '>=', target_value: 90, unit: '%', actual_value: null },
    ]);
  });

  it('payouts: months in any form, ID numbers checked (GB 11643), accounts kept as text', async () => {
    const r = await importText(db, 'payouts', csv([
      ['发放月份', '乡镇', '村', '姓名', '身份证号', '补贴项目', '应发金额', '实发金额', '账号'],
      ['2018年3月', '甲镇', '王家沟村', '张三', '11010519491231002X', '农村低保金', '310', '310', '0012345'],
      ['201804', '乙镇', '王家沟村', '李四', '110105194912310021', '农村低保金', '310', '310', ''],
      ['2018-05-17', '甲镇', '', '王五', '110105491231002', '高龄补贴', '', '100', '="0099"'],
      ['2018-13', '甲镇', '', '赵六', '11010519491231002X', '高龄补贴', '', '100', ''],
      ['2018/6', '甲镇', '', '张三', '11010519491231002x', '农村低保金', '310', '310', ''],
    ]));
    expect([r.accepted, r.rejected]).toEqual([3, 2]);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [3, '身份证号', '身份证号校验位错误：110105194912310021'],
      [5, '发放月份', '不是有效月份：2018-13'],
    ]);
    expect(await db.all('SELECT month, town_id, village_id, name, id_number, item, due, paid, account_no FROM payouts ORDER BY month')).toEqual([
      { month: '2018-03-01', town_id: 101, village_id: 1001, name: '张三', id_number: '11010519491231002X', item: '农村低保金', due: '310.00', paid: '310.00', account_no: '0012345' },
      { month: '2018-05-01', town_id: 101, village_id: null, name: '王五', id_number: '110105491231002', item: '高龄补贴', due: null, paid: '100.00', account_no: '0099' },
      { month: '2018-06-01', town_id: 101, village_id: null, name: '张三', id_number: '11010519491231002X', item: '农村低保金', due: '310.00', paid: '310.00', account_no: null },
    ]);
  });

  it('comparison lists: each import is a labelled list keyed by ID number; the same ID twice with another name is a conflict', async () => {
    const label = (l: string) => ({ list: { label: l, department: null, holds: 'id_number' as const } });
    const deaths = csv([['身份证号', '姓名', '死亡日期'], ['11010519491231002X', '张三', '2018-04-02'], ['110105491231002', '王五', '2018年7月1日']]);
    expect((await importText(db, 'deaths', deaths, label('县公安局 2018年死亡注销'))).accepted).toBe(2);
    expect((await importText(db, 'payroll', csv([['身份证号', '姓名', '工作单位'], ['11010519491231002X', '张三', '县教育局']]), label('在编人员'))).accepted).toBe(1);
    expect((await importText(db, 'registered_poor', csv([['身份证号', '户主姓名'], ['110105491231002', '王五']]), label('建档立卡户'))).accepted).toBe(1);
    const again = await importText(db, 'deaths', csv([['身份证号', '姓名', '死亡日期'],
      ['11010519491231002X', '张三', '2018-04-02'], ['11010519491231002X', '张叁', '2018-04-02']]), label('县民政局 火化名单'));
    expect([again.accepted, again.rejected]).toEqual([1, 1]);
    expect(again.rejects[0].reason).toMatch(/身份证号相同但内容不同/);
    expect(await db.all(`SELECT l.label, l.kind, r.value, r.name, r.event_date FROM comparison_list_rows r JOIN comparison_lists l ON l.id = r.list_id
      ORDER BY l.id, r.value`)).toEqual([
      { label: '县公安局 2018年死亡注销', kind: 'deaths', value: '11010519491231002X', name: '张三', event_date: '2018-04-02' },
      { label: '县公安局 2018年死亡注销', kind: 'deaths', value: '110105491231002', name: '王五', event_date: '2018-07-01' },
      { label: '在编人员', kind: 'payroll', value: '11010519491231002X', name: '张三', event_date: null },
      { label: '建档立卡户', kind: 'registered_poor', value: '110105491231002', name: '王五', event_date: null },
      { label: '县民政局 火化名单', kind: 'deaths', value: '11010519491231002X', name: '张三', event_date: '2018-04-02' },
    ]);
  });
});
