import type { LevelRow } from '@/queries/overview';
import type { GapBand } from '@/lib/settings';
import { formatPointsShort, formatRate, isZeroYuan, yuanToWan } from '@/lib/format';
import { LEVEL_LABELS, LEVELS } from '../labels';
import { BandDot } from '../ui/BandChip';

/** The first column stays put while the table scrolls sideways on narrow screens. */
const STICKY = 'sticky left-0 z-10 bg-white py-2 pr-3 text-left font-medium whitespace-nowrap shadow-[1px_0_0_var(--color-slate-200)] lg:shadow-none';

const COLUMNS = ['指标总额(万元)', '已分配(万元)', '分配进度', '已支付(万元)', '支出进度', '超(短)序时进度(个百分点)', '超(短)序时金额(万元)'];

/** 级次 rows in fixed order (a level with no indicators shows zeros and dashes), then 合计. Presentational. */
export function LevelTable({ rows, bands }: { rows: LevelRow[]; bands: GapBand[] }) {
  const byLevel = new Map(rows.map((r) => [r.level, r]));
  const lines = [
    ...LEVELS.map((level) => ({ key: level, label: LEVEL_LABELS[level], row: byLevel.get(level) })),
    { key: 'total', label: '合计', row: byLevel.get(null) },
  ];
  return (
    <>
    <p className="mb-1 text-xs text-slate-400 lg:hidden">表格较宽，可左右滑动查看全部列</p>
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-500">
            <th scope="col" className={STICKY}>
              预算级次
            </th>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {lines.map(({ key, label, row }) => {
            const isTotal = key === 'total';
            const empty = !row || isZeroYuan(row.total);
            return (
              <tr
                key={key}
                data-testid={`level-row-${key}`}
                className={isTotal ? 'border-t-2 border-slate-300 font-semibold text-slate-900' : 'border-b border-slate-100 hover:bg-slate-50'}
              >
                <th scope="row" className={STICKY}>
                  {label}
                </th>
                <td className="px-3 py-2 text-right">{yuanToWan(empty ? '0' : row.total)}</td>
                <td className="px-3 py-2 text-right">{yuanToWan(empty ? '0' : row.allocated)}</td>
                <td className="px-3 py-2 text-right">{empty ? '—' : formatRate(row.alloc_rate)}</td>
                <td className="px-3 py-2 text-right">{yuanToWan(empty ? '0' : row.paid)}</td>
                <td className="px-3 py-2 text-right">{empty ? '—' : formatRate(row.spend_rate)}</td>
                <td className="px-3 py-2 text-right">
                  {empty ? (
                    '—'
                  ) : (
                    <span className="inline-flex items-center gap-2">
                      <BandDot points={row.gap_points} bands={bands} />
                      {formatPointsShort(row.gap_points)}
                    </span>
                  )}
                </td>
                <td className="py-2 pl-3 text-right">{empty ? '—' : yuanToWan(row.gap_amount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
    </>
  );
}
