import type { UnitRow } from '@/queries/overview';
import type { GapBand } from '@/lib/settings';
import { formatCount } from '@/lib/format';
import { Card } from '../ui/Card';
import { rankUnits } from './ranking';
import { RankingList } from './RankingList';

/**
 * Ranking of one kind of unit by 超(短)序时进度: the five best and the five worst, or everyone when there are
 * ten or fewer (each unit once).
 */
export function RankingPanel({
  title,
  unitLabel,
  rows,
  bands,
  testId,
}: {
  title: string;
  unitLabel: string;
  rows: UnitRow[];
  bands: GapBand[];
  testId: string;
}) {
  const ranking = rankUnits(rows);
  const count = ranking.kind === 'all' ? ranking.rows.length : ranking.count;
  return (
    <Card title={title} aside={`共 ${formatCount(count)} 个${unitLabel}，按超(短)序时进度排序`} testId={testId}>
      {count === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">截至该日期尚无{unitLabel}收到资金。</p>
      ) : ranking.kind === 'all' ? (
        <RankingList rows={ranking.rows} bands={bands} unitLabel={unitLabel} testId={`${testId}-all`} />
      ) : (
        <div className="space-y-3">
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">前五名</h3>
            <RankingList rows={ranking.best} bands={bands} unitLabel={unitLabel} testId={`${testId}-best`} />
          </div>
          <div>
            <h3 className="mb-1 text-xs font-semibold text-slate-600">后五名</h3>
            <RankingList rows={ranking.worst} bands={bands} unitLabel={unitLabel} testId={`${testId}-worst`} />
          </div>
        </div>
      )}
    </Card>
  );
}
