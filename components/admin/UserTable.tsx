'use client';

import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';
import type { BindableUnit, UserRow } from '@/queries/auth/users';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';
import { BUTTON_PRIMARY, BUTTON_SECONDARY, FIELD, LABEL } from '../ui/form';
import { UnitSelect } from './UnitSelect';
import { FormMessage } from './FormMessage';
import { useFormAction } from './useFormAction';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
export interface UserActions {
  update: Action;
  setDisabled: Action;
  resetPassword: Action;
}

type Panel = 'edit' | 'password' | 'disable' | null;

export function userStatus(u: Pick<UserRow, 'disabled' | 'locked'>): '停用' | '锁定' | '正常' {
  return u.disabled ? '停用' : u.locked ? '锁定' : '正常';
}

const STATUS_LOOK = {
  正常: 'text-slate-600',
  停用: 'bg-slate-200 text-slate-600',
  锁定: 'bg-slate-800 text-white',
} as const;

/** Six columns from tablet width up; on a phone each account stacks into three short lines. */
const GRID = 'md:grid md:grid-cols-[minmax(7rem,1fr)_minmax(7rem,1fr)_minmax(9rem,1fr)_minmax(8rem,1.2fr)_minmax(8rem,1fr)_10rem] md:items-center md:gap-x-3';

