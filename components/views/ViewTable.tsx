import Link from 'next/link';
import { formatPointsShort, formatRate, yuanToWan } from '@/lib/format';
import type { GapBand } from '@/lib/settings';
import type { ViewFilter } from '@/lib/views/filter';
import type { ViewColumn, ViewRow, ViewSort } from '@/lib/views/types';
import { BAND_STYLES } from '../bands';
import { ChangeArrow } from '../ui/ChangeArrow';
import { ROW, TH } from '../ui/form';

/** A cell as the pages show numbers: money in 万元, rates as percentages, gaps in points, a band or a code as its label. */
function Cell({ column, value, bands }: { column: ViewColumn; value: unknown; bands: GapBand[] }) {
  if (value === null || value === undefined) return <>—</>;
  switch (column.format) {
    case 'wan': return <>{yuanToWan(value as string)}</>;
    case 'rate': return <>{formatRate(Number(value))}</>;
    case 'points': return <>{formatPointsShort(Number(value))}</>;
    case 'change': return <ChangeArrow points={Number(value)} />;
    case 'band': {
      const band = bands.find((b) => b.id === value);
      return (
        <span className="inline-flex items-center gap-1.5" data-band={String(value)}>
          <span aria-hidden className={`h-2 w-2 rounded-full ${BAND_STYLES[value as GapBand['id']]?.dot ?? ''}`} />
          {band?.label ?? String(value)}
        </span>
      );
    }
    default: return <>{column.labels?.[String(value)] ?? String(value)}</>;
  }
}

/** How a cell sits in its column: numbers to the right, text and band labels to the left. */
const CELL: Partial<Record<ViewColumn['format'], string>> = { text: 'min-w-[6rem]', band: 'whitespace-nowrap' };

/** A cell, as a link when its column drills down (ViewColumn.href). */
function LinkedCell({ column, row, filter, bands }: { column: ViewColumn; row: ViewRow; filter: ViewFilter; bands: GapBand[] }) {
  const to = column.href?.(row, filter);
  const cell = <Cell column={column} value={row[column.key]} bands={bands} />;
  return to ? <Link href={to} className="text-navy-700 hover:underline" data-testid="view-drill">{cell}</Link> : cell;
}

/**
 * Any registered view's rows (lib/views/registry.ts) as a table: its declared columns, a sortable column's header a link
 * that sorts by it (again: the other direction). `href(sort)` keeps the rest of the URL; a total line is bold.
 */
export function ViewTable({ columns, rows, sort, bands, href, filter, isTotal, select }: {
  columns: ViewColumn[]; rows: ViewRow[]; sort: ViewSort; bands: GapBand[]; href: (sort: ViewSort) => string; filter: ViewFilter;
  isTotal?: (row: ViewRow) => boolean;
  /** A checkbox per selectable row (ViewDef.bulk), named `ids` and owned by the form `form` (components/warnings/BulkSteps.tsx). */
  select?: { form: string; selectable: (row: ViewRow) => boolean };
}) {
  // relative: a cell's absolutely placed screen-reader text (sr-only) then scrolls with the table instead of widening
  // the page at phone width.
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="view-table">
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
            {select && <th scope="col" className={`${TH} print:hidden`}><span className="sr-only">选择</span></th>}
            {columns.map((c) => {
              const right = c.format !== 'text' && c.format !== 'band';
              const current = sort.key === c.key;
              const label = `${c.label}${c.format === 'wan' ? '(万元)' : ''}`;
              return (
                <th key={c.key} scope="col" className={`${TH} ${right ? 'text-right' : ''}`} aria-sort={current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {c.sortable ? (
                    <Link className="hover:text-slate-800" href={href({ key: c.key, dir: current && sort.dir === 'desc' ? 'asc' : 'desc' })}>
                      {label}{current ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
                    </Link>
                  ) : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((row, i) => (
            <tr key={String(row.id ?? i)} className={`${ROW} ${isTotal?.(row) ? 'font-semibold' : ''}`}>
              {select && (
                <td className="px-3 py-2 print:hidden">
                  {select.selectable(row) && (
                    <input type="checkbox" name="ids" value={String(row.id)} form={select.form} aria-label={`选择疑点 #${row.id}`} data-testid="view-select" />
                  )}
                </td>
              )}
              {columns.map((c) => (
                // A text cell wraps, but never to a character a line when the table is squeezed on a phone; a band's
                // label stays on one line (the table scrolls in its card; print wraps it, app/globals.css).
                <td key={c.key} className={`px-3 py-2 ${CELL[c.format] ?? 'whitespace-nowrap text-right'}`}>
                  <LinkedCell column={c} row={row} filter={filter} bands={bands} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
