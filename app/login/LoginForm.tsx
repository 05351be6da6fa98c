'use client';

import { useActionState } from 'react';
import { loginAction, type LoginState } from './actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(loginAction, {});
  const field = 'mt-1 block h-10 w-full rounded-md border border-slate-300 px-3 text-sm focus:border-navy-700 focus:outline-none';
  return (
    <form action={action} className="space-y-4" data-testid="login-form">
      <input type="hidden" name="next" value={next} />
      <label className="block text-sm text-slate-700">
        用户名
        <input name="username" autoComplete="username" defaultValue={state.username} required className={field} data-testid="login-username" />
      </label>
      <label className="block text-sm text-slate-700">
        密码
        <input name="password" type="password" autoComplete="current-password" required className={field} data-testid="login-password" />
      </label>
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="login-error">
          {state.error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="h-10 w-full rounded-md bg-navy-800 text-sm font-medium text-white hover:bg-navy-700 disabled:opacity-60"
      >
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
