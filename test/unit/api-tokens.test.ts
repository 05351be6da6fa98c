import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { createUser } from '@/queries/auth/users';
import { listApiTokens, MAX_LIVE_TOKENS, viewerForApiToken } from '@/queries/auth/api-tokens';
import { listAudit } from '@/queries/auth/audit';
import { listPayments, type PaymentQuery } from '@/queries/payments';
import { createOwnApiToken, revokeOwnApiToken } from '@/lib/auth/api-tokens';
import { bearerToken } from '@/lib/auth/bearer';
import { scopeOf, type Viewer } from '@/lib/auth/roles';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { proxy } from '@/proxy';
import { VIEWS_FIXTURE } from '../fixtures/views';
import { useFixtureDb } from '../helpers/fixture';

// Tokens on the views fixture county: towns 101 甲镇 and 102 乙镇, 甲镇财政所 (111) a body of 甲镇.
const ctx = useFixtureDb(VIEWS_FIXTURE);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A user as the session would see them (the viewer a token must reproduce). */
const users: Record<string, Viewer> = {};
beforeAll(async () => {
  const add = async (username: string, role: Viewer['role'], unitId: number | null, mustChangePassword = false) => {
    const id = await createUser(ctx.db, { username, role, unitId, password: 'pass1234', mustChangePassword });
    users[username] = { id, username, displayName: null, role, unitId, unitName: unitId === 101 ? '甲镇' : null, mustChangePassword };
  };
  await add('admin1', 'admin', null);
  await add('town1', 'town', 101);
  await add('leader1', 'leader', null);
  await add('fresh1', 'leader', null, true);
  await add('gone1', 'leader', null);
});

async function newToken(username: string, name = 'script', expiresOn: string | null = null): Promise<string> {
  const r = await createOwnApiToken(ctx.db, users[username], { name, expiresOn }, '127.0.0.1');
  if (!r.ok || !r.secret) throw new Error(`not created: ${JSON.stringify(r)}`);
  return r.secret;
}

const tokenIdOf = async (username: string, name: string) =>
  (await listApiTokens(ctx.db, users[username].id)).find((t) => t.name === name)!.id;

