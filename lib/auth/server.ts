import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { serverDb } from '@/queries/server-db';
import { viewerForToken } from '@/queries/auth/sessions';
import { scopeOf, type Scope, type Viewer } from './roles';
import { clientIpFrom } from './client-ip';

export { SESSION_COOKIE } from './cookie';
import { SESSION_COOKIE } from './cookie';

/** Where a user who must change their password is sent, from every page. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/** The signed-in user of this request, or null, whether or not they must still change their password. Memoised per request. */
export const getSessionUser = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return viewerForToken(await serverDb(), token);
});

/** The signed-in user who may use the site, or null: one who must change their password first may not. Server actions act for this viewer. */
export async function getViewer(): Promise<Viewer | null> {
  const viewer = await getSessionUser();
  return viewer && !viewer.mustChangePassword ? viewer : null;
}

/** For pages: the viewer, or a redirect to the login page, or to the change-password page while they must change it. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getSessionUser();
  if (!viewer) redirect('/login');
  if (viewer.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return viewer;
}

/** For pages a role may not use: 404, so a URL reveals nothing. */
export async function requirePermission(allowed: (v: Viewer) => boolean): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!allowed(viewer)) notFound();
  return viewer;
}

/** The data scope of this request's viewer; every scoped query takes it. */
export async function requireScope(): Promise<Scope> {
  return scopeOf(await requireViewer());
}

/** The client's address for the audit log (client-ip.ts). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom(await headers());
}

/** Cookies are Secure when the site is served over HTTPS (directly or behind a proxy that says so). */
export async function isHttps(): Promise<boolean> {
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https' || process.env.FUND_MONITOR_HTTPS === '1';
}
