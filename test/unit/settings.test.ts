import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { getSettings } from '@/queries/settings';
import { listAudit } from '@/queries/auth/audit';
import { adminSaveSettings } from '@/lib/settings-admin';
import { bandsFrom, gapBand, parseSettings, DEFAULT_THRESHOLDS } from '@/lib/settings';
import type { Viewer } from '@/lib/auth/roles';
import { tempDb } from '../helpers/temp-db';

const admin: Viewer = { id: 1, username: 'admin', displayName: null, role: 'admin', unitId: null, unitName: null };
const leader: Viewer = { ...admin, id: 2, username: 'leader', role: 'leader' };

describe('settings', () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(async () => ({ db, cleanup } = await tempDb()));
  afterAll(() => cleanup());

  it('labels the bands by their own bounds', () => {
    expect(bandsFrom(DEFAULT_THRESHOLDS).map((b) => b.label)).toEqual([
      '达到序时', '滞后10个百分点以内', '滞后10–20个百分点', '滞后20–30个百分点', '滞后30个百分点以上',
    ]);
    const custom = bandsFrom({ green: 0, blue: -5, yellow: -15, orange: -25 });
    expect(gapBand(-4.9, custom).id).toBe('blue');
    expect(gapBand(-5.1, custom).id).toBe('yellow');
    expect(gapBand(-25, custom).id).toBe('orange');
    expect(gapBand(-25.01, custom).id).toBe('red');
  });

  it('falls back to the defaults for missing or broken stored values', () => {
    const s = parseSettings([{ key: 'gap_bands', value: '{"green":0,"blue":-30,"yellow":-20,"orange":-10}' }]);
    expect(s).toMatchObject({ countyName: '示范县', timeProgressMode: 'month', thresholds: DEFAULT_THRESHOLDS });
  });

  it('an admin saves valid settings, audited with what changed; a leader cannot', async () => {
    const input = { countyName: '榆阳县', timeProgressMode: 'day', thresholds: { green: 0, blue: -5, yellow: -15, orange: -25 } };
    expect(await adminSaveSettings(db, leader, input, null)).toEqual({ ok: false, error: '无权修改设置' });
    expect(await adminSaveSettings(db, admin, { ...input, thresholds: { green: 0, blue: -20, yellow: -10, orange: -30 } }, null))
      .toMatchObject({ ok: false });
    expect(await adminSaveSettings(db, admin, { ...input, timeProgressMode: 'week' }, null)).toMatchObject({ ok: false });
    expect(await adminSaveSettings(db, admin, input, '127.0.0.1')).toEqual({ ok: true, message: '设置已保存' });
    expect(await getSettings(db)).toMatchObject({ countyName: '榆阳县', timeProgressMode: 'day', thresholds: input.thresholds });
    const [entry] = await listAudit(db, { action: 'settings' });
    expect(entry).toMatchObject({ actor: 'admin', action: 'settings', ip: '127.0.0.1' });
    expect(JSON.parse(entry.detail!)).toEqual({
      countyName: { from: '示范县', to: '榆阳县' },
      timeProgressMode: { from: 'month', to: 'day' },
      thresholds: { from: DEFAULT_THRESHOLDS, to: input.thresholds },
    });
    expect(await adminSaveSettings(db, admin, input, null)).toEqual({ ok: true, message: '设置没有变化' });
    expect(await listAudit(db, { action: 'settings' })).toHaveLength(1);
  });
});
