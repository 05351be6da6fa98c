import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { archivedBriefingResponse } from '@/lib/briefing/download';
import { withErrorId } from '@/lib/http/server-error';
import { parseId } from '@/lib/url-params';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

/** GET /api/briefing/archive/[id] — an archived 通报 again, as it was generated (docs/briefing.md); audited. */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const id = parseId((await params).id);
  if (!id) return Response.json({ error: '通报不存在或无权查看' }, { status: 404 });
  return archivedBriefingResponse(await serverDb(), viewer, id, clientIpFrom(req.headers));
}

export const GET = withErrorId('GET /api/briefing/archive/[id]', handleGet);
