import type { GapBand } from '@/lib/settings';
import { BAND_STYLES } from '../bands';

/** The colour key of the gap bands, in order from ahead of schedule to furthest behind. */
export function BandLegend({ bands }: { bands: GapBand[] }) {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="band-legend">
      <span className="text-slate-500">超(短)序时进度色带：</span>
      {sorted.map((b) => (
        <span key={b.id} className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${BAND_STYLES[b.id].dot}`} />
          {b.label}
        </span>
      ))}
    </div>
  );
}
