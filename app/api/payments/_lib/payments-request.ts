import 'server-only';
import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { scopeOf, type Scope, type Viewer } from '@/lib/auth/roles';
import type { PageRequest } from '@/lib/paging';
import { parsePaymentRequest } from '@/lib/payments/request';
import { fromUrlSearchParams } from '@/lib/url-params';
import { problemsResponse } from '@/lib/views/request';
import type { Db } from '@/queries/db';
import type { PaymentQuery } from '@/queries/payments';
import { serverDb } from '@/queries/server-db';
import { resolveDates } from '@/queries/views/run';

/**
 * The checks both 支付明细 routes make: a live session (401), a request without problems (400, each named — an old
 * parameter such as `unit` names its new one); then the budget year and 截止日期 resolved as the page does.
 */
export async function paymentsAccess(req: NextRequest): Promise<{ viewer: Viewer; scope: Scope; db: Db; filter: PaymentQuery; page: PageRequest } | Response> {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const { filter, page, problems } = parsePaymentRequest(fromUrlSearchParams(req.nextUrl.searchParams));
  if (problems.length) return problemsResponse(problems);
  const db = await serverDb();
  return { viewer, scope: scopeOf(viewer), db, filter: await resolveDates(db, filter), page };
}
