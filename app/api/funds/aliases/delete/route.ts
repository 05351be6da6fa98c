import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { permissions } from '@/lib/auth/permissions';
import { AliasError, removeAlias } from '@/lib/funds/aliases';
import { serverDb } from '@/queries/server-db';
import { fail, jsonBody } from '@/app/api/import/_lib/http';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/** POST /api/funds/aliases/delete {id} — removes an alias (admin only; audited). */
async function handlePost(req: NextRequest) {
  const viewer = await apiViewer(req, permissions.manageCatalog);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body || !Number.isInteger(body.id)) return fail(400, '请求格式不正确');
  try {
    await removeAlias(await serverDb(), viewer, body.id as number, clientIpFrom(req.headers));
    return Response.json({ ok: true });
  } catch (error) {
    if (error instanceof AliasError) return fail(error.status, error.message);
    throw error;
  }
}

export const POST = withErrorId('POST /api/funds/aliases/delete', handlePost);
