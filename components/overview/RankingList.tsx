import Link from 'next/link';
import type { GapBand } from '@/lib/settings';
import { formatRate } from '@/lib/format';
import { BandChip } from '../ui/BandChip';
import type { RankedRow } from './ranking';

/** One ranked list: 名次, name (a link to the unit's payments), 支出进度, gap chip. Presentational. */
export function RankingList({
  rows, bands, unitLabel, testId, href, linkTitle,
}: {
  rows: RankedRow[];
  bands: GapBand[];
  unitLabel: string;
  testId: string;
  href: (row: RankedRow) => string;
  linkTitle: (row: RankedRow) => string;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-slate-200 text-xs text-slate-500">
          <th scope="col" className="w-10 py-1.5 text-left font-medium">名次</th>
          <th scope="col" className="py-1.5 text-left font-medium">{unitLabel}</th>
          <th scope="col" className="w-20 py-1.5 pl-2 text-right font-medium">支出进度</th>
          <th scope="col" className="w-28 py-1.5 pl-2 text-right font-medium whitespace-nowrap">超(短)序时</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-testid={`${testId}-row`}>
            <td className="py-1.5 text-slate-500">{r.rank}</td>
            <td className="truncate py-1.5 pr-2">
              <Link href={href(r)} title={linkTitle(r)} className="text-navy-700 hover:underline" data-testid="ranking-link">
                {r.name}
              </Link>
            </td>
            <td className="py-1.5 pl-2 text-right">{formatRate(r.spend_rate)}</td>
            <td className="py-1.5 pl-2 text-right">
              <BandChip points={r.gap_points} bands={bands} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
