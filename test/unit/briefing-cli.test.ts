import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { loadBriefing } from '@/queries/briefing/load';
import { cli } from '../helpers/cli';
import { loadFixture } from '../helpers/fixture';
import { tempDb } from '../helpers/temp-db';
import { readDocx } from '../helpers/docx-text';
import { VIEWS_FIXTURE } from '../fixtures/views';

// `fund-monitor briefing` (lib/cli/briefing.ts) on the views' county (test/fixtures/views.ts), closed before the
// command opens it read-only; 农财所 is section 4.
describe('fund-monitor briefing', () => {
  const files = { dir: '', db: '', cleanup: () => {} };
  const hashes = { county: '', ncs: '' };
  let summary: string[] = [];
  beforeAll(async () => {
    const t = await tempDb();
    await loadFixture(t.db, VIEWS_FIXTURE);
    const county = await loadBriefing(t.db, 2018, '2018-06-30', { kind: 'county' });
    hashes.county = county.dataHash;
    summary = county.summary;
    hashes.ncs = (await loadBriefing(t.db, 2018, '2018-06-30', { kind: 'section', unitId: 4 })).dataHash;
    t.db.close();
    Object.assign(files, { dir: path.dirname(t.file), db: t.file, cleanup: t.cleanup });
  });
  afterAll(() => files.cleanup());

  it('writes the county’s .docx and says where, how big, and the hash of the data it read, the page’s hash', async () => {
    const out = path.join(files.dir, '通报.docx');
    const r = cli(['briefing', '--db', files.db, '--as-of', '2018-06-30', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const size = readFileSync(out).byteLength;
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain(out);
    expect(r.stdout).toContain(`${size.toLocaleString('en-US')} 字节`);
    expect(r.stdout).toContain(hashes.county);
    const { paragraphs } = await readDocx(readFileSync(out));
    // The summary's wording is checked in briefing-summary.test.ts; here, that the file holds it whole.
    for (const p of summary) expect(paragraphs).toContain(p);
    expect(paragraphs.some((p) => p.startsWith('截至6月30日，全县扶贫资金共170.00万元，已支付41.50万元，支出进度为24.4%'))).toBe(true);
    // Read-only: the database file is as it was, no archive written beside it.
    expect(existsSync(path.join(files.dir, 'imports'))).toBe(false);
    const db = await Db.open(files.db, { readOnly: true });
    expect(await db.all('SELECT id FROM briefings')).toEqual([]);
    db.close();
  });

  it('writes a 股室’s own report by its name, with --json for machines', () => {
    const out = path.join(files.dir, 'ncs.docx');
    const r = cli(['briefing', '--db', files.db, '--as-of', '2018-06-30', '--scope', 'section:农财所', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: out, format: 'docx', size: readFileSync(out).byteLength, year: 2018, as_of: '2018-06-30', scope: '农财所', data_hash: hashes.ncs });
  });

  it('refuses an unknown extension, scope or 股室 in one line with exit code 2, writing nothing', () => {
    const cases: [string[], RegExp][] = [
      [['--out', path.join(files.dir, 'x.txt')], /不支持的输出格式：x\.txt/],
      [['--out', path.join(files.dir, 'x.docx'), '--scope', 'town:甲镇'], /范围无效：town:甲镇/],
      [['--out', path.join(files.dir, 'x.docx'), '--scope', 'section:没有的股'], /没有名为“没有的股”的股室/],
      [['--out', path.join(files.dir, 'x.docx'), '--as-of', '2018-02-30'], /截止日期无效：2018-02-30/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['briefing', '--db', files.db, '--as-of', '2018-06-30', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(path.join(files.dir, 'x.docx'))).toBe(false);
  });
});
