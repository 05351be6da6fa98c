'use server';

import { revalidatePath } from 'next/cache';
import { clientIp, getViewer } from '@/lib/auth/server';
import { createOwnApiToken, revokeOwnApiToken, type TokenResult } from '@/lib/auth/api-tokens';
import type { ActionState } from '@/lib/admin/form-action';
import { serverDb } from '@/queries/server-db';

/** A token form's answer; a new token's secret travels back once, in this answer only. */
export type TokenActionState = ActionState & { secret?: string };

const PATH = '/account/tokens';

async function answer(result: TokenResult): Promise<TokenActionState> {
  if (!result.ok) return { error: result.error, at: Date.now() };
  revalidatePath(PATH);
  return { ok: result.message, secret: result.secret, at: Date.now() };
}

/** API 令牌 server actions: each reads the viewer afresh; lib/auth/api-tokens.ts checks, validates and audits. */
export async function createTokenAction(_: TokenActionState, form: FormData): Promise<TokenActionState> {
  const viewer = await getViewer();
  return answer(await createOwnApiToken(await serverDb(), viewer, {
    name: String(form.get('name') ?? ''), expiresOn: String(form.get('expires_on') ?? '') || null,
  }, await clientIp()));
}

export async function revokeTokenAction(_: TokenActionState, form: FormData): Promise<TokenActionState> {
  const viewer = await getViewer();
  return answer(await revokeOwnApiToken(await serverDb(), viewer, Number(form.get('id')), await clientIp()));
}
