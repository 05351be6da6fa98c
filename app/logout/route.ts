import { NextResponse, type NextRequest } from 'next/server';
import { serverDb } from '@/queries/server-db';
import { deleteSession, viewerForToken } from '@/queries/auth/sessions';
import { audit } from '@/queries/auth/audit';
import { SESSION_COOKIE } from '@/lib/auth/cookie';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { withErrorId } from '@/lib/http/server-error';

/** POST only, so a link or an image elsewhere cannot sign a user out. */
async function handlePost(req: NextRequest) {
  const token = req.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const db = await serverDb();
    const viewer = await viewerForToken(db, token);
    await deleteSession(db, token);
    if (viewer) await audit(db, { actor: viewer.username, action: 'logout', ip: clientIpFrom(req.headers) });
  }
  const res = NextResponse.redirect(new URL('/login', req.url), 303);
  res.cookies.delete(SESSION_COOKIE);
  return res;
}

export const POST = withErrorId('POST /logout', handlePost);
