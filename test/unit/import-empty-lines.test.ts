import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { cleanupSource, readSource } from '@/lib/import/source';
import { blankEmptyLines } from '@/lib/import/source/empty-lines';
import { parseRecords } from '@/lib/import/source/records';
import { RawCopy } from '@/lib/import/load/raw-file';
import { encodeGbk } from '@/lib/cli/gbk-encode';
import { importText, useSeededCounty, writeFixture } from '../fixtures/import-load/helpers';

/**
 * DuckDB's read_csv drops empty lines; Excel shows each as an empty row. Every row number the importer reports
 * (rejects, and the conflict message naming the earlier row) must be the row Excel shows.
 */

const HEADER = '支付凭证号,支付日期,支付金额,预算单位,用途';

/** Joins lines with the given line break, ending the file with one. */
const file = (lines: string[], eol: string) => lines.join(eol) + eol;

const rowsOf = (rejects: { row: number }[]) => [...new Set(rejects.map((r) => r.row))];

describe('empty lines in a CSV keep the row numbers Excel shows', () => {
  let db: Db;
  useSeededCounty((d) => (db = d));

  const lines = (prefix: string) => [
    '2018年国库集中支付明细表', // 1
    '', // 2: an empty line above the header stays where it is
    HEADER, // 3
    `${prefix}1,2018-03-01,100.00,县水利局,工程款`, // 4
    '', // 5
    '', // 6
    ',,,,', // 7: a line of delimiters, a blank record all along
    `${prefix}2,2018-02-30,50.00,县水利局,材料费`, // 8: bad date
    '', // 9
    `${prefix}3,2018-03-03,300.00,县水利局,"产业补助\n\n第二批"`, // 10: three lines in the file, one row in Excel
    `${prefix}4,2018-03-04,abc,县水利局,差旅费`, // 11: bad amount
    '', // 12
    `${prefix}1,2018-03-01,999.00,县水利局,工程款`, // 13: same voucher as row 4, other amount
    '', // trailing empty lines: no record follows them
    '',
  ];

  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    it(`reports the Excel row of each reject in a UTF-8 file with ${name} line breaks`, async () => {
      const r = await importText(db, 'payments', file(lines(`E${name}`), eol), { name: `${name}.csv` });
      expect([r.rows_read, r.accepted, r.rejected]).toEqual([5, 2, 3]);
      expect(rowsOf(r.rejects)).toEqual([8, 11, 13]);
      expect(r.rejects.find((x) => x.row === 8)).toMatchObject({ column: '支付日期', value: '2018-02-30' });
      expect(r.rejects.find((x) => x.row === 13)!.reason).toBe('与第 4 行凭证号相同但内容不同');
      const purpose = await db.one<{ purpose: string }>('SELECT purpose FROM payments WHERE voucher_no = $v', { v: `E${name}3` });
      expect(purpose!.purpose).toBe('产业补助\n\n第二批');
    });
  }

  it('reports the Excel row in a GBK file (transcoded first)', async () => {
    const r = await importText(db, 'payments', encodeGbk(file(lines('EGBK'), '\r\n')), { name: 'gbk.csv' });
    expect(r.encoding).toBe('gb18030');
    expect(rowsOf(r.rejects)).toEqual([8, 11, 13]);
  });

  it('reports the Excel row in a UTF-8 file with a BOM and tab delimiters', async () => {
    const tabbed = lines('ETAB').map((l) => l.replaceAll(',', '\t'));
    const r = await importText(db, 'payments', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(file(tabbed, '\r\n'))]), { name: 'tab.txt' });
    expect(r.encoding).toBe('utf-8-bom');
    expect(rowsOf(r.rejects)).toEqual([8, 11, 13]);
  });

  it('reads a file without empty data lines in place, and one with only an empty line inside a quoted cell too', async () => {
    const plain = writeFixture('plain.csv', file([HEADER, 'P1,2018-03-01,1,县水利局,x', '', '', ''], '\r\n'));
    const quoted = writeFixture('quoted.csv', file([HEADER, 'Q1,2018-03-01,1,县水利局,"a', '', 'b"', 'Q2,2018-03-01,1,县水利局,x'], '\n'));
    for (const f of [plain, quoted]) {
      const info = await readSource(f, 'x.csv', { kind: 'payments' });
      expect(await blankEmptyLines(info)).toBe(false);
      expect(info.dataCsvPath).toBe(f);
      expect(info.tempFiles).toEqual([]);
    }
  });

  it('the raw copy notes whether a file may hold empty lines, so files without them are not read again', async () => {
    const hint = async (text: string) => {
      const copy = await RawCopy.start(writeFixture('hint.csv', text), mkdtempSync(path.join(os.tmpdir(), 'fm-hint-')), 'hint.csv');
      await copy.discard();
      return copy.mayHaveEmptyLines;
    };
    expect(await hint(file([HEADER, 'H1,2018-03-01,1,县水利局,x', '', '', ''], '\r\n'))).toBe(false); // trailing only
    expect(await hint(file([HEADER, 'H1,2018-03-01,1,县水利局,x', 'H2,2018-03-01,1,县水利局,x'], '\n'))).toBe(false);
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(await hint(file([HEADER, 'H1,2018-03-01,1,县水利局,x', '', 'H2,2018-03-01,1,县水利局,x'], eol))).toBe(true);
    }
    // An empty line 8 MB in, where one read of the worker ends and the next begins.
    const filler = 'F,2018-03-01,1,县水利局,' + 'x'.repeat(200) + '\n';
    const head = HEADER + '\n';
    const count = Math.floor(((8 << 20) - 1 - Buffer.byteLength(head)) / Buffer.byteLength(filler));
    const lines8 = head + filler.repeat(count);
    const big = lines8 + 'y'.repeat((8 << 20) - 1 - Buffer.byteLength(lines8));
    expect(await hint(big + '\n\nZ,2018-03-01,1,县水利局,x\n')).toBe(true);
  });

  it('reads a CRLF file whose header has a line break inside a quoted cell (Alt+Enter in Excel)', async () => {
    const text = file(['支付凭证号,"支付\n日期",支付金额,预算单位,用途', 'N1,2018-03-01,1.00,县水利局,x', 'N2,2018-03-02,2.00,县水利局,y'], '\r\n');
    const r = await importText(db, 'payments', text, { name: 'altenter.csv' });
    expect([r.rows_read, r.accepted, r.rejected]).toEqual([2, 2, 0]);
  });

  it('replaces a transcoded file by its blanked copy, and deletes both afterwards', async () => {
    const f = writeFixture('gbk.csv', encodeGbk(file([HEADER, 'G1,2018-03-01,1,县水利局,产业', '', 'G2,2018-03-01,1,县水利局,产业'], '\r\n')));
    const info = await readSource(f, 'gbk.csv', { kind: 'payments' });
    expect(await blankEmptyLines(info)).toBe(true);
    expect(info.tempFiles).toEqual([info.dataCsvPath]);
    expect(info.skipLines).toBe(1);
    expect(readFileSync(info.dataCsvPath, 'utf8')).toBe(file([HEADER, 'G1,2018-03-01,1,县水利局,产业', ',,,,', 'G2,2018-03-01,1,县水利局,产业'], '\r\n'));
    await cleanupSource(info);
    expect(existsSync(info.dataCsvPath)).toBe(false);
  });
});

