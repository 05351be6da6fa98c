import { formatRate } from '@/lib/format';

/** 合计核对 in words: the file's 合计 row against the rows read. */
export function reconciledText(v: boolean | null): string {
  return v === null ? '无合计行' : v ? '核对一致' : '核对不一致';
}

/** A match rate 'n / accepted' as a percentage, or '—' without accepted rows. */
export function matchRateText(matched: number | null | undefined, accepted: number): string {
  if (matched === null || matched === undefined || accepted === 0) return '—';
  return formatRate(matched / accepted);
}
