import Link from 'next/link';
import { IDLE_DAYS, viewFilterParams, type ViewFilter } from '@/lib/views/filter';
import { idleDaysLabel } from '@/components/labels';

/**
 * The 滞留资金 thresholds as links (docs/stalled-and-velocity.md), the one in force marked: 30 days when none is chosen,
 * since a balance idle less than that is not stalled.
 */
export function IdleDaysLinks({ filter }: { filter: ViewFilter }) {
  const current = filter.idleDays ?? IDLE_DAYS[0];
  return (
    <nav className="flex items-center gap-1.5 text-sm" aria-label="滞留天数" data-testid="idle-days">
      <span className="text-slate-500">滞留</span>
      {IDLE_DAYS.map((days) => (
        <Link
          key={days}
          href={`?${viewFilterParams({ ...filter, idleDays: days }).toString()}`}
          aria-current={days === current ? 'true' : undefined}
          className={`rounded px-2 py-0.5 ${days === current ? 'bg-navy-700 text-white' : 'text-navy-700 hover:bg-slate-100'}`}
        >
          {idleDaysLabel(days)}
        </Link>
      ))}
    </nav>
  );
}