describe('empty lines across the 4 MB pieces the file is read in', () => {
  it('lines DuckDB’s records up with the records Excel shows, in a 9 MB file of empty lines and quoted line breaks', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const lines = ['2018年国库集中支付明细表,,,,', HEADER];
    for (let i = 0, size = 0; size < 9 << 20; i++, size += Buffer.byteLength(lines[lines.length - 1]) + 2) {
      const r = random();
      const v = `V${String(i).padStart(7, '0')}`;
      if (r < 0.1) lines.push('');
      else if (r < 0.12) lines.push(',,,,');
      // A cell with an empty line inside, escaped quotes, and a line break right at the end of the cell.
      else if (r < 0.17) lines.push(`${v},2018-03-01,1.00,县水利局,"第一段\n\n第二段 ""引"" ,\n"`);
      else if (r < 0.2) lines.push(`${v},2018-03-01,1.00,县水利局,ab"c`);
      else lines.push(`${v},2018-03-01,${(i % 997) + 0.5},县水利局,工程款${i}`);
    }
    lines.push('', '');
    const text = file(lines, '\r\n');
    const info = await readSource(writeFixture('big.csv', text), 'big.csv', { kind: 'payments' });
    try {
      expect(await blankEmptyLines(info)).toBe(true);
      expect(info.skipLines).toBe(2);
      // Excel's rows below the header: every record, an empty line an empty row; trailing empty lines are no rows.
      const cells = (r: string[]) => Array.from({ length: 5 }, (_, j) => r[j] || null);
      const excel = parseRecords(text, ',', Infinity, true).records.slice(2).map(cells);
      while (excel[excel.length - 1][0] === null) excel.pop();
      const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
      const conn = await instance.connect();
      const read = await conn.runAndReadAll(`SELECT * FROM read_csv($f, skip = ${info.skipLines}, header = false, auto_detect = false,
        all_varchar = true, null_padding = true, parallel = false, delim = ',', quote = '"', escape = '"', encoding = 'utf-8',
        columns = {'c1': 'VARCHAR', 'c2': 'VARCHAR', 'c3': 'VARCHAR', 'c4': 'VARCHAR', 'c5': 'VARCHAR'})`, { f: info.dataCsvPath });
      const duck = read.getRowsJson();
      conn.closeSync();
      instance.closeSync();
      expect(excel.filter((r) => r[0] === null).length).toBeGreaterThan(10_000);
      expect(duck.length).toBe(excel.length);
      expect(duck).toEqual(excel);
    } finally {
      await cleanupSource(info);
    }
  });
});
