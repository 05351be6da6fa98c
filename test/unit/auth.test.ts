import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from '../helpers/temp-db';
import { hashPassword, passwordProblem, verifyPassword } from '@/lib/auth/password';
import { login } from '@/lib/auth/login';
import { createUser, findUser, updateUser } from '@/queries/auth/users';
import { createSession, viewerForToken } from '@/queries/auth/sessions';
import { listAudit } from '@/queries/auth/audit';
import { listPayments, paymentSummary } from '@/queries/payments';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import type { PaymentQuery } from '@/queries/payments';
import type { Scope } from '@/lib/auth/roles';
import { loadFixture } from '../helpers/fixture';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Correct-horse-7');
    expect(await verifyPassword('Correct-horse-7', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-7', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores a salted hash, never the password, and two hashes of one password differ', async () => {
    const a = await hashPassword('demo2018');
    const b = await hashPassword('demo2018');
    expect(a).not.toContain('demo2018');
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(a).not.toBe(b);
    expect(await verifyPassword('demo2018', b)).toBe(true);
  });

  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('asks for 8 characters with a letter and a digit', () => {
    expect(passwordProblem('short1')).toBe('密码至少 8 位');
    expect(passwordProblem('lettersonly')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('12345678')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('abcd1234')).toBeNull();
  });
});

describe('login, lockout, sessions and audit on a real database', () => {
  let db: Db;
  let cleanup: () => void;
  let userId: number;

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    userId = await createUser(db, { username: 'clerk', displayName: '出纳', role: 'leader', password: 'Right1234' });
    await createUser(db, { username: 'sleeper', role: 'leader', password: 'Right1234' });
  });
  afterAll(() => cleanup());

  it('five wrong passwords lock the account; the right one is then refused until the lock expires', async () => {
    for (let i = 1; i <= 4; i++) {
      const outcome = await login(db, 'clerk', `wrong${i}xx`, '10.0.0.1');
      expect(outcome).toEqual({ ok: false, message: '用户名或密码错误' });
    }
    const fifth = await login(db, 'clerk', 'wrong5xx', '10.0.0.1');
    expect(fifth).toEqual({ ok: false, message: '密码错误次数过多，账户已锁定 15 分钟' });
    expect((await findUser(db, 'clerk'))).toMatchObject({ failed_attempts: 5, locked: true });

    const sixth = await login(db, 'clerk', 'Right1234', '10.0.0.1');
    expect(sixth).toEqual({ ok: false, message: '密码错误次数过多，账户已锁定 15 分钟' });

    // Fifteen minutes later (moved by hand): the right password works and the counter starts again.
    await db.run("UPDATE users SET locked_until = current_localtimestamp() - INTERVAL 1 MINUTE WHERE username = 'clerk'");
    const later = await login(db, 'clerk', 'Right1234', '10.0.0.1');
    expect(later.ok).toBe(true);
    expect((await findUser(db, 'clerk'))).toMatchObject({ failed_attempts: 0, locked_until: null });
  });

  it('an unknown user and a wrong password get the same message', async () => {
    expect(await login(db, 'nobody', 'whatever1', null)).toEqual({ ok: false, message: '用户名或密码错误' });
    expect(await login(db, 'sleeper', 'whatever1', null)).toEqual({ ok: false, message: '用户名或密码错误' });
  });

  it('writes audit rows for login and login_failed, with the reason and never the password', async () => {
    const failed = await listAudit(db, { action: 'login_failed', actor: 'clerk' });
    expect(failed.length).toBe(6); // five wrong passwords + the refused right one while locked
    expect(failed.map((r) => JSON.parse(r.detail!).reason)).toEqual(['locked', ...Array(5).fill('wrong_password')]);
    expect(failed.every((r) => r.ip === '10.0.0.1')).toBe(true);
    const logins = await listAudit(db, { action: 'login', actor: 'clerk' });
    expect(logins.length).toBe(1);
    expect((await listAudit(db, { actor: 'nobody' }))[0]).toMatchObject({ action: 'login_failed', detail: '{"reason":"unknown_user"}' });
    const everything = JSON.stringify(await listAudit(db));
    for (const secret of ['Right1234', 'wrong5xx', 'whatever1']) expect(everything).not.toContain(secret);
  });

  it('a live session yields its viewer; a garbage token yields nobody', async () => {
    const token = await createSession(db, userId);
    expect(await viewerForToken(db, token)).toMatchObject({ id: userId, username: 'clerk', role: 'leader' });
    expect(await viewerForToken(db, 'not-a-token')).toBeNull();
    expect(await viewerForToken(db, undefined)).toBeNull();
  });

  it('a session is refused after its idle limit', async () => {
    const token = await createSession(db, userId);
    // Default idle limit: 120 minutes.
    await db.run('UPDATE sessions SET last_seen = current_localtimestamp() - INTERVAL 119 MINUTE');
    expect(await viewerForToken(db, token)).not.toBeNull(); // …and this use touches it again
    await db.run('UPDATE sessions SET last_seen = current_localtimestamp() - INTERVAL 121 MINUTE');
    expect(await viewerForToken(db, token)).toBeNull();
  });

  it('marks the sessions used within a few seconds in one batch, after those seconds', async () => {
    // A database of its own: the other tests' uses are in this one's batch, on a real timer.
    const own = await tempDb();
    try {
      const clerk = await createUser(own.db, { username: 'clerk2', displayName: null, role: 'leader', password: 'Right1234' });
      const tokens = [await createSession(own.db, clerk), await createSession(own.db, clerk)];
      await own.db.run('UPDATE sessions SET last_seen = current_localtimestamp() - INTERVAL 5 MINUTE');
      const stale = async () => Number((await own.db.one<{ n: number }>(
        'SELECT count(*)::INTEGER AS n FROM sessions WHERE last_seen < current_localtimestamp() - INTERVAL 4 MINUTE'))!.n);
      vi.useFakeTimers({ toFake: ['setTimeout'] });
      for (const token of tokens) expect(await viewerForToken(own.db, token)).not.toBeNull();
      vi.advanceTimersByTime(4_900);
      expect(await stale()).toBe(2);
      vi.advanceTimersByTime(100);
      await vi.waitFor(async () => expect(await stale()).toBe(0));
    } finally {
      vi.useRealTimers();
      own.cleanup();
    }
  });

  it('a session is refused after its absolute expiry, however recently it was used', async () => {
    const token = await createSession(db, userId);
    await db.run('UPDATE sessions SET expires_at = current_localtimestamp() - INTERVAL 1 SECOND, last_seen = current_localtimestamp()');
    expect(await viewerForToken(db, token)).toBeNull();
  });

  it('a disabled user\'s session is refused, and a disabled user cannot sign in', async () => {
    const token = await createSession(db, userId);
    expect(await viewerForToken(db, token)).not.toBeNull();
    await updateUser(db, userId, { displayName: '出纳', role: 'leader', unitId: null, disabled: true });
    expect(await viewerForToken(db, token)).toBeNull();
    expect(await login(db, 'clerk', 'Right1234', null)).toEqual({ ok: false, message: '该账户已停用，请联系信息中心' });
  });
});

