import type { PaymentRow } from '@/queries/payments';
import { formatDate, formatYuan, yuanToWan } from '@/lib/format';
import { PAYEE_TYPE_LABELS } from './PaymentTable';

/** The same page of payments stacked for a phone: date and amount first, then who paid whom for what. */
export function PaymentList({ rows }: { rows: PaymentRow[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="payments-list">
      {rows.map((r) => (
        <li key={r.voucher_no} className="py-2 text-sm" data-testid="payment-item">
          <div className="flex items-baseline justify-between gap-3 tabular-nums">
            <span className="text-slate-500">
              {formatDate(r.pay_date)} <span className="ml-1 text-xs">{r.voucher_no}</span>
            </span>
            <span className="font-semibold text-slate-900" title={`${formatYuan(r.amount)} 元`}>
              {yuanToWan(r.amount)}
            </span>
          </div>
          <div className="mt-0.5 truncate text-slate-800">
            {r.payee_name ?? '—'}
            {r.payee_type && <span className="ml-1 text-xs text-slate-400">{PAYEE_TYPE_LABELS[r.payee_type]}</span>}
            <span className="mx-1 text-slate-300">·</span>
            <span className="text-slate-600">{r.purpose || '—'}</span>
          </div>
          <div className="mt-0.5 truncate text-xs text-slate-500">
            {r.unit_name ?? '—'}
            {r.town_name && ` → ${r.town_name}${r.village_name ? ` ${r.village_name}` : ''}`}
            {r.fund_name && ` · ${r.fund_name}`}
          </div>
        </li>
      ))}
    </ul>
  );
}
