/**
 * The only place numbers become text (docs/data-model.md: money is 元 in the database).
 *
 * Money arrives from the database as exact 元 DECIMAL strings ('123456789.12') and is converted with BigInt
 * arithmetic on 分, so no float ever touches an amount. Rounding is half-up, away from zero. Negative values
 * carry a leading ASCII minus '-' everywhere (amounts, rates, points); a value that rounds to zero is shown
 * without a sign.
 */

export const MINUS = '-';

const FEN_PER_YUAN = 100n;
/** 0.01 万元 = 1 元 × 100 = 10,000 分 */
const FEN_PER_CENT_OF_WAN = 10_000n;
/** 0.01 亿元 = 1,000,000 元 = 100,000,000 分 */
const FEN_PER_CENT_OF_YI = 100_000_000n;

/** Parses an exact decimal string in 元 ('-1,234.5', '0.07', '12') into 分. Throws on anything else. */
export function yuanToFen(yuan: string | number | bigint): bigint {
  if (typeof yuan === 'bigint') return yuan * FEN_PER_YUAN;
  const text = (typeof yuan === 'number' ? numberToPlain(yuan) : yuan).trim().replace(/,/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`不是有效的金额: ${String(yuan)}`);
  const [, sign, whole, frac = ''] = m;
  // Beyond 分: round half-up away from zero on the third decimal (DECIMAL(18,2) never has one, but be exact).
  let fen = BigInt(whole || '0') * FEN_PER_YUAN + BigInt((frac + '00').slice(0, 2));
  if (frac.length > 2 && Number(frac[2]) >= 5) fen += 1n;
  return sign === '-' ? -fen : fen;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`不是有效的金额: ${n}`);
  return n.toFixed(3);
}

/** a / b rounded half-up away from zero (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const q = (abs + b / 2n) / b;
  return negative ? -q : q;
}

/** An integer count of hundredths as '12,345.68' (thousands separators, two decimals, '-' when negative). */
function hundredthsToText(h: bigint, separators = true): string {
  const negative = h < 0n;
  const abs = negative ? -h : h;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  const grouped = separators ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${negative ? MINUS : ''}${grouped}.${frac}`;
}

/** 分 back to an exact 元 string without separators ('56499975' → '564999.75'), for a sum taken in 分. */
export function fenToYuan(fen: bigint): string {
  return hundredthsToText(fen, false);
}

/** 元 → 万元 text with two decimals and thousands separators: '123456789.12' → '12,345.68'. No unit. */
export function yuanToWan(yuan: string | number | bigint): string {
  return hundredthsToText(divRound(yuanToFen(yuan), FEN_PER_CENT_OF_WAN));
}

/** 元 as text with thousands separators and two decimals: '49261.5' → '49,261.50'. No unit. */
export function formatYuan(yuan: string | number | bigint): string {
  return hundredthsToText(yuanToFen(yuan));
}

/** 元 → 万元 as a number rounded to two decimals (for chart values): '123456789.12' → 12345.68. */
export function yuanToWanNumber(yuan: string | number | bigint): number {
  return Number(hundredthsToText(divRound(yuanToFen(yuan), FEN_PER_CENT_OF_WAN), false));
}

/**
 * 元 → 万元 exactly, as a plain decimal (the point moved four places, no rounding): '12345678901.23' → '1234567.890123'.
 * For exported files, whose cell holds the exact amount while its number format shows the page's two decimals.
 */
export function yuanToWanExact(yuan: string | number | bigint): string {
  const fen = yuanToFen(yuan);
  const abs = fen < 0n ? -fen : fen;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${fen < 0n ? MINUS : ''}${abs / 1_000_000n}${frac ? `.${frac}` : ''}`;
}

/** 元 → '12,345.68万元' (with the unit, for running text). */
export function formatWan(yuan: string | number | bigint): string {
  return `${yuanToWan(yuan)}万元`;
}

/** 元 → 亿元 text with two decimals: '1234567890.00' → '12.35'. No unit. */
export function yuanToYi(yuan: string | number | bigint): string {
  return hundredthsToText(divRound(yuanToFen(yuan), FEN_PER_CENT_OF_YI));
}

/** 元 → '12.35亿元' (headline numbers). */
export function formatYi(yuan: string | number | bigint): string {
  return `${yuanToYi(yuan)}亿元`;
}

/**
 * A float rounded half away from zero to `decimals`, as text. The value is first cleaned to 12 significant
 * digits so binary noise (0.6345 × 1000 = 634.4999…) does not decide the rounding.
 */
