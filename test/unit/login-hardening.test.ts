import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';
import { login } from '@/lib/auth/login';
import { LoginThrottle } from '@/lib/auth/login-throttle';
import { createUser, findUser } from '@/queries/auth/users';
import { createSession, viewerForToken } from '@/queries/auth/sessions';
import { audit, listAudit } from '@/queries/auth/audit';

describe('login under a burst, on a real database', () => {
  let db: Db;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await createUser(db, { username: 'burst', role: 'leader', password: 'Right1234' });
    await createUser(db, { username: 'timing', role: 'leader', password: 'Right1234' });
  });
  afterAll(() => cleanup());

  it('20 parallel wrong passwords: exactly 5 counted, the account locked, none fails; the right one is then refused', async () => {
    const throttle = new LoginThrottle(100);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => login(db, 'burst', `wrong${i}xx`, '10.1.0.1', throttle)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await findUser(db, 'burst')).toMatchObject({ failed_attempts: 5, locked: true });
    const failed = await listAudit(db, { actor: 'burst', action: 'login_failed' });
    const reasons = failed.map((r) => JSON.parse(r.detail!).reason as string);
    expect(reasons.filter((r) => r === 'wrong_password').length).toBe(5);
    expect(reasons.filter((r) => r === 'locked').length).toBe(15);
    expect(await login(db, 'burst', 'Right1234', '10.1.0.2', throttle)).toEqual({ ok: false, message: '密码错误次数过多，账户已锁定 15 分钟' });
  });

  it('parallel session creation, session use and audit rows all land', async () => {
    const { id } = (await findUser(db, 'timing'))!;
    const tokens = await Promise.all(Array.from({ length: 20 }, () => createSession(db, id)));
    // Every session used at once, twice: each use touches its row; and audit rows beside them.
    await db.run('UPDATE sessions SET last_seen = current_localtimestamp() - INTERVAL 5 MINUTE');
    const viewers = await Promise.all([...tokens, ...tokens].map((t) => viewerForToken(db, t)));
    expect(viewers.every((v) => v?.username === 'timing')).toBe(true);
    await Promise.all(Array.from({ length: 30 }, (_, i) => audit(db, { actor: 'timing', action: 'export', detail: { rows: i } })));
    expect((await listAudit(db, { actor: 'timing', action: 'export' })).length).toBe(30);
  });

  it('an unknown user costs about the time of a known one (its password is checked against a dummy hash)', async () => {
    const throttle = new LoginThrottle(100);
    const median = async (username: string) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await login(db, username, 'Wrong9999', '10.1.0.3', throttle);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2];
    };
    await db.run("UPDATE users SET failed_attempts = -100 WHERE username = 'timing'"); // stays unlocked through 5 tries
    const known = await median('timing');
    const unknown = await median('nobody-here');
    const malformed = await median('x'.repeat(100_000));
    expect(unknown).toBeGreaterThan(known * 0.5);
    expect(malformed).toBeGreaterThan(known * 0.5);
  });
});

describe('what a login stores', () => {
  let db: Db;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
  });
  afterAll(() => cleanup());

  it('a 100 KB or malformed username is never stored nor looked up: the audit row says only that it was malformed', async () => {
    const throttle = new LoginThrottle(100);
    for (const name of ['x'.repeat(100_000), 'a b', '<script>', '张三'.repeat(20)]) {
      expect(await login(db, name, 'whatever1', '10.2.0.1', throttle)).toEqual({ ok: false, message: '用户名或密码错误' });
    }
    const rows = await listAudit(db, { action: 'login_failed' });
    expect(rows.length).toBe(4);
    for (const r of rows) expect(r).toMatchObject({ actor: null, detail: '{"reason":"invalid_username"}', ip: '10.2.0.1' });
    expect(JSON.stringify(rows).length).toBeLessThan(2_000);
  });
});

describe('LoginThrottle: failed logins per address', () => {
  it('refuses an address past its limit within the window, whatever it tries; other addresses go on', () => {
    let now = 0;
    const t = new LoginThrottle(3, 60_000, () => now);
    expect([t.take('a'), t.take('a'), t.take('a'), t.take('a')]).toEqual([true, true, true, false]);
    expect(t.take('b')).toBe(true);
    now = 60_001;
    expect(t.take('a')).toBe(true);
  });

  it('a successful login gives its slot back', () => {
    const t = new LoginThrottle(1, 60_000, () => 0);
    expect(t.take('a')).toBe(true);
    t.release('a');
    expect(t.take('a')).toBe(true);
  });

  it('login() refuses a throttled address before looking anything up, and audits nothing for it', async () => {
    const { db, cleanup } = await tempDb();
    try {
      await createUser(db, { username: 'clerk', role: 'leader', password: 'Right1234' });
      const t = new LoginThrottle(2);
      await login(db, 'nobody', 'x1234567', '10.3.0.1', t);
      await login(db, 'other', 'x1234567', '10.3.0.1', t);
      expect(await login(db, 'clerk', 'Right1234', '10.3.0.1', t)).toEqual({ ok: false, message: '登录失败次数过多，请 15 分钟后再试' });
      expect((await login(db, 'clerk', 'Right1234', '10.3.0.2', t)).ok).toBe(true);
      expect((await listAudit(db)).length).toBe(3);
    } finally {
      cleanup();
    }
  });
});
