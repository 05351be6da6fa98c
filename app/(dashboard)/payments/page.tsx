import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { serverDb } from '@/queries/server-db';
import { listPayments, paymentOptions } from '@/queries/payments';
import { EXPORT_MAX_ROWS, isFiltered, paymentFilterQuery, parsePageRequest, parsePaymentFilter } from '@/lib/payments/filter';
import type { SearchParams } from '@/lib/url-params';
import { formatCount, formatDate, yuanToWan } from '@/lib/format';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { PaymentFilterBar } from '@/components/payments/PaymentFilterBar';
import { PaymentTable } from '@/components/payments/PaymentTable';
import { PaymentList } from '@/components/payments/PaymentList';
import { ExportLinks } from '@/components/payments/ExportLinks';
import { paymentScopeText } from '@/components/payments/scope-text';
import { dateRangeProblem } from '@/lib/filter-notices';
import { Notice } from '@/components/ui/Notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '支付明细' };

/** 支付明细: the treasury payments the viewer may read, filtered by the URL, 50 a page, newest first. */
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const sp = await searchParams;
  const filter = parsePaymentFilter(sp);
  const pageRequest = parsePageRequest(sp);
  const db = await serverDb();
  const [result, options] = await Promise.all([listPayments(db, filter, scope, pageRequest), paymentOptions(db, scope)]);
  const scopeText = paymentScopeText(viewer);
  const rangeProblem = dateRangeProblem(filter.from, filter.to);
  const period = filter.from || filter.to
    ? `${filter.from ? formatDate(filter.from) : '最早'} 至 ${filter.to ? formatDate(filter.to) : '最新'}`
    : filter.year ? `${filter.year}年` : '全部年度';
  return (
    <div className="mx-auto max-w-[2400px] space-y-3">
      <PageTitle title="支付明细" summary={`数据范围：${scopeText} · ${period} · 金额单位：万元`} />
      <PaymentFilterBar filter={filter} options={options} />
      {rangeProblem && <Notice tone="warning" testId="payments-range-problem">{rangeProblem}</Notice>}
      <Card
        title="国库集中支付明细"
        testId="payments-card"
        aside={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span data-testid="payments-summary">
              共 <b className="font-semibold text-slate-800 tabular-nums">{formatCount(result.count)}</b> 笔，合计{' '}
              <b className="font-semibold text-slate-800 tabular-nums">{yuanToWan(result.amount)}</b> 万元
            </span>
            <ExportLinks query={paymentFilterQuery(filter)} count={result.count} max={EXPORT_MAX_ROWS} />
          </span>
        }
      >
        {result.rows.length > 0 ? (
          <div className="space-y-3">
            <div className="hidden md:block">
              <PaymentTable rows={result.rows} />
            </div>
            <div className="md:hidden">
              <p className="mb-1 text-xs text-slate-400">金额单位：万元</p>
              <PaymentList rows={result.rows} />
            </div>
            <Pagination
              page={result.page}
              pages={result.pages}
              href={(page) => `/payments${paymentFilterQuery(filter, { page: page > 1 ? page : null })}`}
            />
          </div>
        ) : (
          <div className="py-8 text-center" data-testid="payments-empty">
            <p className="text-sm font-medium text-slate-800">
              {result.count > 0 ? '这一页没有记录' : '没有符合条件的支付记录'}
            </p>
            <p className="mx-auto mt-2 max-w-xl text-sm leading-6 text-slate-600">
              {result.count > 0
                ? `共 ${formatCount(result.count)} 笔，只有 ${formatCount(result.pages)} 页，请返回第 1 页。`
                : rangeProblem
                  ? rangeProblem
                  : isFiltered(filter)
                  ? `筛选条件过窄，或所选单位不在您的数据范围（${scopeText}）内。请放宽日期、单位或搜索条件，或点「重置」。`
                  : `您的数据范围（${scopeText}）内还没有支付数据。支付明细由信息中心在「数据导入」中导入。`}
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
