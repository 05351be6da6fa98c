import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { permissions } from '@/lib/auth/permissions';
import { addAlias, AliasError } from '@/lib/funds/aliases';
import { serverDb } from '@/queries/server-db';
import { fail, jsonBody } from '@/app/api/import/_lib/http';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/funds/aliases {alias, fund_id} — binds a name as ledgers write it to a catalog fund (docs/fund-matching.md):
 * the admin to any fund, a 股室 to its own (403 otherwise); a name already meaning a fund of that level answers 409.
 * Audited.
 */
async function handlePost(req: NextRequest) {
  const viewer = await apiViewer(req, permissions.bindFundAlias);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body || typeof body.alias !== 'string' || !Number.isInteger(body.fund_id)) return fail(400, '请求格式不正确');
  try {
    const alias = await addAlias(await serverDb(), viewer, { alias: body.alias, fundId: body.fund_id as number }, clientIpFrom(req.headers));
    return Response.json({ alias });
  } catch (error) {
    if (error instanceof AliasError) return fail(error.status, error.message);
    throw error;
  }
}

export const POST = withErrorId('POST /api/funds/aliases', handlePost);
