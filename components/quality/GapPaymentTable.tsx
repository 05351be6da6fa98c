import type { UnmatchedPayment } from '@/queries/import/quality';
import { formatDate, formatYuan, yuanToWan } from '@/lib/format';
import { ROW, STICKY_CELL as STICKY, WRAP_CELL } from '../ui/form';
import { WideTable, type WideColumn } from '../ui/WideTable';

const COLUMNS: WideColumn[] = [
  { label: '支付日期', width: 'w-[92px]' },
  { label: '凭证号', width: 'w-[124px]' },
  { label: '预算单位', width: 'w-[112px]' },
  { label: '指标明细号 / 文号', width: 'w-[136px]' },
  { label: '项目编码', width: 'w-[120px]' },
  { label: '功能科目', width: 'w-[80px]' },
  { label: '收款人', width: 'w-[100px]' },
  { label: '收款人账号', width: 'w-[124px]' },
  { label: '用途' },
  { label: '金额(万元)', width: 'w-[92px]', align: 'right' },
  { label: '批次', width: 'w-[52px]', align: 'right' },
];
const dash = (v: string | null) => (v === null || v.trim() === '' ? <span className="text-slate-400">—</span> : v);

/** The payments behind one 数据质量 count, with the fields that decide the gaps. */
export function GapPaymentTable({ rows }: { rows: UnmatchedPayment[] }) {
  return (
    <WideTable columns={COLUMNS} testId="gap-table" hintHiddenFrom="min-[1500px]:hidden">
      {rows.map((r) => (
        <tr key={r.voucher_no} className={ROW} data-testid="gap-row" data-voucher={r.voucher_no}>
          <td className={`${STICKY} py-1.5 pr-3 text-slate-700`}>{formatDate(r.pay_date)}</td>
          <td className="truncate px-3 py-1.5 text-slate-700" title={r.voucher_no}>{r.voucher_no}</td>
          <td className="truncate px-3 py-1.5" title={r.unit_name ?? undefined}>{dash(r.unit_name)}</td>
          <td className="truncate px-3 py-1.5 text-slate-700" title={[r.indicator_id, r.indicator_doc_no].filter(Boolean).join(' / ')}>
            {r.indicator_id || r.indicator_doc_no ? [r.indicator_id, r.indicator_doc_no].filter(Boolean).join(' / ') : dash(null)}
          </td>
          <td className={`${WRAP_CELL} text-slate-700`}>{dash(r.project_code)}</td>
          <td className="truncate px-3 py-1.5 text-slate-700">{dash(r.func_code)}</td>
          <td className={WRAP_CELL}>{dash(r.payee_name)}</td>
          <td className="truncate px-3 py-1.5 text-slate-700" title={r.payee_account ?? undefined}>{dash(r.payee_account)}</td>
          <td className={`${WRAP_CELL} text-slate-700`}>{dash(r.purpose)}</td>
          <td className="py-1.5 pl-3 text-right whitespace-nowrap text-slate-900" title={`${formatYuan(r.amount)} 元`}>{yuanToWan(r.amount)}</td>
          <td className="py-1.5 pl-3 text-right text-slate-500">{r.batch_id === null ? '—' : `#${r.batch_id}`}</td>
        </tr>
      ))}
    </WideTable>
  );
}
