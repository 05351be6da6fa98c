import type { OverviewFilter } from '@/queries/overview';
import { cachedLevelTotals, cachedSettings } from '@/queries/server';
import { LevelChart } from '../charts/LevelChart';
import { Card } from '../ui/Card';
import { LevelTable } from './LevelTable';

const CHART_TITLE = '分级次资金执行';

/** 分级次 chart: fetches on the server, draws in the browser. */
export async function LevelChartCard({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const rows = await cachedLevelTotals(year, asOf, mode);
  return (
    <Card title={CHART_TITLE} aside="金额单位：万元；级次下方为支出进度" testId="level-chart">
      <LevelChart rows={rows} title={CHART_TITLE} asOf={asOf} />
    </Card>
  );
}

/** 分级次 table: the numbers behind the chart. */
export async function LevelTableCard({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const [rows, settings] = await Promise.all([cachedLevelTotals(year, asOf, mode), cachedSettings()]);
  return (
    <Card title="分级次执行明细" aside="金额单位：万元" testId="level-table">
      <LevelTable rows={rows} bands={settings.gapBands} />
    </Card>
  );
}
