import { describe, expect, it } from 'vitest';
import { adminSaveBackupSchedule } from '@/lib/backup/admin';
import { adminSaveSettings } from '@/lib/settings-admin';
import { getBackupSchedule, getSettings } from '@/queries/settings';
import { DEFAULT_BACKUP_SCHEDULE } from '@/lib/backup/schedule';
import type { Viewer } from '@/lib/auth/roles';
import { useFixtureDb } from '../helpers/fixture';

const admin = { username: 'admin', role: 'admin', unitId: null } as Viewer;
const leader = { username: 'leader', role: 'leader', unitId: null } as Viewer;

describe('the backup setting and the county code, as the admin saves them', () => {
  const ctx = useFixtureDb('');

  it('saves the nightly schedule for the admin only, checks it, and audits before and after', async () => {
    const wanted = { enabled: true, hour: 3, folder: ' /srv/backups ', keep: 14 };
    expect(await adminSaveBackupSchedule(ctx.db, leader, wanted, null)).toEqual({ ok: false, error: '无权修改备份设置' });
    expect(await adminSaveBackupSchedule(ctx.db, admin, { ...wanted, hour: 24 }, null)).toMatchObject({ ok: false });
    expect(await adminSaveBackupSchedule(ctx.db, admin, { ...wanted, keep: 0 }, null)).toMatchObject({ ok: false });
    expect(await getBackupSchedule(ctx.db)).toEqual(DEFAULT_BACKUP_SCHEDULE);

    expect(await adminSaveBackupSchedule(ctx.db, admin, wanted, '10.0.0.1')).toEqual({ ok: true, message: '备份设置已保存' });
    expect(await getBackupSchedule(ctx.db)).toEqual({ enabled: true, hour: 3, folder: '/srv/backups', keep: 14 });
    const row = await ctx.db.one<{ actor: string; detail: string; ip: string }>("SELECT actor, detail, ip FROM audit_log WHERE action = 'backup_schedule'");
    expect(row!.actor).toBe('admin');
    expect(JSON.parse(row!.detail)).toEqual({ from: DEFAULT_BACKUP_SCHEDULE, to: { enabled: true, hour: 3, folder: '/srv/backups', keep: 14 } });
    expect(await adminSaveBackupSchedule(ctx.db, admin, wanted, null)).toEqual({ ok: true, message: '备份设置没有变化' });
  });

  it('takes a six-digit county code or none, and keeps it when the form leaves it out', async () => {
    const base = { countyName: '示范县', timeProgressMode: 'month', thresholds: (await getSettings(ctx.db)).thresholds };
    expect(await adminSaveSettings(ctx.db, admin, { ...base, countyCode: '61080' }, null)).toMatchObject({ ok: false, error: expect.stringMatching(/6 位/) });
    expect(await adminSaveSettings(ctx.db, admin, { ...base, countyCode: '610802' }, null)).toMatchObject({ ok: true });
    expect((await getSettings(ctx.db)).countyCode).toBe('610802');
    expect(await adminSaveSettings(ctx.db, admin, base, null)).toEqual({ ok: true, message: '设置没有变化' });
    expect(await adminSaveSettings(ctx.db, admin, { ...base, countyCode: '' }, null)).toMatchObject({ ok: true });
    expect((await getSettings(ctx.db)).countyCode).toBe('');
  });
});
