import Link from 'next/link';
import type { OverviewFilter } from '@/queries/overview';
import { outsideYear } from '@/queries/ledger';
import { cachedLevelTotals } from '@/queries/server';
import { serverDb } from '@/queries/server-db';
import { requireScope } from '@/lib/auth/server';
import { formatCount, formatDate, formatRate, yuanToWan } from '@/lib/format';
import { paymentsHref } from '@/lib/views/payments-link';
import { Card } from '../ui/Card';

/**
 * The period's payments split as docs/ledger.md defines them, for the same year and 截止日期 as the KPI cards: the
 * year's 已支付 (payments against the year's indicators), 上年结转支出 and 未匹配指标的支付 (never part of the year's
 * budget), and every payment of the period, which is what 支付明细 lists. Each figure opens its payments.
 */
export async function PeriodPayments({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const [levels, outside] = await Promise.all([
    cachedLevelTotals(year, asOf, mode),
    outsideYear(await serverDb(), filter, await requireScope()),
  ]);
  const paid = levels.find((r) => r.level === null)?.paid ?? '0';
  const period = { year, asOf };
  return (
    <Card title="本期支付构成" aside={`${year}-01-01 至 ${formatDate(asOf)} · 万元`} testId="period-payments">
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
        <Figure label="本年指标支出（已支付）" wan={paid} href={paymentsHref(period)} testId="period-paid">
          计入支出进度
        </Figure>
        <Figure label="上年结转支出" wan={outside.carryover_paid} href={paymentsHref(period, 'carryover')} testId="period-carryover">
          结转余额 {yuanToWan(outside.carryover_balance)}，支出 {formatRate(outside.carryover_rate)}；不计入本年
        </Figure>
        <Figure label="未匹配指标的支付" wan={outside.unmatched_paid} href={paymentsHref(period, 'unmatched')} testId="period-unmatched">
          {formatCount(outside.unmatched_payments)} 笔；不属于任何资金
        </Figure>
        <Figure label="本期支付合计" wan={outside.all_paid} href={paymentsHref(period, 'all')} testId="period-all">
          支付明细按支付日期所列
        </Figure>
      </dl>
    </Card>
  );
}

function Figure({ label, wan, href, testId, children }: { label: string; wan: string; href: string; testId: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-[13px] text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-lg font-semibold text-slate-900 tabular-nums">
        <Link href={href} className="hover:underline" data-testid={testId}>{yuanToWan(wan)}</Link>
      </dd>
      <dd className="text-xs text-slate-500">{children}</dd>
    </div>
  );
}
