import type { PaymentRow } from '@/queries/payments';
import { formatDate, formatYuan, yuanToWan } from '@/lib/format';
import { TH, ROW } from '../ui/form';

/** The first column stays put while the table scrolls sideways on narrow screens (as in the overview). */
const STICKY = 'sticky left-0 z-10 bg-white whitespace-nowrap shadow-[1px_0_0_var(--color-slate-200)] lg:shadow-none';

export const PAYEE_TYPE_LABELS = { person: '个人', org: '单位' } as const;

/** One page of 支付明细. Presentational: the rows arrive already scoped and filtered. */
export function PaymentTable({ rows }: { rows: PaymentRow[] }) {
  return (
    <>
      <p className="mb-1 text-xs text-slate-400 min-[1400px]:hidden">表格较宽，可左右滑动查看全部列</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[1120px] table-fixed border-collapse text-sm" data-testid="payments-table">
          <colgroup>
            <col className="w-[92px]" />
            <col className="w-[142px]" />
            <col className="w-[124px]" />
            <col className="w-[150px]" />
            <col className="w-[160px]" />
            <col />
            <col className="w-[160px]" />
            <col className="w-[96px]" />
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              <th scope="col" className={`${STICKY} ${TH} pl-0`}>支付日期</th>
              <th scope="col" className={TH}>凭证号</th>
              <th scope="col" className={TH}>预算单位</th>
              <th scope="col" className={TH}>镇(中心) / 村</th>
              <th scope="col" className={TH}>收款人</th>
              <th scope="col" className={TH}>用途</th>
              <th scope="col" className={TH}>资金</th>
              <th scope="col" className={`${TH} pr-0 text-right`}>金额(万元)</th>
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {rows.map((r) => (
              <tr key={r.voucher_no} className={ROW} data-testid="payment-row" data-voucher={r.voucher_no}>
                <td className={`${STICKY} py-1.5 pr-3 text-slate-700`}>{formatDate(r.pay_date)}</td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.voucher_no}>{r.voucher_no}</td>
                <td className="truncate px-3 py-1.5" title={r.unit_name ?? undefined}>{r.unit_name ?? '—'}</td>
                <td className="truncate px-3 py-1.5" title={[r.town_name, r.village_name].filter(Boolean).join(' ')}>
                  {r.town_name ?? '—'}
                  {r.village_name && <span className="ml-1 text-xs text-slate-500">{r.village_name}</span>}
                </td>
                <td className="truncate px-3 py-1.5" title={r.payee_name ?? undefined}>
                  {r.payee_name ?? '—'}
                  {r.payee_type && <span className="ml-1 text-xs text-slate-400">{PAYEE_TYPE_LABELS[r.payee_type]}</span>}
                </td>
                <td className="truncate px-3 py-1.5 text-slate-700" title={r.purpose ?? undefined}>{r.purpose || '—'}</td>
                <td className="truncate px-3 py-1.5 text-slate-600" title={r.fund_name ?? r.indicator_id ?? undefined}>
                  {r.fund_name ?? r.indicator_id ?? '—'}
                </td>
                <td className="py-1.5 pl-3 text-right whitespace-nowrap text-slate-900" title={`${formatYuan(r.amount)} 元`} data-testid="payment-amount">
                  {yuanToWan(r.amount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
