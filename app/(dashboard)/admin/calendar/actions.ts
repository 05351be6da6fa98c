'use server';

import { getViewer } from '@/lib/auth/server';
import { runAdminAction, type ActionState } from '@/lib/admin/form-action';
import { adminRemoveCalendarDay, adminSetCalendarDay } from '@/lib/calendar/calendar-admin';

/** 节假日与调休 server actions: each reads the viewer afresh; lib/calendar/calendar-admin.ts checks, validates and audits. */

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const run = (work: Parameters<typeof runAdminAction>[1]) => runAdminAction('/admin/calendar', work);

export async function setCalendarDayAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminSetCalendarDay(db, actor, { day: text(form, 'day'), kind: text(form, 'kind'), name: text(form, 'name') }, ip));
}

export async function removeCalendarDayAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminRemoveCalendarDay(db, actor, text(form, 'day'), ip));
}
