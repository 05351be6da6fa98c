import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookie';
import { movedForwardedFor } from '@/lib/auth/client-ip';
import { crossSiteRefusal, nonJsonRefusal } from '@/lib/auth/same-origin';
import { sendsBearer } from '@/lib/auth/bearer';

/**
 * Runs before every page and route but the upload route (see config), and:
 * - refuses a state-changing request from another site (same-origin.ts: CSRF) — here, so that no route can forget it;
 * - moves the client's X-Forwarded-For aside (client-ip.ts), so the address the audit log records is the peer's
 *   unless the peer is a trusted proxy;
 * - without a session cookie, sends pages to the login page and answers API routes 401 (optimistic: the real check
 *   of the session and the role happens on the server in every page and route);
 * - with one, refuses an API request whose body is not JSON (every API route but the upload takes JSON);
 * - lets an API request with a bearer token through without a cookie: the route checks the token (lib/auth/api.ts).
 *   A browser never adds that header by itself, so such a request cannot be forged cross-site; one that also
 *   carries the cookie, or names a foreign Origin, is held to the same rules as any other.
 */
export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const api = pathname.startsWith('/api/');
  const signedIn = req.cookies.has(SESSION_COOKIE);
  const refusal = crossSiteRefusal(req.method, req.headers) ?? (api && signedIn ? nonJsonRefusal(req.method, req.headers) : null);
  if (refusal) return NextResponse.json({ error: refusal.error }, { status: refusal.status });
  if (pathname === '/login' || signedIn || (api && sendsBearer(req.headers))) return NextResponse.next({ request: { headers: movedForwardedFor(req.headers) } });
  if (api) return NextResponse.json({ error: '未登录或会话已过期' }, { status: 401 });
  const url = new URL('/login', req.url);
  url.searchParams.set('next', pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

/**
 * The upload routes (the web's upload, and the one-shot import for machines) are left out: for a request it handles, the proxy makes Next.js buffer the body in memory and cut
 * it silently at 11 MB (experimental.proxyClientMaxBodySize, next.config.ts). Each route streams the body to disk, checks the session
 * or token itself (401 without one) and applies the same cross-site rule (crossSiteRefusal) first.
 */
export const config = {
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico|api/import/upload|api/import/file).*)'],
};
