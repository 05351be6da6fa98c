import { formatDate, yuanToWan } from '@/lib/format';
import type { ProjectPayment } from '@/queries/projects/project';
import { ROW, TH, WRAP_CELL } from '../ui/form';

/** A page of the project's payments, newest first. */
export function ProjectPaymentTable({ rows }: { rows: ProjectPayment[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="project-payments">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            <th className={TH}>支付日期</th><th className={TH}>支付凭证号</th><th className={TH}>付款单位</th><th className={TH}>收款人</th>
            <th className={TH}>用途</th><th className={`${TH} text-right`}>金额(万元)</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((p) => (
            <tr key={p.voucher_no} className={ROW}>
              <td className="px-3 py-1.5 whitespace-nowrap">{formatDate(p.pay_date)}</td>
              <td className={WRAP_CELL}>{p.voucher_no}</td>
              <td className={WRAP_CELL}>{p.unit_name ?? '—'}</td>
              <td className={WRAP_CELL}>{p.payee_name ?? '—'}</td>
              <td className={WRAP_CELL}>{p.purpose ?? '—'}</td>
              <td className="px-3 py-1.5 text-right">{yuanToWan(p.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
