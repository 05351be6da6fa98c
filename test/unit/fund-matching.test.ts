import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { encodeGbk } from '@/lib/cli/gbk-encode';
import { addAlias, AliasError, removeAlias } from '@/lib/funds/aliases';
import { listCatalog } from '@/queries/funds/catalog';
import { listAudit } from '@/queries/auth/audit';
import { readSource, cleanupSource } from '@/lib/import/source';
import { scanUnknownFunds } from '@/lib/import/fund-scan';
import { bindingOptions } from '@/components/import/fund-binding';
import type { Viewer } from '@/lib/auth/roles';
import { csv, idNumber, importText, useSeededCounty, writeFixture } from '../fixtures/import-load/helpers';

// Fund matching as real ledgers write names (docs/fund-matching.md). Catalog ids: a fund's id is its line in
// data/catalog/funds.csv: central-22 中央财政专项扶贫资金 = 22, central-33 农村危房改造补助资金 = 33,
// province-10 扶贫:省级扶贫专项资金 = 52, city-5 扶贫专项资金 = 83, city-6 乡村振兴计划专项资金 = 84 (市 only),
// city-31 京津风沙源配套 = 109, county-2 扶贫专项资金 = 129. 农财所 (section 4) manages 22, 52, 83, 84, 129; 社保股 33.
const admin: Viewer = { id: 1, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
const nongcai: Viewer = { id: 2, username: 'nongcai', displayName: null, role: 'section', unitId: 4, unitName: '农财所' };

/**
 * A 指标台账 as the county's ledger software exports it: GBK, a title and a unit line above the header, 万元, a 序号
 * column, names without the catalog's prefix, 级次 written 中央/中央级/省级/市级/县级, mixed date forms, a 合计 line.
 */
const LEDGER = [
  ['2018年度财政扶贫资金指标台账'],
  ['单位：万元'],
  ['序号', '指标文号', '指标明细号', '预算级次', '资金名称', '指标金额', '下达日期', '功能科目'],
  ['1', '陕财办农〔2018〕12号', '61000018001', '中央', '中央财政专项扶贫资金', '1200.00', '2018-03-05', '2130505'], // central-22
  ['2', '陕财办农〔2018〕13号', '61000018002', '省级', '省级扶贫专项资金', '800.00', '2018/3/20', '2130505'], // province-10, no prefix
  ['3', '榆财农〔2018〕5号', '61080018003', '市级', '扶贫专项资金', '300.00', '2018年4月2日', '2130505'], // city-5
  ['4', '县财农〔2018〕1号', '61082018004', '县级', '扶贫专项资金', '150.00', '20180415', '2130505'], // county-2: same name
  ['5', '陕财办农〔2018〕20号', '61000018005', '省级', '扶贫专项资金', '200.00', '2018-05-10', '2130505'], // no 省 fund of that name
  ['6', '榆财农〔2018〕9号', '61080018006', '省级', '乡村振兴计划专项资金', '100.00', '2018-05-12', '2130599'], // 市 only
  ['7', '陕财办农〔2018〕21号', '61000018007', '省级', '省扶贫资金', '50.00', '2018-06-01', '2130505'], // an abbreviation
  ['8', '陕财农〔2018〕30号', '61000018008', '省级', '扶贫：省级扶贫专项资金', '60.00', '2018-06-10', '2130505'], // full-width colon
  ['9', '陕财社〔2018〕3号', '61000018009', '中央级', '农村危房改造补助资金', '400', '2018-06-15', '2210105'], // central-33
  ['10', '榆财经〔2018〕4号', '61080018010', '市级', ' 京津风沙源配套 ', '20', '2018-07-01', '2130205'], // city-31, spaces
  ['11', '榆财农〔2018〕12号', '61080018011', '市级', '省扶贫资金', '10', '2018-07-02', '2130505'], // the abbreviation at 市
  ['合计', '', '', '', '', '3290.00', '', ''],
];

const fundsOf = (db: Db) => db.all<{ id: string; fund_id: number; level: string; amount: string }>(
  "SELECT id, fund_id, level, amount::VARCHAR AS amount FROM indicators WHERE id LIKE '6108%' OR id LIKE '6100%' ORDER BY id");

describe('fund names as real ledgers write them', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const file = encodeGbk(csv(LEDGER));

  it('imports a GBK ledger: level picks the fund, prefixes are ignored, a 省 row never takes a 市 fund', async () => {
    const r = await importText(db, 'indicators', file, { name: '指标台账.csv' });
    expect([r.encoding, r.rows_read, r.accepted, r.rejected, r.subtotal_rows_skipped, r.totals_reconciled]).toEqual(['gb18030', 12, 7, 4, 1, true]);
    expect(await fundsOf(db)).toEqual([
      { id: '61000018001', fund_id: 22, level: 'central', amount: '12000000.00' },
      { id: '61000018002', fund_id: 52, level: 'province', amount: '8000000.00' },
      { id: '61000018008', fund_id: 52, level: 'province', amount: '600000.00' },
      { id: '61000018009', fund_id: 33, level: 'central', amount: '4000000.00' },
      { id: '61080018003', fund_id: 83, level: 'city', amount: '3000000.00' },
      { id: '61080018010', fund_id: 109, level: 'city', amount: '200000.00' },
      { id: '61082018004', fund_id: 129, level: 'county', amount: '1500000.00' },
    ]);
    const tail = '。请改正资金名称或资金代码，或在导入页把它绑定为资金别名';
    expect(r.rejects.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [8, '资金名称', '扶贫专项资金', '“扶贫专项资金”不是省级资金（目录中是市级、县级）；可能是：扶贫:省级扶贫专项资金（省，province-10）、'
        + '苏陕对口扶贫资金（省，province-9）、果业:省级果业专项资金（省，province-14）' + tail],
      // No 省 fund is alike: the 市 fund of that very name comes first.
      [9, '资金名称', '乡村振兴计划专项资金', '“乡村振兴计划专项资金”不是省级资金（目录中是市级）；可能是：乡村振兴计划专项资金（市，city-6）、'
        + '扶贫专项资金（市，city-5）、扶贫专项资金（县，county-2）' + tail],
      [10, '资金名称', '省扶贫资金', '省级资金目录中没有：省扶贫资金；可能是：扶贫:省级扶贫专项资金（省，province-10）、苏陕对口扶贫资金（省，province-9）、'
        + '扶贫示范基地补助资金（省，province-28）' + tail],
      [14, '资金名称', '省扶贫资金', '市级资金目录中没有：省扶贫资金；可能是：扶贫专项资金（市，city-5）、精准扶贫(振南)资金（市，city-1）、'
        + '扶贫:省级扶贫专项资金（省，province-10）' + tail],
    ]);
  });

  it('payouts: the row’s 级次 picks the fund too; without one, a name of two levels stays ambiguous', async () => {
    const r = await importText(db, 'payouts', csv([
      ['发放月份', '资金名称', '级次', '姓名', '身份证号', '补贴项目', '实发金额'],
      ['2018-03', '扶贫专项资金', '市级', '张三', idNumber('61082219600101011'), '产业补助', '500'], // city-5
      ['2018-03', '扶贫专项资金', '县', '李四', idNumber('61082219600101012'), '产业补助', '300'], // county-2
      ['2018-03', '扶贫专项资金', '省级', '王五', idNumber('61082219600101013'), '产业补助', '200'], // no 省 fund
      ['2018-03', '扶贫专项资金', '', '赵六', idNumber('61082219600101014'), '产业补助', '100'], // 市 or 县?
      ['2018-03', '扶贫:省级扶贫专项资金', '', '钱七', idNumber('61082219600101015'), '产业补助', '50'], // province-10
    ]));
    expect([r.accepted, r.rejected]).toEqual([3, 2]);
    expect(await db.all('SELECT name, fund_id FROM payouts WHERE batch_id = $b ORDER BY name', { b: r.batch_id }))
      .toEqual([{ name: '张三', fund_id: 83 }, { name: '李四', fund_id: 129 }, { name: '钱七', fund_id: 52 }]);
    expect(r.rejects.map((x) => [x.row, x.reason.split('；')[0]])).toEqual([
      [4, '“扶贫专项资金”不是省级资金（目录中是市级、县级）'],
      [5, '资金名称在多个预算级次下都有（市、县），请填写预算级次，或改用资金代码（如 central-22）：扶贫专项资金'],
    ]);
  });

  it('finds the same unknown names before importing, for the mapping step', async () => {
    const info = await readSource(writeFixture('指标台账.csv', file), '指标台账.csv', { kind: 'indicators' });
    try {
      const unknown = await scanUnknownFunds(db, info, 'indicators');
      expect(unknown.map((u) => [u.text, u.level, u.rows, u.candidates[0]?.code])).toEqual([
        ['乡村振兴计划专项资金', 'province', 1, 'city-6'],
        ['扶贫专项资金', 'province', 1, 'province-10'],
        ['省扶贫资金', 'city', 1, 'city-5'],
        ['省扶贫资金', 'province', 1, 'province-10'],
      ]);
    } finally {
      await cleanupSource(info);
    }
  });

  it('an alias saved once makes the re-import accept the row, at its fund’s level only; saving it is audited', async () => {
    const saved = await addAlias(db, nongcai, { alias: '省扶贫资金', fundId: 52 }, '10.0.0.7');
    expect(saved).toMatchObject({ alias: '省扶贫资金', fund_id: 52, fund: '扶贫:省级扶贫专项资金（省，province-10）' });
    const r = await importText(db, 'indicators', file, { name: '指标台账.csv' });
    // Row 10 is new; the 7 rows of the first import are duplicates; the 市 row of the alias is still refused.
    expect([r.accepted, r.duplicates, r.rejected]).toEqual([1, 7, 3]);
    expect(r.rejects.map((x) => x.row)).toEqual([8, 9, 14]);
    expect(r.rejects[2].reason).toMatch(/^“省扶贫资金”不是市级资金（目录中是省级）/);
    expect(await db.one("SELECT fund_id, level FROM indicators WHERE id = '61000018007'")).toEqual({ fund_id: 52, level: 'province' });
    const entry = (await listAudit(db, { action: 'fund_alias_add' }))[0];
    expect([entry.actor, entry.target, JSON.parse(entry.detail!), entry.ip])
      .toEqual(['nongcai', '扶贫:省级扶贫专项资金（省，province-10）', { alias: '省扶贫资金', fund_id: 52 }, '10.0.0.7']);
    const fund = (await listCatalog(db)).find((f) => f.id === 52)!;
    expect(fund.aliases.map((a) => [a.alias, a.created_by])).toEqual([['省扶贫资金', 'nongcai']]);
  });

  it('a section binds only its own funds; no name means two funds of one level; removal is audited', async () => {
    await expect(addAlias(db, nongcai, { alias: '危房改造资金', fundId: 33 })).rejects.toMatchObject({ status: 403 });
    await expect(addAlias(db, admin, { alias: '省扶贫资金', fundId: 57 })).rejects.toMatchObject({ status: 409 });
    await expect(addAlias(db, admin, { alias: '扶贫专项资金', fundId: 52 })).resolves.toMatchObject({ fund_id: 52 });
    await expect(addAlias(db, admin, { alias: 'province-3', fundId: 52 })).rejects.toBeInstanceOf(AliasError);
    // Now 扶贫专项资金 means province-10 at 省 as well as city-5 and county-2: the 省 row of the ledger is accepted.
    const r = await importText(db, 'indicators', file, { name: '指标台账.csv' });
    expect(r.rejects.map((x) => x.row)).toEqual([9, 14]);
    const aliasId = (await listCatalog(db)).find((f) => f.id === 52)!.aliases[0].id;
    await removeAlias(db, admin, aliasId);
    expect((await listCatalog(db)).find((f) => f.id === 52)!.aliases.map((a) => a.alias)).toEqual(['扶贫专项资金']);
    expect((await listAudit(db, { action: 'fund_alias_delete' }))[0]).toMatchObject({ actor: 'admin', detail: JSON.stringify({ alias: '省扶贫资金', fund_id: 52 }) });
  });
});

