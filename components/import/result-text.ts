import { formatRate, formatYuan } from '@/lib/format';
import type { ImportResult } from '@/lib/import/types';

/** 合计核对 in words: the file's 合计 row against the rows read. */
export function reconciledText(v: boolean | null): string {
  return v === null ? '无合计行' : v ? '核对一致' : '核对不一致';
}

/** 小计核对 in words: each 小计 line against the rows of its section, naming the lines that differ. */
export function subtotalsText(r: Pick<ImportResult, 'subtotals_reconciled' | 'subtotal_mismatches'>): string {
  if (r.subtotals_reconciled === null) return '无小计行';
  if (r.subtotal_mismatches.length === 0) return '核对一致';
  const lines = r.subtotal_mismatches.map((m) =>
    `第 ${m.row} 行小计 ${m.stated === null ? '金额无法识别' : `${formatYuan(m.stated)} 元`}，该段逐行之和 ${formatYuan(m.rows_sum)} 元`);
  return `核对不一致：${lines.join('；')}`;
}

/** A match rate 'n / accepted' as a percentage, or '—' without accepted rows. */
export function matchRateText(matched: number | null | undefined, accepted: number): string {
  if (matched === null || matched === undefined || accepted === 0) return '—';
  return formatRate(matched / accepted);
}
