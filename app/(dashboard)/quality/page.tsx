import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/server';
import { can, scopeOf } from '@/lib/auth/roles';
import { serverDb } from '@/queries/server-db';
import { paymentQuality } from '@/queries/import/quality';
import { paymentOptions } from '@/queries/payments';
import { formatCount, formatRate } from '@/lib/format';
import { first, parseId, parseYear, type SearchParams } from '@/lib/url-params';
import { PageTitle } from '@/components/overview/PageTitle';
import { KpiCard } from '@/components/overview/KpiCard';
import { Card } from '@/components/ui/Card';
import { QualityFilterBar } from '@/components/quality/QualityFilterBar';
import { QualityTable } from '@/components/quality/QualityTable';
import { byGaps, GAPS, gapHref, matchRate, totalRow } from '@/components/quality/gaps';
import { paymentScopeText } from '@/components/payments/scope-text';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据质量' };

/**
 * 数据质量 (every role, scoped on the server): per 预算单位, how many payments lack an indicator or project match or a
 * field the rules need. Every count links to its payments.
 */
export default async function QualityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const sp = await searchParams;
  const year = parseYear(first(sp.year)) ?? null;
  const batch = parseId(first(sp.batch)) ?? null;
  const db = await serverDb();
  const [rows, options] = await Promise.all([
    paymentQuality(db, scope, { year: year ?? undefined, batchId: batch ?? undefined }),
    paymentOptions(db, scope),
  ]);
  const total = totalRow(rows);
  const rate = matchRate(total);
  const scopeText = paymentScopeText(viewer);
  const period = year ? `${year}年` : '全部年度';
  const filtered = year !== null || batch !== null;
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title="数据质量"
        summary={`数据范围：${scopeText} · ${period}${batch ? ` · 导入批次 #${batch}` : ''} · 支付明细与指标、项目的匹配及关键字段的缺失`}
      />
      <QualityFilterBar years={options.years} year={year} batch={batch} />
      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="quality-empty">
          <h2 className="text-base font-semibold text-slate-900">{filtered ? '没有符合条件的支付' : '还没有支付数据'}</h2>
          <p className="mx-auto mt-2 max-w-xl text-sm leading-6 text-slate-600">
            {filtered
              ? `所选${year ? `年度（${year}年）` : ''}${batch ? `导入批次（#${batch}）` : ''}在您的数据范围（${scopeText}）内没有支付明细。请改选年度，或点「重置」查看全部。`
              : `您的数据范围（${scopeText}）内还没有支付明细，所以无从检查。`}
            {!filtered &&
              (can.import(viewer) ? (
                <>
                  请先在<Link href="/import" className="mx-1 text-navy-700 underline underline-offset-2">数据导入</Link>
                  中导入指标台账和国库集中支付明细，导入后本页列出每个预算单位未匹配的支付和缺失的字段。
                </>
              ) : (
                '支付明细由信息中心或主管股室在「数据导入」中导入，导入后本页列出每个预算单位未匹配的支付和缺失的字段。'
              ))}
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
                  <Link href={gapHref(g.gap, { year, batch })} className="text-navy-700 underline-offset-2 hover:underline">
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
            <QualityTable rows={byGaps(rows)} total={total} year={year} batch={batch} />
            <p className="mt-3 text-xs leading-5 text-slate-500">
              未匹配指标的支付照常计入支出，但无法归到资金和指标的支出进度；项目未入库的支付会触发「项目未入库」预警。
              缺失的字段请在原系统中补全后重新导出导入，已导入的凭证号不会重复。
            </p>
          </Card>
        </>
      )}
    </div>
  );
}
