import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { importFile } from '@/lib/import/import-file';
import { csv, importText, snapshot, useSeededCounty } from '../fixtures/import-load/helpers';
import { writeProjectListXlsx } from '../fixtures/project-lists/make';
import { projectChoicesOf } from '@/lib/import/project-status';
import { rollbackBatch } from '@/queries/import/rollback';
import { yearOfLine } from '@/lib/import/source/header';

// The county of seedCounty: 甲镇 101 (王家沟村 1001, 李家峁村 1002), 乙镇 102 (王家沟村 1003).

/** The generated code, computed here independently of the SQL macro: 'G' + year + '-' + md5(year␟place␟name)[0:12]. */
const code = (year: number, place: number, name: string) =>
  `G${year}-${createHash('md5').update(`${year}\x1f${place}\x1f${name}`).digest('hex').slice(0, 12)}`;

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-project-lists-'));
const CSV_2020 = path.resolve('test/fixtures/project-lists/anpai-2020.csv');

const projectsOf = (db: Db, year: number) => db.all(
  'SELECT code, code_generated, name, year, town_id, village_id, planned_amount, content, status FROM projects WHERE year = $y ORDER BY planned_amount, code',
  { y: year },
);

describe('project lists without codes (资金安排表)', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('CSV: year from the title, 万元 from the unit line, villages within their 镇, 小计/合计 skipped and checked', async () => {
    const r = await importFile({ db, filePath: CSV_2020, fileName: '2020年项目安排表.csv', kind: 'projects', rawDir: tmp() });
    // 7 records under the header: 合计, 甲镇小计, 4 projects, 乙镇小计; the 合计 156.8 万元 = 45 + 30.5 + 31.3 + 50.
    expect(r).toMatchObject({
      rows_read: 7, accepted: 4, rejected: 0, duplicates: 0, subtotal_rows_skipped: 3, totals_reconciled: true,
      amount_total_yuan: '1568000.00',
      // Each town's 小计 heads its section: 甲镇 106.8 = 45 + 30.5 + 31.3, 乙镇 50.
      subtotals_reconciled: true, subtotal_mismatches: [],
    });
    expect(await projectsOf(db, 2020)).toEqual([
      { code: code(2020, 1002, '李家峁村人饮工程'), code_generated: true, name: '李家峁村人饮工程', year: 2020, town_id: 101, village_id: 1002,
        planned_amount: '305000.00', content: '新打机井1眼，铺设管道3公里', status: 'not_started' },
      // A town-wide project has no village: its code is made from the town.
      { code: code(2020, 101, '甲镇村级光伏电站'), code_generated: true, name: '甲镇村级光伏电站', year: 2020, town_id: 101, village_id: null,
        planned_amount: '313000.00', content: '建设村级光伏电站200千瓦', status: 'not_started' },
      { code: code(2020, 1001, '王家沟村产业路硬化'), code_generated: true, name: '王家沟村产业路硬化', year: 2020, town_id: 101, village_id: 1001,
        planned_amount: '450000.00', content: '硬化道路2.5公里，宽4.5米', status: 'not_started' },
      // 王家沟村 of 乙镇, not of 甲镇.
      { code: code(2020, 1003, '王家沟村肉牛养殖'), code_generated: true, name: '王家沟村肉牛养殖', year: 2020, town_id: 102, village_id: 1003,
        planned_amount: '500000.00', content: '购买基础母牛40头', status: 'not_started' },
    ]);

    // Importing the same list again finds every project by its generated code: nothing new, nothing changed.
    const before = await snapshot(db);
    const codes = await db.all('SELECT code FROM projects ORDER BY code');
    const again = await importFile({ db, filePath: CSV_2020, fileName: '2020年项目安排表.csv', kind: 'projects', rawDir: tmp() });
    expect([again.accepted, again.duplicates, again.rejected]).toEqual([0, 4, 0]);
    expect(await snapshot(db)).toEqual({ ...before, import_batches: before.import_batches + 1 });
    expect(await db.all('SELECT code FROM projects ORDER BY code')).toEqual(codes);
  });

  it('a 项目库 export with real codes takes the place of the same generated projects; its rollback puts them back', async () => {
    // The 2020 list is in (test above). The county's 项目库 names two of its projects with their real codes.
    const generated = await db.all('SELECT code FROM projects WHERE year = 2020 ORDER BY code');
    const r = await importText(db, 'projects', csv([
      ['项目编码', '项目名称', '年度', '乡镇', '村', '计划投资', '项目状态'],
      ['XM2020-001', '王家沟村产业路硬化', '2020', '甲镇', '王家沟村', '460000', '在建'],
      ['XM2020-002', '王家沟村肉牛养殖', '2020', '乙镇', '王家沟村', '500000', '已完工'],
    ]));
    expect(r).toMatchObject({ accepted: 2, rejected: 0, replaced_generated: 2 });
    expect(await db.all('SELECT code, code_generated, name, planned_amount, status FROM projects WHERE year = 2020 ORDER BY code')).toEqual([
      { code: code(2020, 101, '甲镇村级光伏电站'), code_generated: true, name: '甲镇村级光伏电站', planned_amount: '313000.00', status: 'not_started' },
      { code: code(2020, 1002, '李家峁村人饮工程'), code_generated: true, name: '李家峁村人饮工程', planned_amount: '305000.00', status: 'not_started' },
      { code: 'XM2020-001', code_generated: false, name: '王家沟村产业路硬化', planned_amount: '460000.00', status: 'in_progress' },
      { code: 'XM2020-002', code_generated: false, name: '王家沟村肉牛养殖', planned_amount: '500000.00', status: 'completed' },
    ].sort((a, b) => (a.code < b.code ? -1 : 1)));
    // The list imported again still changes nothing: its two replaced projects count as duplicates.
    const before = await snapshot(db);
    const again = await importFile({ db, filePath: CSV_2020, fileName: '2020年项目安排表.csv', kind: 'projects', rawDir: tmp() });
    expect([again.accepted, again.duplicates, again.rejected]).toEqual([0, 4, 0]);
    expect(await snapshot(db)).toEqual({ ...before, import_batches: before.import_batches + 1 });
    // Rolling the export back deletes its two projects and puts the generated ones back.
    expect(await rollbackBatch(db, r.batch_id, 'test')).toMatchObject({ rows_deleted: 2 });
    expect(await db.all('SELECT code FROM projects WHERE year = 2020 ORDER BY code')).toEqual(generated);
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM projects_replaced')).toEqual({ n: 0 });

    // Replaced again, then the list itself rolled back: its projects are gone for good, the export's rollback brings
    // none back.
    const export2 = await importText(db, 'projects', csv([
      ['项目编码', '项目名称', '年度', '乡镇', '村', '计划投资'], ['XM2020-001', '王家沟村产业路硬化', '2020', '甲镇', '王家沟村', '460000'],
    ]));
    expect(export2.replaced_generated).toBe(1);
    const list = (await db.one<{ id: number }>("SELECT min(id)::INTEGER AS id FROM import_batches WHERE kind = 'projects'"))!.id;
    expect(await rollbackBatch(db, list, 'test')).toMatchObject({ rows_deleted: 3 });
    expect(await rollbackBatch(db, export2.batch_id, 'test')).toMatchObject({ rows_deleted: 1 });
    expect(await db.all('SELECT code FROM projects WHERE year = 2020')).toEqual([]);
    expect(await db.one('SELECT count(*)::INTEGER AS n FROM projects_replaced')).toEqual({ n: 0 });
  });

  it('XLSX without a 镇 column: a village resolves by its unique name, an ambiguous one is rejected with the reason', async () => {
    const file = path.join(tmp(), '2021年安排表.xlsx');
    await writeProjectListXlsx(file);
    const r = await importFile({ db, filePath: file, fileName: '2021年安排表.xlsx', kind: 'projects', rawDir: tmp() });
    // 4 records: the 合计 (SUM formula, 88.66 万元 = 25.66 + 12 + 51, the rejected row's amount included) and 3 projects.
    expect(r).toMatchObject({
      rows_read: 4, accepted: 2, rejected: 1, subtotal_rows_skipped: 1, totals_reconciled: true, amount_total_yuan: '376600.00',
    });
    expect(r.rejects).toEqual([{ row: 7, column: '村名', value: '王家沟村', reason: '多个乡镇都有村“王家沟村”，请填写乡镇' }]);
    expect(await projectsOf(db, 2021)).toEqual([
      // The town comes from the village (李家峁村 is 甲镇's).
      { code: code(2021, 1002, '李家峁村村道亮化'), code_generated: true, name: '李家峁村村道亮化', year: 2021, town_id: 101, village_id: 1002,
        planned_amount: '120000.00', content: '安装太阳能路灯60盏', status: 'not_started' },
      { code: code(2021, 1002, '李家峁村苹果园提质增效'), code_generated: true, name: '李家峁村苹果园提质增效', year: 2021, town_id: 101,
        village_id: 1002, planned_amount: '256600.00', content: '改造老果园300亩，配套滴灌', status: 'not_started' },
    ]);
    // The rejected row is kept whole.
    expect(await db.all('SELECT raw_row FROM import_rejects WHERE batch_id = $b', { b: r.batch_id }))
      .toEqual([{ raw_row: JSON.stringify(['3', '王家沟村', '王家沟村集体经济冷库', '建设200吨冷库1座', '51']) }]);
  });

  it('a 状态 column wins; rows without one take the chosen status; a code in the file is kept and not marked', async () => {
    const r = await importText(db, 'projects', csv([
      ['2019年扶贫项目计划', null, null, null, null, null],
      ['项目编码', '项目名称', '乡镇', '村', '资金金额（万元）', '状态'],
      ['XM2019-01', '甲镇小型水利', '甲镇', '', '10', '在建'],
      ['', '乙镇村道', '乙镇', '王家沟村', '5', ''],
      ['', '甲镇电商站', '甲镇', '', '3', '未开工'],
    ]), { status: 'approved' });
    expect([r.accepted, r.rejected]).toEqual([3, 0]);
    expect(await db.all('SELECT code, code_generated, year, status, planned_amount FROM projects WHERE year = 2019 ORDER BY planned_amount')).toEqual([
      { code: code(2019, 101, '甲镇电商站'), code_generated: true, year: 2019, status: 'not_started', planned_amount: '30000.00' },
      { code: code(2019, 1003, '乙镇村道'), code_generated: true, year: 2019, status: 'approved', planned_amount: '50000.00' },
      { code: 'XM2019-01', code_generated: false, year: 2019, status: 'in_progress', planned_amount: '100000.00' },
    ]);
  });

  it('the chosen year wins over the title; a list with neither is refused before anything is written', async () => {
    const list = csv([['项目名称', '乡镇', '资金金额'], ['甲镇养殖小区', '甲镇', '80000']]);
    const before = await snapshot(db);
    await expect(importText(db, 'projects', list)).rejects.toThrow(
      '无法确定项目年度：文件“projects.csv”的标题行没有写年份（如“2020年…项目安排表”），也没有“年度”列。请指定年度（命令行 --year，导入页面选择“年度”）后重新导入',
    );
    expect(await snapshot(db)).toEqual(before);
    const r = await importText(db, 'projects', csv([['2017年项目表'], ...[['项目名称', '乡镇', '资金金额'], ['甲镇养殖小区', '甲镇', '80000']]]), { year: 2022 });
    expect(r.accepted).toBe(1);
    expect(await db.all('SELECT code, year, planned_amount FROM projects WHERE name = $n', { n: '甲镇养殖小区' }))
      .toEqual([{ code: code(2022, 101, '甲镇养殖小区'), year: 2022, planned_amount: '80000.00' }]);
  });

  it('小计 lines are checked against their section, whether they head it or close it; a wrong one is named', async () => {
    const head = ['项目名称', '乡镇', '资金金额'];
    // Closing layout: the first project comes before the first 小计. 甲镇 10 + 5 = 15 (stated 15), 乙镇 7 (row 7 states 8).
    const closing = await importText(db, 'projects', csv([
      ['2024年项目安排表'], head,
      ['甲镇项目一', '甲镇', '10'], ['甲镇项目二', '甲镇', '5'], ['', '甲镇小计', '15'],
      ['乙镇项目一', '乙镇', '7'], ['', '乙镇小计', '8'], ['', '合计', '22'],
    ]));
    expect(closing).toMatchObject({
      accepted: 3, subtotal_rows_skipped: 3, totals_reconciled: true, subtotals_reconciled: false,
      subtotal_mismatches: [{ row: 7, stated: '8.00', rows_sum: '7.00' }],
    });
    // Heading layout, 合计 first: 甲镇小计 (row 4) heads 10 + 5, 乙镇小计 (row 7) heads 7.
    const heading = await importText(db, 'projects', csv([
      ['2025年项目安排表'], head, ['', '合计', '22'],
      ['', '甲镇小计', '15'], ['甲镇项目一', '甲镇', '10'], ['甲镇项目二', '甲镇', '5'],
      ['', '乙镇小计', '7'], ['乙镇项目一', '乙镇', '7'],
    ]));
    expect(heading).toMatchObject({ accepted: 3, subtotal_rows_skipped: 3, totals_reconciled: true, subtotals_reconciled: true, subtotal_mismatches: [] });
  });

  it('without a 镇 column, a 小计 line naming a town places the villages of its section', async () => {
    const r = await importText(db, 'projects', csv([
      ['2026年项目安排表'],
      ['序号', '村名', '项目名称', '资金金额'],
      ['', '合计', '', '60'],
      ['一', '甲镇小计', '', '25'],
      ['1', '王家沟村', '甲镇王家沟村道路', '20'], // two towns have a 王家沟村: this section's is 甲镇's (1001)
      ['2', '李家峁村', '甲镇李家峁村水窖', '5'],
      ['二', '乙镇小计', '', '35'],
      ['3', '王家沟村', '乙镇王家沟村道路', '30'], // 乙镇's (1003)
      ['4', '李家峁村', '乙镇李家峁村水窖', '5'], // the one 李家峁村 is 甲镇's: the file contradicts the list
    ]));
    expect(r).toMatchObject({
      rows_read: 7, accepted: 3, rejected: 1, subtotal_rows_skipped: 3, totals_reconciled: true, subtotals_reconciled: true,
    });
    expect(r.rejects).toEqual([{ row: 9, column: '村名', value: '李家峁村', reason: '村“李家峁村”属于甲镇，但本行在乙镇的小计段内，请填写乡镇' }]);
    expect(await db.all('SELECT name, town_id, village_id FROM projects WHERE year = 2026 ORDER BY name')).toEqual([
      { name: '乙镇王家沟村道路', town_id: 102, village_id: 1003 },
      { name: '甲镇李家峁村水窖', town_id: 101, village_id: 1002 },
      { name: '甲镇王家沟村道路', town_id: 101, village_id: 1001 },
    ]);
  });

  it('a 小计 line may name its town by an alias (单位管理)', async () => {
    // 乙镇 is also written 乙乡. Two towns have a 王家沟村, so only the section's town places it: 乙镇's (1003).
    await db.run("INSERT INTO unit_aliases (alias, unit_id) VALUES ('乙乡', 102)");
    const r = await importText(db, 'projects', csv([
      ['2027年项目安排表'], ['序号', '村名', '项目名称', '资金金额'],
      ['一', '乙乡小计', '', '30'],
      ['1', '王家沟村', '乙乡王家沟村道路', '30'],
    ]));
    expect([r.accepted, r.rejected]).toEqual([1, 0]);
    expect(await db.all('SELECT name, town_id, village_id FROM projects WHERE year = 2027'))
      .toEqual([{ name: '乙乡王家沟村道路', town_id: 102, village_id: 1003 }]);
  });

  it('two rows that make the same code (same year, place and name) but differ: the second is rejected, not merged', async () => {
    const r = await importText(db, 'projects', csv([
      ['2023年项目安排表'], ['项目名称', '乡镇', '资金金额'], ['甲镇道路维修', '甲镇', '100'], ['甲镇道路维修', '甲镇', '200'],
    ]));
    expect([r.accepted, r.rejected]).toEqual([1, 1]);
    expect(r.rejects).toEqual([{ row: 4, column: '项目名称', value: '甲镇道路维修', reason: '与第 3 行年度、镇村和项目名称相同但内容不同' }]);
  });
});