describe('the mapping step’s select for an unknown name', () => {
  const funds = [
    { id: 22, level: 'central', code: 'central-22', label: '中央财政专项扶贫资金' },
    { id: 52, level: 'province', code: 'province-10', label: '扶贫:省级扶贫专项资金' },
    { id: 51, level: 'province', code: 'province-9', label: '苏陕对口扶贫资金' },
    { id: 83, level: 'city', code: 'city-5', label: '扶贫专项资金' },
  ];
  const unknown = (level: string | null, candidates: number[]) => ({
    text: '省扶贫资金', level, rows: 2, reason: '',
    candidates: candidates.map((id) => ({ id, level: '', code: '', label: '' })),
  });
  const ids = (groups: ReturnType<typeof bindingOptions>) => groups.map((g) => [g.group, g.funds.map((f) => f.id)]);

  it('offers the candidates first, then the rows’ level, then the rest; a candidate the viewer may not bind is left out', () => {
    expect(ids(bindingOptions(unknown('province', [52, 33]), funds))).toEqual([
      ['建议', [52]], ['同级资金', [51]], ['其他级次', [22, 83]],
    ]);
    expect(ids(bindingOptions(unknown(null, []), funds))).toEqual([['全部资金', [22, 52, 51, 83]]]);
  });
});
