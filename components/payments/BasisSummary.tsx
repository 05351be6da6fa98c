import Link from 'next/link';
import { BASIS_LABELS, type Basis } from '@/lib/views/filter';
import type { PaymentSummary } from '@/queries/payments';
import { formatCount, yuanToWan } from '@/lib/format';

const BASIS_HELP: Record<Basis, string> = {
  year: '本年度指标截至截止日期的支付，即总览的“已支付”',
  carryover: '本年内对以前年度尚有结余的指标的支付，不计入本年度指标的支出进度',
  unmatched: '本年内没有对应到指标台账的支付，不计入总览的“已支付”，单列一行',
  all: '本年1月1日至截止日期您可见的全部支付',
};

/**
 * The filter's figures on every basis side by side, each a link switching to that basis; the current one is marked.
 * Presentational: sums and links come from the server.
 */
export function BasisSummary({ sums, current, href, other }: {
  sums: Record<Basis, PaymentSummary>;
  current: Basis;
  href: (b: Basis) => string;
  /** in 'all' but on none of the three lines, in 元: shown only when not zero */
  other: string | null;
}) {
  return (
    <div className="space-y-1">
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4" data-testid="payments-bases">
        {(Object.keys(BASIS_LABELS) as Basis[]).map((b) => (
          <Link
            key={b}
            href={href(b)}
            title={BASIS_HELP[b]}
            aria-current={b === current ? 'page' : undefined}
            data-testid={`basis-${b}`}
            className={`rounded-md border px-3 py-2 text-sm ${b === current ? 'border-navy-700 bg-navy-50' : 'border-slate-200 bg-white hover:bg-slate-50'}`}
          >
            <span className="block text-xs text-slate-500">{BASIS_LABELS[b]}</span>
            <b className="font-semibold text-slate-900 tabular-nums" data-testid={`basis-${b}-amount`}>{yuanToWan(sums[b].amount)}</b>
            <span className="ml-1 text-xs text-slate-500">万元 · {formatCount(sums[b].count)} 笔</span>
          </Link>
        ))}
      </div>
      {other && (
        <p className="text-xs text-slate-500" data-testid="payments-bases-other">
          全部支付中另有 {yuanToWan(other)} 万元不属于以上三行（如县级部门支付到本镇的款项，计入支付部门的支出；或对已无结余的以前年度指标、以后年度指标的支付）。
        </p>
      )}
    </div>
  );
}