describe('the year and status a user gives (page JSON, CLI flags)', () => {
  it('takes a four-digit year and a status by id or label; empty means "from the file"', () => {
    expect(projectChoicesOf({ year: '2020', status: '入库' })).toEqual({ year: 2020, status: 'approved' });
    expect(projectChoicesOf({ year: 2021, status: 'not_started' })).toEqual({ year: 2021, status: 'not_started' });
    expect(projectChoicesOf({ year: '', status: undefined })).toEqual({});
  });

  it('refuses anything else, saying what it got', () => {
    expect(() => projectChoicesOf({ year: '20a0' })).toThrow('年度应为四位年份（收到 20a0）');
    expect(() => projectChoicesOf({ year: 1890 })).toThrow('年度应为 1990–2099 之间的整数（收到 1890）');
    expect(() => projectChoicesOf({ status: '规划' })).toThrow('未知的项目状态“规划”；可选：未开工（not_started）');
  });
});

describe('the year a title line names', () => {
  it('is a number of 1990–2099 followed by 年, full-width digits too; a 文号 or a longer number is no year', () => {
    expect(yearOfLine('XX县2020年统筹整合财政涉农资金项目安排表')).toBe(2020);
    expect(yearOfLine('２０１９ 年度项目计划')).toBe(2019);
    expect(yearOfLine('县财发〔2020〕5号')).toBeNull();
    expect(yearOfLine('编号12020年')).toBeNull();
    expect(yearOfLine('1985年项目')).toBeNull();
  });
});
