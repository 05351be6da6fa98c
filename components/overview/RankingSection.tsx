import type { OverviewFilter } from '@/queries/overview';
import { cachedSettings, cachedViewLines } from '@/queries/server';
import { requireViewer } from '@/lib/auth/server';
import { previousMonthEnd } from '@/lib/views/compare';
import { viewFilterParams } from '@/lib/views/filter';
import { BandLegend } from '../ui/BandLegend';
import { Card } from '../ui/Card';
import { RankingPanel } from './RankingPanel';
import { rankingNotApplicable } from './scope-text';

/** The rankings: each one view's lines (lib/views/registry.ts), measured, ranked, banded and compared in its SQL. */
const RANKINGS = [
  { view: 'sections', title: '股室支出进度排名', unitLabel: '股室', ranks: '股室', testId: 'ranking-sections' },
  { view: 'towns', title: '乡镇支出进度排名', unitLabel: '镇', ranks: '乡镇', testId: 'ranking-towns' },
  { view: 'departments', title: '部门支出进度排名', unitLabel: '部门', ranks: '部门', testId: 'ranking-departments' },
] as const;

/**
 * 股室, 镇 and 部门 rankings side by side, with the band legend. A ranking compares the county's units, so it is shown
 * whole to viewers who see the whole county; a scoped viewer sees its own line in the ranking of its kind, unranked,
 * and reads why the others do not apply (the view's `allowed`, docs/views.md).
 */
export async function RankingSection({ filter }: { filter: OverviewFilter }) {
  const { year, asOf } = filter;
  const [viewer, settings, ...lines] = await Promise.all([
    requireViewer(),
    cachedSettings(),
    ...RANKINGS.map((r) => cachedViewLines(r.view, year, asOf)),
  ]);
  const since = previousMonthEnd(asOf);
  return (
    <div className="space-y-2">
      <div className="grid items-start gap-3 xl:grid-cols-3">
        {RANKINGS.map((r, i) => {
          const read = lines[i];
          if (!read) {
            return (
              <Card key={r.view} title={r.title} testId={r.testId}>
                <p className="py-4 text-sm leading-6 text-slate-600" data-testid={`${r.testId}-not-applicable`}>
                  不适用：{rankingNotApplicable(viewer, r.ranks)}
                </p>
              </Card>
            );
          }
          const name = read.view.columns.find((c) => c.key === 'name');
          return (
            <RankingPanel
              key={r.view}
              title={r.title}
              unitLabel={r.unitLabel}
              rows={read.rows}
              bands={settings.gapBands}
              testId={r.testId}
              href={(row) => name?.href?.(row, read.filter) ?? null}
              viewHref={`/views/${r.view}?${viewFilterParams(read.filter)}`}
              since={since}
            />
          );
        })}
      </div>
      <BandLegend bands={settings.gapBands} />
    </div>
  );
}
