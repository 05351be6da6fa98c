import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { formatCount, formatRate, yuanToWan } from '@/lib/format';
import { parsePageRequest } from '@/lib/paging';
import type { SearchParams } from '@/lib/url-params';
import { EMPTY_VIEW_FILTER, parseViewFilter, viewFilterParams } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import { drill, periodOf } from '@/lib/views/drill';
import { serverDb } from '@/queries/server-db';
import { projectAllocations, projectFacts, projectPayments, projectTargets } from '@/queries/projects/project';
import { resolveDates } from '@/queries/views/run';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { AllocationTable } from '@/components/projects/AllocationTable';
import { ProjectFacts } from '@/components/projects/ProjectFacts';
import { ProjectPaymentTable } from '@/components/projects/ProjectPaymentTable';
import { TargetTable } from '@/components/projects/TargetTable';

export const dynamic = 'force-dynamic';

/** The code as the link wrote it (encodeURIComponent); a segment that is not valid percent-encoding is taken as it is. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
export const metadata: Metadata = { title: '项目' };

/**
 * /projects/[code]?year=&as_of=&page=: one project of the 项目库 as of the 截止日期 (docs/villages-and-projects.md):
 * its facts, allocations, payments (paged) and 绩效目标. A project outside the viewer's scope is 404, as an unknown one.
 */
export default async function ProjectPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const code = decodedSegment((await params).code);
  const sp = await searchParams;
  const db = await serverDb();
  // Only the dates matter here; the other filter fields belong to the list this page was opened from.
  const { filter: parsed } = parseViewFilter(sp);
  const filter = await resolveDates(db, { ...EMPTY_VIEW_FILTER, year: parsed.year, asOf: parsed.asOf });
  const q = { code, year: filter.year, asOf: filter.asOf, scope };
  const project = await projectFacts(db, q);
  if (!project) notFound();
  const page = parsePageRequest(sp);
  const [allocations, payments, targets] = await Promise.all([
    projectAllocations(db, q), projectPayments(db, q, page), projectTargets(db, q),
  ]);
  const dates = viewFilterParams(filter).toString();
  const paymentsHref = `/payments?${viewFilterParams({ ...filter, project: code }).toString()}`;
  const canSeeVillages = viewById('villages')!.allowed(scope);
  const back = 'text-navy-700 hover:underline';
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <nav className="flex flex-wrap gap-x-2 text-xs text-slate-500" aria-label="返回" data-testid="project-back">
        <Link className={back} href={`/views/projects?${dates}`}>项目</Link>
        {canSeeVillages && project.town_id !== null && (
          <>
            <span>/</span>
            <Link className={back} href={drill('/views/villages', periodOf(filter), { town: project.town_id })}>{project.town_name}</Link>
          </>
        )}
        {project.village_id !== null && (
          <>
            <span>/</span>
            <Link className={back} href={drill('/views/projects', periodOf(filter), { village: project.village_id })}>{project.village_name}</Link>
          </>
        )}
      </nav>
      <PageTitle title={project.name} summary={`${filter.year}年度 · 截止 ${filter.asOf} · 金额单位：万元`} />
      <Card title="项目概况" testId="project-card">
        <ProjectFacts project={project} />
      </Card>
      <Card title="分配下达" aside={`共 ${formatCount(allocations.length)} 笔，合计 ${yuanToWan(project.allocated)} 万元`}>
        <AllocationTable rows={allocations} />
      </Card>
      <Card
        title="支付明细"
        testId="project-payments-card"
        aside={
          <span className="flex items-center gap-3">
            <span>共 {formatCount(payments.count)} 笔，合计 {yuanToWan(payments.amount)} 万元</span>
            <Link href={paymentsHref} className={back} data-testid="project-all-payments">全部支付</Link>
          </span>
        }
      >
        {payments.rows.length > 0 ? (
          <div className="space-y-3">
            <ProjectPaymentTable rows={payments.rows} />
            <Pagination page={page.page} pages={Math.max(1, Math.ceil(payments.count / page.pageSize))} href={(p) => `?${dates}${p > 1 ? `&page=${p}` : ''}`} />
          </div>
        ) : (
          <p className="py-4 text-center text-sm text-slate-600">截止日期前没有本项目的支付</p>
        )}
      </Card>
      <Card title="绩效目标" aside={project.time_progress === null ? '无开工或计划完工日期，不计时间进度' : `时间进度（开工至计划完工）${formatRate(project.time_progress)}`}>
        <TargetTable rows={targets} />
      </Card>
    </div>
  );
}
