import type { NextRequest } from 'next/server';
import { withErrorId } from '@/lib/http/server-error';
import { privacyOf } from '@/lib/privacy/mask';
import { viewJson } from '@/lib/views/request';
import { runView } from '@/queries/views/run';
import { viewAccess } from '../_lib/view-request';

export const dynamic = 'force-dynamic';

/**
 * GET /api/views/[id]?year=&as_of=&<narrowing>&sort=&dir=&page=&page_size= — one page of a registered view
 * (lib/views/registry.ts) within the viewer's scope: money as exact 元 strings, rates as fractions, gaps in points.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await viewAccess(req, params);
  if (access instanceof Response) return access;
  const { db, view, query, scope, viewer } = access;
  const result = await runView(db, view, query, scope, privacyOf(viewer));
  return Response.json(viewJson(view, query, result), { headers: { 'Cache-Control': 'private, no-store' } });
}

export const GET = withErrorId('GET /api/views/[id]', handleGet);
