import { permissions, type Who } from '@/lib/auth/permissions';
import { formatCount, formatDateTime } from '@/lib/format';
import { KIND_LABELS } from '@/lib/import/types';
import type { BatchRow } from '@/queries/import/batches';
import { TH, ROW } from '../ui/form';
import { RollbackButton } from './RollbackButton';
import { encodingLabel } from './types';

const LINK = 'text-xs text-navy-700 underline-offset-2 hover:underline';

function Status({ b }: { b: BatchRow }) {
  if (b.status === 'rolled_back') {
    return (
      <span data-testid="batch-status">
        <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">已撤销</span>
        <span className="ml-1.5 text-xs text-slate-500">
          {b.rolled_back_by ?? '—'} · {b.rolled_back_at ? formatDateTime(b.rolled_back_at) : '—'}
        </span>
      </span>
    );
  }
  return <span className="text-xs text-slate-600" data-testid="batch-status">已导入</span>;
}

function Actions({ b, viewer }: { b: BatchRow; viewer: Who }) {
  if (!permissions.manageBatch(viewer, b)) return <span className="text-xs text-slate-400">—</span>;
  const base = `/api/import/batches/${b.id}`;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {b.rejected > 0 && (
        <span className="text-xs text-slate-500">
          拒绝报告{' '}
          <a className={LINK} href={`${base}/rejects?format=csv`} download data-testid="batch-rejects-csv">CSV</a>{' '}
          <a className={LINK} href={`${base}/rejects?format=xlsx`} download data-testid="batch-rejects-xlsx">Excel</a>
        </span>
      )}
      {b.raw_path && (
        <a className={LINK} href={`${base}/raw`} download data-testid="batch-raw">原文件</a>
      )}
      {b.status === 'loaded' && <RollbackButton batchId={b.id} accepted={b.accepted} />}
    </span>
  );
}

/** 导入记录: the batches the viewer may see (admin all, a 股室 those imported for it), newest first. */
export function BatchHistory({ batches, viewer }: { batches: BatchRow[]; viewer: Who }) {
  return (
    <>
      <div className="hidden lg:block">
        <div className="overflow-x-auto">
          <table className="w-full min-w-[1180px] border-collapse text-sm" data-testid="batches-table">
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className={`${TH} pl-0`}>批次</th>
                <th scope="col" className={TH}>导入时间</th>
                <th scope="col" className={TH}>导入人</th>
                <th scope="col" className={TH}>类型</th>
                <th scope="col" className={TH}>文件</th>
                <th scope="col" className={TH}>编码</th>
                <th scope="col" className={`${TH} text-right`}>读取</th>
                <th scope="col" className={`${TH} text-right`}>导入</th>
                <th scope="col" className={`${TH} text-right`}>拒绝</th>
                <th scope="col" className={`${TH} text-right`}>重复</th>
                <th scope="col" className={TH}>状态</th>
                <th scope="col" className={`${TH} pr-0`}>操作</th>
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {batches.map((b) => (
                <tr key={b.id} className={ROW} data-testid="batch-row" data-batch-id={b.id}>
                  <td className="py-1.5 pr-3 text-slate-500">#{b.id}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap text-slate-700">{formatDateTime(b.created_at)}</td>
                  <td className="px-3 py-1.5 text-slate-700">{b.created_by ?? '—'}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap text-slate-800">{KIND_LABELS[b.kind] ?? b.kind}</td>
                  <td className="max-w-64 truncate px-3 py-1.5 text-slate-900" title={b.file_name}>{b.file_name}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap text-slate-600">{encodingLabel(b.encoding)}</td>
                  <td className="px-3 py-1.5 text-right text-slate-700">{formatCount(b.rows_read)}</td>
                  <td className="px-3 py-1.5 text-right text-slate-900">{formatCount(b.accepted)}</td>
                  <td className="px-3 py-1.5 text-right text-slate-700" data-testid="batch-rejected">{formatCount(b.rejected)}</td>
                  <td className="px-3 py-1.5 text-right text-slate-700">{formatCount(b.duplicates)}</td>
                  <td className="px-3 py-1.5"><Status b={b} /></td>
                  <td className="py-1.5 pl-3"><Actions b={b} viewer={viewer} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <ul className="divide-y divide-slate-100 lg:hidden" data-testid="batches-list">
        {batches.map((b) => (
          <li key={b.id} className="py-2 text-sm" data-testid="batch-item" data-batch-id={b.id}>
            <div className="flex items-baseline justify-between gap-3">
              <span className="min-w-0 truncate font-medium text-slate-900" title={b.file_name}>{b.file_name}</span>
              <span className="shrink-0 text-xs text-slate-500 tabular-nums">#{b.id}</span>
            </div>
            <div className="mt-0.5 text-xs text-slate-500 tabular-nums">
              {formatDateTime(b.created_at)} · {b.created_by ?? '—'} · {KIND_LABELS[b.kind] ?? b.kind} · {encodingLabel(b.encoding)}
            </div>
            <div className="mt-0.5 text-xs text-slate-700 tabular-nums">
              读取 {formatCount(b.rows_read)} · 导入 {formatCount(b.accepted)} · 拒绝 {formatCount(b.rejected)} · 重复 {formatCount(b.duplicates)}
            </div>
            <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
              <Status b={b} />
              <Actions b={b} viewer={viewer} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
