import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import type { Scope } from '@/lib/auth/roles';
import { crumbNames, filterOptions } from '@/queries/views/navigation';
import { breadcrumbs } from '@/lib/views/breadcrumbs';
import { EMPTY_VIEW_FILTER, type ViewFilter } from '@/lib/views/filter';
import { withoutEmpty } from '@/lib/url-params';
import { tempDb } from '../helpers/temp-db';
import { loadDrillFixture } from '../fixtures/drill';

const BASE: ViewFilter = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30' };
const Y = 'year=2018&as_of=2018-06-30';

describe('breadcrumbs and the filter bar\'s choices', () => {
  let db: Db;
  let cleanup: () => void;
  let sections: { id: number; name: string }[];
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadDrillFixture(db);
    sections = await db.all("SELECT id, name FROM units WHERE kind = 'section' ORDER BY id");
  });
  afterAll(() => cleanup());
  const namesFor = (f: ViewFilter, scope: Scope = { kind: 'all' }) => crumbNames(db, f, scope);

  it('names each id the filter sets, only among units of its own kind', async () => {
    const names = await namesFor({ ...BASE, section: 4, fund: 22, indicator: 'I1', town: 101, village: 301, project: 'XM001', department: 201 });
    expect(names).toEqual({
      section: '农财所', fund: '中央财政专项扶贫资金', indicator: 'I1', department: '县教育局', town: '甲镇', village: '甲村', project: '甲村道路硬化',
    });
    // 甲镇 (101) is no 股室 and no village; an unknown indicator names nothing; unset fields stay null.
    expect(await namesFor({ ...BASE, section: 101, village: 101, indicator: 'NOPE' }))
      .toEqual({ section: null, fund: null, indicator: null, department: null, town: null, village: null, project: null });
    // XM001 is 甲镇's (town 101) and implemented by it: named to 甲镇, not to 乙镇 (102) or to a department that neither
    // implements it nor was allocated it; the crumb then shows the code the URL holds.
    const project = { ...BASE, project: 'XM001' };
    expect((await namesFor(project, { kind: 'town', unitId: 101 })).project).toBe('甲村道路硬化');
    expect((await namesFor(project, { kind: 'town', unitId: 102 })).project).toBeNull();
    expect((await namesFor(project, { kind: 'department', unitId: 201 })).project).toBeNull();
    expect(breadcrumbs(project, await namesFor(project, { kind: 'town', unitId: 102 })).map((c) => c.label)).toEqual(['总览', '项目 XM001']);
  });

  it('builds 总览 › 股室 › 资金 › 指标, each link carrying the year, 截止日期 and the fields above it', async () => {
    const filter = { ...BASE, section: 4, fund: 22, indicator: 'I1' };
    expect(breadcrumbs(filter, await namesFor(filter))).toEqual([
      { label: '总览', href: `/?${Y}` },
      { label: '股室 农财所', href: `/views/ledger?${Y}&section=4` },
      { label: '资金 中央财政专项扶贫资金', href: `/views/indicators?${Y}&section=4&fund=22` },
      { label: '指标 I1', href: `/views/allocations?${Y}&section=4&fund=22&indicator=I1` },
    ]);
  });

  it('builds 总览 › 镇 › 村 › 项目, the project\'s page with its code in the path; an unknown id shows as itself', async () => {
    const filter = { ...BASE, town: 101, village: 301, project: 'XM001', level: 'central' as const };
    expect(breadcrumbs(filter, await namesFor(filter))).toEqual([
      { label: '总览', href: `/?${Y}` },
      { label: '镇 甲镇', href: `/views/villages?${Y}&town=101` },
      { label: '村 甲村', href: `/views/projects?${Y}&town=101&village=301` },
      { label: '项目 甲村道路硬化', href: `/projects/XM001?${Y}&town=101&village=301` },
    ]);
    const unknown = { ...BASE, town: 999 };
    expect(breadcrumbs(unknown, await namesFor(unknown)).map((c) => c.label)).toEqual(['总览', '镇 999']);
  });

  it('offers the whole county to an unscoped viewer: county departments only, villages of the chosen town', async () => {
    const all = await filterOptions(db, { kind: 'all' }, 101);
    expect(all.town.map((o) => o.name)).toEqual(['甲镇', '乙镇', '丙镇']);
    // 甲镇财政所 is a body of 甲镇, counted in its town (docs/units.md), so it is no choice among the departments.
    expect(all.department.map((o) => o.name)).toEqual(['县教育局', '县水利局']);
    expect(all.village.map((o) => o.name)).toEqual(['甲村', '东村']);
    expect(all.section).toEqual(sections.map((s) => ({ ...s, level: null })));
    expect(all.fund.find((f) => f.id === 22)).toEqual({ id: 22, name: '中央财政专项扶贫资金', level: 'central' });
    expect((await filterOptions(db, { kind: 'all' }, null)).village).toEqual([]);
  });

  it('offers a scoped viewer only its own unit among units of its kind', async () => {
    const town: Scope = { kind: 'town', unitId: 101 };
    const t = await filterOptions(db, town, 101);
    expect(t.town.map((o) => o.name)).toEqual(['甲镇']);
    expect(t.village.map((o) => o.name)).toEqual(['甲村', '东村']);
    // Another town's villages are not offered, even when the URL names that town: its own are.
    expect((await filterOptions(db, town, 102)).village.map((o) => o.name)).toEqual(['甲村', '东村']);
    expect((await filterOptions(db, town, null)).village.map((o) => o.name)).toEqual(['甲村', '东村']);
    const dept = await filterOptions(db, { kind: 'department', unitId: 201 }, null);
    expect(dept.department.map((o) => o.name)).toEqual(['县教育局']);
    expect(dept.town).toHaveLength(3);
    const section = await filterOptions(db, { kind: 'section', unitId: 2 }, null);
    expect(section.section.map((o) => o.name)).toEqual(['教科文股']);
    // 教科文股 manages fund 43 among others, never 农财所's fund 22.
    expect(section.fund.map((f) => f.id)).toContain(43);
    expect(section.fund.map((f) => f.id)).not.toContain(22);
    const managed = await db.all<{ id: number }>('SELECT id FROM funds WHERE section_id = 2 ORDER BY id');
    expect(section.fund.map((f) => f.id)).toEqual(managed.map((f) => f.id));
  });
});

describe('withoutEmpty', () => {
  it('drops the empty fields a GET filter form sends for 全部, and says when there were none', () => {
    expect(withoutEmpty({ year: '2018', fund: '', town: '103', section: ' ' })?.toString()).toBe('year=2018&town=103');
    expect(withoutEmpty({ fund: '' })?.toString()).toBe('');
    expect(withoutEmpty({ year: '2018', town: ['101', ''] })?.toString()).toBe('year=2018&town=101');
    expect(withoutEmpty({ year: '2018', as_of: '2018-10-31' })).toBeNull();
  });
});
