import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { getSettings } from '@/queries/settings';
import { runView } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { viewJson } from '@/lib/views/request';
import { viewCsv } from '@/lib/views/export';
import { cli } from '../helpers/cli';
import { loadViewsFixture } from '../fixtures/views';

// `fund-monitor view` gives the rows the JSON route and the export give for the same filter (the whole county).
describe('fund-monitor view', () => {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-views-cli-'));
    file = path.join(dir, 'views.duckdb');
    const db = await Db.open(file);
    await loadViewsFixture(db);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function expected(id: string, town: number | null = null) {
    const view = viewById(id)!;
    const db = await Db.open(file);
    try {
      const query = { filter: { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30', town }, sort: view.defaultSort, page: null };
      const result = await runView(db, view, query, { kind: 'all' });
      return { json: viewJson(view, query, result), csv: viewCsv(view, result.rows, (await getSettings(db)).gapBands).toString('utf8') };
    }
    finally {
      db.close();
    }
  }

  it('--json prints the JSON the route gives, every row', async () => {
    const r = cli(['view', 'towns', '--db', file, '--year', '2018', '--as-of', '2018-06-30', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual((await expected('towns')).json);
    expect(printed.rows.map((row: { name: string; paid: string }) => [row.name, row.paid])).toEqual([['甲镇', '210000.25'], ['乙镇', '0.00']]);
    const one = JSON.parse(cli(['view', 'towns', '--db', file, '--year', '2018', '--as-of', '2018-06-30', '--town', '102', '--json']).stdout);
    expect(one).toEqual((await expected('towns', 102)).json);
    expect(one.filter).toEqual({ year: 2018, as_of: '2018-06-30', town: 102 });
  });

  it('--csv prints the export\'s CSV', async () => {
    const r = cli(['view', 'sections', '--db', file, '--year', '2018', '--as-of', '2018-06-30', '--csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await expected('sections')).csv);
  });

  it('without --json or --csv prints a table as the pages show the numbers', () => {
    const r = cli(['view', 'towns', '--db', file, '--year', '2018', '--as-of', '2018-06-30']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '镇(中心)支出进度  2018 年度，截止 2018-06-30，2 行',
      '镇(中心)\t预算(已分配)\t已分配\t已支付\t支出进度\t超(短)序时进度\t超(短)序时金额\t分配→首笔支付(中位天数)\t滞留余额(90天以上)\t未办结预警\t排名\t环比\t色带',
      // 40 days to the first payment, 364,999.75 元 idle 90 days or more (worked out in test/unit/views.test.ts); no rule
      // has run, so no open warnings.
      '甲镇\t50.00万元\t50.00万元\t21.00万元\t42.0%\t-8.0\t-4.00万元\t40\t36.50万元\t0\t1\t0.0\t滞后10个百分点以内',
    ]);
  });

  it('reports invalid values and unknown views, and prints nothing else', () => {
    const bad = cli(['view', 'towns', '--db', file, '--year', '2018', '--as-of', '2018-13-40', '--village', '3']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('截止日期 2018-13-40 无效');
    expect(bad.stderr).toContain('镇(中心)支出进度不能按村筛选');
    const unknown = cli(['view', 'nope', '--db', file]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('没有视图 nope；可用：towns, departments, sections');
  });

  it('refuses a database file that does not exist, and leaves none behind', () => {
    const missing = path.join(path.dirname(file), 'typo.duckdb');
    for (const args of [['view', 'towns'], ['batches'], ['rollback', '1'], ['reset-demo-passwords']]) {
      const r = cli([...args, '--db', missing]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`数据库文件不存在：${missing}`);
      expect(existsSync(missing), args.join(' ')).toBe(false);
    }
  });
});
