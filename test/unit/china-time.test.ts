import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDayOf, todayInChina } from '@/lib/format';
import { listAudit } from '@/queries/auth/audit';
import { tempDb } from '../helpers/temp-db';

describe('China time (lib/format.ts)', () => {
  it('a stored UTC timestamp is shown in China time, across midnight', () => {
    // 16:05 UTC + 8 h = 00:05 the next day in China; the month and the year turn over too.
    expect(formatDateTime('2018-09-30 16:05:09.123456')).toBe('2018-10-01 00:05:09');
    expect(formatDateTime('2018-12-31 23:59:59')).toBe('2019-01-01 07:59:59');
    // 15:59:59 UTC is still 23:59:59 the same day in China.
    expect(formatDateTime('2018-09-30 15:59:59')).toBe('2018-09-30 23:59:59');
    expect(formatDateTime('2018-09-30T14:05:09Z')).toBe('2018-09-30 22:05:09');
    // A value with its own zone is read in it: 08:00 at +08 is 08:00 in China.
    expect(formatDateTime('2018-09-30 08:00:00+08')).toBe('2018-09-30 08:00:00');
    // strftime's minutes (资金别名's created_at) and a bare date.
    expect(formatDateTime('2018-09-30 20:30')).toBe('2018-10-01 04:30:00');
    expect(formatDateTime('2018-09-30')).toBe('2018-09-30');
    expect(formatDayOf('2018-09-30 16:00:00')).toBe('2018-10-01');
  });

  it("today is China's: 20:00 UTC is already the next day", () => {
    expect(todayInChina(new Date('2018-06-04T20:00:00Z'))).toBe('2018-06-05');
    expect(todayInChina(new Date('2018-06-04T15:59:59Z'))).toBe('2018-06-04');
  });
});

describe("the audit log's date filter takes China's days", () => {
  it('an entry at 17:00 UTC on 06-04 belongs to 06-05 in China; one at 15:59 UTC to 06-04', async () => {
    const { db, cleanup } = await tempDb();
    try {
      await db.run(`INSERT INTO audit_log (id, actor, action, happened_at) VALUES
        (nextval('audit_seq'), 'a', 'late', '2018-06-04 17:00:00'), (nextval('audit_seq'), 'a', 'early', '2018-06-04 15:59:00')`);
      const on = async (day: string) => (await listAudit(db, { from: day, to: day })).map((r) => r.action);
      expect(await on('2018-06-05')).toEqual(['late']);
      expect(await on('2018-06-04')).toEqual(['early']);
      // What the database keeps is UTC: the server's zone does not shift it (queries/db.ts sets TimeZone).
      const [{ tz }] = await db.all<{ tz: string }>("SELECT current_setting('TimeZone') AS tz");
      expect(tz).toBe('UTC');
    } finally {
      cleanup();
    }
  });
});
