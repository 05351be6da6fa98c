import { randomBytes } from 'node:crypto';
import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { getApiToken, hashApiToken, insertApiToken, MAX_LIVE_TOKENS, revokeApiToken } from '@/queries/auth/api-tokens';
import { todayInChina } from '@/lib/format';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import { TOKEN_PREFIX } from './bearer';
import { permissions } from './permissions';
import type { Viewer } from './roles';

/**
 * Personal API tokens (docs/security.md "API tokens"): made and revoked on 账户 → API 令牌, each audited; the secret
 * is shown once and only its sha256 kept (queries/auth/api-tokens.ts).
 */

const MAX_NAME = 40;

export type TokenResult = { ok: true; message: string; secret?: string } | { ok: false; error: string };

/**
 * Makes a token for the viewer: a name (1–40 characters) and an optional last day (YYYY-MM-DD, China time, not in
 * the past). The answer carries the secret, the only time it exists outside the caller.
 */
export async function createOwnApiToken(
  db: Db, viewer: Viewer | null, input: { name: string; expiresOn: string | null }, ip: string | null,
): Promise<TokenResult> {
  if (!viewer) return { ok: false, error: '未登录或会话已过期，请重新登录' };
  if (db.readOnly) return { ok: false, error: READ_ONLY_REFUSAL };
  const name = input.name.trim();
  if (!name || name.length > MAX_NAME) return { ok: false, error: `请填写令牌名称（不超过 ${MAX_NAME} 个字），如“导入脚本”` };
  const expiresOn = input.expiresOn?.trim() || null;
  if (expiresOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn) || Number.isNaN(Date.parse(expiresOn)))) {
    return { ok: false, error: '有效期须为日期（YYYY-MM-DD）' };
  }
  if (expiresOn !== null && expiresOn < todayInChina()) return { ok: false, error: '有效期不能早于今天' };
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = await insertApiToken(db, { userId: viewer.id, name, tokenHash: hashApiToken(secret), expiresOn });
  if (id === null) return { ok: false, error: `每个用户最多同时持有 ${MAX_LIVE_TOKENS} 个有效令牌，请先吊销不用的令牌` };
  await audit(db, { actor: viewer.username, action: 'api_token_create', target: viewer.username, detail: { token_id: id, name, expires_on: expiresOn }, ip });
  return { ok: true, message: `已创建令牌“${name}”`, secret };
}

/** Revokes a token: its owner, or the admin any (permissions.revokeApiToken); another user's token reads as absent. */
export async function revokeOwnApiToken(db: Db, viewer: Viewer | null, id: number, ip: string | null): Promise<TokenResult> {
  if (!viewer) return { ok: false, error: '未登录或会话已过期，请重新登录' };
  if (db.readOnly) return { ok: false, error: READ_ONLY_REFUSAL };
  const token = Number.isSafeInteger(id) ? await getApiToken(db, id) : undefined;
  if (!token || !permissions.revokeApiToken(viewer, token)) return { ok: false, error: '令牌不存在' };
  if (!(await revokeApiToken(db, id, viewer.username))) return { ok: false, error: `令牌“${token.name}”已吊销` };
  await audit(db, { actor: viewer.username, action: 'api_token_revoke', target: token.username, detail: { token_id: id, name: token.name }, ip });
  return { ok: true, message: `已吊销令牌“${token.name}”` };
}
