import type { OverviewFilter } from '@/queries/overview';
import { cachedLevelTotals, cachedSettings, cachedTimeProgress } from '@/queries/server';
import { formatDate, formatPoints, formatRate, formatYi, isZeroYuan, yuanToWan } from '@/lib/format';
import { gapBand } from '@/lib/settings';
import { BAND_STYLES } from '../bands';
import { TIME_PROGRESS_MODE_LABELS } from '../labels';
import { ProgressBar } from '../ui/ProgressBar';
import { KpiCard } from './KpiCard';

/**
 * The headline numbers of the overview: the grand-total row of levelTotals and 序时进度 at the as-of date.
 * Each value element's text is exactly one lib/format call on the database value (the e2e test relies on it):
 * yuanToWan for amounts, formatRate for rates, formatPoints for the gap in points.
 */
export async function KpiCards({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const [rows, tp, settings] = await Promise.all([
    cachedLevelTotals(year, asOf, mode),
    cachedTimeProgress(year, asOf, mode),
    cachedSettings(),
  ]);
  const t = rows.find((r) => r.level === null);
  if (!t || isZeroYuan(t.total)) {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600" data-testid="overview-kpis-empty">
        截至 {formatDate(asOf)}，{year}年度尚未接收任何指标。请把截止日期调后，或在「数据导入」中导入该年度的指标文件。
      </div>
    );
  }
  const band = gapBand(t.gap_points, settings.gapBands);
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-5" data-testid="overview-kpis">
      <KpiCard label="指标总额" unit="万元" value={yuanToWan(t.total)} testId="kpi-total">
        合计 {formatYi(t.total)}
      </KpiCard>
      <KpiCard label="已分配" unit="万元" value={yuanToWan(t.allocated)} testId="kpi-allocated">
        <RateLine label="分配进度" rate={t.alloc_rate} testId="kpi-alloc-rate" />
      </KpiCard>
      <KpiCard label="已支付" unit="万元" value={yuanToWan(t.paid)} testId="kpi-paid">
        <RateLine label="支出进度" rate={t.spend_rate} marker={tp} testId="kpi-spend-rate" />
      </KpiCard>
      <KpiCard label="序时进度" value={formatRate(tp)} testId="kpi-time-progress">
        截至 {formatDate(asOf)} · {TIME_PROGRESS_MODE_LABELS[mode]}
      </KpiCard>
      <KpiCard
        label="超(短)序时进度"
        value={formatPoints(t.gap_points)}
        testId="kpi-gap-points"
        accent={BAND_STYLES[band.id]}
        note={band.label}
        className="col-span-2 lg:col-span-1"
      >
        <span className="flex justify-between gap-2">
          <span>超(短)序时金额</span>
          <span className="whitespace-nowrap tabular-nums">
            <span className="font-medium text-slate-800" data-testid="kpi-gap-amount">
              {yuanToWan(t.gap_amount)}
            </span>{' '}
            万元
          </span>
        </span>
      </KpiCard>
    </div>
  );
}

/** A rate under a KPI amount: its name, its value and a bar (with 序时进度 as the marker where it applies). */
function RateLine({ label, rate, marker, testId }: { label: string; rate: number; marker?: number; testId: string }) {
  return (
    <>
      <span className="flex justify-between">
        <span>{label}</span>
        <span className="font-medium text-slate-800 tabular-nums" data-testid={testId}>
          {formatRate(rate)}
        </span>
      </span>
      <ProgressBar rate={rate} marker={marker} label={label} />
    </>
  );
}
