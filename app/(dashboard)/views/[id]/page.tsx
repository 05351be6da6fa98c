import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { formatCount, todayInChina } from '@/lib/format';
import { privacyOf } from '@/lib/privacy/mask';
import { withoutEmpty, type SearchParams } from '@/lib/url-params';
import { viewFilterParams } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import type { ViewSort } from '@/lib/views/types';
import { honouredFilter, parseViewRequest } from '@/lib/views/request';
import { serverDb } from '@/queries/server-db';
import { getSettings } from '@/queries/settings';
import { resolveDates, runView, runViewChart } from '@/queries/views/run';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { IdleDaysLinks } from '@/components/views/IdleDaysLinks';
import { RelatedViews } from '@/components/views/RelatedViews';
import { ViewChart } from '@/components/views/ViewChart';
import { ViewTable } from '@/components/views/ViewTable';
import { Breadcrumbs } from '@/components/views/Breadcrumbs';
import { ViewFilterBar } from '@/components/views/ViewFilterBar';
import { ViewPanel } from '@/components/views/ViewPanel';
import { previousMonthEnd } from '@/lib/views/compare';
import { dataExtent } from '@/queries/overview';
import { filterOptions } from '@/queries/views/navigation';
import { sendTargets } from '@/queries/warnings';
import { DEFAULT_REPLY_DAYS } from '@/queries/warnings/step';
import { BulkSteps } from '@/components/warnings/BulkSteps';

/** The form the rows' checkboxes belong to, when the view offers bulk steps (ViewDef.bulk). */
const BULK_FORM = 'view-bulk';

/** Above this many columns a view prints on landscape A4 (app/globals.css, docs/navigation.md). */
const WIDE_COLUMNS = 10;

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '分析视图' };

/**
 * /views/[id]: any registered view (docs/views.md) as a sortable, paged table with its export links. A role the view
 * does not serve gets 404, as every page. An invalid filter value is named above the table and left out of the query.
 */
export default async function ViewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const view = viewById((await params).id);
  const scope = scopeOf(viewer);
  if (!view || !view.allowed(scope)) notFound();
  const sp = await searchParams;
  const cleaned = withoutEmpty(sp);
  if (cleaned) redirect(`/views/${view.id}${cleaned.size ? `?${cleaned}` : ''}`);
  const { filter, sort, page, problems } = parseViewRequest(view, sp);
  const db = await serverDb();
  // The links (sorting, pages, exports) carry only what the view honours, so none of them answers 400.
  const query = { filter: await resolveDates(db, honouredFilter(view, filter)), sort, page };
  // The village choices follow the chosen town (a 镇 user's own town when none is chosen).
  const optionsTown = query.filter.town ?? (scope.kind === 'town' ? scope.unitId : null);
  const [result, chart, settings, extent, options] = await Promise.all([
    runView(db, view, query, scope, privacyOf(viewer)), runViewChart(db, view, query, scope), getSettings(db), dataExtent(db), filterOptions(db, scope, optionsTown),
  ]);
  const bulk = view.bulk?.allowed(viewer) ? view.bulk : null;
  const targets = bulk ? await sendTargets(db) : [];
  const customSort = (s: ViewSort) => s.key !== view.defaultSort.key || s.dir !== view.defaultSort.dir;
  const url = (s: ViewSort, p = 1) => {
    const sp = viewFilterParams(query.filter);
    if (customSort(s)) {
      sp.set('sort', s.key);
      sp.set('dir', s.dir);
    }
    if (p > 1) sp.set('page', String(p));
    return `?${sp.toString()}`;
  };
  const exportQuery = url(sort).slice(1);
  return (
    <div className={`mx-auto max-w-[1600px] space-y-3${view.columns.length > WIDE_COLUMNS ? ' print-wide' : ''}`}>
      <Breadcrumbs filter={query.filter} current={view.title} />
      <PageTitle
        title={view.title}
        summary={`${query.filter.year}年度 · 截止 ${query.filter.asOf} · 金额单位：万元${view.compare ? ` · 环比较 ${previousMonthEnd(query.filter.asOf)}（百分点）` : ''}`}
      />
      {view.panel && <ViewPanel id={view.panel} viewer={viewer} />}
      <ViewFilterBar
        action={`/views/${view.id}`} filter={query.filter} narrowedBy={view.narrowedBy} years={extent.years} options={options}
        sort={customSort(sort) ? sort : null}
      />
      {problems.length > 0 && (
        <ul className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="view-problems">
          {problems.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      )}
      <RelatedViews view={view} scope={scope} filter={query.filter} />
      {view.narrowedBy.includes('idleDays') && <IdleDaysLinks filter={query.filter} />}
      {view.chart && (
        <Card title={view.chart.label} testId="view-chart">
          <ViewChart kind={view.chart.kind} rows={chart} label={view.chart.label} dates={{ asOf: query.filter.asOf, today: todayInChina() }} />
        </Card>
      )}
      <Card
        title={view.title}
        testId="view-card"
        aside={
          <span className="flex items-center gap-3">
            <span>共 {formatCount(result.count)} 行</span>
            <a href={`/api/views/${view.id}/export?${exportQuery}&format=xlsx`} download title="所有符合筛选条件的行；金额单位：万元，首行为表名、筛选条件和截止日期" className="print:hidden" data-testid="view-export-xlsx">Excel</a>
            <a href={`/api/views/${view.id}/export?${exportQuery}&format=csv`} download title="所有符合筛选条件的行；金额单位：元（精确到分）" className="print:hidden" data-testid="view-export-csv">CSV</a>
          </span>
        }
      >
        {result.rows.length > 0 ? (
          <div className="space-y-3">
            {bulk && <BulkSteps formId={BULK_FORM} targets={targets} defaultDays={DEFAULT_REPLY_DAYS} />}
            <ViewTable
              columns={view.columns} rows={result.rows} sort={sort} bands={settings.gapBands} href={(s) => url(s)} filter={query.filter}
              isTotal={view.isTotal} select={bulk ? { form: BULK_FORM, selectable: bulk.selectable } : undefined}
            />
            <Pagination page={page.page} pages={Math.max(1, Math.ceil(result.count / page.pageSize))} href={(p) => url(sort, p)} />
          </div>
        ) : (
          <p className="py-8 text-center text-sm text-slate-600" data-testid="view-empty">没有符合条件的数据</p>
        )}
      </Card>
    </div>
  );
}
