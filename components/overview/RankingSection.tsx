import type { OverviewFilter } from '@/queries/overview';
import { cachedSectionTotals, cachedSettings, cachedTownTotals } from '@/queries/server';
import { BandLegend } from '../ui/BandLegend';
import { RankingPanel } from './RankingPanel';

/** 股室 and 镇 rankings side by side, with the band legend. */
export async function RankingSection({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const [sections, towns, settings] = await Promise.all([
    cachedSectionTotals(year, asOf, mode),
    cachedTownTotals(year, asOf, mode),
    cachedSettings(),
  ]);
  return (
    <div className="space-y-2">
      <div className="grid items-start gap-3 xl:grid-cols-2">
        <RankingPanel title="股室支出进度排名" unitLabel="股室" rows={sections} bands={settings.gapBands} testId="ranking-sections" />
        <RankingPanel title="乡镇支出进度排名" unitLabel="镇" rows={towns} bands={settings.gapBands} testId="ranking-towns" />
      </div>
      <BandLegend bands={settings.gapBands} />
    </div>
  );
}
