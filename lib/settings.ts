export type TimeProgressMode = 'month' | 'day';

/** A gap band: rows whose 超(短)序时进度 in points is at least `min` get this band (bands sorted by min, descending). */
export interface GapBand {
  id: 'green' | 'blue' | 'yellow' | 'orange' | 'red';
  label: string;
  min: number;
}

export interface Settings {
  countyName: string;
  timeProgressMode: TimeProgressMode;
  gapBands: GapBand[];
}

export const DEFAULT_SETTINGS: Settings = {
  countyName: '示范县',
  timeProgressMode: 'month',
  gapBands: [
    { id: 'green', label: '达到序时', min: 0 },
    { id: 'blue', label: '滞后10个百分点以内', min: -10 },
    { id: 'yellow', label: '滞后10–20个百分点', min: -20 },
    { id: 'orange', label: '滞后20–30个百分点', min: -30 },
    { id: 'red', label: '滞后30个百分点以上', min: -Infinity },
  ],
};

/** Settings are stored as key → JSON value; unknown keys are ignored and missing ones take the defaults. */
export function parseSettings(rows: { key: string; value: string }[]): Settings {
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  return {
    countyName: stored.county_name ?? DEFAULT_SETTINGS.countyName,
    timeProgressMode: stored.time_progress_mode === 'day' ? 'day' : 'month',
    gapBands: Array.isArray(stored.gap_bands) ? stored.gap_bands : DEFAULT_SETTINGS.gapBands,
  };
}

/** The band of a gap in points. */
export function gapBand(gapPoints: number, bands: GapBand[] = DEFAULT_SETTINGS.gapBands): GapBand {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => gapPoints >= b.min) ?? sorted[sorted.length - 1];
}
