import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';

describe('fund catalog (the seed\'s four attachments)', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => ({ db, cleanup } = await tempDb()));
  afterAll(() => cleanup());

  it('holds 42 中央 + 36 省 + 49 市 + 21 县 = 148 funds', async () => {
    const rows = await db.all<{ level: string; n: string }>('SELECT level, count(*) AS n FROM funds GROUP BY level ORDER BY level');
    expect(Object.fromEntries(rows.map((r) => [r.level, Number(r.n)]))).toEqual({ central: 42, province: 36, city: 49, county: 21 });
  });

  it('numbers each level 1..n without gaps', async () => {
    const rows = await db.all<{ level: string; ok: boolean }>(
      'SELECT level, list_sort(list(seq)) = range(1, count(*) + 1)::INTEGER[] AS ok FROM funds GROUP BY level');
    expect(rows.every((r) => r.ok)).toBe(true);
  });

  it('maps every fund to one of the seven 股室, with the seed\'s typo normalised', async () => {
    const rows = await db.all<{ name: string; n: string }>(
      "SELECT u.name, count(*) AS n FROM funds f JOIN units u ON u.id = f.section_id AND u.kind = 'section' GROUP BY u.name ORDER BY u.name");
    expect(rows.map((r) => r.name).sort()).toEqual(['农财所', '教科文股', '社保股', '经建股', '综合股', '综改办', '预算股'].sort());
    expect(rows.reduce((s, r) => s + Number(r.n), 0)).toBe(148);
    // The seed's section headings, per level: e.g. 中央 教科文股 8, 经建股 10, 农财所 10, 社保股 9.
    const central = await db.all<{ name: string; n: string }>(
      "SELECT u.name, count(*) AS n FROM funds f JOIN units u ON u.id = f.section_id WHERE f.level = 'central' GROUP BY u.name");
    expect(Object.fromEntries(central.map((r) => [r.name, Number(r.n)]))).toEqual({
      预算股: 3, 教科文股: 8, 经建股: 10, 农财所: 10, 综改办: 1, 社保股: 9, 综合股: 1,
    });
  });

  it('keeps the fund names and source divisions of the seed', async () => {
    const row = await db.one<{ name: string; source_division: string }>(
      "SELECT name, source_division FROM funds WHERE level = 'central' AND seq = 22");
    expect(row).toEqual({ name: '中央财政专项扶贫资金', source_division: '农业司' });
    const county = await db.one<{ n: string }>("SELECT count(*) AS n FROM funds WHERE level = 'county' AND source_division IS NULL");
    expect(Number(county?.n)).toBe(21);
  });
});
