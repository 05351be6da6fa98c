'use server';

import { getViewer } from '@/lib/auth/server';
import { runAdminAction, type ActionState } from '@/lib/admin/form-action';
import { adminAddAlias, adminMergeUnits, adminRemoveAlias, adminRenameUnit, adminSetParent } from '@/lib/units/unit-admin';
import { parseId } from '@/lib/url-params';

/**
 * 单位管理 server actions. Each reads the viewer afresh from its session, and lib/units/unit-admin.ts re-checks the
 * admin role, validates and audits.
 */

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const idOf = (form: FormData, key: string) => parseId(text(form, key)) ?? null;
const run = (work: Parameters<typeof runAdminAction>[1]) => runAdminAction('/admin/units', work);

export async function renameUnitAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminRenameUnit(db, actor, idOf(form, 'id'), text(form, 'name'), ip));
}

export async function setParentAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminSetParent(db, actor, idOf(form, 'id'), idOf(form, 'parent_id'), ip));
}

export async function addAliasAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminAddAlias(db, actor, idOf(form, 'id'), text(form, 'alias'), ip));
}

export async function removeAliasAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminRemoveAlias(db, actor, idOf(form, 'id'), text(form, 'alias'), ip));
}

export async function mergeUnitsAction(_: ActionState, form: FormData): Promise<ActionState> {
  const actor = await getViewer();
  return run(({ db, ip }) => adminMergeUnits(db, actor, idOf(form, 'id'), idOf(form, 'into_id'), ip));
}
