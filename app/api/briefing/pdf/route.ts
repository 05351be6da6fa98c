import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { permissions } from '@/lib/auth/permissions';
import { chromiumAvailable } from '@/lib/browser/chromium';
import { briefingFileName } from '@/lib/briefing/file-name';
import { renderBriefingPdf, ChromiumMissingError } from '@/lib/briefing/pdf';
import { briefingScopeFor, briefingScopeParam } from '@/lib/briefing/request';
import { attachment } from '@/lib/export/download';
import { withErrorId } from '@/lib/http/server-error';
import { first, fromUrlSearchParams } from '@/lib/url-params';
import { audit } from '@/queries/auth/audit';
import { loadBriefing } from '@/queries/briefing/load';
import { resolveOverviewFilter } from '@/queries/server';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

/**
 * GET /api/briefing/pdf?year=&as_of=&scope= — the 通报 (docs/briefing.md) as a PDF printed by the server's Chromium,
 * for the viewers the page serves (permissions.readBriefing: a 股室 its own report only). 503 where Chromium is missing:
 * the page's 打印 still works. Audited with the 截止日期, the scope and the hash of the data it read.
 */
async function handleGet(req: NextRequest) {
  const viewer = await apiViewer(req, permissions.readBriefing);
  if (viewer instanceof Response) return viewer;
  const sp = fromUrlSearchParams(req.nextUrl.searchParams);
  const scope = briefingScopeFor(viewer, first(sp.scope));
  if (!scope) return Response.json({ error: '无权查看该范围的通报' }, { status: 403 });
  if (!chromiumAvailable()) return chromiumMissing();
  const { filter } = await resolveOverviewFilter(sp);
  const db = await serverDb();
  const b = await loadBriefing(db, filter.year, filter.asOf, scope);
  let pdf: Buffer;
  try {
    pdf = await renderBriefingPdf(b);
  } catch (e) {
    if (e instanceof ChromiumMissingError) return chromiumMissing();
    throw e;
  }
  await audit(db, {
    actor: viewer.username, action: 'briefing_pdf', target: 'briefing',
    detail: { year: b.year, as_of: b.asOf, scope: briefingScopeParam(scope), scope_name: b.scopeName, data_hash: b.dataHash },
    ip: clientIpFrom(req.headers),
  });
  const { name, fallback } = briefingFileName(b, 'pdf');
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(name, fallback), 'Cache-Control': 'private, no-store' },
  });
}

const chromiumMissing = () => Response.json({ error: new ChromiumMissingError().message }, { status: 503 });

export const GET = withErrorId('GET /api/briefing/pdf', handleGet);
