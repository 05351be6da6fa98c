import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import '@/components/briefing/briefing.css';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { scopeOf } from '@/lib/auth/roles';
import { chromiumAvailable } from '@/lib/browser/chromium';
import { briefingQuery, briefingScopeFor, briefingScopeParam } from '@/lib/briefing/request';
import type { BriefingScope } from '@/lib/briefing/types';
import { first } from '@/lib/url-params';
import { asOfNotice } from '@/lib/filter-notices';
import { loadBriefing } from '@/queries/briefing/load';
import { resolveOverviewFilter, type SearchParams } from '@/queries/server';
import { serverDb } from '@/queries/server-db';
import { filterOptions, type Option } from '@/queries/views/navigation';
import { BriefingDocument } from '@/components/briefing/BriefingDocument';
import { BriefingActions } from '@/components/briefing/BriefingActions';
import { PageTitle } from '@/components/overview/PageTitle';
import { EmptyState } from '@/components/overview/EmptyState';
import { CardSkeleton } from '@/components/overview/skeletons';
import { PeriodFields } from '@/components/ui/PeriodFields';
import { FilterActions } from '@/components/ui/FilterActions';
import { FIELD, LABEL } from '@/components/ui/form';
import { Notice } from '@/components/ui/Notice';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通报' };

/**
 * 通报 (docs/briefing.md): the monthly briefing for a 截止日期 as the A4 document the PDF prints, with 打印, 下载PDF and
 * 下载Word. The county's roles read the county's (or a 股室's) report, a 股室 its own; a 部门 or 镇 gets 404.
 */
export default async function BriefingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission(permissions.readBriefing);
  const sp = await searchParams;
  const scope = briefingScopeFor(viewer, first(sp.scope));
  if (!scope) notFound();
  const { filter, years, hasData } = await resolveOverviewFilter(sp);
  const sections = scopeOf(viewer).kind === 'all' ? (await filterOptions(await serverDb(), { kind: 'all' }, null)).section : null;
  const dateNotice = asOfNotice(first(sp.as_of), filter.year, filter.asOf);
  const query = briefingQuery(filter.year, filter.asOf, scope);
  return (
    <div className="mx-auto max-w-[1100px] space-y-3">
      <div className="print:hidden space-y-3">
        <PageTitle title="通报" summary="扶贫资金支出进度通报：选择截止日期与范围，打印或下载PDF、Word" />
        <form method="get" action="/briefing" role="search" aria-label="通报条件"
          className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3" data-testid="briefing-filter">
          <PeriodFields years={years} year={filter.year} asOf={filter.asOf} testId="briefing" />
          {sections && <ScopeField sections={sections} scope={scope} />}
          <FilterActions resetHref="/briefing" />
        </form>
        {dateNotice && <Notice tone="warning" testId="as-of-notice">{dateNotice}</Notice>}
        {hasData && <BriefingActions query={query} pdfReady={chromiumAvailable()} />}
      </div>
      {!hasData ? (
        <EmptyState year={filter.year} years={years.filter((y) => y !== filter.year)} />
      ) : (
        // A new 截止日期 or scope remounts the document, so its skeleton shows instead of the last one's numbers.
        <Suspense key={query} fallback={<DocumentSkeleton />}>
          <BriefingBody year={filter.year} asOf={filter.asOf} scope={scope} />
        </Suspense>
      )}
    </div>
  );
}

async function BriefingBody({ year, asOf, scope }: { year: number; asOf: string; scope: BriefingScope }) {
  const b = await loadBriefing(await serverDb(), year, asOf, scope);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm print:overflow-visible print:border-0 print:shadow-none">
      <BriefingDocument b={b} />
    </div>
  );
}

/** 范围: the county's or one 股室's report, for the roles that read the county. */
function ScopeField({ sections, scope }: { sections: Option[]; scope: BriefingScope }) {
  return (
    <label className={LABEL}>
      范围
      <select name="scope" defaultValue={briefingScopeParam(scope)} className={`${FIELD} w-40`} data-testid="briefing-scope">
        <option value="county">全县</option>
        {sections.map((s) => <option key={s.id} value={`section:${s.id}`}>{`${s.name}（股室报告）`}</option>)}
      </select>
    </label>
  );
}

function DocumentSkeleton() {
  return (
    <div className="space-y-3" data-testid="briefing-skeleton">
      <CardSkeleton height={220} />
      <CardSkeleton height={420} />
    </div>
  );
}
