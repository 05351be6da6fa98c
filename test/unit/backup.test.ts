import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { makeBackup } from '@/lib/backup/make';
import { readManifest } from '@/lib/backup/manifest';
import { checksumsOf, restoreBackup } from '@/lib/backup/restore';
import { listBackupNames, pruneBackups } from '@/lib/backup/retention';
import { nightlyTick } from '@/lib/backup/nightly';
import { saveBackupSchedule } from '@/queries/settings';
import { recentBackupRuns } from '@/queries/backup/runs';
import { tempDb } from '../helpers/temp-db';

const WRITES = 300;


describe('backup and restore', () => {
  let ctx: Awaited<ReturnType<typeof tempDb>>;
  let dir: string;

  beforeAll(async () => {
    ctx = await tempDb();
    dir = path.dirname(ctx.file);
    // Two tables that every write changes together, in one transaction: a backup that caught half a write would hold
    // a row in one and not the other.
    await ctx.db.run('CREATE TABLE write_a (k INTEGER PRIMARY KEY, amount DECIMAL(18,2))');
    await ctx.db.run('CREATE TABLE write_b (k INTEGER PRIMARY KEY, note VARCHAR)');
    await ctx.db.run("INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES ('ZB1', 22, 'central', 2018, 1000000.00, '2018-02-01')");
    // The evidence: a raw import file beside the database, and an attachment under it.
    mkdirSync(path.join(dir, 'imports', 'attachments'), { recursive: true });
    writeFileSync(path.join(dir, 'imports', '1-abcdef123456-支付.csv'), '支付凭证号,金额\nZF1,10.00\n');
    writeFileSync(path.join(dir, 'imports', 'attachments', 'a-1.pdf'), 'PDF');
    writeFileSync(path.join(dir, 'imports', '.pending-1-2-x'), 'an import still copying');
  });
  afterAll(() => ctx.cleanup());

  it('made while writes land, restores to the tables of its own moment, every write whole, none lost', async () => {
    let done = 0;
    const writer = (async () => {
      for (let k = 1; k <= WRITES; k++) {
        await ctx.db.transaction(async (conn) => {
          await conn.run('INSERT INTO write_a VALUES ($k, $k * 1.01)', { k });
          await conn.run("INSERT INTO write_b VALUES ($k, 'row ' || $k)", { k });
        });
        done = k;
      }
    })();
    // Start the backup once some writes have landed, while the rest keep coming.
    while (done < 20) await new Promise((r) => setTimeout(r, 5));
    const { dir: backupDir, manifest } = await makeBackup(ctx.db, { outDir: path.join(dir, 'backups'), trigger: 'cli' });
    const doneAtEnd = done;
    await writer;

    // No write was lost from the source, whatever the backup did meanwhile.
    expect(await ctx.db.one('SELECT count(*)::INTEGER AS a, (SELECT count(*)::INTEGER FROM write_b) AS b FROM write_a')).toEqual({ a: WRITES, b: WRITES });

    const rows = (t: string) => Number(manifest.tables.find((x) => x.table === t)!.rows);
    // Some writes, not all (the backup ran among them), and every one in both tables or in neither.
    expect(rows('write_a')).toBeGreaterThanOrEqual(20);
    expect(rows('write_a')).toBeLessThanOrEqual(doneAtEnd);
    expect(doneAtEnd).toBeLessThan(WRITES);
    expect(rows('write_b')).toBe(rows('write_a'));

    const restored = path.join(dir, 'restored', 'county.duckdb');
    const result = await restoreBackup({ from: backupDir, db: restored });
    expect(result).toMatchObject({ name: manifest.name, raw_files: 2 });

    // Table by table, the restored file equals the source as the backup saw it (the manifest, computed in the copy's
    // own transaction).
    expect(await checksumsOf(restored)).toEqual(manifest.tables);
    // The writes it holds are the first n, without a gap: one snapshot, not a table copied early and another late.
    const r = await Db.open(restored, { readOnly: true });
    try {
      expect(await r.one('SELECT count(*)::INTEGER AS n, coalesce(max(k), 0)::INTEGER AS top FROM write_a')).toEqual({ n: rows('write_a'), top: rows('write_a') });
      expect(await r.one('SELECT count(*)::INTEGER AS n FROM write_a JOIN write_b USING (k)')).toEqual({ n: rows('write_a') });
      expect(await r.one("SELECT amount::VARCHAR AS amount FROM indicators WHERE id = 'ZB1'")).toEqual({ amount: '1000000.00' });
    } finally {
      r.close();
    }

    // The raw files went along, and came back beside the restored database; the import still copying did not.
    expect(manifest.raw_files.map((f) => f.path).sort()).toEqual(['imports/1-abcdef123456-支付.csv', 'imports/attachments/a-1.pdf']);
    expect(readFileSync(path.join(dir, 'restored', 'imports', 'attachments', 'a-1.pdf'), 'utf8')).toBe('PDF');
    expect(manifest.schema_version).toBeGreaterThanOrEqual(18);
    expect(manifest.name).toMatch(/^fund-monitor-\d{8}-\d{6}$/);
  });

  it('a restored database takes new rows after its own (sequences continue)', async () => {
    const { dir: backupDir } = await makeBackup(ctx.db, { outDir: path.join(dir, 'backups-seq'), trigger: 'cli' });
    const before = await ctx.db.one<{ n: number }>("SELECT nextval('audit_seq')::INTEGER AS n");
    const restored = path.join(dir, 'seq', 'county.duckdb');
    await restoreBackup({ from: backupDir, db: restored });
    const r = await Db.open(restored);
    try {
      // The source had handed out up to before.n − 1 when the backup was made; the restored file goes on from there.
      expect(await r.one<{ n: number }>("SELECT nextval('audit_seq')::INTEGER AS n")).toEqual({ n: before!.n });
    } finally {
      r.close();
    }
  });

  it('refuses to overwrite an existing file without --force, and a changed backup file', async () => {
    const { dir: backupDir, manifest } = await makeBackup(ctx.db, { outDir: path.join(dir, 'backups-2'), trigger: 'cli' });
    const target = path.join(dir, 'existing.duckdb');
    writeFileSync(target, 'not yours to lose');
    await expect(restoreBackup({ from: backupDir, db: target })).rejects.toThrow(/已存在.*--force/);
    expect(readFileSync(target, 'utf8')).toBe('not yours to lose');
    await restoreBackup({ from: backupDir, db: target, force: true });
    expect(await checksumsOf(target)).toEqual(manifest.tables);

    const dbFile = path.join(backupDir, manifest.database.path);
    const bytes = readFileSync(dbFile);
    bytes[bytes.length - 100] ^= 0xff;
    writeFileSync(dbFile, bytes);
    await expect(restoreBackup({ from: backupDir, db: path.join(dir, 'other.duckdb') })).rejects.toThrow(/sha256 与清单不符/);
    expect(existsSync(path.join(dir, 'other.duckdb'))).toBe(false);
  });

  describe('a file a running server holds', () => {
    let holder: ChildProcess;
    let held: string;
    beforeAll(async () => {
      held = path.join(dir, 'held.duckdb');
      // Another process holding the file, as `next start` does.
      holder = spawn(process.execPath, ['--input-type=module', '-e', `
        import { DuckDBInstance } from '@duckdb/node-api';
        const i = await DuckDBInstance.create(${JSON.stringify(held)});
        await (await i.connect()).run('CREATE TABLE t (x INTEGER)');
        console.log('ready');
        setInterval(() => {}, 1000);`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    });
    afterAll(() => {
      holder.kill();
    });

    it('is never overwritten, even with --force', async () => {
      const backupDir = path.join(dir, 'backups', (await listBackupNames(path.join(dir, 'backups')))[0]);
      await expect(restoreBackup({ from: backupDir, db: held, force: true })).rejects.toThrow(/正被运行中的服务器使用/);
    });
  });

  it('retention keeps the newest N and nothing else in the folder is touched', async () => {
    const folder = path.join(dir, 'retention');
    const names = ['fund-monitor-20181029-020000', 'fund-monitor-20181030-020000', 'fund-monitor-20181030-020000-2', 'fund-monitor-20181031-020000'];
    for (const n of [...names, 'notes', '.partial-fund-monitor-20181101-020000']) mkdirSync(path.join(folder, n), { recursive: true });
    expect(await pruneBackups(folder, 2)).toEqual(['fund-monitor-20181030-020000', 'fund-monitor-20181029-020000']);
    expect(await listBackupNames(folder)).toEqual(['fund-monitor-20181031-020000', 'fund-monitor-20181030-020000-2']);
    expect(existsSync(path.join(folder, 'notes'))).toBe(true);
    expect(existsSync(path.join(folder, '.partial-fund-monitor-20181101-020000'))).toBe(true);
  });

  it('the nightly check runs a due backup once, prunes to the setting, records and audits it', async () => {
    await saveBackupSchedule(ctx.db, { enabled: true, hour: 2, folder: 'nightly', keep: 1 });
    const folder = path.join(dir, 'nightly');
    mkdirSync(path.join(folder, 'fund-monitor-20000101-020000'), { recursive: true });
    expect(await nightlyTick(ctx.db)).toBe(true);
    expect(await nightlyTick(ctx.db)).toBe(false);
    const kept = await listBackupNames(folder);
    expect(kept).toHaveLength(1);
    expect(kept[0]).not.toBe('fund-monitor-20000101-020000');
    const { manifest } = await readManifest(path.join(folder, kept[0]));
    expect(manifest.trigger).toBe('nightly');
    expect((await recentBackupRuns(ctx.db))[0]).toMatchObject({ trigger: 'nightly', ok: true, name: kept[0], pruned: 1, actor: 'system:nightly' });
    expect(await ctx.db.one("SELECT action, actor, target FROM audit_log WHERE action = 'backup' ORDER BY id DESC LIMIT 1"))
      .toEqual({ action: 'backup', actor: 'system:nightly', target: kept[0] });
  });
});
