import type { UnitRow } from '@/queries/overview';
import type { GapBand } from '@/lib/settings';
import { formatCount } from '@/lib/format';
import { Card } from '../ui/Card';
import { rankUnits, type RankedRow } from './ranking';
import { RankingList } from './RankingList';

/**
 * Ranking of one kind of unit by 超(短)序时进度: the five best and the five worst, with 展开全部 for the whole list
 * (a <details>, no script needed), or everyone when there are ten or fewer (each unit once). Each name links to
 * the unit's payments.
 */
export function RankingPanel({
  title, unitLabel, rows, bands, testId, href, linkTitle,
}: {
  title: string;
  unitLabel: string;
  rows: UnitRow[];
  bands: GapBand[];
  testId: string;
  href: (row: RankedRow) => string;
  linkTitle: (row: RankedRow) => string;
}) {
  const ranking = rankUnits(rows);
  const count = ranking.kind === 'all' ? ranking.rows.length : ranking.count;
  const list = { bands, unitLabel, href, linkTitle };
  return (
    <Card title={title} aside={`共 ${formatCount(count)} 个${unitLabel}，按超(短)序时进度排序`} testId={testId}>
      {count === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">截至该日期尚无{unitLabel}收到资金。</p>
      ) : ranking.kind === 'all' ? (
        <RankingList rows={ranking.rows} {...list} testId={`${testId}-all`} />
      ) : (
        <div className="space-y-3">
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">前五名</h3>
            <RankingList rows={ranking.best} {...list} testId={`${testId}-best`} />
          </div>
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">后五名</h3>
            <RankingList rows={ranking.worst} {...list} testId={`${testId}-worst`} />
          </div>
          <details className="group border-t border-slate-100 pt-2" data-testid={`${testId}-more`}>
            <summary className="cursor-pointer text-sm text-navy-700 select-none hover:underline">
              <span className="group-open:hidden">展开全部 {formatCount(count)} 个{unitLabel}</span>
              <span className="hidden group-open:inline">收起全部排名</span>
            </summary>
            <div className="mt-2">
              <RankingList rows={ranking.all} {...list} testId={`${testId}-full`} />
            </div>
          </details>
        </div>
      )}
    </Card>
  );
}
