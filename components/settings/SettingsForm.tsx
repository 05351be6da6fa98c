'use client';

import type { Settings } from '@/lib/settings';
import { saveSettingsAction } from '@/app/(dashboard)/settings/actions';
import { useFormAction } from '@/components/admin/useFormAction';
import { FormMessage } from '@/components/admin/FormMessage';
import { BUTTON_PRIMARY, FIELD, LABEL } from '@/components/ui/form';

const BAND_FIELDS = [
  ['green', '绿色（达到序时）下限'],
  ['blue', '蓝色下限'],
  ['yellow', '黄色下限'],
  ['orange', '橙色下限（以下为红色）'],
] as const;

export function SettingsForm({ settings }: { settings: Settings }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(saveSettingsAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" data-testid="settings-form">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <label className={LABEL}>
          县名（页面与通报抬头）
          <input name="county_name" defaultValue={settings.countyName} required maxLength={30} className={FIELD} data-testid="settings-county" />
        </label>
        <label className={LABEL}>
          县代码（6 位行政区划代码，省级汇总 Parquet 用）
          <input name="county_code" defaultValue={settings.countyCode} pattern="[0-9]{6}" maxLength={6} className={FIELD} data-testid="settings-county-code" />
        </label>
        <label className={LABEL}>
          序时进度算法
          <select name="time_progress_mode" defaultValue={settings.timeProgressMode} className={FIELD} data-testid="settings-mode">
            <option value="month">按月：截止月份 ÷ 12（财政部口径）</option>
            <option value="day">按日：已过天数 ÷ 全年天数</option>
          </select>
        </label>
      </div>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">超(短)序时进度色带（单位：个百分点，依次递减）</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {BAND_FIELDS.map(([key, label]) => (
            <label key={key} className={LABEL}>
              {label}
              <input name={key} type="number" step="0.1" defaultValue={settings.thresholds[key]} required className={FIELD} data-testid={`settings-${key}`} />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="settings-save">
          {pending ? '正在保存…' : '保存设置'}
        </button>
        <FormMessage state={state} testId="settings-message" />
      </div>
    </form>
  );
}
