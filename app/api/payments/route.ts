import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { scopeOf } from '@/lib/auth/roles';
import { paymentFilterFromUrl } from '@/lib/payments/filter';
import { serverDb } from '@/queries/server-db';
import { listPayments } from '@/queries/payments';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/payments?year=&from=&to=&town=&unit=&q=&page=&page_size= — one page of the payments the signed-in viewer
 * may read (the same filters and scope as the 支付明细 page). Amounts are exact 元 as decimal strings.
 */
async function handleGet(req: NextRequest) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const { filter, page } = paymentFilterFromUrl(req.nextUrl);
  const result = await listPayments(await serverDb(), filter, scopeOf(viewer), page);
  return Response.json(
    { filter, count: result.count, amount: result.amount, page: result.page, page_size: result.pageSize, pages: result.pages, rows: result.rows },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export const GET = withErrorId('GET /api/payments', handleGet);
