import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookie';

/**
 * An early, optimistic check: without a session cookie, pages redirect to the login page and API routes answer 401.
 * The real check (is the session alive, what may this user see) happens on the server in every page and route.
 */
export function proxy(req: NextRequest) {
  if (req.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  if (req.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json({ error: '未登录或会话已过期' }, { status: 401 });
  }
  const url = new URL('/login', req.url);
  url.searchParams.set('next', req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

/**
 * The upload route is left out: for a request it handles, the proxy makes Next.js buffer the body in memory and cut
 * it silently at 10 MB (experimental.proxyClientMaxBodySize). The route streams the body to disk and checks the
 * session itself (401 without one), like every route does.
 */
export const config = {
  matcher: ['/((?!login|_next/static|_next/image|icon.svg|favicon.ico|api/import/upload).*)'],
};
