import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { generatedBriefingResponse } from '@/lib/briefing/download';
import { withErrorId } from '@/lib/http/server-error';
import { fromUrlSearchParams } from '@/lib/url-params';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

/**
 * GET /api/briefing/docx?year=&as_of=&scope=county|section:<id> — the 通报 as Word (docs/briefing.md), for the county's
 * readers or a 股室's own report; archived and audited.
 */
async function handleGet(req: NextRequest) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  return generatedBriefingResponse(await serverDb(), viewer, fromUrlSearchParams(req.nextUrl.searchParams), 'docx', clientIpFrom(req.headers));
}

export const GET = withErrorId('GET /api/briefing/docx', handleGet);
