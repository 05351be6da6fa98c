'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverDb } from '@/queries/server-db';
import { sessionLimits } from '@/queries/auth/sessions';
import { login } from '@/lib/auth/login';
import { safeNext } from '@/lib/auth/next-path';
import { SESSION_COOKIE, clientIp, isHttps } from '@/lib/auth/server';

export interface LoginState {
  error?: string;
  username?: string;
}

export async function loginAction(_: LoginState, form: FormData): Promise<LoginState> {
  const username = String(form.get('username') ?? '');
  const password = String(form.get('password') ?? '');
  if (!username || !password) return { error: '请输入用户名和密码', username };
  const outcome = await login(await serverDb(), username, password, await clientIp());
  if (!outcome.ok) return { error: outcome.message, username };
  (await cookies()).set(SESSION_COOKIE, outcome.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    maxAge: sessionLimits().absolute * 60,
  });
  redirect(safeNext(form.get('next')));
}
