import type { UnmatchedPayment } from '@/queries/import/quality';
import { formatDate, formatYuan, yuanToWan } from '@/lib/format';
import { TH, ROW } from '../ui/form';

const STICKY = 'sticky left-0 z-10 bg-white whitespace-nowrap shadow-[1px_0_0_var(--color-slate-200)] lg:shadow-none';
const dash = (v: string | null) => (v === null || v.trim() === '' ? <span className="text-slate-400">—</span> : v);

/** The payments behind one 数据质量 count, with the fields that decide the gaps. */
export function GapPaymentTable({ rows }: { rows: UnmatchedPayment[] }) {
  return (
    <>
      <p className="mb-1 text-xs text-slate-400 min-[1500px]:hidden">表格较宽，可左右滑动查看全部列</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[1120px] table-fixed border-collapse text-sm" data-testid="gap-table">
          <colgroup>
            <col className="w-[92px]" />
            <col className="w-[124px]" />
            <col className="w-[112px]" />
            <col className="w-[136px]" />
            <col className="w-[88px]" />
            <col className="w-[80px]" />
            <col className="w-[100px]" />
            <col className="w-[124px]" />
            <col />
            <col className="w-[92px]" />
            <col className="w-[52px]" />
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className={`${STICKY} ${TH} pl-0`}>支付日期</th>
              <th scope="col" className={TH}>凭证号</th>
              <th scope="col" className={TH}>预算单位</th>
              <th scope="col" className={TH}>指标明细号 / 文号</th>
              <th scope="col" className={TH}>项目编码</th>
              <th scope="col" className={TH}>功能科目</th>
              <th scope="col" className={TH}>收款人</th>
              <th scope="col" className={TH}>收款人账号</th>
              <th scope="col" className={TH}>用途</th>
              <th scope="col" className={`${TH} text-right`}>金额(万元)</th>
              <th scope="col" className={`${TH} pr-0 text-right`}>批次</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((r) => (
              <tr key={r.voucher_no} className={ROW} data-testid="gap-row" data-voucher={r.voucher_no}>
                <td className={`${STICKY} py-1.5 pr-3 text-slate-700`}>{formatDate(r.pay_date)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.voucher_no}>{r.voucher_no}</td>
                <td className="truncate px-3 py-1.5" title={r.unit_name ?? undefined}>{dash(r.unit_name)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={[r.indicator_id, r.indicator_doc_no].filter(Boolean).join(' / ')}>
                  {r.indicator_id || r.indicator_doc_no ? [r.indicator_id, r.indicator_doc_no].filter(Boolean).join(' / ') : dash(null)}
                </td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.project_code ?? undefined}>{dash(r.project_code)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700">{dash(r.func_code)}</td>
                <td className="truncate px-3 py-1.5" title={r.payee_name ?? undefined}>{dash(r.payee_name)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.payee_account ?? undefined}>{dash(r.payee_account)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.purpose ?? undefined}>{dash(r.purpose)}</td>
                <td className="py-1.5 pl-3 text-right whitespace-nowrap text-slate-900" title={`${formatYuan(r.amount)} 元`}>{yuanToWan(r.amount)}</td>
                <td className="py-1.5 pl-3 text-right text-slate-500">{r.batch_id === null ? '—' : `#${r.batch_id}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
