import type { NextRequest } from 'next/server';
import { attachment, EXPORT_TYPES, isExportFormat } from '@/lib/export/download';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { withErrorId } from '@/lib/http/server-error';
import { privacyOf } from '@/lib/privacy/mask';
import { viewCsv, viewXlsx } from '@/lib/views/export';
import { viewFilterJson } from '@/lib/views/filter';
import { audit } from '@/queries/auth/audit';
import { todayInChina } from '@/lib/format';
import { getSettings } from '@/queries/settings';
import { runView } from '@/queries/views/run';
import { exportCaption } from '../../_lib/export-caption';
import { viewAccess } from '../../_lib/view-request';

export const dynamic = 'force-dynamic';

/**
 * GET /api/views/[id]/export?format=csv|xlsx&<the view's filter and sort> — every matching row of the view (not just a
 * page), with the columns' Chinese labels as headers and text cells neutralised; the XLSX's title row names the filter and the
 * 截止日期 (lib/views/export.ts, docs/views.md "Exported files"). Audited with the filter and the row count.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const format = req.nextUrl.searchParams.get('format') ?? 'csv';
  const access = await viewAccess(req, params);
  if (access instanceof Response) return access;
  if (!isExportFormat(format)) {
    return Response.json({ error: '不支持的导出格式，请使用 format=csv 或 format=xlsx' }, { status: 400 });
  }
  const { db, view, query, scope, viewer } = access;
  const { rows, count } = await runView(db, view, { ...query, page: null }, scope, privacyOf(viewer));
  const bands = (await getSettings(db)).gapBands;
  const body = format === 'csv'
    ? viewCsv(view, rows, bands)
    : await viewXlsx(view, rows, bands, await exportCaption(db, scope, query.filter, view.narrowedBy));
  await audit(db, {
    actor: viewer.username, action: 'export', target: `view:${view.id}`,
    detail: { format, rows: count, filter: viewFilterJson(query.filter), sort: query.sort }, ip: clientIpFrom(req.headers),
  });
  const name = `${view.title}_${query.filter.asOf.replace(/-/g, '')}_导出${todayInChina().replace(/-/g, '')}.${format}`;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': EXPORT_TYPES[format],
      'Content-Disposition': attachment(name, `${view.id}.${format}`),
      'Cache-Control': 'private, no-store',
    },
  });
}

export const GET = withErrorId('GET /api/views/[id]/export', handleGet);
