import Link from 'next/link';
import type { QualityRow } from '@/queries/import/quality';
import { formatCount, formatRate } from '@/lib/format';
import { TH, ROW } from '../ui/form';
import { gapHref } from '@/lib/quality/request';
import type { QualityFilter } from '@/queries/import/quality';
import { GAPS, matchRate } from './gaps';

const STICKY_BASE = 'sticky left-0 z-10 shadow-[1px_0_0_var(--color-slate-200)] lg:shadow-none';
const STICKY = `${STICKY_BASE} bg-white`;
const COUNT_LINK = 'text-navy-700 underline-offset-2 hover:underline';

/** A count that links to its payments; a zero has nothing behind it and stays plain. */
function Count({ n, href, testId }: { n: number; href: string; testId: string }) {
  if (n === 0) return <span className="text-slate-400" data-testid={testId}>0</span>;
  return (
    <Link href={href} className={COUNT_LINK} data-testid={testId}>
      {formatCount(n)}
    </Link>
  );
}

/**
 * 数据质量 per 预算单位: payments, indicator match rate and the gap counts, each count a link to its payments. The
 * first row sums the scope. Presentational: the rows arrive scoped.
 */
export function QualityTable({ rows, total, place }: { rows: QualityRow[]; total: QualityRow; place: QualityFilter }) {
  const line = (r: QualityRow, isTotal: boolean) => {
    const unit = isTotal ? null : r.unit_id ?? -1;
    const rate = matchRate(r);
    return (
      <tr
        key={isTotal ? 'total' : r.unit_id ?? 'none'}
        className={isTotal ? 'border-b border-slate-200 bg-slate-50 font-medium' : ROW}
        data-testid={isTotal ? 'quality-total' : 'quality-row'}
        data-unit={isTotal ? undefined : r.unit_name}
      >
        <th scope="row" className={`${isTotal ? `${STICKY_BASE} bg-slate-50` : STICKY} truncate py-1.5 pr-3 text-left font-normal text-slate-900`} title={r.unit_name}>
          {isTotal ? <span className="font-medium">合计</span> : r.unit_name}
        </th>
        <td className="px-3 py-1.5 text-right text-slate-900" data-testid="quality-payments">{formatCount(r.payments)}</td>
        <td className="px-3 py-1.5 text-right text-slate-700" data-testid="quality-rate">{rate === null ? '—' : formatRate(rate)}</td>
        {GAPS.map((g) => (
          <td key={g.gap} className="px-3 py-1.5 text-right last:pr-0">
            <Count n={r[g.column] as number} href={gapHref(g.gap, place, unit)} testId={`quality-${g.gap}`} />
          </td>
        ))}
      </tr>
    );
  };
  return (
    <>
      <ul className="divide-y divide-slate-100 md:hidden" data-testid="quality-list">
        {rows.map((r) => {
          const rate = matchRate(r);
          return (
            <li key={r.unit_id ?? 'none'} className="py-2 text-sm" data-testid="quality-item" data-unit={r.unit_name}>
              <div className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 truncate font-medium text-slate-900">{r.unit_name}</span>
                <span className="shrink-0 text-xs text-slate-500 tabular-nums">
                  {formatCount(r.payments)} 笔 · 匹配率 {rate === null ? '—' : formatRate(rate)}
                </span>
              </div>
              <div className="mt-0.5 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-slate-500 tabular-nums">
                {GAPS.filter((g) => (r[g.column] as number) > 0).map((g) => (
                  <span key={g.gap}>
                    {g.label} <Count n={r[g.column] as number} href={gapHref(g.gap, place, r.unit_id ?? -1)} testId={`quality-item-${g.gap}`} />
                  </span>
                ))}
                {GAPS.every((g) => (r[g.column] as number) === 0) && <span>无缺失</span>}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="hidden md:block">
        <p className="mb-1 text-xs text-slate-400 min-[1200px]:hidden">表格较宽，可左右滑动查看全部列</p>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[900px] table-fixed border-collapse text-sm" data-testid="quality-table">
            <colgroup>
              <col className="w-[220px]" />
              <col className="w-[96px]" />
              <col className="w-[104px]" />
              {GAPS.map((g) => (
                <col key={g.gap} />
              ))}
            </colgroup>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
                <th scope="col" className={`${STICKY} ${TH} pl-0`}>预算单位</th>
                <th scope="col" className={`${TH} text-right`}>支付笔数</th>
                <th scope="col" className={`${TH} text-right`} title="匹配到指标的支付笔数 ÷ 支付笔数">指标匹配率</th>
                {GAPS.map((g) => (
                  <th key={g.gap} scope="col" className={`${TH} text-right last:pr-0`} title={g.help}>
                    {g.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {rows.length > 1 && line(total, true)}
              {rows.map((r) => line(r, false))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
