'use client';

import { useFormAction } from './useFormAction';
import { FormMessage } from './FormMessage';
import type { ActionState } from '@/lib/admin/form-action';
import { CALENDAR_KIND_LABELS } from '@/lib/calendar/working-days';
import type { EditedCalendarDay } from '@/queries/calendar';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL, ROW, TH } from '@/components/ui/form';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const weekday = (day: string) => WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()];

/** One day's 删除 button: its own form, so the message shows beside the row it removed. */
function RemoveDay({ day, remove }: { day: string; remove: Action }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(remove);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex items-center gap-2">
      <input type="hidden" name="day" value={day} />
      <button type="submit" disabled={pending} className={BUTTON_SECONDARY} data-testid={`calendar-remove-${day}`}>删除</button>
      <FormMessage state={state} />
    </form>
  );
}

/**
 * A year's calendar exceptions with a form to add a day (or change one already listed: same date, new kind or note)
 * and a 删除 button per day. The server checks every change again (lib/calendar/calendar-admin.ts).
 */
export function CalendarEditor({ year, days, actions }: { year: number; days: EditedCalendarDay[]; actions: { set: Action; remove: Action } }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(actions.set);
  return (
    <div className="space-y-4">
      <form action={dispatch} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" data-testid="calendar-add">
        <label className={LABEL}>
          日期
          <input type="date" name="day" required min={`${year}-01-01`} max={`${year}-12-31`} defaultValue={`${year}-01-01`} className={`${FIELD} w-40`} data-testid="calendar-day" />
        </label>
        <label className={LABEL}>
          类型
          <select name="kind" defaultValue="holiday" className={`${FIELD} w-32`} data-testid="calendar-kind">
            {(['holiday', 'workday'] as const).map((k) => <option key={k} value={k}>{CALENDAR_KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <label className={LABEL}>
          说明
          <input name="name" maxLength={30} placeholder="如：国庆节" className={`${FIELD} w-48`} data-testid="calendar-name" />
        </label>
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="calendar-submit">添加或修改</button>
        <FormMessage state={state} testId="calendar-message" />
      </form>
      {days.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="calendar-empty">该年尚无节假日与调休，全年按普通周历计</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" data-testid="calendar-table">
            <thead className="border-b border-slate-200 text-left text-slate-500">
              <tr><th className={TH}>日期</th><th className={TH}>星期</th><th className={TH}>类型</th><th className={TH}>说明</th><th className={TH}>修改人</th><th className={TH}></th></tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day} className={ROW} data-testid="calendar-row" data-day={d.day} data-kind={d.kind}>
                  <td className="px-3 py-1.5 tabular-nums whitespace-nowrap">{d.day}</td>
                  <td className="px-3 py-1.5">{weekday(d.day)}</td>
                  <td className="px-3 py-1.5">{CALENDAR_KIND_LABELS[d.kind]}</td>
                  <td className="px-3 py-1.5">{d.name ?? '—'}</td>
                  <td className="px-3 py-1.5 text-slate-500">{d.updated_by ? `${d.updated_by} ${d.updated_at?.slice(0, 16) ?? ''}` : '随系统提供'}</td>
                  <td className="px-3 py-1.5"><RemoveDay day={d.day} remove={actions.remove} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
