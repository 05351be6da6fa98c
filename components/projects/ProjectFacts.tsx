import { formatCount, formatDate, formatRate, yuanToWan } from '@/lib/format';
import { PROJECT_STATUSES } from '@/lib/import/project-status';
import type { ProjectFacts as Facts } from '@/queries/projects/project';

const date = (d: string | null) => (d ? formatDate(d) : '—');

/** The project's header facts: where it is, who implements it, its dates, its plan and its money to the 截止日期. */
export function ProjectFacts({ project }: { project: Facts }) {
  const facts: [string, React.ReactNode][] = [
    ['项目编码', project.code],
    ['项目年度', `${project.year}年`],
    ['项目类型', project.type ?? '—'],
    ['镇(中心)', project.town_name ?? '—'],
    ['村', project.village_name ?? '—'],
    ['实施单位', project.unit_name ?? '—'],
    ['状态', PROJECT_STATUSES.find((s) => s.id === project.status)?.label ?? project.status],
    ['开工日期', date(project.start_date)],
    ['计划完工', <span key="end">{date(project.planned_end)}{project.overdue && <b className="ml-2 font-medium text-red-700" data-testid="project-overdue">逾期</b>}</span>],
    ['实际完工', date(project.actual_end)],
    ['时间进度', project.time_progress === null ? '—' : formatRate(project.time_progress)],
    ['计划投资(万元)', project.planned_amount === null ? '—' : yuanToWan(project.planned_amount)],
    ['已分配(万元)', yuanToWan(project.allocated)],
    ['已支付(万元)', yuanToWan(project.paid)],
    ['支付进度', formatRate(project.progress)],
    ['受益户数', project.beneficiaries === null ? '—' : formatCount(project.beneficiaries)],
    ['带贫人数', project.poor_beneficiaries === null ? '—' : formatCount(project.poor_beneficiaries)],
  ];
  return (
    <div className="space-y-3" data-testid="project-facts">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="tabular-nums text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {project.content && (
        <p className="text-sm text-slate-700"><span className="text-xs text-slate-500">建设内容：</span>{project.content}</p>
      )}
    </div>
  );
}
