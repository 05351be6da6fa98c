'use server';

import { revalidatePath } from 'next/cache';
import { clientIp, getViewer } from '@/lib/auth/server';
import { adminSaveSettings } from '@/lib/settings-admin';
import { serverDb } from '@/queries/server-db';
import type { ActionState } from '@/app/(dashboard)/admin/users/actions';

const num = (form: FormData, key: string) => Number(String(form.get(key) ?? '').trim() || NaN);

/** Reads the viewer afresh from the session; adminSaveSettings re-checks the role, validates and audits. */
export async function saveSettingsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const result = await adminSaveSettings(await serverDb(), await getViewer(), {
    countyName: String(form.get('county_name') ?? ''),
    countyCode: String(form.get('county_code') ?? ''),
    timeProgressMode: String(form.get('time_progress_mode') ?? ''),
    thresholds: { green: num(form, 'green'), blue: num(form, 'blue'), yellow: num(form, 'yellow'), orange: num(form, 'orange') },
  }, await clientIp());
  if (!result.ok) return { error: result.error, at: Date.now() };
  revalidatePath('/', 'layout');
  return { ok: result.message, at: Date.now() };
}
