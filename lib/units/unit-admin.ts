import type { Db } from '@/queries/db';
import { auditOn } from '@/queries/auth/audit';
import {
  addAliasOn, countReferencesOn, findUnit, mergeOn, nameClash, removeAliasOn, renameOn, setParentOn, usersOfOtherKind,
  type StoredUnit,
} from '@/queries/units';
import type { AdminResult } from '@/lib/auth/user-admin';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';

/**
 * 单位管理 (docs/units.md): every change re-checks that the actor is an admin, validates on the server, and is written
 * together with its audit record in one transaction.
 */

const fail = (error: string): AdminResult => ({ ok: false, error });
const done = (message: string): AdminResult => ({ ok: true, message });
const MAX_NAME = 60;

export const KIND_LABELS = { department: '部门', town: '镇(中心)', village: '村' } as const;

function denied(actor: Viewer | null): actor is null {
  return !actor || !permissions.manageUnits(actor);
}

function nameProblem(name: string): string | null {
  if (!name) return '请填写名称';
  return name.length > MAX_NAME ? `名称不超过 ${MAX_NAME} 个字` : null;
}

async function load(db: Db, id: number | null): Promise<StoredUnit | AdminResult> {
  const unit = id === null ? undefined : await findUnit(db, id);
  return unit ?? fail('单位不存在');
}
const isUnit = (u: StoredUnit | AdminResult): u is StoredUnit => 'kind' in u;

export async function adminRenameUnit(db: Db, actor: Viewer | null, id: number | null, name: string, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const unit = await load(db, id);
  if (!isUnit(unit)) return unit;
  const problem = nameProblem(name);
  if (problem) return fail(problem);
  if (name === unit.name) return done('名称没有变化');
  const clash = await nameClash(db, unit, name);
  if (clash) return fail(`名称“${name}”${clash}`);
  await db.transaction(async (conn) => {
    await renameOn(conn, unit, name, actor.username);
    await auditOn(conn, { actor: actor.username, action: 'unit_rename', target: name, detail: { unit_no: unit.id, name: { from: unit.name, to: name } }, ip });
  });
  return done(`已将“${unit.name}”改名为“${name}”，原名保留为别名`);
}

/** A department may belong to a town or to none; a village must lie in a town; a town belongs to nothing. */
export async function adminSetParent(db: Db, actor: Viewer | null, id: number | null, parentId: number | null, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const unit = await load(db, id);
  if (!isUnit(unit)) return unit;
  if (unit.kind === 'town') return fail('镇(中心)不属于其他单位');
  if (parentId === unit.parent_id) return done('所属镇没有变化');
  const parent = parentId === null ? null : await findUnit(db, parentId);
  if (parentId !== null && parent?.kind !== 'town') return fail('所属单位须是一个镇(中心)');
  if (parentId === null && unit.kind === 'village') return fail('村须属于一个镇(中心)');
  if (unit.kind === 'village') {
    const clash = await nameClash(db, unit, unit.name, parentId);
    if (clash) return fail(`${parent!.name}${clash}`);
  }
  const before = unit.parent_id === null ? null : (await findUnit(db, unit.parent_id))?.name ?? null;
  await db.transaction(async (conn) => {
    await setParentOn(conn, unit.id, parentId);
    await auditOn(conn, { actor: actor.username, action: 'unit_parent', target: unit.name, detail: { unit_no: unit.id, parent: { from: before, to: parent?.name ?? null } }, ip });
  });
  return done(parent ? `“${unit.name}”已归入${parent.name}` : `“${unit.name}”已不属于任何镇，作为县级部门单独计量`);
}

export async function adminAddAlias(db: Db, actor: Viewer | null, id: number | null, alias: string, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const unit = await load(db, id);
  if (!isUnit(unit)) return unit;
  const problem = nameProblem(alias);
  if (problem) return fail(problem);
  const clash = alias === unit.name ? '是本单位的名称' : await nameClash(db, unit, alias);
  if (clash) return fail(`别名“${alias}”${clash}`);
  await db.transaction(async (conn) => {
    await addAliasOn(conn, unit.id, alias, actor.username);
    await auditOn(conn, { actor: actor.username, action: 'unit_alias_add', target: unit.name, detail: { unit_no: unit.id, alias }, ip });
  });
  return done(`已为“${unit.name}”添加别名“${alias}”`);
}

export async function adminRemoveAlias(db: Db, actor: Viewer | null, id: number | null, alias: string, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const unit = await load(db, id);
  if (!isUnit(unit)) return unit;
  const removed = await db.transaction(async (conn) => {
    const n = await removeAliasOn(conn, unit.id, alias);
    if (n > 0) await auditOn(conn, { actor: actor.username, action: 'unit_alias_remove', target: unit.name, detail: { unit_no: unit.id, alias }, ip });
    return n;
  });
  return removed > 0 ? done(`已删除“${unit.name}”的别名“${alias}”`) : fail(`“${unit.name}”没有别名“${alias}”`);
}

/**
 * Merges `fromId` into `intoId`: units of one kind, or a department into a town (a body that is the town itself).
 * Everything that named the merged unit names the survivor afterwards (queries/units/merge.sql).
 */
export async function adminMergeUnits(db: Db, actor: Viewer | null, fromId: number | null, intoId: number | null, ip: string | null): Promise<AdminResult> {
  if (denied(actor)) return fail('无权操作');
  const from = await load(db, fromId);
  if (!isUnit(from)) return from;
  const into = await load(db, intoId);
  if (!isUnit(into)) return into;
  if (from.id === into.id) return fail('请选择另一个单位');
  if (from.kind !== into.kind && !(from.kind === 'department' && into.kind === 'town')) {
    return fail(`${KIND_LABELS[from.kind]}不能并入${KIND_LABELS[into.kind]}`);
  }
  const misbound = from.kind === into.kind ? [] : await usersOfOtherKind(db, from.id, into.kind);
  if (misbound.length) return fail(`用户 ${misbound.join('、')} 绑定在“${from.name}”（部门角色），请先在用户管理中改绑`);
  const moved = await db.transaction(async (conn) => {
    const refs = await countReferencesOn(conn, from.id);
    await mergeOn(conn, from.id, into.id, actor.username);
    const left = Object.values(await countReferencesOn(conn, from.id)).reduce((a, b) => a + b, 0);
    if (left !== 0) throw new Error(`合并未完成：仍有 ${left} 行指向“${from.name}”，已全部撤回`);
    const nonZero = Object.fromEntries(Object.entries(refs).filter(([, n]) => n > 0));
    await auditOn(conn, { actor: actor.username, action: 'unit_merge', target: into.name, detail: { unit_no: into.id, merged: from.name, merged_id: from.id, moved: nonZero }, ip });
    return Object.values(refs).reduce((a, b) => a + b, 0);
  });
  return done(`已将“${from.name}”并入“${into.name}”，移动 ${moved} 行，原名保留为别名`);
}
