/** A white panel with a title row; `aside` sits at the right of the title (a unit note, a legend, a count). */
export function Card({
  title,
  aside,
  children,
  className = '',
  testId,
}: {
  title: string;
  aside?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section className={`rounded-lg border border-slate-200 bg-white ${className}`} data-testid={testId}>
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 px-4 py-2.5">
        <h2 className="text-[15px] font-semibold text-slate-900">{title}</h2>
        {aside && <div className="text-xs text-slate-500">{aside}</div>}
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}
