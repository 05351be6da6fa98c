'use client';

import { useActionState } from 'react';
import { changePasswordAction, type ChangePasswordState } from './actions';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {});
  const field = 'mt-1 block h-10 w-full rounded-md border border-slate-300 px-3 text-sm focus:border-navy-700 focus:outline-none';
  return (
    <form action={action} className="space-y-4" data-testid="password-form">
      <label className="block text-sm text-slate-700">
        当前密码
        <input name="current" type="password" autoComplete="current-password" required className={field} data-testid="password-current" />
      </label>
      <label className="block text-sm text-slate-700">
        新密码（至少 8 位，同时包含字母和数字）
        <input name="next" type="password" autoComplete="new-password" required minLength={8} className={field} data-testid="password-next" />
      </label>
      <label className="block text-sm text-slate-700">
        再次输入新密码
        <input name="confirm" type="password" autoComplete="new-password" required minLength={8} className={field} data-testid="password-confirm" />
      </label>
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="password-error">{state.error}</p>
      )}
      {state.ok && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="password-ok">{state.ok}</p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="h-10 w-full rounded-md bg-navy-800 text-sm font-medium text-white hover:bg-navy-700 disabled:opacity-60"
        data-testid="password-submit"
      >
        {pending ? '正在保存…' : '修改密码'}
      </button>
    </form>
  );
}