// Catalog funds: 22 中央财政专项扶贫资金 (农财所), 43 中小学公用经费补助资金 (教科文股).
const PAYMENTS_FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇'), (102, 'town', '乙镇'),
  (201, 'department', '县教育局'), (202, 'department', '县水利局');
INSERT INTO indicators (id, fund_id, level, year, amount, received_date) VALUES
  ('I1', 22, 'central', 2018, 1000000.00, '2018-01-10'),
  ('I2', 43, 'province', 2018, 500000.00, '2018-01-10');
INSERT INTO payments (voucher_no, indicator_id, unit_id, town_id, amount, pay_date, payee_name, purpose) VALUES
  ('P1', 'I1', 101, 101, 100.10, '2018-02-01', '张三', '危房改造补助'),      -- 甲镇 pays for itself
  ('P2', 'I1', 201, 101, 200.20, '2018-03-01', '李四', '学生资助'),          -- a department pays into 甲镇
  ('P3', 'I2', 201, 102, 300.30, '2018-04-01', '王五', '学生资助'),          -- a department pays into 乙镇
  ('P4', 'I2', 102, 102, 400.40, '2017-12-30', '赵六', '校舍维修'),          -- 乙镇 pays for itself, last year
  ('P5', 'I1', 202, NULL, 500.50, '2018-05-01', '水利公司', '渠道工程款'),   -- no town
  ('P6', 'I2', 101, 102, 600.60, '2018-06-01', '钱七', '跨镇支付'),          -- 甲镇 pays into 乙镇
  ('P7', 'I9', 202, NULL, -70.00, '2018-07-01', '孙八', '冲销');             -- an indicator not in the database
