import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SCHEDULE, isBackupDue, lastSlot, parseSchedule, scheduleProblem } from '@/lib/backup/schedule';

const on = { ...DEFAULT_BACKUP_SCHEDULE, enabled: true, hour: 2 };
// China time is UTC + 8 h: 02:00 in China on 1 March is 18:00 UTC on 28 February.
const utc = (s: string) => new Date(`${s}Z`);

describe('the nightly backup: is one due?', () => {
  it('the latest slot is today\'s hour in China once it has come, else yesterday\'s', () => {
    // 2018-03-01 02:30 China = 2018-02-28 18:30 UTC: today's 02:00 China has passed.
    expect(lastSlot(utc('2018-02-28T18:30:00'), 2).toISOString()).toBe('2018-02-28T18:00:00.000Z');
    // 2018-03-01 01:59 China = 2018-02-28 17:59 UTC: still yesterday's 02:00 China (2018-02-27 18:00 UTC).
    expect(lastSlot(utc('2018-02-28T17:59:00'), 2).toISOString()).toBe('2018-02-27T18:00:00.000Z');
    // Exactly at the hour counts as come.
    expect(lastSlot(utc('2018-02-28T18:00:00'), 2).toISOString()).toBe('2018-02-28T18:00:00.000Z');
    // 23:00 China on 1 March is 15:00 UTC the same day; at 16:00 UTC (00:00 China, 2 March) the latest is still it.
    expect(lastSlot(utc('2018-03-01T16:00:00'), 23).toISOString()).toBe('2018-03-01T15:00:00.000Z');
  });

  it('is due when no nightly backup ever ran, and never while switched off', () => {
    expect(isBackupDue(on, utc('2018-02-28T18:30:00'), null)).toBe(true);
    expect(isBackupDue({ ...on, enabled: false }, utc('2018-02-28T18:30:00'), null)).toBe(false);
  });

  it('is not due again on the night it ran, and due at the next night\'s hour', () => {
    const ranAt = utc('2018-02-28T18:00:05'); // 02:00:05 China, 1 March
    expect(isBackupDue(on, utc('2018-02-28T23:00:00'), ranAt)).toBe(false); // 07:00 China, 1 March
    expect(isBackupDue(on, utc('2018-03-01T17:59:59'), ranAt)).toBe(false); // 01:59:59 China, 2 March
    expect(isBackupDue(on, utc('2018-03-01T18:00:00'), ranAt)).toBe(true); // 02:00 China, 2 March
  });

  it('makes up a missed night at the next check (the server\'s start), once, however many nights were missed', () => {
    const ranAt = utc('2018-02-25T18:00:10'); // 26 Feb China; the server was down 27 Feb – 1 Mar
    const start = utc('2018-03-01T01:00:00'); // 09:00 China, 1 March: that night's 02:00 was missed
    expect(isBackupDue(on, start, ranAt)).toBe(true);
    // The make-up run at 09:00 counts for the 1 March slot: not due again until 02:00 on 2 March.
    expect(isBackupDue(on, utc('2018-03-01T12:00:00'), start)).toBe(false);
  });

  it('a run made in the evening before the hour (server started at 20:00) still leaves that night\'s run due', () => {
    const ranAt = utc('2018-02-28T12:00:00'); // 20:00 China, 28 Feb, made up for 28 Feb's 02:00
    expect(isBackupDue(on, utc('2018-02-28T18:00:00'), ranAt)).toBe(true); // 02:00 China, 1 March
  });

  it('reads a stored schedule, and a broken one as off with the defaults', () => {
    expect(parseSchedule(JSON.stringify({ enabled: true, hour: 3, folder: '/srv/bak', keep: 14 }))).toEqual({ enabled: true, hour: 3, folder: '/srv/bak', keep: 14 });
    expect(parseSchedule(undefined)).toEqual(DEFAULT_BACKUP_SCHEDULE);
    expect(parseSchedule('{oops')).toEqual(DEFAULT_BACKUP_SCHEDULE);
    expect(parseSchedule(JSON.stringify({ enabled: true, hour: 24, folder: 'b', keep: 7 }))).toEqual(DEFAULT_BACKUP_SCHEDULE);
    expect(scheduleProblem({ ...on, keep: 0 })).toMatch(/保留份数/);
    expect(scheduleProblem({ ...on, folder: ' ' })).toMatch(/备份目录/);
  });
});
