import { STICKY_CELL, TH } from './form';

export interface WideColumn {
  label: string;
  /** A Tailwind width class such as 'w-[92px]'; absent = the column takes the rest. */
  width?: string;
  align?: 'right';
}

/**
 * A dense table wider than a phone: fixed column widths, the first column sticky, a hint to scroll sideways below
 * `hintHiddenFrom` (a Tailwind class such as 'min-[1400px]:hidden'). The rows come as children.
 */
export function WideTable({
  columns, testId, minWidth = 'min-w-[1120px]', hintHiddenFrom = 'min-[1400px]:hidden', children,
}: {
  columns: WideColumn[];
  testId: string;
  minWidth?: string;
  hintHiddenFrom?: string;
  children: React.ReactNode;
}) {
  const last = columns.length - 1;
  return (
    <>
      <p className={`mb-1 text-xs text-slate-400 ${hintHiddenFrom}`}>表格较宽，可左右滑动查看全部列</p>
      <div className="overflow-x-auto">
        <table className={`w-full ${minWidth} table-fixed border-collapse text-sm`} data-testid={testId}>
          <colgroup>
            {columns.map((c, i) => <col key={i} className={c.width} />)}
          </colgroup>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs text-slate-500">
              {columns.map((c, i) => (
                <th
                  key={c.label}
                  scope="col"
                  className={[i === 0 ? `${STICKY_CELL} ${TH} pl-0` : TH, c.align === 'right' ? 'text-right' : '', i === last ? 'pr-0' : ''].join(' ')}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular-nums">{children}</tbody>
        </table>
      </div>
    </>
  );
}
