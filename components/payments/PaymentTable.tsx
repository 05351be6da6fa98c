import type { PaymentRow } from '@/queries/payments';
import { formatDate, formatYuan, yuanToWan } from '@/lib/format';
import { ROW, STICKY_CELL as STICKY, WRAP_CELL } from '../ui/form';
import { WideTable, type WideColumn } from '../ui/WideTable';

const COLUMNS: WideColumn[] = [
  { label: '支付日期', width: 'w-[92px]' },
  { label: '凭证号', width: 'w-[142px]' },
  { label: '预算单位', width: 'w-[124px]' },
  { label: '镇(中心) / 村', width: 'w-[150px]' },
  { label: '项目编码', width: 'w-[150px]' },
  // On a wide screen 收款人 and 资金 take more of the width, so fewer names wrap or are cut short.
  { label: '收款人', width: 'w-[160px] min-[1700px]:w-[230px]' },
  { label: '用途' },
  { label: '资金', width: 'w-[160px] min-[1700px]:w-[230px]' },
  { label: '金额(万元)', width: 'w-[96px]', align: 'right' },
];

export const PAYEE_TYPE_LABELS = { person: '个人', org: '单位' } as const;

/**
 * One page of 支付明细. Presentational: the rows arrive already scoped and filtered. 项目编码, 收款人, 用途 and 资金
 * wrap (WRAP_CELL) rather than being cut off: they are what a reader checks a payment by, and a fund's name is
 * often longer than its column at any width.
 */
export function PaymentTable({ rows }: { rows: PaymentRow[] }) {
  return (
    <WideTable columns={COLUMNS} testId="payments-table" minWidth="min-w-[1280px]" hintHiddenFrom="min-[1560px]:hidden">
      {rows.map((r) => (
        <tr key={r.voucher_no} className={ROW} data-testid="payment-row" data-voucher={r.voucher_no}>
          <td className={`${STICKY} py-1.5 pr-3 text-slate-700`}>{formatDate(r.pay_date)}</td>
          <td className="truncate px-3 py-1.5 text-slate-700" title={r.voucher_no}>{r.voucher_no}</td>
          <td className="truncate px-3 py-1.5" title={r.unit_name ?? undefined}>{r.unit_name ?? '—'}</td>
          <td className="truncate px-3 py-1.5" title={[r.town_name, r.village_name].filter(Boolean).join(' ')}>
            {r.town_name ?? '—'}
            {r.village_name && <span className="ml-1 text-xs text-slate-500">{r.village_name}</span>}
          </td>
          <td className={`${WRAP_CELL} text-slate-700`} data-testid="payment-project">{r.project_code || '—'}</td>
          <td className={WRAP_CELL} data-testid="payment-payee">
            {r.payee_name ?? '—'}
            {r.payee_type && <span className="ml-1 text-xs text-slate-400">{PAYEE_TYPE_LABELS[r.payee_type]}</span>}
          </td>
          <td className={`${WRAP_CELL} text-slate-700`} data-testid="payment-purpose">{r.purpose || '—'}</td>
          <td className={`${WRAP_CELL} text-slate-600`} data-testid="payment-fund">
            {r.fund_name ?? r.indicator_id ?? '—'}
          </td>
          <td className="py-1.5 pl-3 text-right whitespace-nowrap text-slate-900" title={`${formatYuan(r.amount)} 元`} data-testid="payment-amount">
            {yuanToWan(r.amount)}
          </td>
        </tr>
      ))}
    </WideTable>
  );
}
