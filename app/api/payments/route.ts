import type { NextRequest } from 'next/server';
import { viewFilterJson } from '@/lib/views/filter';
import { basisSummaries, listPayments } from '@/queries/payments';
import { withErrorId } from '@/lib/http/server-error';
import { paymentsAccess } from './_lib/payments-request';

export const dynamic = 'force-dynamic';

/**
 * GET /api/payments?<the one filter: year, as_of, basis, level, section, department, town, village, fund, indicator,
 * project, pay_from, pay_to, q>&page=&page_size= — one page of the payments the signed-in viewer may read (the same
 * filter and scope as the 支付明细 page), the filter as resolved, and the figures on every basis (`bases`). Amounts
 * are exact 元 as decimal strings.
 */
async function handleGet(req: NextRequest) {
  const access = await paymentsAccess(req);
  if (access instanceof Response) return access;
  const { db, filter, scope, page } = access;
  const [result, bases] = await Promise.all([listPayments(db, filter, scope, page), basisSummaries(db, filter, scope)]);
  return Response.json(
    {
      filter: viewFilterJson(filter), count: result.count, amount: result.amount, bases,
      page: result.page, page_size: result.pageSize, pages: result.pages, rows: result.rows,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

export const GET = withErrorId('GET /api/payments', handleGet);
