import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDb } from '../helpers/temp-db';
import { demoTarget } from '@/lib/cli/demo';
import { prepareServerDatabase } from '@/lib/auth/startup';
import { createDemoUsers, DEMO_PASSWORD, StartupRefusal } from '@/lib/auth/bootstrap';
import { resetDemoPasswordsCommand } from '@/lib/cli/demo-passwords';
import { login } from '@/lib/auth/login';
import { LoginThrottle } from '@/lib/auth/login-throttle';
import { viewerForToken } from '@/queries/auth/sessions';
import { createUser, findUser, listUsers } from '@/queries/auth/users';
import { isDemoDatabase } from '@/queries/settings';
import { Db } from '@/queries/db';

describe('demoTarget: which file `fund-monitor demo` builds', () => {
  it("npm start's prestart (--if-missing) builds nothing when FUND_MONITOR_DB names another file", () => {
    expect(demoTarget({ ifMissing: true }, { FUND_MONITOR_DB: '/srv/county/real.duckdb' })).toBeNull();
    expect(demoTarget({ ifMissing: true }, { FUND_MONITOR_DB: 'data/new.duckdb' })).toBeNull();
  });

  it('builds the default demo database, and an explicit --db', () => {
    expect(demoTarget({ ifMissing: true }, {})).toBe('data/demo.duckdb');
    expect(demoTarget({ ifMissing: true }, { FUND_MONITOR_DB: './data/demo.duckdb' })).toBe('data/demo.duckdb');
    expect(demoTarget({}, { FUND_MONITOR_DB: '/srv/county/real.duckdb' })).toBe('data/demo.duckdb');
    expect(demoTarget({ db: '/tmp/x.duckdb', ifMissing: true }, { FUND_MONITOR_DB: '/srv/real.duckdb' })).toBe('/tmp/x.duckdb');
  });
});

describe('the server start checks on a real database file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a new database gets one admin, with the password from the environment, to be changed at first login', async () => {
    const { db, cleanup } = await tempDb();
    try {
      const lines: string[] = [];
      await prepareServerDatabase(db, { FUND_MONITOR_ADMIN_PASSWORD: 'County2026x' }, (l) => lines.push(l));
      expect((await listUsers(db)).map((u) => u.username)).toEqual(['admin']);
      expect(await isDemoDatabase(db)).toBe(false);
      expect(lines.join('\n')).not.toContain('County2026x');
      const outcome = await login(db, 'admin', 'County2026x', null, new LoginThrottle());
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(await viewerForToken(db, outcome.token)).toMatchObject({ username: 'admin', mustChangePassword: true });
      // A second start changes nothing.
      await prepareServerDatabase(db, {}, () => {});
      expect((await listUsers(db)).length).toBe(1);
    } finally {
      cleanup();
    }
  });

  it('without the variable the password is generated and printed once', async () => {
    const { db, cleanup } = await tempDb();
    try {
      const lines: string[] = [];
      await prepareServerDatabase(db, {}, (l) => lines.push(l));
      const password = /初始密码 (\S+)（/.exec(lines.join('\n'))?.[1];
      expect(password).toBeTruthy();
      expect((await login(db, 'admin', password!, null, new LoginThrottle())).ok).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('a weak FUND_MONITOR_ADMIN_PASSWORD refuses the start and creates nobody', async () => {
    const { db, cleanup } = await tempDb();
    try {
      await expect(prepareServerDatabase(db, { FUND_MONITOR_ADMIN_PASSWORD: 'admin' }, () => {}))
        .rejects.toThrow(new StartupRefusal('FUND_MONITOR_ADMIN_PASSWORD 不符合密码要求：密码至少 8 位（至少 8 位，同时包含字母和数字）'));
      expect(await listUsers(db)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('a database that is not the demo but holds a demo account with the public password refuses the start', async () => {
    const { db, file, cleanup } = await tempDb();
    try {
      await createUser(db, { username: 'admin', role: 'admin', password: 'Real2026x' });
      await createUser(db, { username: 'leader', role: 'leader', password: DEMO_PASSWORD });
      await expect(prepareServerDatabase(db, {}, () => {})).rejects.toThrow(/不是演示数据库，却有可用公开演示密码登录的账户：leader。/);
      // The way out: the CLI gives it a new password, to be changed at login; then the server starts.
      db.close();
      vi.spyOn(console, 'log').mockImplementation(() => {});
      await resetDemoPasswordsCommand({ db: file });
      const again = await Db.open(file);
      try {
        await prepareServerDatabase(again, {}, () => {});
        expect(await findUser(again, 'leader')).toMatchObject({ must_change_password: true });
      } finally {
        again.close();
      }
    } finally {
      cleanup();
    }
  });

  it('createDemoUsers marks the database a demo database, on which the server starts', async () => {
    const { db, cleanup } = await tempDb();
    try {
      await db.run("INSERT INTO units (id, kind, name) VALUES (9001, 'department', '县教育局'), (9002, 'town', '石窑镇')");
      await createDemoUsers(db);
      expect(await isDemoDatabase(db)).toBe(true);
      await prepareServerDatabase(db, {}, () => {});
    } finally {
      cleanup();
    }
  });
});

describe('a server killed right after its first start', () => {
  it('leaves a database file that opens again (the migrations are checkpointed, not left in the WAL)', async () => {
    const { file, cleanup, db } = await tempDb();
    db.close();
    const fresh = `${file}.fresh.duckdb`;
    // A process that migrates a new file and dies without closing it, as a killed server does.
    const { execFileSync } = await import('node:child_process');
    execFileSync(process.execPath, ['--import', 'tsx/esm', '-e',
      `const { Db } = await import(${JSON.stringify(`${process.cwd()}/queries/db.ts`)}); await Db.open(${JSON.stringify(fresh)}); process.exit(0);`],
    { env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.json' }, stdio: 'pipe' });
    const reopened = await Db.open(fresh);
    expect((await reopened.one<{ v: number }>('SELECT max(version) AS v FROM schema_version'))!.v).toBeGreaterThanOrEqual(6);
    reopened.close();
    cleanup();
  });
});
