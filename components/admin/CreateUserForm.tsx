'use client';

import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import type { BindableUnit } from '@/queries/auth/users';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '../ui/form';
import { UnitSelect } from './UnitSelect';
import { FormMessage } from './FormMessage';
import { useFormAction } from './useFormAction';

/** A readable random password (letters and digits, at least one of each) for the 生成 button. */
function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  return `${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}a7`;
}

/** 新建用户: one dense row of fields; the server validates everything again (lib/auth/user-admin.ts). */
export function CreateUserForm({
  units, action,
}: { units: BindableUnit[]; action: (state: ActionState, form: FormData) => Promise<ActionState> }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-3" data-testid="user-create-form" autoComplete="off">
      {/* After a success the fields start empty again: their key changes with the result. */}
      <Fields key={state.ok ? String(state.at) : 'fields'} units={units} pending={pending} />
      <p className="text-xs leading-5 text-slate-500">
        股室、部门、镇(中心)角色须绑定一个对应单位，只能查看该单位的数据；信息中心、局领导、监督检查室不绑定单位。
        密码至少 8 位，须同时含字母和数字，请当面或电话告知本人。
      </p>
      <FormMessage state={state} testId="user-create-message" />
    </form>
  );
}

function Fields({ units, pending }: { units: BindableUnit[]; pending: boolean }) {
  const [role, setRole] = useState<Role | ''>('');
  const [password, setPassword] = useState('');
  return (
    <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
      <label className={LABEL}>
        用户名
        <input name="username" required pattern="[A-Za-z0-9_.\-]{2,32}" title="2–32 位字母、数字、下划线、点或连字符"
          className={`${FIELD} w-36`} data-testid="new-username" />
      </label>
      <label className={LABEL}>
        姓名
        <input name="display_name" maxLength={40} className={`${FIELD} w-36`} data-testid="new-display-name" />
      </label>
      <label className={LABEL}>
        角色
        <select name="role" required value={role} onChange={(e) => setRole(e.target.value as Role | '')}
          className={`${FIELD} w-44`} data-testid="new-role">
          <option value="" disabled>选择角色</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
      </label>
      <label className={LABEL}>
        绑定单位
        <UnitSelect role={role} units={units} testId="new-unit" />
      </label>
      <label className={LABEL}>
        初始密码
        <span className="flex gap-1.5">
          <input name="password" required minLength={8} value={password} onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password" spellCheck={false} className={`${FIELD} w-40 font-mono`} data-testid="new-password" />
          <button type="button" className={BUTTON_SECONDARY} onClick={() => setPassword(generatePassword())}>
            生成
          </button>
        </span>
      </label>
      <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="new-submit">
        {pending ? '正在创建…' : '创建用户'}
      </button>
    </div>
  );
}
