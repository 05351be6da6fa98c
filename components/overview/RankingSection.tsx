import type { OverviewFilter } from '@/queries/overview';
import { cachedSectionTotals, cachedSettings, cachedTownTotals } from '@/queries/server';
import { requireViewer } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { formatDate } from '@/lib/format';
import { BandLegend } from '../ui/BandLegend';
import { Card } from '../ui/Card';
import { RankingPanel } from './RankingPanel';
import { overviewPaymentsHref } from './links';
import { townRankingNotApplicable } from './scope-text';

/**
 * 股室 and 镇 rankings side by side, with the band legend. The town ranking compares the county's towns, so it is shown
 * to viewers who see the whole county only (permissions.seeRankings); a scoped viewer reads why it does not apply.
 */
export async function RankingSection({ filter }: { filter: OverviewFilter }) {
  const { year, asOf, timeProgressMode: mode } = filter;
  const viewer = await requireViewer();
  const ranksTowns = permissions.seeRankings(viewer);
  const [sections, towns, settings] = await Promise.all([
    cachedSectionTotals(year, asOf, mode),
    ranksTowns ? cachedTownTotals(year, asOf, mode) : Promise.resolve([]),
    cachedSettings(),
  ]);
  const period = `${year}年度截至${formatDate(asOf)}`;
  return (
    <div className="space-y-2">
      <div className="grid items-start gap-3 xl:grid-cols-2">
        <RankingPanel
          title="股室支出进度排名"
          unitLabel="股室"
          rows={sections}
          bands={settings.gapBands}
          testId="ranking-sections"
          href={(row) => overviewPaymentsHref(filter, { section: row.id })}
          linkTitle={(row) => `${row.name}${period}的支付明细`}
        />
        {ranksTowns ? (
          <RankingPanel
            title="乡镇支出进度排名"
            unitLabel="镇"
            rows={towns}
            bands={settings.gapBands}
            testId="ranking-towns"
            href={(row) => overviewPaymentsHref(filter, { town: row.id })}
            linkTitle={(row) => `${row.name}${period}的支付明细`}
          />
        ) : (
          <Card title="乡镇支出进度排名" testId="ranking-towns">
            <p className="py-4 text-sm leading-6 text-slate-600" data-testid="ranking-towns-not-applicable">
              不适用：{townRankingNotApplicable(viewer)}
            </p>
          </Card>
        )}
      </div>
      <BandLegend bands={settings.gapBands} />
    </div>
  );
}
