import type { AuditRow } from '@/queries/auth/audit';
import { auditActionLabel } from '@/lib/auth/audit-labels';
import { formatDateTime } from '@/lib/format';
import { ROW, TH } from '../ui/form';

/** An audit row with its target and detail already in words (names resolved on the server by the page). */
export interface AuditRowText extends AuditRow {
  targetText: string;
  detailText: string;
}

/** The audit log, newest first. Read-only: there is nothing to edit or delete here, nor anywhere in the app. */
export function AuditTable({ rows }: { rows: AuditRowText[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full min-w-[900px] border-collapse text-sm" data-testid="audit-table">
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className={`${TH} pl-0`}>时间</th>
              <th scope="col" className={TH}>操作人</th>
              <th scope="col" className={TH}>操作</th>
              <th scope="col" className={TH}>对象</th>
              <th scope="col" className={TH}>详情</th>
              <th scope="col" className={`${TH} pr-0`}>IP</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const detail = r.detailText;
              return (
                <tr key={r.id} className={ROW} data-testid="audit-row" data-action={r.action}>
                  <td className="py-1.5 pr-3 whitespace-nowrap text-slate-600 tabular-nums">{formatDateTime(r.happened_at)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{r.actor ?? '—'}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap" title={r.action}>
                    {auditActionLabel(r.action)}
                  </td>
                  <td className="px-3 py-1.5 whitespace-nowrap" data-testid="audit-target">{r.targetText}</td>
                  <td className="max-w-[36rem] px-3 py-1.5 text-slate-600" title={r.detailText || undefined}>
                    <span className="line-clamp-2">{detail}</span>
                  </td>
                  <td className="py-1.5 pl-3 text-xs whitespace-nowrap text-slate-500">{r.ip ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <AuditList rows={rows} />
    </>
  );
}

/** The same rows stacked for a phone. */
function AuditList({ rows }: { rows: AuditRowText[] }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm md:hidden" data-testid="audit-list">
      {rows.map((r) => {
        const detail = r.detailText;
        return (
          <li key={r.id} className="py-2" data-testid="audit-item">
            <div className="flex items-baseline justify-between gap-2">
              <span>
                <span className="font-medium text-slate-900">{auditActionLabel(r.action)}</span>
                <span className="ml-2 text-slate-700">{r.actor ?? '—'}</span>
                {r.targetText && <span className="ml-1 text-slate-500">→ {r.targetText}</span>}
              </span>
              <span className="shrink-0 text-xs text-slate-500 tabular-nums">{formatDateTime(r.happened_at)}</span>
            </div>
            {(detail || r.ip) && (
              <div className="mt-0.5 text-xs leading-5 text-slate-500">
                {detail}
                {r.ip && <span className="ml-2 text-slate-400">IP {r.ip}</span>}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
