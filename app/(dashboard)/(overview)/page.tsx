import { Suspense } from 'react';
import Link from 'next/link';
import type { Metadata } from 'next';
import { resolveOverviewFilter, type SearchParams } from '@/queries/server';
import { formatDate } from '@/lib/format';
import { first } from '@/lib/url-params';
import { asOfNotice } from '@/lib/filter-notices';
import { requireViewer } from '@/lib/auth/server';
import { TIME_PROGRESS_MODE_LABELS } from '@/components/labels';
import { PageTitle } from '@/components/overview/PageTitle';
import { FilterBar } from '@/components/overview/FilterBar';
import { EmptyState } from '@/components/overview/EmptyState';
import { KpiCards } from '@/components/overview/KpiCards';
import { PeriodPayments } from '@/components/overview/PeriodPayments';
import { LevelChartCard, LevelTableCard } from '@/components/overview/LevelSection';
import { TrendCard } from '@/components/overview/TrendCard';
import { RankingSection } from '@/components/overview/RankingSection';
import { Notice } from '@/components/ui/Notice';
import { overviewScopeText } from '@/components/overview/scope-text';
import { overviewPaymentsHref } from '@/components/overview/links';
import { CardSkeleton, KpiCardsSkeleton, RankingSkeleton, TableSkeleton } from '@/components/overview/skeletons';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '总览' };

/** 总览: KPI cards, then the charts, then the tables that explain them. */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const sp = await searchParams;
  const { filter, years, hasData } = await resolveOverviewFilter(sp);
  const dateNotice = asOfNotice(first(sp.as_of), filter.year, filter.asOf);
  const scopeText = overviewScopeText(viewer);
  // A new filter remounts the sections, so their skeletons show instead of stale numbers.
  const key = `${filter.year}|${filter.asOf}|${filter.timeProgressMode}`;
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title="总览"
        summary={
          <>
            {`${filter.year}年度 · 截至 ${formatDate(filter.asOf)} · 序时进度${TIME_PROGRESS_MODE_LABELS[filter.timeProgressMode]} · 金额单位：万元 · `}
            <Link href={overviewPaymentsHref(filter)} className="text-navy-700 hover:underline" data-testid="overview-payments-link">
              本期支付明细
            </Link>
          </>
        }
      />
      {scopeText && <Notice testId="overview-scope">{scopeText}</Notice>}
      <FilterBar years={years} year={filter.year} asOf={filter.asOf} />
      {dateNotice && <Notice tone="warning" testId="as-of-notice">{dateNotice}</Notice>}
      {!hasData ? (
        <EmptyState year={filter.year} years={years.filter((y) => y !== filter.year)} />
      ) : (
        <>
          <Suspense key={`kpi${key}`} fallback={<KpiCardsSkeleton />}>
            <KpiCards filter={filter} />
          </Suspense>
          <Suspense key={`pp${key}`} fallback={<CardSkeleton height={72} />}>
            <PeriodPayments filter={filter} />
          </Suspense>
          <div className="grid gap-3 xl:grid-cols-2">
            <Suspense key={`lc${key}`} fallback={<CardSkeleton />}>
              <LevelChartCard filter={filter} />
            </Suspense>
            <Suspense key={`tc${key}`} fallback={<CardSkeleton />}>
              <TrendCard filter={filter} />
            </Suspense>
          </div>
          <Suspense key={`lt${key}`} fallback={<TableSkeleton />}>
            <LevelTableCard filter={filter} />
          </Suspense>
          <Suspense key={`rk${key}`} fallback={<RankingSkeleton />}>
            <RankingSection filter={filter} />
          </Suspense>
        </>
      )}
    </div>
  );
}
