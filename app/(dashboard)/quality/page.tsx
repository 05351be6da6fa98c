import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { dataExtent } from '@/queries/overview';
import { paymentQuality, qualityFilter } from '@/queries/import/quality';
import { formatCount, formatDate, formatRate } from '@/lib/format';
import type { SearchParams } from '@/lib/url-params';
import { gapHref, parseQualityRequest } from '@/lib/quality/request';
import { paymentsHref } from '@/lib/payments/request';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { PageTitle } from '@/components/overview/PageTitle';
import { KpiCard } from '@/components/overview/KpiCard';
import { Card } from '@/components/ui/Card';
import { QualityFilterBar } from '@/components/quality/QualityFilterBar';
import { QualityTable } from '@/components/quality/QualityTable';
import { byGaps, GAPS, matchRate, totalRow } from '@/components/quality/gaps';
import { paymentScopeText } from '@/components/payments/scope-text';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据质量' };

/**
 * 数据质量 (every role, scoped on the server): per 预算单位, how many payments of the budget year up to the 截止日期
 * (the one filter, docs/views.md) lack an indicator or project match or a field the rules need. Every count links to
 * its payments.
 */
export default async function QualityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const { filter, batch, problems } = parseQualityRequest(await searchParams, []);
  const db = await serverDb();
  const place = await qualityFilter(db, filter, batch);
  const [rows, extent] = await Promise.all([paymentQuality(db, scope, place), dataExtent(db)]);
  const total = totalRow(rows);
  const rate = matchRate(total);
  const scopeText = paymentScopeText(viewer);
  const { period } = place;
  const periodText = period ? `${period.year}年度 · 截至 ${formatDate(period.asOf)}` : '全部日期';
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title="数据质量"
        summary={`数据范围：${scopeText} · ${periodText}${batch ? ` · 导入批次 #${batch}` : ''} · 支付明细与指标、项目的匹配及关键字段的缺失`}
      />
      <QualityFilterBar years={extent.years} place={place} />
      {problems.length > 0 && (
        <ul className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="quality-problems">
          {problems.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      )}
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="quality-empty">
          <h2 className="text-base font-semibold text-slate-900">{batch ? '没有符合条件的支付' : '这一期间还没有支付数据'}</h2>
          <p className="mx-auto mt-2 max-w-xl text-sm leading-6 text-slate-600">
            {`${periodText}${batch ? `、导入批次 #${batch}` : ''}在您的数据范围（${scopeText}）内没有支付明细，所以无从检查。`}
            {permissions.import(viewer) ? (
              <>
                可改选年度，或在<Link href="/import" className="mx-1 text-navy-700 underline underline-offset-2">数据导入</Link>
                中导入指标台账和国库集中支付明细，导入后本页列出每个预算单位未匹配的支付和缺失的字段。
              </>
            ) : (
              '可改选年度；支付明细由信息中心或主管股室在「数据导入」中导入，导入后本页列出每个预算单位未匹配的支付和缺失的字段。'
            )}
          </p>
        </div>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" data-testid="quality-kpis">
            <KpiCard label="支付笔数" value={formatCount(total.payments)} testId="kpi-payments" />
            <KpiCard label="指标匹配率" value={rate === null ? '—' : formatRate(rate)} testId="kpi-rate">
              {formatCount(total.payments - total.unmatched_indicator)} 笔匹配到指标
            </KpiCard>
            {GAPS.map((g) => (
              <KpiCard key={g.gap} label={g.label} value={formatCount(total[g.column] as number)} testId={`kpi-${g.gap}`}>
                {(total[g.column] as number) > 0 ? (
                  <Link href={gapHref(g.gap, place)} className="text-navy-700 underline-offset-2 hover:underline">
                    查看这些支付
                  </Link>
                ) : (
                  '没有'
                )}
              </KpiCard>
            ))}
          </div>
          <Card
            title="按预算单位"
            aside={`共 ${formatCount(rows.length)} 个预算单位，问题多的在前 · 点击数字查看对应的支付`}
            testId="quality-card"
          >
            <QualityTable rows={byGaps(rows)} total={total} place={place} />
            <p className="mt-3 text-xs leading-5 text-slate-500" data-testid="quality-unmatched-note">
              未匹配指标的支付不计入总览的“已支付”，也无法归到资金和指标的支出进度：总览和支付明细把它们单列为「未匹配指标的支付」
              {period && (
                <>
                  （
                  <Link
                    href={paymentsHref({ ...EMPTY_VIEW_FILTER, ...period, basis: 'unmatched' })}
                    className="text-navy-700 underline-offset-2 hover:underline"
                    data-testid="quality-unmatched-link"
                  >
                    查看金额
                  </Link>
                  ）
                </>
              )}
              。项目未入库的支付会触发「项目未入库」预警。缺失的字段请在原系统中补全后重新导出导入，已导入的凭证号不会重复。
            </p>
          </Card>
        </>
      )}
    </div>
  );
}
