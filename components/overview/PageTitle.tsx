/** The page's title and a one-line summary of what the numbers are. */
export function PageTitle({ title, summary }: { title: string; summary?: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
      <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
      {summary && <p className="text-xs text-slate-500">{summary}</p>}
    </div>
  );
}
