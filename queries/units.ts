import type { DuckDBConnection } from '@duckdb/node-api';
import { connRows, type Db } from './db';
import { runScript } from './script';
import { namedSql, sqlFile } from './sql';

/** 单位管理's data: units with their parents and aliases, and the changes an admin makes (docs/units.md). */

const sql = () => namedSql('queries/units/units.sql');

export type ManagedKind = 'department' | 'town' | 'village';

export interface UnitRow {
  id: number;
  kind: ManagedKind;
  name: string;
  parent_id: number | null;
  parent_name: string | null;
  aliases: string[];
  /** allocations to it, and payments it made or that name it as their town or village */
  allocations: number;
  payments: number;
}

export interface StoredUnit {
  id: number;
  kind: ManagedKind;
  name: string;
  parent_id: number | null;
}

/** The rows that name a unit, by table and column (what a merge moves). */
export type References = Record<string, number>;

export async function listUnits(db: Db): Promise<UnitRow[]> {
  const rows = await db.all<UnitRow>(sql().list);
  return rows.map((r) => ({ ...r, allocations: Number(r.allocations), payments: Number(r.payments) }));
}

export function findUnit(db: Db, id: number): Promise<StoredUnit | undefined> {
  return db.one<StoredUnit>(sql().by_id, { id });
}

/** What `name` would collide with for the unit (a unit's name or an alias), or null when it is free. */
export async function nameClash(db: Db, unit: StoredUnit, name: string, parentId = unit.parent_id): Promise<string | null> {
  const row = await db.one<{ clash: string | null }>(sql().name_clash, { id: unit.id, kind: unit.kind, name, parent_id: parentId });
  return row?.clash ?? null;
}

export function countReferences(db: Db, id: number): Promise<References> {
  return db.withConnection((conn) => countReferencesOn(conn, id));
}

/** Users bound to the unit whose role is not `kind` (merging into a unit of that kind would leave them misbound). */
export async function usersOfOtherKind(db: Db, id: number, kind: ManagedKind): Promise<string[]> {
  return (await db.all<{ username: string }>(sql().bound_users, { id, kind })).map((r) => r.username);
}

/** Renames a unit; its old name becomes an alias, so exports that still write it find the unit. */
export async function renameOn(conn: DuckDBConnection, unit: StoredUnit, name: string, actor: string): Promise<void> {
  await conn.run(sql().remove_alias, { id: unit.id, alias: name });
  await conn.run(sql().rename, { id: unit.id, name });
  await conn.run(sql().add_alias, { id: unit.id, alias: unit.name, actor });
}

export async function setParentOn(conn: DuckDBConnection, id: number, parentId: number | null): Promise<void> {
  await conn.run(sql().set_parent, { id, parent_id: parentId });
}

export async function addAliasOn(conn: DuckDBConnection, id: number, alias: string, actor: string): Promise<void> {
  await conn.run(sql().add_alias, { id, alias, actor });
}

/** Removes an alias of the unit (compared as the importer compares names); returns how many were removed. */
export async function removeAliasOn(conn: DuckDBConnection, id: number, alias: string): Promise<number> {
  return Number((await conn.run(sql().remove_alias, { id, alias })).rowsChanged);
}

/** Moves every row of unit `from` to `to` and deletes `from` (queries/units/merge.sql); the caller holds the transaction. */
export async function mergeOn(conn: DuckDBConnection, from: number, to: number, actor: string): Promise<void> {
  await runScript(conn, sqlFile('queries/units/merge.sql'), { from, to, actor });
}

/** countReferences on a held connection (a merge counts what it moves inside its transaction). */
export async function countReferencesOn(conn: DuckDBConnection, id: number): Promise<References> {
  const [row] = await connRows<Record<string, string>>(conn, sql().references, { id });
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