`;

describe('scoped payments query (hand-made fixture)', () => {
  let db: Db;
  let cleanup: () => void;
  const section: Record<string, number> = {};

  beforeAll(async () => {
    ({ db, cleanup } = await tempDb());
    await loadFixture(db, PAYMENTS_FIXTURE);
    for (const r of await db.all<{ id: number; name: string }>("SELECT id, name FROM units WHERE kind = 'section'")) section[r.name] = r.id;
  });
  afterAll(() => cleanup());

  // Budget year 2017 as of 2018-12-31 on basis 'all': every payment from 2017-01-01 on, i.e. the whole fixture.
  const EVERY: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2017, asOf: '2018-12-31', basis: 'all' };
  const vouchers = async (scope: Scope, filter: Partial<PaymentQuery> = {}) =>
    (await listPayments(db, { ...EVERY, ...filter }, scope, { page: 1, pageSize: 100 })).rows.map((r) => r.voucher_no).sort();

  it('everyone-scope sees every payment, newest first', async () => {
    const page = await listPayments(db, EVERY, { kind: 'all' }, { page: 1, pageSize: 100 });
    expect(page.rows.map((r) => r.voucher_no)).toEqual(['P7', 'P6', 'P5', 'P3', 'P2', 'P1', 'P4']);
    expect(page).toMatchObject({ count: 7, amount: '2032.10', pages: 1 });
  });

  it('a town sees the payments it made and those made into it, nothing else', async () => {
    expect(await vouchers({ kind: 'town', unitId: 101 })).toEqual(['P1', 'P2', 'P6']);
    expect(await vouchers({ kind: 'town', unitId: 102 })).toEqual(['P3', 'P4', 'P6']);
  });

  it('a section sees only payments against its funds\' indicators', async () => {
    expect(await vouchers({ kind: 'section', unitId: section['农财所'] })).toEqual(['P1', 'P2', 'P5']);
    expect(await vouchers({ kind: 'section', unitId: section['教科文股'] })).toEqual(['P3', 'P4', 'P6']);
    expect(await vouchers({ kind: 'section', unitId: section['社保股'] })).toEqual([]);
  });

  it('a department sees the payments it made', async () => {
    expect(await vouchers({ kind: 'department', unitId: 201 })).toEqual(['P2', 'P3']);
    expect(await vouchers({ kind: 'department', unitId: 202 })).toEqual(['P5', 'P7']);
  });

  it('an unbound scoped viewer (unit -1) sees nothing', async () => {
    expect(await vouchers({ kind: 'town', unitId: -1 })).toEqual([]);
  });

  it('a filter naming a unit outside the scope narrows, never widens', async () => {
    const town101: Scope = { kind: 'town', unitId: 101 };
    expect(await vouchers(town101, { department: 202 })).toEqual([]);          // another payer: nothing
    expect(await vouchers(town101, { town: 102 })).toEqual(['P6']);      // only 甲镇's own payment into 乙镇
    expect(await vouchers({ kind: 'department', unitId: 201 }, { department: 202 })).toEqual([]);
    expect(await vouchers({ kind: 'section', unitId: section['农财所'] }, { town: 102 })).toEqual([]);
  });

  it('filters by pay-date range and text, with exact sums', async () => {
    const all: Scope = { kind: 'all' };
    expect(await vouchers(all, { payTo: '2017-12-31' })).toEqual(['P4']);
    expect(await vouchers(all, { payFrom: '2018-03-01', payTo: '2018-05-01' })).toEqual(['P2', 'P3', 'P5']);
    expect(await vouchers(all, { q: '学生' })).toEqual(['P2', 'P3']);
    expect(await vouchers(all, { q: 'p7' })).toEqual(['P7']); // voucher, case-insensitive
    expect(await vouchers(all, { q: '水利公司' })).toEqual(['P5']);
    // Budget year 2018 on basis 'all': every payment from 2018-01-01, P4 (2017-12-30) left out: 2032.10 − 400.40.
    expect(await paymentSummary(db, { ...EVERY, year: 2018 }, all)).toEqual({ count: 6, amount: '1631.70' });
  });

  it('pages through the rows', async () => {
    const second = await listPayments(db, EVERY, { kind: 'all' }, { page: 2, pageSize: 3 });
    expect(second.rows.map((r) => r.voucher_no)).toEqual(['P3', 'P2', 'P1']);
    expect(second).toMatchObject({ count: 7, pages: 3, page: 2 });
    const beyond = await listPayments(db, EVERY, { kind: 'all' }, { page: 9, pageSize: 3 });
    expect(beyond.rows).toEqual([]);
  });
});
