import { formatRate } from '@/lib/format';
import type { ImportResult } from '@/lib/import/types';

/** 合计核对 in words: the file's 合计 row against the rows read. */
export function reconciledText(v: boolean | null): string {
  return v === null ? '无合计行' : v ? '核对一致' : '核对不一致';
}

/** A match rate 'n / accepted' as a percentage, or '—' without accepted rows. */
export function matchRateText(matched: number | null | undefined, accepted: number): string {
  if (matched === null || matched === undefined || accepted === 0) return '—';
  return formatRate(matched / accepted);
}

/** 合计行 = every row read that was neither imported, rejected nor a duplicate (小计/合计). */
export function checkSum(r: Pick<ImportResult, 'rows_read' | 'accepted' | 'rejected' | 'duplicates' | 'subtotal_rows_skipped'>): boolean {
  return r.rows_read === r.accepted + r.rejected + r.duplicates + r.subtotal_rows_skipped;
}
