import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { first, type SearchParams } from '@/lib/url-params';
import { formatCount } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { calendarYear } from '@/queries/calendar';
import { todayInChina } from '@/lib/format';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { CalendarEditor } from '@/components/admin/CalendarEditor';
import { removeCalendarDayAction, setCalendarDayAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '节假日与调休' };

/** The years the product knows (lib/url-params.ts parseIsoDate). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * 节假日与调休 (admin only; anyone else gets 404): a year's public holidays and 调休 working days, which reply deadlines
 * count on (docs/workflow.md); add, change or remove a day, each audited.
 */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission(permissions.manageCalendar);
  const asked = Number(first((await searchParams).year));
  const year = Number.isInteger(asked) && asked >= FIRST_YEAR && asked <= LAST_YEAR ? asked : Number(todayInChina().slice(0, 4));
  const days = await calendarYear(await serverDb(), year);
  const yearLink = (y: number) => (y >= FIRST_YEAR && y <= LAST_YEAR ? (
    <Link href={`/admin/calendar?year=${y}`} className="rounded-md px-3 py-1.5 text-navy-700 hover:bg-slate-100" data-testid={`calendar-year-${y}`}>{y}年</Link>
  ) : null);
  return (
    <div className="mx-auto max-w-[1200px] space-y-3">
      <PageTitle title="节假日与调休" summary="答复期限按工作日计算：周一至周五，除去法定节假日，加上调休上班的周末 · 每次变更都记入审计日志" />
      <nav className="flex items-center gap-1 text-sm" aria-label="年度">
        {yearLink(year - 1)}
        <span className="rounded-md bg-navy-800 px-3 py-1.5 text-white" aria-current="page">{year}年</span>
        {yearLink(year + 1)}
      </nav>
      <Card title={`${year}年（${formatCount(days.length)} 天）`} aside="未列出的日期按普通周历：周六、周日休息" testId="calendar">
        <CalendarEditor year={year} days={days} actions={{ set: setCalendarDayAction, remove: removeCalendarDayAction }} />
      </Card>
    </div>
  );
}
