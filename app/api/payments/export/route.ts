import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { EXPORT_TYPES } from '@/lib/export/download';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { EXPORT_MAX_ROWS, PAYMENTS_READER } from '@/lib/payments/request';
import { viewFilterJson } from '@/lib/views/filter';
import { paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import { privacyOf } from '@/lib/privacy/mask';
import { formatCount, todayInChina } from '@/lib/format';
import { exportPayments, paymentSummary } from '@/queries/payments';
import { audit } from '@/queries/auth/audit';
import { withErrorId } from '@/lib/http/server-error';
import { exportCaption } from '../../views/_lib/export-caption';
import { paymentsAccess } from '../_lib/payments-request';

export const dynamic = 'force-dynamic';

/**
 * GET /api/payments/export?format=csv|xlsx&<the one filter, as /api/payments> — every payment the viewer may read that matches,
 * amounts in exact 元 (CSV) or 万元 (XLSX, under a title row naming the filter), streamed as the query yields its rows. More than EXPORT_MAX_ROWS rows are refused (422) with a
 * message to narrow the filter. Each export is audited.
 */
async function handleGet(req: NextRequest) {
  const access = await paymentsAccess(req);
  if (access instanceof Response) return access;
  const { viewer, db, filter, scope } = access;
  const format = req.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') {
    return Response.json({ error: '不支持的导出格式，请使用 format=csv 或 format=xlsx' }, { status: 400 });
  }
  const { count } = await paymentSummary(db, filter, scope);
  if (count > EXPORT_MAX_ROWS) {
    return Response.json(
      { error: `符合条件的支付有 ${formatCount(count)} 笔，超过单次导出上限 ${formatCount(EXPORT_MAX_ROWS)} 笔，请缩小口径、日期或单位范围后再导出。`, count, max: EXPORT_MAX_ROWS },
      { status: 422 },
    );
  }
  // Audited before the first byte leaves: the count is what the stream below holds (it was just checked against the cap).
  await audit(db, {
    actor: viewer.username, action: 'export', target: 'payments',
    detail: { format, rows: count, filter: viewFilterJson(filter) },
    ip: clientIpFrom(req.headers),
  });
  const rows = exportPayments(db, filter, scope, EXPORT_MAX_ROWS);
  // The title row names the basis even when it is the default: the page shows the four side by side.
  const file = format === 'csv'
    ? paymentsCsv(rows, privacyOf(viewer))
    : paymentsXlsx(rows, privacyOf(viewer), await exportCaption(db, scope, { ...filter, basis: filter.basis ?? 'year' }, PAYMENTS_READER.narrowedBy));
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
