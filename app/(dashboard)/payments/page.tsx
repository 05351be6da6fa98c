import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { serverDb } from '@/queries/server-db';
import { dataExtent } from '@/queries/overview';
import { basisSummaries, listPayments, paymentOptions } from '@/queries/payments';
import { resolveDates } from '@/queries/views/run';
import { crumbNames } from '@/queries/views/navigation';
import { Breadcrumbs } from '@/components/views/Breadcrumbs';
import { EXPORT_MAX_ROWS, PAYMENTS_READER, basisOf, parsePaymentRequest, paymentsHref } from '@/lib/payments/request';
import { honouredFilter } from '@/lib/views/request';
import { BASIS_LABELS, FILTER_PARAMS, viewFilterParams, type FilterKey } from '@/lib/views/filter';
import type { SearchParams } from '@/lib/url-params';
import { formatCount, formatDate, isZeroYuan, yuanToWan } from '@/lib/format';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { PaymentFilterBar } from '@/components/payments/PaymentFilterBar';
import { PaymentTable } from '@/components/payments/PaymentTable';
import { PaymentList } from '@/components/payments/PaymentList';
import { ExportLinks } from '@/components/payments/ExportLinks';
import { BasisSummary } from '@/components/payments/BasisSummary';
import { paymentScopeText } from '@/components/payments/scope-text';
import { LEVEL_LABELS } from '@/components/labels';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '支付明细' };

/** The narrowing fields the summary line names, beside the period and the basis. */
const NAMED: FilterKey[] = ['level', 'section', 'fund', 'indicator', 'project', 'department', 'town', 'village', 'payFrom', 'payTo', 'q'];

/**
 * 支付明细: the treasury payments the viewer may read, for the one filter (docs/views.md) — budget year, 截止日期 and
 * basis — 50 a page, newest first, with the same filter's figures on every basis side by side. A problem in the URL
 * (an invalid value, an old parameter name) is named above the list and left out of the query.
 */
export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const { filter: asked, page: pageRequest, problems } = parsePaymentRequest(await searchParams);
  const db = await serverDb();
  const filter = await resolveDates(db, honouredFilter(PAYMENTS_READER, asked));
  const [result, sums, options, extent, names] = await Promise.all([
    listPayments(db, filter, scope, pageRequest), basisSummaries(db, filter, scope), paymentOptions(db, scope), dataExtent(db),
    crumbNames(db, filter, scope),
  ]);
  const basis = basisOf(filter);
  const scopeText = paymentScopeText(viewer);
  // A 级次 or a unit, fund or project by its name (the breadcrumbs' names); dates and text as the URL gives them.
  const named = (k: FilterKey) =>
    k === 'level' && filter.level ? LEVEL_LABELS[filter.level]
      : (k in names ? names[k as keyof typeof names] : null) ?? String(filter[k]);
  const narrowed = NAMED.filter((k) => filter[k] !== null).map((k) => `${FILTER_PARAMS[k].label} ${named(k)}`);
  const period = `${filter.year}年度 · 截至 ${formatDate(filter.asOf)} · ${BASIS_LABELS[basis]}`;
  return (
    <div className="mx-auto max-w-[2400px] space-y-3">
      <Breadcrumbs filter={filter} current="支付明细" />
      <PageTitle title="支付明细" summary={`数据范围：${scopeText} · ${period}${narrowed.length ? ` · ${narrowed.join(' · ')}` : ''} · 金额单位：万元`} />
      <PaymentFilterBar filter={filter} years={extent.years} options={options} />
      {problems.length > 0 && (
        <ul className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="payments-problems">
          {problems.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      )}
      <BasisSummary
        sums={sums}
        current={basis}
        href={(b) => paymentsHref({ ...filter, basis: b === 'year' ? null : b })}
        other={isZeroYuan(sums.other.amount) ? null : sums.other.amount}
      />
      <Card
        title={`国库集中支付明细 · ${BASIS_LABELS[basis]}`}
        testId="payments-card"
        aside={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span data-testid="payments-summary">
              共 <b className="font-semibold text-slate-800 tabular-nums">{formatCount(result.count)}</b> 笔，合计{' '}
              <b className="font-semibold text-slate-800 tabular-nums">{yuanToWan(result.amount)}</b> 万元
            </span>
            <ExportLinks query={`?${viewFilterParams(filter)}`} count={result.count} max={EXPORT_MAX_ROWS} />
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
              href={(page) => paymentsHref(filter, page > 1 ? { page: String(page) } : {})}
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
                : sums.all.count === 0 && narrowed.length === 0
                  ? `您的数据范围（${scopeText}）内 ${filter.year} 年还没有支付数据。支付明细由信息中心在「数据导入」中导入。`
                  : `这个口径下没有支付。可改看上方其他口径，或放宽日期、单位或搜索条件，或点「重置」；所选单位也可能不在您的数据范围（${scopeText}）内。`}
            </p>
          </div>
        )}
      </Card>
    </div>
  );
}
