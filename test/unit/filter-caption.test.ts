import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterCaption } from '@/components/views/filter-caption';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { PAYMENTS_READER } from '@/lib/payments/request';
import { viewById } from '@/lib/views/registry';
import type { Db } from '@/queries/db';
import { filterOptions } from '@/queries/views/navigation';
import { tempDb } from '../helpers/temp-db';
import { loadViewsFixture } from '../fixtures/views';

/** An export's title row and the printed page name the filter with these words (docs/views.md "Exported files"). */
describe('the filter in words', () => {
  let db: Db;
  let cleanup: () => void;
  let section: { id: number; name: string };
  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadViewsFixture(db);
    section = (await db.one<{ id: number; name: string }>("SELECT id, name FROM units WHERE kind = 'section' AND name = '农财所'"))!;
  });
  afterAll(() => cleanup());

  it('names the year, the 截止日期, then each field set, units and funds by name, as the filter bar does', async () => {
    const filter = {
      ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30', level: 'central' as const, fund: 22, section: section.id, town: 101,
      basis: 'all' as const, payFrom: '2018-03-01', q: '化肥',
    };
    const caption = filterCaption(filter, PAYMENTS_READER.narrowedBy, await filterOptions(db, { kind: 'all' }, 101));
    expect(caption).toEqual([
      '2018年度', '截止 2018-06-30', '支付口径 全部支付', '级次 中央', '股室 农财所', '镇(中心) 甲镇',
      '资金 中央财政专项扶贫资金（中央）', '支付日期起 2018-03-01', '搜索 化肥',
    ]);
  });

  it('a unit the viewer is not offered stays an id, a field the table does not honour is left out', async () => {
    const towns = viewById('towns')!;
    const filter = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-06-30', town: 999, q: '化肥' };
    expect(filterCaption(filter, towns.narrowedBy, await filterOptions(db, { kind: 'all' }, null))).toEqual(['2018年度', '截止 2018-06-30', '镇(中心) #999']);
  });
});
