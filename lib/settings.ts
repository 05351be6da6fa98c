export type TimeProgressMode = 'month' | 'day';

/** A gap band: rows whose 超(短)序时进度 in points is at least `min` get this band (bands sorted by min, descending). */
export interface GapBand {
  id: 'green' | 'blue' | 'yellow' | 'orange' | 'red';
  label: string;
  min: number;
}

/** The lower bounds (in points) of the four upper bands; red is everything below `orange`. */
export interface BandThresholds {
  green: number;
  blue: number;
  yellow: number;
  orange: number;
}

export interface Settings {
  countyName: string;
  /** 行政区划代码 (6 digits), '' until set: names the county in the Parquet a province gathers (docs/province.md). */
  countyCode: string;
  timeProgressMode: TimeProgressMode;
  thresholds: BandThresholds;
  gapBands: GapBand[];
}

/** A county's 行政区划代码: six digits (610802 榆阳区). */
export const isCountyCode = (code: string) => /^\d{6}$/.test(code);

export const DEFAULT_THRESHOLDS: BandThresholds = { green: 0, blue: -10, yellow: -20, orange: -30 };

const behind = (points: number) => `滞后${-points}个百分点`;

/** The bands with labels that name their own bounds, so a changed threshold never leaves a stale legend. */
export function bandsFrom(t: BandThresholds): GapBand[] {
  const upper = (bound: number, lower: number) =>
    bound >= 0 ? `${behind(lower)}以内` : `滞后${-bound}–${-lower}个百分点`;
  return [
    { id: 'green', label: t.green === 0 ? '达到序时' : t.green > 0 ? `超序时${t.green}个百分点以上` : `${behind(t.green)}以内`, min: t.green },
    { id: 'blue', label: upper(t.green, t.blue), min: t.blue },
    { id: 'yellow', label: upper(t.blue, t.yellow), min: t.yellow },
    { id: 'orange', label: upper(t.yellow, t.orange), min: t.orange },
    { id: 'red', label: `${behind(t.orange)}以上`, min: -Infinity },
  ];
}

/** Thresholds must descend: green > blue > yellow > orange. Returns the problem in Chinese, or null. */
export function thresholdsProblem(t: BandThresholds): string | null {
  const values = [t.green, t.blue, t.yellow, t.orange];
  if (values.some((v) => !Number.isFinite(v) || Math.abs(v) > 100)) return '色带界限须是 -100 到 100 之间的数';
  if (!(t.green > t.blue && t.blue > t.yellow && t.yellow > t.orange)) return '色带界限须依次递减：绿 > 蓝 > 黄 > 橙';
  return null;
}

export const DEFAULT_SETTINGS: Settings = {
  countyName: '示范县',
  countyCode: '',
  timeProgressMode: 'month',
  thresholds: DEFAULT_THRESHOLDS,
  gapBands: bandsFrom(DEFAULT_THRESHOLDS),
};

function storedThresholds(value: unknown): BandThresholds {
  const v = value as Partial<BandThresholds> | null;
  const t = { ...DEFAULT_THRESHOLDS, ...(v && typeof v === 'object' && !Array.isArray(v) ? v : {}) };
  return thresholdsProblem(t) ? DEFAULT_THRESHOLDS : t;
}

/** Settings are stored as key → JSON value; unknown keys are ignored and missing or broken ones take the defaults. */
export function parseSettings(rows: { key: string; value: string }[]): Settings {
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
  const thresholds = storedThresholds(stored.gap_bands);
  return {
    countyName: typeof stored.county_name === 'string' && stored.county_name ? stored.county_name : DEFAULT_SETTINGS.countyName,
    countyCode: typeof stored.county_code === 'string' && isCountyCode(stored.county_code) ? stored.county_code : '',
    timeProgressMode: stored.time_progress_mode === 'day' ? 'day' : 'month',
    thresholds,
    gapBands: bandsFrom(thresholds),
  };
}

/** The stored form of settings: key → JSON text. */
export function serializeSettings(s: Pick<Settings, 'countyName' | 'countyCode' | 'timeProgressMode' | 'thresholds'>): Record<string, string> {
  return {
    county_name: JSON.stringify(s.countyName),
    county_code: JSON.stringify(s.countyCode),
    time_progress_mode: JSON.stringify(s.timeProgressMode),
    gap_bands: JSON.stringify(s.thresholds),
  };
}

/** The band of a gap in points. */
export function gapBand(gapPoints: number, bands: GapBand[] = DEFAULT_SETTINGS.gapBands): GapBand {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => gapPoints >= b.min) ?? sorted[sorted.length - 1];
}
