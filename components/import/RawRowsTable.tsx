import { columnLetter } from './client-preview';

/**
 * Rows of a file as a spreadsheet shows them: column letters on top, the Excel row number on the left. `firstRow`
 * is the row number of rows[0]; `header` (optional) replaces the letters with the file's own headers.
 */
export function RawRowsTable({
  rows, firstRow = 1, header, testId, maxHeight = 'max-h-80',
}: { rows: string[][]; firstRow?: number; header?: string[]; testId?: string; maxHeight?: string }) {
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.length), 1);
  const cols = Array.from({ length: width }, (_, i) => i);
  return (
    <div className={`overflow-auto rounded-md border border-slate-200 ${maxHeight}`} data-testid={testId}>
      <table className="min-w-full border-collapse text-xs tabular-nums">
        <thead className="sticky top-0 z-10 bg-slate-50">
          <tr className="text-left text-slate-500">
            <th scope="col" className="sticky left-0 z-10 w-10 border-b border-r border-slate-200 bg-slate-50 px-2 py-1.5 text-right font-normal">行</th>
            {cols.map((i) => (
              <th key={i} scope="col" className="max-w-56 truncate border-b border-slate-200 px-2 py-1.5 font-medium whitespace-nowrap" title={header?.[i]}>
                {header ? header[i] || <span className="text-slate-400">（第 {i + 1} 列）</span> : columnLetter(i)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, ri) => (
            <tr key={ri} className="border-b border-slate-100 last:border-b-0">
              <th scope="row" className="sticky left-0 border-r border-slate-200 bg-slate-50 px-2 py-1 text-right font-normal text-slate-400">
                {firstRow + ri}
              </th>
              {cols.map((i) => (
                <td key={i} className="max-w-56 truncate px-2 py-1 whitespace-nowrap text-slate-800" title={r[i]}>
                  {r[i] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
