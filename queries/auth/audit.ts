import type { DuckDBConnection } from '@duckdb/node-api';
import { LOG_ONLY, type Db } from '../db';
import { namedSql } from '../sql';

const sql = () => namedSql('queries/auth/audit.sql');

export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string | null;
  detail?: unknown;
  ip?: string | null;
}

export interface AuditRow {
  id: string;
  happened_at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
}

const entryParams = (entry: AuditEntry) => ({
  actor: entry.actor,
  action: entry.action,
  target: entry.target ?? null,
  detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ip: entry.ip ?? null,
});

/** Appends to the audit log. There is deliberately no update or delete beside it. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  // A read-only database takes no rows: the entry goes to the server's log instead, so sign-ins and exports on it
  // are still recorded (docs/reliability.md "Read-only database").
  if (db.readOnly) {
    console.log(`[audit] ${JSON.stringify({ happened_at: new Date().toISOString(), ...entryParams(entry) })}`);
    return;
  }
  return db.run(sql().insert, entryParams(entry), LOG_ONLY);
}

/** audit on a connection the caller holds, inside its transaction: the change and its record land together or not at all. */
export async function auditOn(conn: DuckDBConnection, entry: AuditEntry): Promise<void> {
  await conn.run(sql().insert, entryParams(entry));
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

const filterParams = (f: AuditFilter) => ({ actor: f.actor ?? '', action: f.action ?? '', from: f.from ?? '', to: f.to ?? '' });

/** Newest first; `from` and `to` (YYYY-MM-DD) are inclusive days. */
export function listAudit(db: Db, f: AuditFilter = {}): Promise<AuditRow[]> {
  return db.all<AuditRow>(sql().list, { ...filterParams(f), limit: f.limit ?? 500, offset: f.offset ?? 0 });
}

export async function countAudit(db: Db, f: AuditFilter = {}): Promise<number> {
  return Number((await db.one<{ n: string }>(sql().count, filterParams(f)))?.n ?? 0);
}

export async function auditActors(db: Db): Promise<string[]> {
  return (await db.all<{ actor: string }>(sql().actors)).map((r) => r.actor);
}

export async function auditActions(db: Db): Promise<string[]> {
  return (await db.all<{ action: string }>(sql().actions)).map((r) => r.action);
}

/** Names of the units an audit page names by id (an export's filter), for the log to show names (lib/auth/audit-labels.ts). */
export async function auditUnitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; name: string }>(sql().unit_names, { ids: JSON.stringify(ids) });
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}
