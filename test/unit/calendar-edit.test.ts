import { describe, expect, it } from 'vitest';
import { adminRemoveCalendarDay, adminSetCalendarDay } from '@/lib/calendar/calendar-admin';
import { calendarYear, loadCalendar } from '@/queries/calendar';
import { takeStep } from '@/queries/warnings/step';
import { useFixtureDb } from '../helpers/fixture';
import { testViewer } from '../helpers/viewer';

// Four new warnings to send, each after another edit of the calendar (docs/workflow.md).
const FIXTURE = `
INSERT INTO units (id, kind, name) VALUES (101, 'town', '甲镇');
INSERT INTO warnings (id, rule_id, key, subject_type, subject_id, unit_id, amount, severity, status)
SELECT i, 'BAD_MEMO', 'BAD_MEMO:payment:P' || i, 'payment', 'P' || i, 101, 100.00, 'blue', 'new' FROM range(1, 5) t(i);
`;

const admin = testViewer('admin', 'admin', null);
const supervisor = testViewer('jiandu', 'supervisor', null);

describe('editing the calendar (lib/calendar/calendar-admin.ts)', () => {
  const ctx = useFixtureDb(FIXTURE);

  /** 下发核实 on Wednesday 2018-06-06 with 3 working days to answer, on the calendar as it is now. */
  const sendOnJune6 = async (id: number) => {
    const r = await takeStep(ctx.db, id, 'send', supervisor, { comment: '', unitId: 101 }, null, '2018-06-06');
    return r.ok ? r.deadline : r.error;
  };

  it('a deadline computed after an edit counts on the edited calendar at once', async () => {
    // Thu 06-07, Fri 06-08, Mon 06-11 (the shipped calendar has nothing in that week).
    expect(await sendOnJune6(1)).toBe('2018-06-11');
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-06-08', kind: 'holiday', name: '测试假日' }, '10.0.0.9'))
      .toEqual({ ok: true, message: '已将 2018-06-08 设为放假（测试假日）' });
    // Friday made a holiday pushes it one working day: Thu 07, Mon 11, Tue 12.
    expect(await sendOnJune6(2)).toBe('2018-06-12');
    // Saturday 06-09 made a 调休 working day: Thu 07, Sat 09, Mon 11.
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-06-09', kind: 'workday', name: '' }, null)).toMatchObject({ ok: true });
    expect(await sendOnJune6(3)).toBe('2018-06-11');
    // Both removed: the plain week again.
    expect(await adminRemoveCalendarDay(ctx.db, admin, '2018-06-08', null)).toEqual({ ok: true, message: '已删除 2018-06-08（放假），该日按普通周历计' });
    expect(await adminRemoveCalendarDay(ctx.db, admin, '2018-06-09', null)).toMatchObject({ ok: true });
    expect(await sendOnJune6(4)).toBe('2018-06-11');
  });

  it('audits every change with who, the day and what it was', async () => {
    const rows = await ctx.db.all<{ actor: string; action: string; target: string; detail: string; ip: string | null }>(
      "SELECT actor, action, target, detail, ip FROM audit_log WHERE action LIKE 'calendar_%' ORDER BY id");
    expect(rows.map((r) => [r.actor, r.action, r.target])).toEqual([
      ['admin', 'calendar_day_set', 'calendar:2018-06-08'],
      ['admin', 'calendar_day_set', 'calendar:2018-06-09'],
      ['admin', 'calendar_day_remove', 'calendar:2018-06-08'],
      ['admin', 'calendar_day_remove', 'calendar:2018-06-09'],
    ]);
    expect(rows[0].ip).toBe('10.0.0.9');
    expect(JSON.parse(rows[2].detail)).toEqual({ day: '2018-06-08', kind: 'holiday', name: '测试假日' });
  });

  it('changes a listed day in place, and the page lists the year with who set each day', async () => {
    // 2018-10-01 is shipped as 国庆节; the admin renames it.
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-10-01', kind: 'holiday', name: '国庆' }, null)).toMatchObject({ ok: true });
    const year = await calendarYear(ctx.db, 2018);
    // 36 shipped days of 2018 (test/unit/working-days.test.ts), none added or removed in the end.
    expect(year).toHaveLength(36);
    expect(year.find((d) => d.day === '2018-10-01')).toMatchObject({ kind: 'holiday', name: '国庆', updated_by: 'admin' });
    expect(year.find((d) => d.day === '2018-10-02')).toMatchObject({ name: '国庆节', updated_by: null });
  });

  it('refuses anyone but the admin, dates outside 2000–2100, an unknown kind and a 调休 on a weekday', async () => {
    expect(await adminSetCalendarDay(ctx.db, supervisor, { day: '2018-06-08', kind: 'holiday', name: '' }, null)).toEqual({ ok: false, error: '无权操作' });
    expect(await adminSetCalendarDay(ctx.db, null, { day: '2018-06-08', kind: 'holiday', name: '' }, null)).toEqual({ ok: false, error: '无权操作' });
    const badDay = { ok: false, error: '请填写 2000 至 2100 年间的有效日期（YYYY-MM-DD）' };
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '1999-10-01', kind: 'holiday', name: '' }, null)).toEqual(badDay);
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2101-01-01', kind: 'holiday', name: '' }, null)).toEqual(badDay);
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-02-30', kind: 'holiday', name: '' }, null)).toEqual(badDay);
    expect(await adminRemoveCalendarDay(ctx.db, admin, "2018-06-08' OR 1=1", null)).toEqual(badDay);
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-06-08', kind: 'rest', name: '' }, null)).toEqual({ ok: false, error: '请选择放假或调休上班' });
    // Thursday 2018-06-07 is a working day already.
    expect(await adminSetCalendarDay(ctx.db, admin, { day: '2018-06-07', kind: 'workday', name: '' }, null))
      .toEqual({ ok: false, error: '2018-06-07 是工作日，调休上班日应是周六或周日' });
    expect(await adminRemoveCalendarDay(ctx.db, admin, '2018-06-07', null)).toEqual({ ok: false, error: '2018-06-07 不在节假日与调休表中' });
  });

  it('a year the admin edited never gets the shipped days back, even with every day removed', async () => {
    // 2017 ships 33 days; the admin removes one, then (as if removing the rest one by one) the others go.
    expect(await adminRemoveCalendarDay(ctx.db, admin, '2017-01-02', null)).toMatchObject({ ok: true });
    await ctx.db.run('DELETE FROM calendar_days WHERE year(day) = 2017');
    await loadCalendar(ctx.db);
    expect(await calendarYear(ctx.db, 2017)).toEqual([]);
  });
});
