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

/** The signed-in user of this request, or null. Memoised per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return viewerForToken(await serverDb(), token);
});

/** For pages: the viewer, or a redirect to the login page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
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
