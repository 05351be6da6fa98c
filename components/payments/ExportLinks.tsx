import { formatCount } from '@/lib/format';

/**
 * Download links for the current filter. Above the export cap they are replaced by the reason, because a partial
 * export of a finance ledger would mislead; the route refuses such a request as well.
 */
export function ExportLinks({ query, count, max }: { query: string; count: number; max: number }) {
  const sep = query ? '&' : '?';
  if (count === 0) return <span className="text-slate-400">无可导出的数据</span>;
  if (count > max) {
    return (
      <span className="text-slate-500" data-testid="export-too-many">
        超过 {formatCount(max)} 笔，无法导出，请缩小筛选范围
      </span>
    );
  }
  const link = 'inline-flex h-7 items-center rounded-md border border-slate-300 bg-white px-2.5 text-xs text-slate-700 hover:bg-slate-50';
  return (
    <span className="flex items-center gap-2">
      {/* Excel in 万元 as the pages, CSV in exact 元 for programs (docs/views.md "Exported files"). */}
      <span>导出</span>
      <a className={link} href={`/api/payments/export${query}${sep}format=xlsx`} data-testid="export-xlsx" download>
        Excel（万元）
      </a>
      <a className={link} href={`/api/payments/export${query}${sep}format=csv`} data-testid="export-csv" download>
        CSV（元）
      </a>
    </span>
  );
}
