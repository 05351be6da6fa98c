import type { GapBand } from '@/lib/settings';
import { gapBand } from '@/lib/settings';
import { formatPointsShort } from '@/lib/format';
import { BAND_STYLES } from '../bands';

/**
 * A gap in points on its band colour: '● -12.5'. The band is the one the SQL gave the row (gap_band,
 * queries/views/measures.sql), never recomputed here; its label is the tooltip and the screen-reader text.
 */
export function BandChip({ points, band: id, bands }: { points: number; band: GapBand['id']; bands: GapBand[] }) {
  const band = bands.find((b) => b.id === id);
  const style = BAND_STYLES[id];
  return (
    <span
      title={band?.label}
      data-band={id}
      className={`inline-flex min-w-[4.5rem] items-center justify-end gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium tabular-nums ring-1 ring-inset ${style.chip}`}
    >
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${style.dot}`} />
      {formatPointsShort(points)}
      <span className="sr-only">个百分点，{band?.label}</span>
    </span>
  );
}

/** Only the band's dot, for dense tables. */
export function BandDot({ points, bands }: { points: number; bands: GapBand[] }) {
  const band = gapBand(points, bands);
  return <span title={band.label} data-band={band.id} className={`inline-block h-2 w-2 shrink-0 rounded-full ${BAND_STYLES[band.id].dot}`} />;
}
