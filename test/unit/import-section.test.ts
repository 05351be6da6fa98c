import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { listAudit } from '@/queries/auth/audit';
import { importFile } from '@/lib/import/import-file';
import { getBatch } from '@/queries/import/batches';
import { permissions } from '@/lib/auth/permissions';
import { csv, idNumber, importText, seedCounty, snapshot, writeFixture, useSeededCounty } from '../fixtures/import-load/helpers';
import { viewLines } from '../helpers/view-lines';

// A 股室 imports only the funds it manages (issue 4). The catalog: 中央财政专项扶贫资金 (central-22, fund 22) and
// 扶贫专项资金 (市/县) belong to 农财所 (section 4); 中小学公用经费补助资金 (province-1, fund 43) to 教科文股 (2);
// 小型农田水利建设项目配套资金 exists at three levels, managed by 经建股 (3) and 农财所 (4); 残疾人生活补助 (county-20)
// belongs to 综合股 (7). seedCounty: ZB001 and ZB002 are fund 22, ZB003 is fund 43; ZB002 and ZB003 share 财农〔2018〕2号.
const NONGCAI = 4;

describe('imports by a 股室: only its own funds', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  it('indicators: a row of another section’s fund is rejected without naming that fund; an unknown fund keeps its own reason', async () => {
    const r = await importText(db, 'indicators', csv([
      ['指标明细号', '资金名称', '指标金额', '接收日期'],
      ['S-I1', '中央财政专项扶贫资金', '1000', '2018-01-05'],
      ['S-I2', 'province-1', '2000', '2018-01-05'],
      ['S-I3', '扶贫专项资金', '3000', '2018-01-05'], // two levels, both 农财所: still ambiguous (which level?)
      ['S-I4', '不存在的资金', '4000', '2018-01-05'],
      ['合计', '', '10000', ''],
    ]), { sectionId: NONGCAI });
    expect([r.rows_read, r.accepted, r.rejected, r.subtotal_rows_skipped]).toEqual([5, 1, 3, 1]);
    expect(r.rejects.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [3, '资金名称', 'province-1', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [4, '资金名称', '扶贫专项资金', '资金名称在多个预算级次下都有（市、县），请填写预算级次，或改用资金代码（如 central-22）：扶贫专项资金'],
      [5, '资金名称', '不存在的资金', '资金不在目录中：不存在的资金。请改正资金名称或资金代码，或在导入页把它绑定为资金别名'],
    ]);
    expect(await db.all("SELECT id, fund_id FROM indicators WHERE id LIKE 'S-%'")).toEqual([{ id: 'S-I1', fund_id: 22 }]);
  });

  it('allocations: through the row’s indicator; an indicator not in 指标台账 cannot establish the fund', async () => {
    const r = await importText(db, 'allocations', csv([
      ['分配明细号', '指标明细号', '接收单位', '分配金额', '分配日期'],
      ['S-A1', 'ZB001', '甲镇', '100', '2018-02-01'],
      ['S-A2', 'ZB003', '甲镇', '200', '2018-02-01'],
      ['S-A3', 'ZB404', '甲镇', '300', '2018-02-01'],
    ]), { sectionId: NONGCAI });
    expect([r.accepted, r.rejected]).toEqual([1, 2]);
    expect(r.rejects.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [3, '指标明细号', 'ZB003', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [4, '指标明细号', 'ZB404', '指标明细号“ZB404”不在指标台账中：股室只能引用本股室资金已有的指标，请先导入指标台账'],
    ]);
    expect(await db.all("SELECT id, indicator_id FROM allocations WHERE id LIKE 'S-%'")).toEqual([{ id: 'S-A1', indicator_id: 'ZB001' }]);
  });

  it('payments: by 明细号, by 文号 + 资金, else by the payment’s own 资金名称', async () => {
    const header = ['支付凭证号', '支付日期', '支付金额', '指标明细号', '指标文号', '资金名称', '预算单位'];
    const row = (v: string, ind: string, doc: string, fund: string) => [v, '2018-09-01', '10', ind, doc, fund, '县农业农村局'];
    const r = await importText(db, 'payments', csv([
      header,
      row('S-P1', 'ZB001', '', ''), // 2: 农财所's indicator
      row('S-P2', 'ZB003', '', ''), // 3: 教科文股's indicator
      row('S-P3', '', '财农〔2018〕1号', ''), // 4: the 文号 finds ZB001
      row('S-P4', '', '财农〔2018〕2号', '中小学公用经费补助资金'), // 5: 文号 + 资金 find ZB003
      row('S-P5', 'ZB999', '', '中央财政专项扶贫资金'), // 6: unknown indicator: refused even though the fund is 农财所's
      row('S-P6', 'ZB999', '', ''), // 7: unknown indicator, no fund
      row('S-P7', '', '', ''), // 8: nothing to go by
      row('S-P8', '', '', '小型农田水利建设项目配套资金'), // 9: 经建股 at one level, 农财所 at the others
      row('S-P9', '', '', '残疾人生活补助'), // 10: 综合股's fund
      row('S-P10', '', '财农〔2018〕2号', ''), // 11: 2号 names two indicators: no match, no fund
      row('S-P11', '', '', '不存在的资金'), // 12: an unknown fund is its own reason
      ['合计', '', '110'],
    ]), { sectionId: NONGCAI });
    expect([r.rows_read, r.accepted, r.rejected, r.subtotal_rows_skipped]).toEqual([12, 2, 9, 1]);
    expect(r.rejects.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [3, '指标明细号', 'ZB003', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [5, '指标文号', '财农〔2018〕2号', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [6, '指标明细号', 'ZB999', '指标明细号“ZB999”不在指标台账中：股室只能引用本股室资金已有的指标，请先导入指标台账'],
      [7, '指标明细号', 'ZB999', '指标明细号“ZB999”不在指标台账中：股室只能引用本股室资金已有的指标，请先导入指标台账'],
      [8, null, null, '无法确认资金所属股室：指标明细号、指标文号和资金名称都不能确定资金'],
      [9, '资金名称', '小型农田水利建设项目配套资金', '无法确认资金所属股室：资金名称“小型农田水利建设项目配套资金”在不同预算级次下归不同股室管理，请填写指标明细号'],
      [10, '资金名称', '残疾人生活补助', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [11, null, null, '无法确认资金所属股室：指标明细号、指标文号和资金名称都不能确定资金'],
      [12, '资金名称', '不存在的资金', '资金不在目录中：不存在的资金。请改正资金名称或资金代码，或在导入页把它绑定为资金别名'],
    ]);
    expect(await db.all("SELECT voucher_no, indicator_id FROM payments WHERE voucher_no LIKE 'S-%' ORDER BY voucher_no"))
      .toEqual([{ voucher_no: 'S-P1', indicator_id: 'ZB001' }, { voucher_no: 'S-P3', indicator_id: 'ZB001' }]);
    // The batch records the section it was imported for.
    expect((await getBatch(db, r.batch_id))!.options).toMatchObject({ section_id: NONGCAI });
  });

  it('payments without any indicator or fund column: no row can be established', async () => {
    const r = await importText(db, 'payments', csv([['支付凭证号', '支付日期', '支付金额'], ['S-Q1', '2018-09-01', '5']]), { sectionId: NONGCAI });
    expect([r.accepted, r.rejected]).toEqual([0, 1]);
    expect(r.rejects).toEqual([{ row: 2, column: null, value: null, reason: '无法确认资金所属股室：指标明细号、指标文号都不能确定资金' }]);
  });

  it('payouts: through the row’s 资金名称; a row without one is rejected, and so is every row of a file without the column', async () => {
    const header = ['发放月份', '资金名称', '姓名', '身份证号', '补贴项目', '实发金额'];
    const r = await importText(db, 'payouts', csv([
      header,
      ['2018-03', '中央财政专项扶贫资金', '张三', idNumber('61082219600101001'), '产业补助', '500'],
      ['2018-03', 'county-20', '李四', idNumber('61082219600101002'), '生活补助', '300'],
      ['2018-03', '', '王五', idNumber('61082219600101003'), '产业补助', '200'],
    ]), { sectionId: NONGCAI });
    expect([r.accepted, r.rejected]).toEqual([1, 2]);
    expect(r.rejects.map((x) => [x.row, x.column, x.reason])).toEqual([
      [3, '资金名称', '不属于本股室管理的资金，股室不能导入；如确需导入，请交信息中心处理'],
      [4, '资金名称', '无法确认资金所属股室：本行没有资金名称'],
    ]);
    const noFund = await importText(db, 'payouts', csv([
      ['发放月份', '姓名', '身份证号', '补贴项目', '实发金额'],
      ['2018-04', '赵六', idNumber('61082219600101004'), '产业补助', '100'],
    ]), { sectionId: NONGCAI });
    expect([noFund.accepted, noFund.rejected]).toEqual([0, 1]);
    expect(noFund.rejects).toEqual([{ row: 2, column: null, value: null, reason: '无法确认资金所属股室：本行没有资金名称' }]);
  });

  it('keeps the raw file of a section’s batch byte for byte, with its sha256 (a file of several copy blocks)', async () => {
    // ~13 MB: the raw copy is written in 8 MB blocks by a worker while the import reads the file.
    const lines = ['支付凭证号,支付日期,支付金额,指标明细号,用途'];
    for (let i = 0; i < 240_000; i++) lines.push(`S-R${String(i).padStart(7, '0')},2018-09-01,${(i % 997) + 0.5},ZB001,${'备注'.repeat(i % 7)}`);
    const content = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
    const rawDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-section-raw-'));
    const file = writeFixture('大文件.csv', content);
    try {
      const r = await importFile({ db, filePath: file, fileName: '大文件.csv', kind: 'payments', rawDir, sectionId: NONGCAI });
      expect([r.accepted, r.rejected]).toEqual([240_000, 0]);
      expect(r.sha256).toBe(createHash('sha256').update(content).digest('hex'));
      const batch = (await getBatch(db, r.batch_id))!;
      expect(batch.raw_path).toBe(path.join(rawDir, `${r.batch_id}-${r.sha256.slice(0, 12)}-大文件.csv`));
      expect(readFileSync(batch.raw_path!).equals(content)).toBe(true);
    } finally {
      rmSync(rawDir, { recursive: true, force: true });
      rmSync(path.dirname(file), { recursive: true, force: true });
    }
  }, 60_000);

  it('kinds without a fund are refused before the file is read; so is a unit that is not a section', async () => {
    const before = await snapshot(db);
    const rawDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-section-raw-'));
    const file = writeFixture('项目库.csv', csv([['项目编码', '项目名称', '年度', '项目状态'], ['XS1', '路', '2018', '在建']]));
    for (const kind of ['projects', 'perf_targets', 'payroll', 'deaths', 'registered_poor'] as const) {
      await expect(importFile({ db, filePath: file, fileName: '项目库.csv', kind, rawDir, sectionId: NONGCAI }))
        .rejects.toThrow(/^股室用户不能导入“.+”：这类数据不属于某一项资金，请由管理员导入$/);
    }
    // Refused before anything is read: even a file that does not exist gives the same answer.
    await expect(importFile({ db, filePath: path.join(rawDir, 'missing.csv'), fileName: 'x.csv', kind: 'projects', rawDir, sectionId: NONGCAI }))
      .rejects.toThrow('股室用户不能导入“项目库”');
    await expect(importFile({ db, filePath: file, fileName: 'x.csv', kind: 'payments', rawDir, sectionId: 101 }))
      .rejects.toThrow('股室不存在（单位编号 101）');
    expect(readdirSync(rawDir)).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    rmSync(rawDir, { recursive: true, force: true });
  });

  it('batch access follows the batch’s 股室, not the user who imported it', async () => {
    const r = await importText(db, 'payments', csv([['支付凭证号', '支付日期', '支付金额', '指标明细号'], ['S-B1', '2018-09-01', '1', 'ZB001']]),
      { sectionId: NONGCAI, user: 'nongcai-a' });
    const batch = (await getBatch(db, r.batch_id))!;
    expect(batch.created_by).toBe('nongcai-a');
    // A colleague of the same 股室 manages it; the importer, moved to 教科文股 (2), no longer does.
    expect(permissions.manageBatch({ role: 'section', unitId: NONGCAI }, batch)).toBe(true);
    expect(permissions.manageBatch({ role: 'section', unitId: 2 }, batch)).toBe(false);
    expect(permissions.manageBatch({ role: 'admin', unitId: null }, batch)).toBe(true);
    const admins = (await getBatch(db, (await importText(db, 'payments', csv([['支付凭证号', '支付日期', '支付金额'], ['S-B2', '2018-09-01', '1']]), { user: 'nongcai-a' })).batch_id))!;
    expect(permissions.manageBatch({ role: 'section', unitId: NONGCAI }, admins)).toBe(false);
  });

  it('the same file imported by the admin (no section) takes every row the checks allow', async () => {
    const r = await importText(db, 'allocations', csv([
      ['分配明细号', '指标明细号', '接收单位', '分配金额', '分配日期'],
      ['S-A2', 'ZB003', '甲镇', '200', '2018-02-01'],
      ['S-A3', 'ZB404', '甲镇', '300', '2018-02-01'],
    ]));
    expect([r.accepted, r.rejected]).toEqual([2, 0]);
  });
});

describe('a 股室 may neither create nor reference indicator ids it does not own', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));
  const JIAOKEWEN = 2;
  const paid = async (section: number) => {
    const rows = await viewLines(db, 'sections', { year: 2018, asOf: '2018-12-31', timeProgressMode: 'month' }, { kind: 'all' });
    return rows.find((r) => r.id === section)?.paid ?? '0.00';
  };
  const payments = (rows: string[][]) => csv([['支付凭证号', '支付日期', '支付金额', '指标明细号', '资金名称', '预算单位'], ...rows]);

  it('replays NEW-1: a payment on an indicator not yet in the ledger is refused, so it never counts for the section the admin later creates it under', async () => {
    const [nongcai, jiaokewen] = [await paid(NONGCAI), await paid(JIAOKEWEN)];
    const r = await importText(db, 'payments', payments([['N1-P1', '2018-09-01', '5000', 'NEW-1', '中央财政专项扶贫资金', '县农业农村局']]), { sectionId: NONGCAI });
    expect([r.accepted, r.rejected]).toEqual([0, 1]);
    expect(r.rejects[0]).toMatchObject({ row: 2, column: '指标明细号', value: 'NEW-1', reason: expect.stringContaining('不在指标台账中') });
    const admin = await importText(db, 'indicators', csv([
      ['指标明细号', '资金名称', '指标金额', '接收日期'], ['NEW-1', 'province-1', '9000', '2018-08-01'],
    ]));
    expect(admin.accepted).toBe(1);
    expect(await db.all("SELECT voucher_no FROM payments WHERE indicator_id = 'NEW-1'")).toEqual([]);
    expect([await paid(NONGCAI), await paid(JIAOKEWEN)]).toEqual([nongcai, jiaokewen]);
  });

  it('may not create an indicator id that rows in the database already name: the admin’s payments would become its spending', async () => {
    const admin = await importText(db, 'payments', payments([['N2-P1', '2018-09-01', '700', 'NEW-2', '', '县农业农村局']]));
    expect(admin.accepted).toBe(1);
    const nongcai = await paid(NONGCAI);
    const r = await importText(db, 'indicators', csv([
      ['指标明细号', '资金名称', '指标金额', '接收日期'], ['NEW-2', '中央财政专项扶贫资金', '800', '2018-08-01'], ['NEW-3', '中央财政专项扶贫资金', '900', '2018-08-01'],
    ]), { sectionId: NONGCAI });
    expect([r.accepted, r.rejected]).toEqual([1, 1]);
    expect(r.rejects).toEqual([{ row: 2, column: '指标明细号', value: 'NEW-2', reason: '指标明细号“NEW-2”已被库中其他数据引用，不能由股室新建；如确需导入，请交信息中心处理' }]);
    expect(await paid(NONGCAI)).toBe(nongcai);
    // Its own new indicator it may then pay against.
    const own = await importText(db, 'payments', payments([['N3-P1', '2018-09-02', '100', 'NEW-3', '', '县农业农村局']]), { sectionId: NONGCAI });
    expect([own.accepted, own.rejected]).toEqual([1, 0]);
  });

  it('a conflict with another 股室’s row goes to the admin and describes nothing of that row', async () => {
    const other = await importText(db, 'payments', payments([['N4-P1', '2018-09-01', '321.50', 'ZB003', '', '县水利局']]), { sectionId: JIAOKEWEN });
    expect(other.accepted).toBe(1);
    const r = await importText(db, 'payments', payments([['N4-P1', '2018-09-03', '10', 'ZB001', '', '县农业农村局']]), { sectionId: NONGCAI });
    expect(r.rejects).toEqual([{ row: 2, column: '支付凭证号', value: 'N4-P1', reason: '与库中已有数据的凭证号相同但内容不同（未覆盖）；如需更正，请联系信息中心' }]);
    // Its own earlier batch it may be told about.
    const mine = await importText(db, 'payments', payments([['N5-P1', '2018-09-03', '10', 'ZB001', '', '县农业农村局']]), { sectionId: NONGCAI });
    const again = await importText(db, 'payments', payments([['N5-P1', '2018-09-04', '11', 'ZB001', '', '县农业农村局']]), { sectionId: NONGCAI });
    expect(again.rejects[0].reason).toBe(`与已导入批次 #${mine.batch_id} 的凭证号相同但内容不同（未覆盖）`);
  });
});