/** The accounts, each with 修改 / 重置密码 / 停用·启用 opening a panel under it. */
export function UserTable({ users, units, selfId, actions }: { users: UserRow[]; units: BindableUnit[]; selfId: number; actions: UserActions }) {
  const [open, setOpen] = useState<{ username: string; panel: Panel }>({ username: '', panel: null });
  const toggle = (username: string, panel: Panel) =>
    setOpen((o) => (o.username === username && o.panel === panel ? { username: '', panel: null } : { username, panel }));
  return (
    <div className="text-sm" data-testid="users-table">
      <div className={`hidden border-b border-slate-200 py-2 text-xs font-medium text-slate-500 ${GRID}`} aria-hidden>
        <span>用户名</span>
        <span>姓名</span>
        <span>角色</span>
        <span>绑定单位</span>
        <span>状态</span>
        <span className="text-right">操作</span>
      </div>
      <ul>
        {users.map((u) => {
          const status = userStatus(u);
          const self = u.id === selfId;
          const panel = open.username === u.username ? open.panel : null;
          const button = (p: Panel, label: string, testId: string) => (
            <button
              type="button"
              onClick={() => toggle(u.username, p)}
              aria-expanded={panel === p}
              className={`h-7 rounded-md px-2 text-xs ${panel === p ? 'bg-navy-50 text-navy-800' : 'text-navy-700 hover:bg-slate-100'}`}
              data-testid={testId}
            >
              {label}
            </button>
          );
          return (
            <li key={u.id} className={`border-b border-slate-100 py-2 md:py-1.5 ${panel ? 'bg-slate-50' : 'hover:bg-slate-50'} ${GRID}`}
              data-testid="user-row" data-username={u.username}>
              <div className="flex items-baseline gap-2 md:contents">
                <span className="font-medium text-slate-900 md:font-normal">
                  {u.username}
                  {self && <span className="ml-1.5 text-xs font-normal text-slate-400">（本人）</span>}
                </span>
                <span className="text-slate-700">{u.display_name ?? '—'}</span>
              </div>
              <div className="mt-0.5 flex gap-2 text-slate-600 md:contents md:text-slate-800">
                <span>{ROLE_LABELS[u.role]}</span>
                <span>{u.unit_name ?? <span className="text-slate-400">—</span>}</span>
              </div>
              <div className="mt-1 flex items-center justify-between gap-2 md:contents">
                <span data-testid="user-status">
                  <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${STATUS_LOOK[status]}`}>{status}</span>
                  {u.failed_attempts > 0 && !u.disabled && (
                    <span className="ml-1.5 text-xs text-slate-400">密码连续错误 {u.failed_attempts} 次</span>
                  )}
                </span>
                <span className="text-right whitespace-nowrap">
                  {button('edit', '修改', 'user-edit')}
                  {button('password', '重置密码', 'user-reset')}
                  {!self && button('disable', u.disabled ? '启用' : '停用', 'user-toggle')}
                </span>
              </div>
              {panel && (
                <div className="mt-2 rounded-md border border-slate-200 bg-white px-3 py-3 md:col-span-6 md:mb-1.5" data-testid="user-panel">
                  {panel === 'edit' && <EditForm user={u} units={units} self={self} action={actions.update} />}
                  {panel === 'password' && <PasswordForm user={u} action={actions.resetPassword} />}
                  {panel === 'disable' && <DisableForm user={u} action={actions.setDisabled} />}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function EditForm({ user, units, self, action }: { user: UserRow; units: BindableUnit[]; self: boolean; action: Action }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  const [role, setRole] = useState<Role>(user.role);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" data-testid="user-edit-form">
      <input type="hidden" name="username" value={user.username} />
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <label className={LABEL}>
          姓名
          <input name="display_name" maxLength={40} defaultValue={user.display_name ?? ''} className={`${FIELD} w-36`} />
        </label>
        <label className={LABEL}>
          角色
          {self ? (
            <>
              <input type="hidden" name="role" value={role} />
              <select disabled value={role} onChange={() => {}} className={`${FIELD} w-44`} title="不能更改自己的管理员角色">
                <option value={role}>{ROLE_LABELS[role]}</option>
              </select>
            </>
          ) : (
            <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} className={`${FIELD} w-44`} data-testid="edit-role">
              {ROLES.map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </select>
          )}
        </label>
        <label className={LABEL}>
          绑定单位
          <UnitSelect role={role} units={units} defaultValue={user.unit_id} testId="edit-unit" />
        </label>
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="edit-submit">
          {pending ? '正在保存…' : '保存'}
        </button>
      </div>
      {self && <p className="text-xs text-slate-500">不能更改自己的管理员角色，以免系统无人管理。</p>}
      <FormMessage state={state} testId="user-edit-message" />
    </form>
  );
}

function PasswordForm({ user, action }: { user: UserRow; action: Action }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" data-testid="user-reset-form" autoComplete="off">
      <input type="hidden" name="username" value={user.username} />
      <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
        <label className={LABEL}>
          新密码
          <input name="password" required minLength={8} autoComplete="new-password" spellCheck={false}
            className={`${FIELD} w-44 font-mono`} data-testid="reset-password" />
        </label>
        <button type="submit" disabled={pending} className={BUTTON_PRIMARY} data-testid="reset-submit">
          {pending ? '正在重置…' : '重置密码'}
        </button>
      </div>
      <p className="text-xs text-slate-500">重置后该用户的登录会话立即结束，锁定同时解除；密码至少 8 位，须含字母和数字。</p>
      <FormMessage state={state} testId="user-reset-message" />
    </form>
  );
}

function DisableForm({ user, action }: { user: UserRow; action: Action }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(action);
  const disabling = !user.disabled;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-2" data-testid="user-toggle-form">
      <input type="hidden" name="username" value={user.username} />
      <input type="hidden" name="disabled" value={disabling ? '1' : '0'} />
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-slate-700">
          {disabling
            ? `停用后 ${user.username} 不能再登录，已登录的会话立即结束；账户和审计记录都保留，可随时启用。`
            : `启用后 ${user.username} 可以重新登录。`}
        </span>
        <button type="submit" disabled={pending} className={disabling ? BUTTON_SECONDARY : BUTTON_PRIMARY} data-testid="toggle-submit">
          {disabling ? '确认停用' : '确认启用'}
        </button>
      </div>
      <FormMessage state={state} testId="user-toggle-message" />
    </form>
  );
}
