import { formatRate } from '@/lib/format';

/** A thin neutral bar for a rate (0..1, capped at the bar's end) with an optional tick for 序时进度. */
export function ProgressBar({ rate, marker, label }: { rate: number; marker?: number; label: string }) {
  const pct = (v: number) => `${Math.min(Math.max(v, 0), 1) * 100}%`;
  return (
    <div
      className="relative mt-2 h-1.5 rounded-full bg-slate-200"
      role="img"
      aria-label={marker === undefined ? `${label} ${formatRate(rate)}` : `${label} ${formatRate(rate)}，序时进度 ${formatRate(marker)}`}
    >
      <div className="h-full rounded-full bg-navy-700" style={{ width: pct(rate) }} />
      {marker !== undefined && (
        <div className="absolute -top-1 h-3.5 w-0.5 bg-slate-500" style={{ left: pct(marker) }} title={`序时进度 ${formatRate(marker)}`} />
      )}
    </div>
  );
}
