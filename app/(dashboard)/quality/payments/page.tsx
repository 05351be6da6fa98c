import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/server';
import { scopeOf } from '@/lib/auth/roles';
import { serverDb } from '@/queries/server-db';
import { paymentQuality, paymentsWithGap, qualityFilter } from '@/queries/import/quality';
import { formatCount, formatDate } from '@/lib/format';
import { privacyOf } from '@/lib/privacy/mask';
import { first, type SearchParams } from '@/lib/url-params';
import { gapHref, parseQualityRequest, qualityHref } from '@/lib/quality/request';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { GapPaymentTable } from '@/components/quality/GapPaymentTable';
import { GAP_BY_ID, isGap, totalRow } from '@/components/quality/gaps';
import { paymentScopeText } from '@/components/payments/scope-text';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据质量 · 支付明细' };

const PAGE_SIZE = 50;

/** The payments behind one 数据质量 count: one gap, one 预算单位 (or all, or those without a unit), scoped. */
export default async function GapPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const scope = scopeOf(viewer);
  const sp = await searchParams;
  const gapParam = first(sp.gap);
  if (!isGap(gapParam)) notFound();
  const gap = GAP_BY_ID[gapParam];
  const { filter: asked, batch, noDepartment, problems } = parseQualityRequest(sp, ['department']);
  const unit = noDepartment ? -1 : asked.department;
  const db = await serverDb();
  const filter = await qualityFilter(db, asked, batch);
  const quality = await paymentQuality(db, scope, filter);
  const row = unit === null ? totalRow(quality) : quality.find((r) => (r.unit_id ?? -1) === unit);
  const count = row ? (row[gap.column] as number) : 0;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  const page = Math.min(Math.max(1, Number(first(sp.page)) || 1), pages);
  const rows = count > 0
    ? await paymentsWithGap(db, scope, gapParam, { ...filter, unitId: unit, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, privacyOf(viewer))
    : [];
  const unitName = unit === null ? '全部预算单位' : row?.unit_name ?? '范围外的单位';
  const back = qualityHref(filter);
  const periodText = filter.period ? `${filter.period.year}年度 · 截至 ${formatDate(filter.period.asOf)}` : '全部日期';
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title={`数据质量 · ${gap.label}`}
        summary={`数据范围：${paymentScopeText(viewer)} · ${unitName} · ${periodText}${batch ? ` · 导入批次 #${batch}` : ''} · 金额单位：万元`}
      />
      {problems.length > 0 && (
        <ul className="rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="quality-problems">
          {problems.map((p, i) => <li key={i}>{p.message}</li>)}
        </ul>
      )}
      <Card
        title={`${unitName}：${gap.label}的支付`}
        aside={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span data-testid="gap-count">
              共 <b className="font-semibold text-slate-800 tabular-nums">{formatCount(count)}</b> 笔
            </span>
            <Link href={back} className="text-navy-700 underline-offset-2 hover:underline">返回数据质量</Link>
          </span>
        }
        testId="gap-card"
      >
        <p className="mb-3 text-xs text-slate-500">{gap.help}。</p>
        {rows.length > 0 ? (
          <div className="space-y-3">
            <GapPaymentTable rows={rows} />
            <Pagination
              page={page}
              pages={pages}
              href={(p) => `${gapHref(gapParam, filter, unit)}${p > 1 ? `&page=${p}` : ''}`}
            />
          </div>
        ) : (
          <p className="py-8 text-center text-sm text-slate-600" data-testid="gap-empty">
            {row
              ? `${unitName}没有${gap.label}的支付。`
              : `这个预算单位在您的数据范围（${paymentScopeText(viewer)}）内没有支付明细。`}
            <Link href={back} className="ml-1 text-navy-700 underline underline-offset-2">返回数据质量</Link>
          </p>
        )}
      </Card>
    </div>
  );
}
