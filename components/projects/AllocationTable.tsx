import { formatDate, yuanToWan } from '@/lib/format';
import type { ProjectAllocation } from '@/queries/projects/project';
import { ROW, TH } from '../ui/form';

/** The project's allocations (分配下达) to the 截止日期, oldest first, with the year of each one's indicator. */
export function AllocationTable({ rows }: { rows: ProjectAllocation[] }) {
  if (rows.length === 0) return <p className="py-4 text-center text-sm text-slate-600">截止日期前没有分配到本项目的资金</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="project-allocations">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className={TH}>分配日期</th><th className={TH}>指标明细号</th><th className={TH}>指标年度</th><th className={TH}>资金</th>
            <th className={TH}>接收单位</th><th className={TH}>文号</th><th className={`${TH} text-right`}>金额(万元)</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((a) => (
            <tr key={a.id} className={ROW}>
              <td className="px-3 py-1.5">{formatDate(a.alloc_date)}</td>
              <td className="px-3 py-1.5">{a.indicator_id}</td>
              <td className="px-3 py-1.5">{a.indicator_year ?? '—'}</td>
              <td className="px-3 py-1.5">{a.fund_name ?? '—'}</td>
              <td className="px-3 py-1.5">{a.unit_name ?? '—'}</td>
              <td className="px-3 py-1.5">{a.doc_no ?? '—'}</td>
              <td className="px-3 py-1.5 text-right">{yuanToWan(a.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
