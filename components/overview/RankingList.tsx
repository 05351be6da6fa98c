import Link from 'next/link';
import type { GapBand } from '@/lib/settings';
import { formatRate } from '@/lib/format';
import type { ViewRow } from '@/lib/views/types';
import { BandChip } from '../ui/BandChip';
import { ChangeArrow } from '../ui/ChangeArrow';

/**
 * One ranked list of a view's lines: 名次, name (a link to the line's drill-down), 支出进度, the gap chip in the band the
 * SQL gave it, 环比. Presentational. At phone width 支出进度 gives way to the name (the gap says how far behind it is);
 * print keeps every column.
 */
export function RankingList({
  rows, bands, unitLabel, testId, href, since,
}: {
  rows: ViewRow[];
  bands: GapBand[];
  unitLabel: string;
  testId: string;
  href: (row: ViewRow) => string | null;
  /** the previous month-end 环比 compares with */
  since: string;
}) {
  return (
    <table className="w-full table-fixed border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-slate-200 text-xs text-slate-500">
          <th scope="col" className="w-9 py-1.5 text-left font-medium">名次</th>
          <th scope="col" className="py-1.5 text-left font-medium">{unitLabel}</th>
          <th scope="col" className="hidden w-16 py-1.5 pl-2 text-right font-medium sm:table-cell print:table-cell">支出进度</th>
          <th scope="col" className="w-24 py-1.5 pl-2 text-right font-medium whitespace-nowrap">超(短)序时</th>
          <th scope="col" className="w-[4.5rem] py-1.5 pl-2 text-right font-medium" title={`较${since}，百分点`}>环比</th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map((r) => {
          const to = href(r);
          return (
            <tr key={String(r.id)} className="border-b border-slate-100 last:border-0 hover:bg-slate-50" data-testid={`${testId}-row`}>
              <td className="py-1.5 text-slate-500">{r.rank ?? '—'}</td>
              <td className="truncate py-1.5 pr-2">
                {to ? (
                  <Link href={to} className="text-navy-700 hover:underline" data-testid="ranking-link">{String(r.name)}</Link>
                ) : String(r.name)}
              </td>
              <td className="hidden py-1.5 pl-2 text-right sm:table-cell print:table-cell">{formatRate(Number(r.spend_rate))}</td>
              <td className="py-1.5 pl-2 text-right">
                <BandChip points={Number(r.gap_points)} band={r.band as GapBand['id']} bands={bands} />
              </td>
              <td className="py-1.5 pl-2 text-right">
                <ChangeArrow points={r.change_points === null ? null : Number(r.change_points)} since={since} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
