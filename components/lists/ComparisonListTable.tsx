import { formatCount, formatDateTime } from '@/lib/format';
import { HOLDS_LABELS, LIST_KIND_LABELS } from '@/lib/import/comparison-list';
import type { ComparisonListRow } from '@/queries/lists/comparison-lists';
import { RollbackButton } from '@/components/import/RollbackButton';

/**
 * The comparison lists, one line each. 撤销 is the import batch's own (its route checks the permission again); a list
 * loaded without an import has no batch to undo.
 */
export function ComparisonListTable({ lists, canRollback }: { lists: ComparisonListRow[]; canRollback: boolean }) {
  const th = 'px-2 py-1.5 text-left font-medium text-slate-600';
  const td = 'px-2 py-1.5 align-top';
  return (
    <table className="w-full text-sm" data-testid="lists-table">
      <thead className="border-b border-slate-200">
        <tr>
          <th className={th}>名单标签</th>
          <th className={th}>来源部门</th>
          <th className={th}>类别</th>
          <th className={th}>名单内容</th>
          <th className={`${th} text-right`}>行数</th>
          <th className={th}>导入时间</th>
          <th className={th}>导入人</th>
          <th className={th}>批次</th>
          {canRollback && <th className={th} />}
        </tr>
      </thead>
      <tbody>
        {lists.map((l) => (
          <tr key={l.id} className="border-b border-slate-100" data-testid="list-row">
            <td className={`${td} font-medium text-slate-900`}>{l.label}</td>
            <td className={td}>{l.department ?? '—'}</td>
            <td className={td}>{LIST_KIND_LABELS[l.kind]}</td>
            <td className={td}>{HOLDS_LABELS[l.holds]}</td>
            <td className={`${td} text-right tabular-nums`}>{formatCount(l.rows)}</td>
            <td className={`${td} tabular-nums`}>{formatDateTime(l.imported_at)}</td>
            <td className={td}>{l.imported_by ?? '—'}</td>
            <td className={td}>{l.batch_id ? `#${l.batch_id} ${l.file_name ?? ''}` : '未经导入'}</td>
            {canRollback && <td className={td}>{l.batch_id && <RollbackButton batchId={l.batch_id} accepted={l.rows} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
