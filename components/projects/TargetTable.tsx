import { formatDate, formatNumber, formatRate } from '@/lib/format';
import type { ProjectTarget, TargetFlag } from '@/queries/projects/project';
import { ROW, TH } from '../ui/form';

const FLAGS: Record<TargetFlag, { label: string; look: string }> = {
  ok: { label: '正常', look: 'text-emerald-700' },
  lagging: { label: '滞后于时间进度', look: 'font-medium text-red-700' },
  over: { label: '超出上限', look: 'font-medium text-red-700' },
  unreported: { label: '未填报', look: 'text-amber-700' },
};

const COMPARATORS = { '>=': '≥', '<=': '≤', '=': '=' } as const;

const value = (v: number, unit: string | null) => `${formatNumber(v, Number.isInteger(v) ? 0 : 2)}${unit ?? ''}`;

/** The project's 绩效目标: each target's completion (actual / target) beside the project's own time progress. */
export function TargetTable({ rows }: { rows: ProjectTarget[] }) {
  if (rows.length === 0) return <p className="py-4 text-center text-sm text-slate-600">本项目没有绩效目标</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="project-targets">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className={TH}>类别</th><th className={TH}>绩效指标</th><th className={`${TH} text-right`}>目标值</th>
            <th className={`${TH} text-right`}>实际值</th><th className={TH}>填报日期</th><th className={`${TH} text-right`}>完成率</th>
            <th className={`${TH} text-right`}>时间进度</th><th className={TH}>判断</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((t) => (
            <tr key={t.id} className={ROW} data-flag={t.flag ?? ''}>
              <td className="px-3 py-1.5">{t.level1}{t.level2 ? ` · ${t.level2}` : ''}</td>
              <td className="px-3 py-1.5">{t.name}</td>
              <td className="px-3 py-1.5 text-right">{COMPARATORS[t.comparator]} {value(t.target_value, t.unit)}</td>
              <td className="px-3 py-1.5 text-right">{t.actual_value === null ? '—' : value(t.actual_value, t.unit)}</td>
              <td className="px-3 py-1.5">{t.reported ? formatDate(t.reported) : '—'}</td>
              <td className="px-3 py-1.5 text-right">{t.completion === null ? '—' : formatRate(t.completion)}</td>
              <td className="px-3 py-1.5 text-right">{t.time_progress === null ? '—' : formatRate(t.time_progress)}</td>
              <td className={`px-3 py-1.5 ${t.flag ? FLAGS[t.flag].look : ''}`}>{t.flag ? FLAGS[t.flag].label : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
