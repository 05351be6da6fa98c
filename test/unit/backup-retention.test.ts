import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveBackupSchedule } from '@/queries/settings';
import { recentBackupRuns } from '@/queries/backup/runs';
import { adminBackupNow } from '@/lib/backup/admin';
import { listBackupNames } from '@/lib/backup/retention';
import { backupCommand } from '@/lib/cli/backup';
import { tempDb } from '../helpers/temp-db';
import { testViewer } from '../helpers/viewer';

const admin = testViewer('admin', 'admin', null);
const OLD = ['fund-monitor-20000101-020000', 'fund-monitor-20000102-020000', 'fund-monitor-20000103-020000'];

/** Backups made by hand into the configured folder keep its retention too, so the folder never holds more than N. */
describe('retention of backups made by hand', () => {
  let ctx: Awaited<ReturnType<typeof tempDb>>;
  let folder: string;
  let other: string;

  beforeAll(async () => {
    ctx = await tempDb();
    folder = path.join(path.dirname(ctx.file), 'backups');
    other = path.join(path.dirname(ctx.file), 'elsewhere');
    for (const dir of [folder, other]) for (const n of OLD) mkdirSync(path.join(dir, n), { recursive: true });
    // Off: retention is the folder's, whether or not the nightly run is on.
    await saveBackupSchedule(ctx.db, { enabled: false, hour: 2, folder: 'backups', keep: 2 });
  });
  afterAll(() => ctx.cleanup());

  it('立即备份 (and POST /api/admin/backup, the same runBackup) prunes the configured folder to the setting', async () => {
    const result = await adminBackupNow(ctx.db, admin, null);
    // 3 old + 1 new = 4, keep 2: the new one and the newest old one stay, 2 go.
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/按保留 2 份删除了 2 份较早的备份/) });
    const kept = await listBackupNames(folder);
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe(OLD[2]);
    expect((await recentBackupRuns(ctx.db))[0]).toMatchObject({ trigger: 'manual', ok: true, name: kept[0], pruned: 2 });
  });

  it('the CLI prunes when --out is the configured folder, and leaves any other folder whole', async () => {
    const before = (await listBackupNames(folder))[0];
    // The CLI refuses a file another instance holds: this test's own connection lets go first.
    ctx.db.close();
    await backupCommand({ db: ctx.file, out: folder });
    const kept = await listBackupNames(folder);
    // 2 + 1 new = 3, keep 2: the CLI's and the one 立即备份 made.
    expect(kept).toHaveLength(2);
    expect(kept[1]).toBe(before);

    await backupCommand({ db: ctx.file, out: other });
    // Not the configured folder: 3 old + 1 new, none deleted.
    expect(await listBackupNames(other)).toHaveLength(4);
  });
});
