import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '@/queries/db';
import { calendarDays } from '@/queries/calendar';
import { addWorkingDays, calendarSpan, isWorkingDay } from '@/lib/calendar/working-days';
import { tempDb } from '../helpers/temp-db';

describe('working days on the shipped calendar (data/calendar/cn-holidays.csv)', () => {
  let db: Db;
  let file: string;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ db, file, cleanup } = await tempDb());
  });
  afterAll(() => cleanup());

  const deadline = async (start: string, n: number) => addWorkingDays(start, n, await calendarDays(db, ...calendarSpan(start, n)));

  it('a new database holds the shipped years: 2017 and 2018', async () => {
    const rows = await db.all<{ y: number; n: number }>('SELECT year(day)::INTEGER AS y, count(*)::INTEGER AS n FROM calendar_days GROUP BY 1 ORDER BY 1');
    // 2017: 33 lines of the file (元旦 2, 春节 7 + 2 调休, 清明 3 + 1, 劳动节 3, 端午 3 + 1, 国庆中秋 8 + 1, 元旦 2018's 12-30/31);
    // 2018: 36 (元旦 1, 春节 7 + 2, 清明 3 + 1, 劳动节 3 + 1, 端午 3, 中秋 3, 国庆 7 + 2, 元旦 2019's 12-29 调休, 12-30/31).
    expect(rows).toEqual([{ y: 2017, n: 33 }, { y: 2018, n: 36 }]);
  });

  it('counts three working days past weekends, holidays and 调休', async () => {
    // Friday 2018-06-08: Mon 11, Tue 12, Wed 13.
    expect(await deadline('2018-06-08', 3)).toBe('2018-06-13');
    // Friday 2018-09-28, the eve of 国庆: Sat 29 and Sun 30 are 调休 working days (1, 2), 10-01..07 are holidays,
    // Monday 10-08 is the third.
    expect(await deadline('2018-09-28', 3)).toBe('2018-10-08');
    // Wednesday 2018-02-14, the eve of 春节 (02-15..21): Thu 22, Fri 23, and Saturday 24, a 调休 working day.
    expect(await deadline('2018-02-14', 3)).toBe('2018-02-24');
    // Wednesday 2018-06-13 with 端午 on Monday 06-18: Thu 14, Fri 15, Tue 19.
    expect(await deadline('2018-06-13', 3)).toBe('2018-06-19');
    expect(await deadline('2018-06-13', 0)).toBe('2018-06-13');
  });

  it('a plain week outside the calendar: Saturday and Sunday rest', () => {
    const none = new Map<string, 'holiday' | 'workday'>();
    expect(['2026-12-05', '2026-12-06', '2026-12-07'].map((d) => isWorkingDay(d, none))).toEqual([false, false, true]);
    expect(() => addWorkingDays('2026-12-03', -1, [])).toThrow();
  });

  it('keeps an admin\'s edit of a year: the shipped rows do not come back on the next start', async () => {
    await db.run("DELETE FROM calendar_days WHERE day = '2018-06-18'");
    db.close();
    db = await Db.open(file);
    expect(await db.one("SELECT count(*)::INTEGER AS n FROM calendar_days WHERE day = '2018-06-18'")).toEqual({ n: 0 });
    // Without 端午 on Monday 06-18, the third working day after Wednesday 06-13 is that Monday.
    expect(await deadline('2018-06-13', 3)).toBe('2018-06-18');
  });
});
