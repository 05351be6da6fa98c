import { describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { listPresets } from '@/queries/import/presets';
import { csv, importText, useSeededCounty, writeFixture } from '../fixtures/import-load/helpers';
import { cli, useCliCounty } from '../helpers/cli';

// A county civil-affairs export whose headers are none of the payout fields' synonyms.
const HEADER = ['序号', '核发年月', '户主', '公民身份证', '惠民项目', '核发金额', '备注'];
const MAP = ['核发年月=month', '户主=姓名', '公民身份证=id_number', '惠民项目=补贴项目', '核发金额=paid', '备注='];

describe('fund-monitor import --map / --save-preset / --mapping', () => {
  const files = useCliCounty();

  const run = (file: string, ...args: string[]) => cli(['import', file, '--kind', 'payouts', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json', ...args]);
  const batches = () => JSON.parse(cli(['batches', '--db', files.dbFile, '--json']).stdout).length as number;

  it('refuses an unknown column or field, naming the choices, and imports nothing', () => {
    const file = writeFixture('民政7月.csv', csv([HEADER, ['1', '2018-07', '张三', '610802198001010013', '种植补贴', '1200', '']]));
    const column = run(file, '--map', '核发日期=month');
    expect(column.code).not.toBe(0);
    expect(column.stderr).toContain('--map 核发日期=month：文件“民政7月.csv”中没有列“核发日期”；文件的列：“序号”、“核发年月”、“户主”');
    const field = run(file, '--map', '户主=户主姓名x');
    expect(field.code).not.toBe(0);
    expect(field.stderr).toContain('--map 户主=户主姓名x：“户主姓名x”不是惠民发放明细的字段；可选：voucher_no（发放批次号）、month（发放月份）');
    // Without a mapping the required fields have no column.
    expect(run(file).stderr).toContain('缺少必填字段 “发放月份”、“姓名”、“身份证号”、“补贴项目”、“实发金额”');
    expect(batches()).toBe(0);
  });

  it('--map imports a file whose headers are not synonyms (field by id or label), --save-preset keeps the mapping', async () => {
    const file = writeFixture('民政7月.csv', csv([
      HEADER,
      ['1', '2018-07', '张三', '610802198001010013', '种植补贴', '1,200.00', '首次'],
      ['2', '2018-07', '李四', '61080219751203002X', '种植补贴', '800.5', ''],
      ['合计', '', '', '', '', '2000.50', ''],
    ]));
    const r = run(file, ...MAP.flatMap((m) => ['--map', m]), '--save-preset', '县民政局');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({
      rows_read: 3, accepted: 2, rejected: 0, subtotal_rows_skipped: 1, totals_reconciled: true, amount_total_yuan: '2000.50',
    });
    const db = await Db.open(files.dbFile);
    try {
      // Saved as the page saves a mapping: every column of the file → its field, or null (不导入).
      expect(await listPresets(db, 'payouts')).toMatchObject([{
        name: '县民政局', kind: 'payouts',
        mapping: { 序号: null, 核发年月: 'month', 户主: 'name', 公民身份证: 'id_number', 惠民项目: 'item', 核发金额: 'paid', 备注: null },
      }]);
      expect(await db.all('SELECT month, name, id_number, item, paid FROM payouts ORDER BY paid')).toEqual([
        { month: '2018-07-01', name: '李四', id_number: '61080219751203002X', item: '种植补贴', paid: '800.50' },
        { month: '2018-07-01', name: '张三', id_number: '610802198001010013', item: '种植补贴', paid: '1200.00' },
      ]);
    } finally {
      db.close();
    }
  });

  it('--mapping reuses the saved preset for the next month’s file', () => {
    const file = writeFixture('民政8月.csv', csv([
      ['2018年8月种植补贴发放表'],
      HEADER,
      ['1', '2018-08', '张三', '610802198001010013', '种植补贴', '1200', ''],
      ['2', '2018-08', '李四', '61080219751203002X', '种植补贴', '800.5', ''],
      ['3', '2018-08', '王五', '610802196603150030', '种植补贴', '600', ''],
    ]));
    const r = run(file, '--mapping', '县民政局');
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ rows_read: 3, accepted: 3, rejected: 0, amount_total_yuan: '2600.50' });
  });

  it('projects: --year and --status for a list whose title names no year', () => {
    const file = writeFixture('项目.csv', csv([['项目名称', '乡镇', '资金金额(万元)'], ['甲镇养殖小区', '甲镇', '8'], ['乙镇村道', '乙镇', '2.5']]));
    const project = (...args: string[]) => cli(['import', file, '--kind', 'projects', '--db', files.dbFile, '--raw-dir', files.rawDir, '--json', ...args]);
    expect(project().stderr).toContain('无法确定项目年度');
    expect(project('--year', '2019', '--status', '立项').stderr).toContain('未知的项目状态“立项”；可选：未开工（not_started）、申报（declared）');
    const r = project('--year', '2019', '--status', '入库');
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: 2, amount_total_yuan: '105000.00' });
  });
});

describe('payout lists whose subsidy item is a code column (项目代码)', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('map without a preset; codes keep their leading zeros', async () => {
    const r = await importText(db, 'payouts', csv([
      ['发放月份', '乡镇', '村', '姓名', '身份证号', '项目代码', '实发金额', '账号'],
      ['2018-07', '甲镇', '李家峁村', '张三', '610802198001010013', '0101', '1200', '6228480012345678'],
      ['2018-07', '乙镇', '王家沟村', '李四', '61080219751203002X', '0102', '800.5', ''],
      ['2018-08', '甲镇', '王家沟村', '张三', '610802198001010013', '0101', '1200', '6228480012345678'],
      ['合计', '', '', '', '', '', '3200.50', ''],
    ]));
    expect(r).toMatchObject({ rows_read: 4, accepted: 3, rejected: 0, subtotal_rows_skipped: 1, totals_reconciled: true, amount_total_yuan: '3200.50' });
    expect(await db.all('SELECT month, town_id, village_id, item, paid FROM payouts ORDER BY month, paid')).toEqual([
      { month: '2018-07-01', town_id: 102, village_id: 1003, item: '0102', paid: '800.50' },
      { month: '2018-07-01', town_id: 101, village_id: 1002, item: '0101', paid: '1200.00' },
      { month: '2018-08-01', town_id: 101, village_id: 1001, item: '0101', paid: '1200.00' },
    ]);
  });
});
