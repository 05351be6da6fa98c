import Link from 'next/link';

/** Shown when the chosen year has no indicators at all: why, and what to do. */
export function EmptyState({ year, years }: { year: number; years: number[] }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center" data-testid="empty-state">
      <h2 className="text-base font-semibold text-slate-900">{year}年度尚无数据</h2>
      <p className="mx-auto mt-2 max-w-xl text-sm leading-6 text-slate-600">
        系统中还没有{year}年度的指标。请先在「数据导入」中依次导入该年度的指标、分配下达和支付明细，导入后本页即按截止日期计算支出进度与序时进度。
      </p>
      {years.length > 0 ? (
        <p className="mt-4 text-sm text-slate-600">
          已有数据的年度：
          {years.map((y) => (
            <Link key={y} href={`/?year=${y}`} className="mx-1 text-navy-700 underline underline-offset-2 hover:text-navy-900">
              {y}年度
            </Link>
          ))}
        </p>
      ) : (
        <p className="mt-4 text-xs text-slate-500">
          试用时可运行 <code className="rounded bg-slate-100 px-1.5 py-0.5">npx fund-monitor demo</code> 生成演示数据。
        </p>
      )}
    </div>
  );
}