describe('personal API tokens (docs/security.md "API tokens")', () => {
  it('stores the sha256 of a fmt_ secret, never the secret, and audits the creation', async () => {
    const secret = await newToken('town1', 'nightly');
    expect(secret).toMatch(/^fmt_[A-Za-z0-9_-]{43}$/); // 32 bytes in base64url
    const rows = await ctx.db.all<{ token_hash: string; name: string }>('SELECT token_hash, name FROM api_tokens');
    expect(rows).toContainEqual({ token_hash: sha256(secret), name: 'nightly' });
    const stored = JSON.stringify(await ctx.db.all('SELECT * FROM api_tokens'));
    expect(stored).not.toContain(secret.slice(4));
    const [entry] = await listAudit(ctx.db, { action: 'api_token_create', actor: 'town1' });
    expect(JSON.parse(entry.detail!)).toMatchObject({ name: 'nightly', expires_on: null });
    expect(entry.detail).not.toContain(secret.slice(4));
  });

  it('stands for its user: same id, role, unit and so the same scope; a town reads only its own payments', async () => {
    const secret = await newToken('town1', 'reader');
    const viewer = await viewerForApiToken(ctx.db, secret);
    expect(viewer).toMatchObject({ ...users.town1, apiToken: { name: 'reader' } });
    expect(scopeOf(viewer!)).toEqual({ kind: 'town', unitId: 101 });
    // Every payment of 2018 on basis 'all' (all seven of the fixture are paid in 2018): 甲镇's own P1 and P7, its
    // body's P2 and P3, and P6 paid for it by a county department; not P4 and P5 (county departments for themselves).
    const q: PaymentQuery = { ...EMPTY_VIEW_FILTER, year: 2018, asOf: '2018-12-31', basis: 'all' };
    const vouchers = async (v: Viewer) => (await listPayments(ctx.db, q, scopeOf(v), { page: 1, pageSize: 100 })).rows.map((r) => r.voucher_no).sort();
    expect(await vouchers(viewer!)).toEqual(['P1', 'P2', 'P3', 'P6', 'P7']);
    const leader = await viewerForApiToken(ctx.db, await newToken('leader1'));
    expect(await vouchers(leader!)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
  });

  it('records its last use', async () => {
    const secret = await newToken('leader1', 'used');
    const id = await tokenIdOf('leader1', 'used');
    const lastUsed = async () => (await listApiTokens(ctx.db, users.leader1.id)).find((t) => t.id === id)!.last_used_at;
    expect(await lastUsed()).toBeNull();
    await viewerForApiToken(ctx.db, secret);
    expect(await lastUsed()).not.toBeNull();
  });

  it('is refused once revoked, past its last day, or when its user is disabled; a must-change-password user shows as such', async () => {
    const revoked = await newToken('leader1', 'to-revoke');
    expect(await revokeOwnApiToken(ctx.db, users.leader1, await tokenIdOf('leader1', 'to-revoke'), null)).toMatchObject({ ok: true });
    expect(await viewerForApiToken(ctx.db, revoked)).toBeNull();

    const expiring = await newToken('leader1', 'expiring', '2999-01-01');
    expect(await viewerForApiToken(ctx.db, expiring)).not.toBeNull();
    // Its last day passed: end of 2000-01-01 in China is 2000-01-01 16:00 UTC.
    await ctx.db.run("UPDATE api_tokens SET expires_at = TIMESTAMP '2000-01-01 16:00:00' WHERE name = 'expiring'");
    expect(await viewerForApiToken(ctx.db, expiring)).toBeNull();
    expect((await createOwnApiToken(ctx.db, users.leader1, { name: 'x', expiresOn: '2000-01-01' }, null)).ok).toBe(false);

    const disabled = await newToken('gone1');
    expect(await viewerForApiToken(ctx.db, disabled)).not.toBeNull();
    await ctx.db.run('UPDATE users SET disabled = true WHERE id = $id', { id: users.gone1.id });
    expect(await viewerForApiToken(ctx.db, disabled)).toBeNull();

    // apiViewer answers 403 for this viewer (lib/auth/api.ts), as for a session of that user.
    expect(await viewerForApiToken(ctx.db, await newToken('fresh1'))).toMatchObject({ mustChangePassword: true });

    expect(await viewerForApiToken(ctx.db, 'fmt_' + 'A'.repeat(43))).toBeNull();
  });

  it('is revoked by its owner or the admin, not by another user, and the revocation is audited', async () => {
    await newToken('town1', 'guarded');
    const id = await tokenIdOf('town1', 'guarded');
    expect(await revokeOwnApiToken(ctx.db, users.leader1, id, null)).toEqual({ ok: false, error: '令牌不存在' });
    expect(await revokeOwnApiToken(ctx.db, users.admin1, id, null)).toMatchObject({ ok: true });
    expect(await revokeOwnApiToken(ctx.db, users.town1, id, null)).toMatchObject({ ok: false });
    const [entry] = await listAudit(ctx.db, { action: 'api_token_revoke', actor: 'admin1' });
    expect(entry.target).toBe('town1');
  });

  it('allows at most 10 live tokens per user; a revoked or expired one frees a place', async () => {
    const live = async () => (await listApiTokens(ctx.db, users.admin1.id)).filter((t) => t.live).length;
    expect(await live()).toBe(0);
    for (let i = 1; i <= MAX_LIVE_TOKENS; i++) await newToken('admin1', `t${i}`);
    expect(await live()).toBe(10);
    const eleventh = await createOwnApiToken(ctx.db, users.admin1, { name: 't11', expiresOn: null }, null);
    expect(eleventh).toEqual({ ok: false, error: '每个用户最多同时持有 10 个有效令牌，请先吊销不用的令牌' });
    await revokeOwnApiToken(ctx.db, users.admin1, await tokenIdOf('admin1', 't1'), null);
    await newToken('admin1', 't11');
    await ctx.db.run("UPDATE api_tokens SET expires_at = TIMESTAMP '2000-01-01 16:00:00' WHERE name = 't2'");
    await newToken('admin1', 't12');
    expect(await live()).toBe(10);
  });
});

describe('a bearer request', () => {
  it('reads only a well-formed fmt_ token from the Authorization header', () => {
    const t = 'fmt_' + 'b'.repeat(43);
    expect(bearerToken(new Headers({ authorization: `Bearer ${t}` }))).toBe(t);
    expect(bearerToken(new Headers({ authorization: `Bearer ${t}x` }))).toBeNull();
    expect(bearerToken(new Headers({ authorization: 'Basic abc' }))).toBeNull();
    expect(bearerToken(new Headers())).toBeNull();
  });

  it('passes the proxy without a cookie or Origin; a foreign Origin or a cookie request without JSON is still refused', async () => {
    const auth = { authorization: `Bearer fmt_${'c'.repeat(43)}` };
    const req = (headers: Record<string, string>, method = 'POST') => new NextRequest('http://127.0.0.1:3000/api/import/commit', { method, headers });
    expect(proxy(req(auth)).status).toBe(200);
    expect(proxy(req({})).status).toBe(401);
    const foreign = proxy(req({ ...auth, origin: 'http://evil.example' }));
    expect([foreign.status, (await foreign.json()).error]).toEqual([403, '拒绝来自其他网站的请求']);
    const cookie = proxy(req({ ...auth, cookie: 'fm_session=x', 'content-type': 'text/plain', 'content-length': '3' }));
    expect(cookie.status).toBe(415);
  });
});
