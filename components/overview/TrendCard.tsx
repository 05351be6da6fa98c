import type { OverviewFilter } from '@/queries/overview';
import { cachedMonthlyProgress } from '@/queries/server';
import { TrendChart } from '../charts/TrendChart';
import { Card } from '../ui/Card';

const TITLE = '支出进度走势';

/** 逐月累计支出进度 vs 序时进度. */
export async function TrendCard({ filter }: { filter: OverviewFilter }) {
  const points = await cachedMonthlyProgress(filter.year, filter.asOf, filter.timeProgressMode);
  return (
    <Card title={TITLE} aside="逐月累计，按当月末已接收指标计算" testId="trend-chart">
      {points.length === 0 ? (
        <p className="grid h-[300px] place-items-center text-sm text-slate-500">截止日期早于该年度，暂无走势。</p>
      ) : (
        <TrendChart points={points} title={TITLE} asOf={filter.asOf} />
      )}
    </Card>
  );
}