function roundFloat(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—';
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  const rounded = Math.round(scaled); // scaled ≥ 0, so Math.round is half-up = away from zero
  if (rounded === 0) return (0).toFixed(decimals);
  const text = (rounded / factor).toFixed(decimals);
  return value < 0 ? `${MINUS}${text}` : text;
}

/** A fraction (0..1) as a percentage with one decimal: 0.6341 → '63.4%'. */
export function formatRate(fraction: number): string {
  const text = roundFloat(fraction * 100, 1);
  return text === '—' ? text : `${text}%`;
}

/** A fraction as a percentage number with one decimal (for chart values): 0.6341 → 63.4. */
export function rateToPercentNumber(fraction: number): number {
  return Number(roundFloat(fraction * 100, 1));
}

/** Percentage points, signed, one decimal, short form for tables and cards: 3.24 → '+3.2', -12.5 → '-12.5', 0 → '0.0'. */
/** How far a gap is, without its sign, in points to one decimal ("低于序时进度 12.3 个百分点"): "12.3". */
export function formatPointsDistance(points: number): string {
  return roundFloat(Math.abs(points), 1);
}

export function formatPointsShort(points: number): string {
  const text = roundFloat(points, 1);
  if (text === '—' || text.startsWith(MINUS) || Number(text) === 0) return text;
  return `+${text}`;
}

/** Percentage points in words: 3.24 → '+3.2个百分点', -12.5 → '-12.5个百分点'. */
export function formatPoints(points: number): string {
  return `${formatPointsShort(points)}个百分点`;
}

/** A percentage-point number with one decimal (for chart values): -12.46 → -12.5. */
export function pointsNumber(points: number): number {
  return Number(roundFloat(points, 1));
}

/** A date as YYYY-MM-DD. Strings already in that shape (from DuckDB) pass through; Dates use local fields. */
export function formatDate(date: string | Date): string {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!m) throw new Error(`不是有效的日期: ${date}`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }
  const y = date.getFullYear();
  const mo = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${mo}-${d}`;
}

/** A month number as its axis label: 9 → '9月'. */
export function formatMonth(month: number): string {
  return `${month}月`;
}

/** A count with thousands separators: 20000 → '20,000'. */
export function formatCount(n: number | string | bigint): string {
  return BigInt(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A plain number (already in its display unit, e.g. 万元 on a chart axis) with thousands separators and a fixed
 * number of decimals, rounded half away from zero: (12345.678, 2) → '12,345.68'; (-0.004, 2) → '0.00'.
 */
export function formatNumber(value: number, decimals = 2): string {
  const text = roundFloat(value, decimals);
  if (text === '—') return text;
  const negative = text.startsWith(MINUS);
  const [whole, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? MINUS : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** A percentage value (already ×100, e.g. on a chart axis) with a % sign: (63.44) → '63.4%', (50, 0) → '50%'. */
export function formatPercent(percent: number, decimals = 1): string {
  const text = formatNumber(percent, decimals);
  return text === '—' ? text : `${text}%`;
}

/** Whether an amount in 元 is missing (SQL NULL from an empty sum) or exactly zero. */
export function isZeroYuan(yuan: string | number | bigint | null | undefined): boolean {
  return yuan === null || yuan === undefined || yuanToFen(yuan) === 0n;
}

/** The county's time zone: the bureau reads China time, whatever zone the server runs in. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const CHINA_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A stored timestamp as China time, to the second: '2018-09-30 18:05:09.123456' → '2018-10-01 02:05:09'. The
 * database keeps timestamps in UTC (queries/db.ts sets its TimeZone), so a value without a zone is UTC; one with a
 * zone ('…Z', '…+08') is read in it. A bare date is shown as it is.
 */
export function formatDateTime(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value.trim());
  if (!m) return formatDate(value);
  const [, y, mo, d, h, mi, sec, , zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0));
  if (zone && zone !== 'Z') {
    const [, sign, zh, zm = '0'] = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    ms -= (sign === '-' ? -1 : 1) * (Number(zh) * 60 + Number(zm)) * 60_000;
  }
  const p = Object.fromEntries(CHINA_PARTS.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** The day in China of a stored (UTC) timestamp: '2018-09-30 18:05:09' → '2018-10-01'. */
export function formatDayOf(value: string): string {
  return formatDateTime(value).slice(0, 10);
}

/** Today's date in China as YYYY-MM-DD: what 逾期, deadlines and the weekly chart count from (not DuckDB's current_date, UTC). */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE }).format(now);
}
