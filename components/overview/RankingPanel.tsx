import Link from 'next/link';
import type { GapBand } from '@/lib/settings';
import { formatCount } from '@/lib/format';
import type { ViewRow } from '@/lib/views/types';
import { Card } from '../ui/Card';
import { splitRanking } from './ranking';
import { RankingList } from './RankingList';

/**
 * A view's lines as a ranking by 支出进度 (the view's own order and rank, queries/views/): the five best and the five
 * worst, with 展开全部 for the whole list (a <details>, no script needed), or everyone when there are ten or fewer (each
 * line once). Each name links to the line's drill-down; the title's aside to the whole view.
 */
export function RankingPanel({
  title, unitLabel, rows, bands, testId, href, viewHref, since,
}: {
  title: string;
  unitLabel: string;
  rows: ViewRow[];
  bands: GapBand[];
  testId: string;
  href: (row: ViewRow) => string | null;
  /** the whole view, with the overview's year and 截止日期 */
  viewHref: string;
  since: string;
}) {
  const ranking = splitRanking(rows);
  const count = rows.length;
  const list = { bands, unitLabel, href, since };
  return (
    <Card
      title={title}
      aside={
        <span className="flex flex-wrap items-baseline gap-x-3">
          <span>共 {formatCount(count)} 个{unitLabel}，按支出进度排序，环比较{since}</span>
          <Link href={viewHref} className="text-navy-700 hover:underline print:hidden" data-testid={`${testId}-view`}>查看全表</Link>
        </span>
      }
      testId={testId}
    >
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
          <details className="group border-t border-slate-100 pt-2 print:hidden" data-testid={`${testId}-more`}>
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
