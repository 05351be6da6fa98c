import Link from 'next/link';
import type { OverviewFilter } from '@/queries/overview';
import { basisSummaries, type PaymentSummary } from '@/queries/payments';
import { serverDb } from '@/queries/server-db';
import { requireScope } from '@/lib/auth/server';
import { paymentsHref } from '@/lib/payments/request';
import { formatCount, formatDate, yuanToWan } from '@/lib/format';
import { EMPTY_VIEW_FILTER, type Basis } from '@/lib/views/filter';
import { Card } from '../ui/Card';

/**
 * The period's payments on each basis (docs/views.md: basis; docs/ledger.md), for the same year and 截止日期 as the
 * KPI cards and read by the very query 支付明细 shows them with, so the two pages cannot disagree: the year's 已支付,
 * 上年结转支出 and 未匹配指标的支付 (never part of the year's budget), and every payment of the period. Each figure
 * opens its payments.
 */
export async function PeriodPayments({ filter }: { filter: OverviewFilter }) {
  const { year, asOf } = filter;
  const period = { ...EMPTY_VIEW_FILTER, year, asOf };
  const sums = await basisSummaries(await serverDb(), period, await requireScope());
  const href = (basis: Basis) => paymentsHref({ ...period, basis: basis === 'year' ? null : basis });
  return (
    <Card title="本期支付构成" aside={`${year}-01-01 至 ${formatDate(asOf)} · 万元`} testId="period-payments">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
        <Figure label="本年指标支出（已支付）" sum={sums.year} href={href('year')} testId="period-paid">计入支出进度</Figure>
        <Figure label="上年结转支出" sum={sums.carryover} href={href('carryover')} testId="period-carryover">
          不计入本年；结转余额见<Link href={`/views/ledger?year=${year}&as_of=${asOf}`} className="text-navy-700 hover:underline">资金台账</Link>
        </Figure>
        <Figure label="未匹配指标的支付" sum={sums.unmatched} href={href('unmatched')} testId="period-unmatched">不属于任何资金</Figure>
        <Figure label="本期支付合计" sum={sums.all} href={href('all')} testId="period-all">
          {sums.other.count > 0 ? `含其他 ${yuanToWan(sums.other.amount)}（${formatCount(sums.other.count)} 笔）` : '支付明细按支付日期所列'}
        </Figure>
      </dl>
    </Card>
  );
}

function Figure({ label, sum, href, testId, children }: { label: string; sum: PaymentSummary; href: string; testId: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-[13px] text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">
        <Link href={href} className="hover:underline" data-testid={testId}>{yuanToWan(sum.amount)}</Link>
      </dd>
      <dd className="text-xs text-slate-500">{formatCount(sum.count)} 笔 · {children}</dd>
    </div>
  );
}
