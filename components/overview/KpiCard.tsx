/** One KPI: label, the value (its element carries the test id), an optional unit, and a line or two below. */
export function KpiCard({
  label,
  value,
  unit,
  testId,
  accent,
  note,
  className = '',
  children,
}: {
  label: string;
  value: string;
  unit?: string;
  testId: string;
  /** A gap band's colours: a left rule and a dot, the only colour on the cards. */
  accent?: { dot: string; text: string };
  note?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={`relative overflow-hidden rounded-lg border border-slate-200 bg-white px-4 py-3 ${className}`}>
      {accent && <span aria-hidden className={`absolute inset-y-0 left-0 w-1 ${accent.dot}`} />}
      <div className="truncate text-[13px] text-slate-500">
        {label}
        {unit && <span className="text-slate-400">（{unit}）</span>}
      </div>
      <div className="mt-1 truncate text-[22px] leading-8 font-semibold text-slate-900 tabular-nums" data-testid={testId}>
        {value}
      </div>
      {note && accent && (
        <div className={`flex items-center gap-1.5 text-xs ${accent.text}`}>
          <span aria-hidden className={`h-2 w-2 rounded-full ${accent.dot}`} />
          {note}
        </div>
      )}
      {children && <div className="mt-1.5 text-xs text-slate-500">{children}</div>}
    </div>
  );
}
