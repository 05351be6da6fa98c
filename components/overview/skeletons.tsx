/** Placeholders of the right size while each section's data streams in (next-learn dashboard style). */

function Block({ className }: { className: string }) {
  return <div className={`rounded bg-slate-200/70 ${className}`} />;
}

export function KpiCardsSkeleton() {
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-5" aria-hidden>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className={`shimmer rounded-lg border border-slate-200 bg-white px-4 py-3 ${i === 4 ? 'col-span-2 lg:col-span-1' : ''}`}>
          <Block className="h-4 w-20" />
          <Block className="mt-2 h-7 w-32" />
          <Block className="mt-3 h-3 w-full" />
        </div>
      ))}
    </div>
  );
}

export function CardSkeleton({ height = 300, title = true }: { height?: number; title?: boolean }) {
  return (
    <div className="shimmer rounded-lg border border-slate-200 bg-white" aria-hidden>
      {title && (
        <div className="border-b border-slate-100 px-4 py-3">
          <Block className="h-4 w-28" />
        </div>
      )}
      <div className="p-4">
        <div style={{ height }} className="rounded bg-slate-100" />
      </div>
    </div>
  );
}

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="shimmer rounded-lg border border-slate-200 bg-white" aria-hidden>
      <div className="border-b border-slate-100 px-4 py-3">
        <Block className="h-4 w-28" />
      </div>
      <div className="space-y-3 p-4">
        {Array.from({ length: rows + 1 }, (_, i) => (
          <Block key={i} className="h-5 w-full" />
        ))}
      </div>
    </div>
  );
}

export function RankingSkeleton() {
  return (
    <div className="grid gap-3 xl:grid-cols-2" aria-hidden>
      <TableSkeleton rows={7} />
      <TableSkeleton rows={7} />
    </div>
  );
}

export function OverviewSkeleton() {
  return (
    <div className="space-y-3">
      <KpiCardsSkeleton />
      <div className="grid gap-3 xl:grid-cols-2">
        <CardSkeleton />
        <CardSkeleton />
      </div>
      <TableSkeleton />
      <RankingSkeleton />
    </div>
  );
}
