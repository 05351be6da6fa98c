import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { EXPORT_TYPES } from '@/lib/export/download';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { scopeOf } from '@/lib/auth/roles';
import { EXPORT_MAX_ROWS, paymentFilterFromUrl } from '@/lib/payments/filter';
import { paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import { formatCount } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { todayInChina } from '@/queries/server';
import { exportPayments, paymentSummary } from '@/queries/payments';
import { audit } from '@/queries/auth/audit';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/payments/export?format=csv|xlsx&<the 支付明细 filters> — every payment the viewer may read that matches,
 * amounts in exact 元, streamed as the query yields its rows. More than EXPORT_MAX_ROWS rows are refused (422) with a
 * message to narrow the filter. Each export is audited.
 */
async function handleGet(req: NextRequest) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const format = req.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') {
    return Response.json({ error: '不支持的导出格式，请使用 format=csv 或 format=xlsx' }, { status: 400 });
  }
  const { filter } = paymentFilterFromUrl(req.nextUrl);
  const scope = scopeOf(viewer);
  const db = await serverDb();
  const { count } = await paymentSummary(db, filter, scope);
  if (count > EXPORT_MAX_ROWS) {
    return Response.json(
      { error: `符合条件的支付有 ${formatCount(count)} 笔，超过单次导出上限 ${formatCount(EXPORT_MAX_ROWS)} 笔，请缩小年度、日期或单位范围后再导出。`, count, max: EXPORT_MAX_ROWS },
      { status: 422 },
    );
  }
  // Audited before the first byte leaves: the count is what the stream below holds (it was just checked against the cap).
  await audit(db, {
    actor: viewer.username, action: 'export', target: 'payments',
    detail: { format, rows: count, filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== null)) },
    ip: clientIpFrom(req.headers),
  });
  const rows = exportPayments(db, filter, scope, EXPORT_MAX_ROWS);
  const file = format === 'csv' ? paymentsCsv(rows) : paymentsXlsx(rows);
  const name = `支付明细_${todayInChina().replace(/-/g, '')}.${format}`;
  return new Response(Readable.toWeb(file) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': EXPORT_TYPES[format],
      'Content-Disposition': `attachment; filename="payments.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export const GET = withErrorId('GET /api/payments/export', handleGet);
