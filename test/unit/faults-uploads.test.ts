import { readdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { importFile } from '@/lib/import/import-file';
import { csv, seedCounty, writeFixture } from '../fixtures/import-load/helpers';
import { useFixtureDb } from '../helpers/fixture';
import { dbState } from '../helpers/db-state';

// A corrupt or truncated upload (docs/reliability.md "Corrupt uploads"): a clear error naming the file, nothing
// imported and no raw copy kept. What readSource refuses by itself (binary garbage as .csv, a text file named .xlsx,
// old .xls) is in import-source.test.ts; these go through the whole import.
describe('corrupt and truncated uploads', () => {
  const ctx = useFixtureDb('');

  const header = ['支付凭证号', '支付日期', '支付金额', '预算单位'];
  const rows = [header, ['T1', '2018-03-01', '1000.10', '县水利局'], ['T2', '2018-03-02', '2000.20', '县水利局'], ['T3', '2018-03-03', '3000.30', '县水利局']];

  async function workbook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('支付明细');
    for (const r of rows) ws.addRow(r);
    // Enough cells that the sheet's part is large and a cut lands inside it.
    for (let i = 4; i < 2000; i++) ws.addRow([`T${i}`, '2018-03-04', `${i}.00`, '县水利局']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Imports `bytes` as `name`; resolves with the error's message (or fails the test if it imported). */
  async function refused(db: Db, name: string, bytes: Buffer | string): Promise<string> {
    const rawDir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-raw-'));
    const before = await dbState(db);
    const error = await importFile({ db, filePath: writeFixture(name, bytes), fileName: name, kind: 'payments', rawDir }).then(
      (r) => { throw new Error(`imported batch ${r.batch_id}`); }, (e: Error) => e);
    expect(await dbState(db)).toEqual(before);
    expect(readdirSync(rawDir)).toEqual([]);
    return error.message;
  }

  it('the county is seeded', async () => {
    await seedCounty(ctx.db);
  });

  it('an XLSX cut short (a download broken off) is refused as damaged', async () => {
    const whole = await workbook();
    for (const keep of [0.5, 0.9, 0.99]) {
      const message = await refused(ctx.db, '支付.xlsx', whole.subarray(0, Math.floor(whole.length * keep)));
      expect(message).toMatch(/^无法读取 Excel 文件“支付\.xlsx”（.+）。.*损坏/);
    }
  });

  it('random bytes named .xlsx are refused as not a workbook', async () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 8192 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff));
    expect(await refused(ctx.db, '支付.xlsx', bytes)).toBe('文件“支付.xlsx”的扩展名是 .xlsx，但内容不是 Excel 工作簿（文件可能已损坏，或扩展名不对）。请在 Excel 中重新另存为 .xlsx 或 CSV。');
  });

  it('a zip whose first bytes are a workbook but whose directory is gone is refused', async () => {
    const whole = await workbook();
    // The central directory sits at the end of a zip: without its last 100 bytes there is none.
    expect(await refused(ctx.db, '支付.xlsx', whole.subarray(0, whole.length - 100))).toMatch(/无法读取 Excel 文件“支付\.xlsx”/);
  });

  it('a CSV cut in the middle of a quoted cell is refused', async () => {
    const text = csv(rows) + 'T4,2018-03-04,"4,000.40';
    // Line 5: the header, T1–T3, then the cut T4.
    expect(await refused(ctx.db, '支付.csv', text)).toBe('文件“支付.csv”第 5 行有未闭合的引号（"），文件可能被截断或已损坏，没有导入任何数据。'
      + '请在 Excel 或 WPS 中打开后重新另存为 CSV（或 .xlsx）再导入。');
  });

  it('a CSV cut in the middle of a row is refused, rather than its last row taken cut', async () => {
    const text = csv(rows);
    // "T3,2018-03-03,3000.30,县水利局\r\n" cut after "T3,2018-03-03,30": the amount would read as 30.
    const cut = text.slice(0, text.lastIndexOf('3000.30') + 2);
    expect(await refused(ctx.db, '支付.csv', cut)).toBe('文件“支付.csv”的最后一行不完整（只有 3 列，表头有 4 列，且文件没有以换行结束），'
      + '文件可能在复制或上传中被截断，没有导入任何数据。请重新导出或上传完整的文件。');
  });

  it('a CSV without a line break after a whole last row still imports', async () => {
    const r = await importFile({ db: ctx.db, filePath: writeFixture('支付.csv', csv(rows).trimEnd()), fileName: '支付.csv', kind: 'payments',
      rawDir: mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-raw-')) });
    // 1,000.10 + 2,000.20 + 3,000.30 = 6,000.60
    expect(r).toMatchObject({ accepted: 3, rejected: 0, amount_total_yuan: '6000.60' });
  });
});
