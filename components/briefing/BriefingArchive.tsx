import type { ArchivedBriefing } from '@/queries/briefing/archive';
import { formatDateTime, formatNumber } from '@/lib/format';
import { ROW, TH } from '../ui/form';

const FORMAT_LABELS: Record<string, string> = { pdf: 'PDF', docx: 'Word' };

const scopeText = (r: ArchivedBriefing) => (r.scope_kind === 'county' ? '全县' : (r.section_name ?? `股室 ${r.section_id}`));

/**
 * 通报存档 (docs/briefing.md "Archive"): every generated 通报, newest first, each downloadable again as it was issued.
 * 数据 says whether an earlier 通报 of the same 截止日期 and scope read the same data (the same numbers), by its number.
 */
export function BriefingArchive({ rows }: { rows: ArchivedBriefing[] }) {
  if (rows.length === 0) {
    return <p className="py-8 text-center text-sm text-slate-600" data-testid="briefing-archive-empty">还没有生成过通报。</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[900px] border-collapse text-sm" data-testid="briefing-archive">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th scope="col" className={`${TH} pl-0`}>编号</th>
            <th scope="col" className={TH}>截止日期</th>
            <th scope="col" className={TH}>范围</th>
            <th scope="col" className={TH}>格式</th>
            <th scope="col" className={TH}>生成人</th>
            <th scope="col" className={TH}>生成时间</th>
            <th scope="col" className={`${TH} text-right`}>大小</th>
            <th scope="col" className={TH}>数据</th>
            <th scope="col" className={`${TH} pr-0`}>下载</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className={ROW} data-testid="briefing-archive-row">
              <td className="py-1.5 pr-3 tabular-nums text-slate-600">#{r.id}</td>
              <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{r.as_of}<span className="ml-1 text-xs text-slate-500">（{r.year}年度）</span></td>
              <td className="px-3 py-1.5 whitespace-nowrap">{scopeText(r)}</td>
              <td className="px-3 py-1.5">{FORMAT_LABELS[r.format] ?? r.format}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{r.created_by}</td>
              <td className="px-3 py-1.5 whitespace-nowrap tabular-nums text-slate-600">{formatDateTime(r.created_at)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(r.size / 1024, 1)} KB</td>
              <td className="px-3 py-1.5 text-xs text-slate-600" title={`数据哈希 ${r.data_hash}`}>
                <span className="font-mono">{r.data_hash.slice(0, 12)}</span>
                {r.same_data_as !== null && <span className="ml-2" data-testid="briefing-same-data">与 #{r.same_data_as} 数据相同</span>}
              </td>
              <td className="py-1.5 pl-3 whitespace-nowrap">
                <a className="text-blue-700 underline-offset-2 hover:underline" href={`/api/briefing/archive/${r.id}`} download>下载</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
