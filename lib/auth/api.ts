import 'server-only';
import type { NextRequest } from 'next/server';
import { serverDb } from '@/queries/server-db';
import { viewerForToken } from '@/queries/auth/sessions';
import { viewerForApiToken } from '@/queries/auth/api-tokens';
import { bearerToken, sendsBearer } from './bearer';
import { SESSION_COOKIE } from './cookie';
import type { Viewer } from './roles';

/**
 * The request's viewer: through `Authorization: Bearer <personal API token>` when the request sends one (a machine:
 * the token's user, same role and scope; docs/security.md "API tokens"), else through the session cookie.
 */
async function requestViewer(req: NextRequest): Promise<Viewer | null> {
  const db = await serverDb();
  if (sendsBearer(req.headers)) {
    const token = bearerToken(req.headers);
    return token ? viewerForApiToken(db, token) : null;
  }
  return viewerForToken(db, req.cookies.get(SESSION_COOKIE)?.value);
}

/**
 * For route handlers: the viewer, or the Response to return instead — 401 without a live session or token, 403 while
 * the user must change their password, 403 when the role may not use the route. Usage: `const v = await apiViewer(req); if (v instanceof Response) return v;`
 */
export async function apiViewer(req: NextRequest, allowed?: (v: Viewer) => boolean): Promise<Viewer | Response> {
  const viewer = await requestViewer(req);
  if (!viewer) return Response.json({ error: sendsBearer(req.headers) ? '令牌无效、已吊销或已过期' : '未登录或会话已过期' }, { status: 401 });
  if (viewer.mustChangePassword) return Response.json({ error: '请先修改初始密码（页面“修改密码”）后再使用' }, { status: 403 });
  if (allowed && !allowed(viewer)) return Response.json({ error: '无权访问' }, { status: 403 });
  return viewer;
}
