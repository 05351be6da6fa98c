/**
 * 环比 (docs/navigation.md): a view line's 支出进度 now against the same line at the previous month-end — the last day
 * of the month before the 截止日期's month (2018-06-15 and 2018-06-30 both compare with 2018-05-31).
 */
export function previousMonthEnd(asOf: string): string {
  const [y, m] = asOf.split('-').map(Number);
  // Day 0 of month m (1-based) in Date.UTC's 0-based months is the last day of month m − 1.
  return new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}
