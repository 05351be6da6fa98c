import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupSource, findHeader, previewSource, readSource, SourceError } from '@/lib/import/source';
import { cellText, plainNumber } from '@/lib/import/source/cells';
import { gb18030Converter, privateTempDir, tempPath, transcodeToUtf8 } from '@/lib/import/source/transcode';
import type { SourceInfo } from '@/lib/import/types';
import { encodeGbk } from '@/lib/cli/gbk-encode';
import { BIG_ROWS, bigMemo, GBK_LINES, makeFixtures, type Fixtures } from '../fixtures/import/make';

const here = path.join(import.meta.dirname, '..', 'fixtures', 'import');
const committed = (name: string) => path.join(here, name);

let dir: string;
let fx: Fixtures;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
const opened: SourceInfo[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-source-test-'));
  fx = await makeFixtures(dir);
  instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', threads: '1' });
  conn = await instance.connect();
});

afterAll(async () => {
  for (const info of opened) await cleanupSource(info);
  conn?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function read(file: string, kind: Parameters<typeof readSource>[2]['kind'] = 'payments', extra: object = {}): Promise<SourceInfo> {
  const info = await readSource(file, path.basename(file), { kind, ...extra });
  opened.push(info);
  return info;
}

/**
 * What DuckDB reads from the prepared source: every record after skipLines, cut to the header width. Read twice, as
 * the issue states it (sniffing) and as the loader does (auto_detect = false, explicit columns, null_padding), and
 * both must agree.
 */
async function duckRows(info: SourceInfo): Promise<(string | null)[][]> {
  const file = `'${info.dataCsvPath.replace(/'/g, "''")}'`;
  const dialect = `skip=${info.skipLines}, header=false, all_varchar=true, delim='${info.delimiter}', quote='"', escape='"'`;
  const sniffed = await conn.runAndReadAll(`SELECT * FROM read_csv(${file}, ${dialect})`);
  const columns = Array.from({ length: info.headers.length + 4 }, (_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ');
  const strict = await conn.runAndReadAll(
    `SELECT * FROM read_csv(${file}, ${dialect}, auto_detect=false, null_padding=true, encoding='utf-8', columns={${columns}})`,
  );
  const cut = (rows: unknown[][]) => rows.map((r) => r.slice(0, info.headers.length) as (string | null)[]);
  const rows = cut(sniffed.getRowsJson());
  expect(cut(strict.getRowsJson())).toEqual(rows);
  return rows;
}

async function rejects(file: string, message: RegExp, extra: object = {}) {
  const err = await readSource(file, path.basename(file), { kind: 'payments', ...extra }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SourceError);
  expect((err as Error).message).toMatch(message);
  return (err as Error).message;
}

describe('readSource: CSV encodings', () => {
  it('reads UTF-8 without BOM in place', async () => {
    const info = await read(committed('payments-plain.csv'));
    expect(info).toMatchObject({
      format: 'csv', encoding: 'utf-8', delimiter: ',', firstDataRow: 2, skipLines: 1, unitHint: null, tempFiles: [],
      dataCsvPath: committed('payments-plain.csv'),
      headers: ['支付凭证号', '支付日期', '支付金额', '预算单位', '收款人', '用途'],
    });
    expect(await duckRows(info)).toEqual([
      ['ZF0001', '2018-09-07', '1200.50', '县农业局', '张三', '产业补助'],
      ['ZF0002', '2018/9/8', '1,300.00', '县扶贫办', '李四', '危房改造'],
      ['ZF0003', '2018年9月9日', '800', '县水利局', '王五', '饮水工程'],
    ]);
  });

  it('reads UTF-8 with BOM in place (no copy) and takes the unit from the header', async () => {
    const info = await read(fx.bom);
    expect(info).toMatchObject({
      encoding: 'utf-8-bom', firstDataRow: 2, skipLines: 1, unitHint: '元', dataCsvPath: fx.bom, tempFiles: [],
      headers: ['支付凭证号', '支付日期', '实付金额', '收款人'],
      rawHeaders: ['支付凭证号', '支付日期', '实付金额(元)', '收款人'],
    });
    expect(await duckRows(info)).toEqual([
      ['ZF0001', '2018-09-07', '1200.50', '张三'],
      ['ZF0002', '2018-09-08', '300.00', '李四'],
    ]);
  });

  it('detects GBK, transcodes it to a temp UTF-8 file and finds the unit line above the header', async () => {
    // The fixture encoder against bytes written out by hand (python3: '金额'.encode('gbk') == b'\xbd\xf0\xb6\xee').
    expect(encodeGbk('金额，单位').toString('hex')).toBe('bdf0b6eea3acb5a5cebb');
    const raw = readFileSync(fx.gbk);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();

    const info = await read(fx.gbk);
    expect(info).toMatchObject({
      encoding: 'gb18030', delimiter: ',', firstDataRow: 4, skipLines: 3, unitHint: '元',
      headers: ['支付凭证号', '支付日期', '支付金额', '收款人', '收款人开户行', '用途'],
    });
    expect(info.tempFiles).toEqual([info.dataCsvPath]);
    expect(path.dirname(info.dataCsvPath)).toBe(privateTempDir());
    expect(readFileSync(info.dataCsvPath, 'utf8')).toBe(GBK_LINES.join('\r\n') + '\r\n');
    expect(await duckRows(info)).toEqual([
      ['ZF0001', '2018-09-07', '1200.50', '张三', '农行城关支行', '产业补助'],
      ['ZF0002', '2018-09-08', '300.00', '县农业农村局', '信用社店头分社', '危房改造，含“加固”'],
      ['ZF0003', '2018-09-09', '88.00', '李四', '邮储银行', '饮水工程'],
    ]);
    await cleanupSource(info);
    expect(existsSync(info.dataCsvPath)).toBe(false);
  });

  it("reads Excel's Unicode text (UTF-16LE with BOM, tab-separated)", async () => {
    const info = await read(fx.utf16, 'payouts');
    expect(info).toMatchObject({
      encoding: 'utf-16le', delimiter: '\t', firstDataRow: 3, skipLines: 2,
      headers: ['发放月份', '姓名', '身份证号', '补贴项目', '实发金额'],
    });
    expect(info.tempFiles).toHaveLength(1);
    expect(await duckRows(info)).toEqual([['2018-09', '张三', '61082719500101123X', '耕地地力保护补贴', '120.5']]);
  });

  it('lets options.encoding override detection (GBK bytes that are also valid UTF-8, the 联通 case)', async () => {
    const auto = await read(fx.liantong);
    expect(auto.encoding).toBe('utf-8');
    expect(auto.headers[0]).not.toBe('摘要');

    const forced = await read(fx.liantong, 'payments', { encoding: 'gb18030' });
    expect(forced).toMatchObject({ encoding: 'gb18030', headers: ['摘要', 'voucher', 'amount'], firstDataRow: 2 });
    expect(await duckRows(forced)).toEqual([['abc', 'ZF0001', '100.00'], ['def', 'ZF0002', '200.00']]);

    await rejects(fx.gbk, /不是有效的 UTF-8/, { encoding: 'utf-8' });
  });

  it('does not mistake a UTF-8 character cut at the 1 MB mark for GBK', async () => {
    const raw = readFileSync(fx.straddle);
    expect(raw.subarray((1 << 20) - 1, (1 << 20) + 2).toString('utf8')).toBe('扶');
    const info = await read(fx.straddle);
    expect(info).toMatchObject({ encoding: 'utf-8', tempFiles: [], firstDataRow: 2 });
  });

  it('looks past an ASCII-only first MB for the first Chinese text', async () => {
    const info = await read(fx.lateGbk);
    expect(info.encoding).toBe('gb18030');
    const rows = await duckRows(info);
    expect(rows.at(-1)).toEqual(['ZF999999', '2018-09-30', '5.00', '产业补助']);
  });
});

describe('GB18030 transcoding', () => {
  /** Random GBK-ish bytes: mostly ASCII and two-byte characters, some four-byte GB18030 characters and bad bytes. */
  function sample(seed: number, length: number, odd: number): Uint8Array {
    let s = seed;
    const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
    const out: number[] = [];
    while (out.length < length) {
      const r = rnd();
      if (r < 0.3) out.push(0x20 + Math.floor(rnd() * 0x5f));
      else if (r < 1 - odd) out.push(0x81 + Math.floor(rnd() * 0x7e), 0x40 + Math.floor(rnd() * 0xbf));
      else if (r < 1 - odd / 2) out.push(0x81 + Math.floor(rnd() * 4), 0x30 + Math.floor(rnd() * 10), 0x81 + Math.floor(rnd() * 0x7e), 0x30 + Math.floor(rnd() * 10));
      else out.push([0x80, 0xff, 0x81, 0xa1][Math.floor(rnd() * 4)]);
    }
    return Uint8Array.from(out);
  }
  const convert = (bytes: Uint8Array, chunk: number) => {
    const c = gb18030Converter(chunk);
    const parts: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += chunk) parts.push(Buffer.from(c.push(bytes.subarray(i, i + chunk))));
    parts.push(Buffer.from(c.end()));
    return Buffer.concat(parts);
  };

  it('gives the same bytes as TextDecoder for any input and any chunking', () => {
    for (const odd of [0, 0.01, 0.2]) {
      for (const seed of [1, 2, 3]) {
        const bytes = sample(seed, 5000, odd);
        const expected = Buffer.from(new TextDecoder('gb18030').decode(bytes), 'utf8');
        for (const chunk of [1, 2, 3, 7, 64, 4096]) expect(convert(bytes, chunk).equals(expected)).toBe(true);
      }
    }
    // A lead byte at the very end, and a four-byte character (U+3400 is 0x81 0x39 0xEE 0x39).
    expect(convert(Uint8Array.of(0x41, 0xd6), 1).toString('utf8')).toBe('A\uFFFD');
    expect(convert(Uint8Array.of(0xd6, 0xd0, 0x81, 0x39, 0xee, 0x39, 0xce, 0xc4), 3).toString('utf8')).toBe('中㐀文');
    // Node's own streaming decoder throws on this one when it is cut after 0x30; whole, it is '\uFFFD0 '.
    expect(convert(Uint8Array.of(0xd6, 0xd0, 0x81, 0x30, 0x20), 4).toString('utf8')).toBe('中\uFFFD0 ');
  });

  it('streams a file in small chunks to the same bytes', async () => {
    const bytes = sample(9, 20000, 0.01);
    const src = path.join(dir, 'random-gb.bin');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(src, bytes);
    const dest = tempPath('.csv');
    await transcodeToUtf8(src, 'gb18030', dest, 1000);
    expect(readFileSync(dest).equals(Buffer.from(new TextDecoder('gb18030').decode(bytes), 'utf8'))).toBe(true);
    rmSync(dest);
  });
});

describe('readSource: CSV layout', () => {
  it('skips a title row, a unit line and a blank line above the header; drops the trailing blank column', async () => {
    const info = await read(committed('payments-title.csv'));
    expect(info).toMatchObject({
      encoding: 'utf-8', delimiter: ',', firstDataRow: 5, skipLines: 4, unitHint: '万元',
      headers: ['序号', '支付凭证号', '支付日期', '实付金额', '预算单位', '收款人全称', '摘要'],
    });
    expect(await duckRows(info)).toEqual([
      ['1', 'ZF0001', '2018-09-07', '12.5', '县农业局', '张三', '产业补助'],
      ['2', 'ZF0002', '2018-09-08', '3.25', '县扶贫办', '李四', '危房改造'],
      ['合计', null, null, '15.75', null, null, null],
    ]);
  });

  it('combines a two-row merged header; the unit in the header wins over the title line', async () => {
    const info = await read(committed('payments-two-row.csv'));
    expect(info).toMatchObject({
      firstDataRow: 4, skipLines: 3, unitHint: '万元',
      headers: ['支付凭证号', '收款人名称', '收款人账号', '收款人开户行', '金额', '用途'],
      rawHeaders: ['支付凭证号', '收款人名称', '收款人账号', '收款人开户行', '金额(万元)', '用途'],
    });
    expect(await duckRows(info)).toEqual([
      ['ZF0001', '张三', '6228480012345678', '农行城关支行', '1.5', '产业补助'],
      ['ZF0002', '李四', '6228480087654321', '信用社', '2.25', '危房改造'],
    ]);
  });

  it('detects a tab delimiter (commas inside values do not fool it)', async () => {
    const info = await read(committed('payments-tab.txt'));
    expect(info).toMatchObject({
      delimiter: '\t', firstDataRow: 4, skipLines: 3, headers: ['支付凭证号', '支付日期', '支付金额', '收款人'],
    });
    expect(await duckRows(info)).toEqual([
      ['1001', '2018-09-07', '1,200.00', '张三'],
      ['1002', '2018-09-08', '300.00', '李四,王五'],
    ]);
  });

  it('detects a semicolon delimiter', async () => {
    const info = await read(committed('payments-semicolon.csv'));
    expect(info).toMatchObject({ delimiter: ';', firstDataRow: 2, headers: ['支付凭证号', '支付日期', '支付金额', '用途'] });
    expect(await duckRows(info)).toEqual([
      ['ZF0001', '2018-09-07', '1.200,50', '产业补助'],
      ['ZF0002', '2018-09-08', '300,00', '危房改造'],
    ]);
  });

  it('counts records, not lines: quoted line breaks in the title, header and data keep row numbers right', async () => {
    const info = await read(committed('payments-multiline.csv'));
    // Four physical lines stand above the first data record, but Excel shows it as row 3 and DuckDB's skip counts
    // records too.
    expect(info).toMatchObject({
      firstDataRow: 3, skipLines: 2,
      headers: ['支付凭证号', '支付日期', '支付金额', '用途'],
      rawHeaders: ['支付凭证号', '支付\n日期', '支付金额', '用途'],
    });
    const rows = await duckRows(info);
    expect(rows).toEqual([
      ['ZF0001', '2018-09-07', '100.00', '产业补助\n第一批'],
      ['ZF0002', '2018-09-08', '200.00', '危房改造，含"加固"'],
      ['ZF0003', '2018-09-09', '300.00', '饮水工程'],
    ]);
    // Excel row of each record: firstDataRow + index (ZF0003 is row 5 in Excel, physical line 8 of the file).
    expect(rows.map((r, i) => [r[0], info.firstDataRow + i])).toEqual([['ZF0001', 3], ['ZF0002', 4], ['ZF0003', 5]]);
  });

  it('reads an .xls that is really tab-separated text as CSV', async () => {
    const info = await read(fx.textXls);
    expect(info).toMatchObject({ format: 'csv', delimiter: '\t', headers: ['支付凭证号', '支付日期', '支付金额'], firstDataRow: 2 });
    expect(await duckRows(info)).toEqual([['ZF0001', '2018-09-07', '100']]);
  });
});

describe('readSource: files it refuses, with a reason for the user', () => {
  it('rejects an old binary .xls', async () => {
    const msg = await rejects(fx.oldXls, /\.xls/);
    expect(msg).toContain('请在 Excel 或 WPS 中打开，另存为 .xlsx 或 CSV');
  });
  it('rejects an HTML table saved as .xls', () => rejects(fx.htmlXls, /网页（HTML\/XML）格式/));
  it('rejects an empty file', () => rejects(fx.empty, /空文件/));
  it('rejects a file of blank lines', () => rejects(fx.blankOnly, /没有内容/));
  it('rejects binary garbage', () => rejects(fx.garbage, /不是文本表格/));
  it('rejects an .xlsx that is not a workbook', () => rejects(fx.notXlsx, /内容不是 Excel 工作簿/));
  it('rejects a file without data rows', () => rejects(fx.headerOnly, /表头（第 2 行）之下没有数据行/));
});

describe('readSource: XLSX', () => {
  it('streams a sheet with a title row and a merged two-row header into a CSV of its data rows', async () => {
    const info = await read(fx.merged);
    expect(info).toMatchObject({
      format: 'xlsx', encoding: 'xlsx', sheet: '支付明细', sheets: ['支付明细', '2019年', '隐藏'],
      firstDataRow: 5, skipLines: 0, delimiter: ',', unitHint: '万元',
      headers: ['支付凭证号', '支付日期', '收款人名称', '收款人账号', '收款人开户行', '金额', '用途', '凭证日期'],
      rawHeaders: ['支付凭证号', '支付日期', '收款人名称', '收款人账号', '收款人开户行', '金额（万元）', '用途', '凭证日期'],
    });
    expect(info.tempFiles).toEqual([info.dataCsvPath]);
    const rows = await duckRows(info);
    expect(rows).toEqual([
      // Dates as YYYY-MM-DD, rich text as text, long account numbers stored as text intact, 20180907 not 2.018e7.
      ['ZF001', '2018-09-07', '张三', '6228480012345678901', '农行城关支行', '12.5', '产业补助', '20180907'],
      // A formula gives its cached result; an Excel serial stored as a plain number stays a number.
      ['ZF002', '2018-09-08', '县农业局', '0012345678', '信用社', '25', '危房改造', '43351'],
      // 0.1 + 0.2 as Excel shows it; the merged 用途 cell G6:G7 has its value in its first row only.
      ['ZF003', '2018-09-30', '李四', null, null, '0.3', null, '20180930'],
      // The blank row 8 is kept as an empty record, so record k is Excel row firstDataRow + k.
      [null, null, null, null, null, null, null, null],
      // A date formula, a hyperlink's text, a big number without exponent, quoting of , and ".
      ['ZF004', '2018-10-01', '王五', '622848001', '邮储银行', '123456789012', '补助,含"加固"', '20181001'],
      ['合计', null, null, null, null, '123456789049.8', null, null],
    ]);
    expect(rows.findIndex((r) => r[0] === '合计') + info.firstDataRow).toBe(10);
    // The formatted empty rows 11–12 at the end are not records.
    expect(readFileSync(info.dataCsvPath, 'utf8').trimEnd().split('\n')).toHaveLength(6);
  });

  it('reads the sheet asked for by name', async () => {
    const info = await read(fx.merged, 'indicators', { sheet: '2019年' });
    expect(info).toMatchObject({ sheet: '2019年', firstDataRow: 2, unitHint: null, headers: ['指标明细号', '资金名称', '指标金额', '接收日期'] });
    expect(await duckRows(info)).toEqual([['ZB19001', '中央财政专项扶贫资金', '100', '2019-01-15']]);
  });

  it('says which sheets exist when the one asked for does not', async () => {
    const msg = await rejects(fx.merged, /没有名为“2020年”的工作表/, { sheet: '2020年' });
    expect(msg).toContain('支付明细、2019年、隐藏');
  });

  it('takes the first visible sheet when none is named', async () => {
    const info = await read(fx.hiddenFirst, 'deaths');
    expect(info).toMatchObject({ sheet: '明细', sheets: ['参数', '明细'], headers: ['身份证号', '姓名', '户籍地', '死亡日期'] });
    expect(await duckRows(info)).toEqual([['61082719500101123X', '张三', '甲镇甲村', '2018-03-01']]);
  });

  it('keeps a value found right of the headers further down (second, wider pass)', async () => {
    const info = await read(fx.lateWide);
    expect(info.headers).toEqual(['支付凭证号', '支付日期', '支付金额', '用途', '', '']);
    const rows = await duckRows(info);
    expect(rows).toHaveLength(199);
    expect(rows[0]).toEqual(['ZF1', '2018-09-07', '1', '补助', null, null]);
    expect(rows[148]).toEqual(['ZF149', '2018-09-07', '149', '补助', null, '备注在第F列']);
    expect(info.tempFiles).toEqual([info.dataCsvPath]);
  });

  it('keeps Chinese text intact across zip chunk boundaries (exceljs streaming bug #2063)', async () => {
    const info = await read(fx.chinese);
    const text = readFileSync(info.dataCsvPath, 'utf8');
    expect(text).not.toContain('\uFFFD');
    const rows = await duckRows(info);
    expect(rows).toHaveLength(BIG_ROWS);
    for (const i of [1, 777, 1234, 2999, BIG_ROWS]) {
      expect(rows[i - 1]).toEqual([`ZF${i}`, `收款人${['城关镇', '王家砭镇', '店头镇', '高家堡镇', '石窑沟乡'][i % 5]}第${i}户`, bigMemo(i), `备注${bigMemo(i)}`]);
    }
    expect(rows.every((r, k) => r[2] === bigMemo(k + 1) && r[3] === `备注${bigMemo(k + 1)}`)).toBe(true);
  });
});

describe('previewSource', () => {
  it('returns the first data rows of a CSV, as wide as the headers', async () => {
    const info = await read(committed('payments-title.csv'));
    expect(await previewSource(info, 2)).toEqual([
      ['1', 'ZF0001', '2018-09-07', '12.5', '县农业局', '张三', '产业补助'],
      ['2', 'ZF0002', '2018-09-08', '3.25', '县扶贫办', '李四', '危房改造'],
    ]);
    const multi = await read(committed('payments-multiline.csv'));
    expect((await previewSource(multi, 5)).map((r) => r[3])).toEqual(['产业补助\n第一批', '危房改造，含"加固"', '饮水工程']);
  });

  it('returns the first data rows of a workbook, blank rows left out', async () => {
    const info = await read(fx.merged);
    const rows = await previewSource(info, 4);
    expect(rows.map((r) => r[0])).toEqual(['ZF001', 'ZF002', 'ZF003', 'ZF004']);
    expect(rows[0]).toHaveLength(8);
  });
});

describe('header detection and cell text', () => {
  it('skips a column-number row (栏次) under the header', () => {
    const layout = findHeader([
      ['2018年扶贫资金分配表'],
      ['指标明细号', '接收单位', '分配金额', '分配日期'],
      ['栏次', '1', '2', '3'],
      ['ZB001', '甲镇', '10', '2018-09-07'],
    ], 'allocations');
    expect(layout).toMatchObject({ headerIndex: 1, headerRowCount: 1, dataIndex: 3 });
    const numbered = findHeader([['支付凭证号', '支付日期', '支付金额', '用途'], ['1', '2', '3', '4'], ['ZF1', '2018-09-07', '5', 'x']], 'payments');
    expect(numbered.dataIndex).toBe(2);
  });

  it('does not take a first data row of text for a second header row', () => {
    const layout = findHeader([['姓名', '户籍地', '身份证号'], ['张三', '甲村', '61082719500101123X']], 'deaths');
    expect(layout).toMatchObject({ headerIndex: 0, headerRowCount: 1, dataIndex: 1, headers: ['姓名', '户籍地', '身份证号'] });
  });

  it('falls back to the first full-width row when no header names a field', () => {
    const layout = findHeader([['某某表'], [''], ['列A', '列B', '列C'], ['1', '2', '3']], 'payments');
    expect(layout).toMatchObject({ headerIndex: 2, dataIndex: 3, score: 0, headers: ['列a', '列b', '列c'] });
  });

  it('writes numbers as plain decimals, as Excel shows them', () => {
    expect(plainNumber(20180907)).toBe('20180907');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-1234.5)).toBe('-1234.5');
    expect(plainNumber(-0.0015)).toBe('-0.0015');
    expect(plainNumber(1234567890.123456)).toBe('1234567890.12346');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(6228480012345678)).toBe('6228480012345680'); // Excel keeps 15 digits of a number
    expect(cellText({ error: '#N/A' } as never)).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ formula: 'A1', result: 43374 } as never, 'yyyy"年"m"月"d"日"')).toBe('2018-10-01');
  });
});
