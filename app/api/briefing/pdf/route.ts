import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { chromiumAvailable } from '@/lib/browser/chromium';
import { generatedBriefingResponse } from '@/lib/briefing/download';
import { ChromiumMissingError } from '@/lib/briefing/pdf';
import { withErrorId } from '@/lib/http/server-error';
import { fromUrlSearchParams } from '@/lib/url-params';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

/**
 * GET /api/briefing/pdf?year=&as_of=&scope= — the 通报 (docs/briefing.md) as a PDF printed by the server's Chromium, for
 * the county's readers or a 股室's own report; archived and audited like the Word file. 503 where Chromium is missing:
 * the page's 打印 still works.
 */
async function handleGet(req: NextRequest) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  if (!chromiumAvailable()) return chromiumMissing();
  try {
    return await generatedBriefingResponse(await serverDb(), viewer, fromUrlSearchParams(req.nextUrl.searchParams), 'pdf', clientIpFrom(req.headers));
  } catch (e) {
    if (e instanceof ChromiumMissingError) return chromiumMissing();
    throw e;
  }
}

const chromiumMissing = () => Response.json({ error: new ChromiumMissingError().message }, { status: 503 });

export const GET = withErrorId('GET /api/briefing/pdf', handleGet);