describe('the CLI audits its imports and rollbacks', () => {
  const BIN = path.resolve('bin/fund-monitor.mjs');
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  let dir: string;
  let dbFile: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-cli-audit-'));
    dbFile = path.join(dir, 'audit.duckdb');
    const db = await Db.open(dbFile);
    await seedCounty(db);
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes 'import' and 'rollback' with the actor (--user, else 'cli'), the file name, and the counts", async () => {
    const file = writeFixture('审计.csv', csv([['支付凭证号', '支付日期', '支付金额'], ['AU1', '2018-01-02', '10'], ['AU2', 'x', '5']]));
    const rawDir = path.join(dir, 'raw');
    expect(cli(['import', file, '--kind', 'payments', '--db', dbFile, '--raw-dir', rawDir, '--json']).status).toBe(0);
    expect(cli(['rollback', '1', '--db', dbFile, '--user', '王科长', '--json']).status).toBe(0);
    // A failed import writes nothing.
    expect(cli(['import', file, '--kind', 'projects', '--db', dbFile, '--raw-dir', rawDir]).status).not.toBe(0);
    const db = await Db.open(dbFile);
    try {
      const rows = (await listAudit(db)).reverse().map((r) => ({ ...r, detail: JSON.parse(r.detail ?? 'null') }));
      expect(rows.map((r) => [r.actor, r.action, r.target])).toEqual([['cli', 'import', '审计.csv'], ['王科长', 'rollback', '审计.csv']]);
      expect(rows[0].detail).toEqual({
        batch_id: 1, kind: 'payments', rows_read: 2, accepted: 1, rejected: 1, duplicates: 0, subtotal_rows_skipped: 0, via: 'cli',
      });
      expect(rows[1].detail).toEqual({ batch_id: 1, kind: 'payments', rows_deleted: 1, units_deleted: 0, via: 'cli' });
    } finally {
      db.close();
    }
  }, 60_000);
});
