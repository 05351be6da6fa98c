import { STATUS_LABELS, STEPS, type WarningAction } from '@/lib/warnings/workflow';
import type { WarningEvent } from '@/queries/warnings';
import { TH, ROW } from '@/components/ui/form';
import { formatDateTime } from '@/lib/format';

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * A 疑点's steps, oldest first: who, when, from which state to which, where it was sent, what was said, and an
 * 已整改's attachment as a download link (its route checks the viewer may read the warning). At phone
 * width the table scrolls sideways inside its card instead of widening the page, and the comment keeps a readable
 * width rather than a character per line.
 */
export function WarningHistory({ warningId, events }: { warningId: number; events: WarningEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-500" data-testid="warning-history-empty">尚未处理</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="warning-history">
        <thead className="border-b border-slate-200 text-left text-slate-500">
          <tr><th className={TH}>时间</th><th className={TH}>处理人</th><th className={TH}>处理</th><th className={TH}>状态</th><th className={TH}>说明</th></tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i} className={ROW}>
              <td className="px-3 py-1.5 whitespace-nowrap tabular-nums">{formatDateTime(e.happened_at)}</td>
              <td className="px-3 py-1.5">{e.actor}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{STEPS[e.action as WarningAction]?.label ?? e.action}{e.unit_name ? ` → ${e.unit_name}` : ''}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">
                {e.from_status ? STATUS_LABELS[e.from_status] : ''} → {e.to_status ? STATUS_LABELS[e.to_status] : ''}
              </td>
              <td className="min-w-[12rem] px-3 py-1.5 wrap-anywhere">
                {e.comment ?? '—'}
                {e.attachment_name && e.attachment_sha256 && (
                  <a
                    href={`/api/warnings/${warningId}/attachments/${e.attachment_sha256}`} download
                    className="mt-1 block text-navy-700 hover:underline" data-testid="warning-attachment"
                  >
                    附件：{e.attachment_name}（{formatBytes(e.attachment_size ?? 0)}）
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
