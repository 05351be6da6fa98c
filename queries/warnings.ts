import type { Db } from './db';
import { namedSql, sqlFile } from './sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import type { Privacy } from '@/lib/privacy/mask';
import { maskWarning } from '@/lib/privacy/warning';
import type { Severity, SubjectType } from '@/lib/rules/types';
import type { WarningStatus } from '@/lib/warnings/workflow';

/**
 * A warning's page and the header's 待办 count (docs/workflow.md). Lists of warnings are views
 * (lib/views/warning-views.ts); these read one warning, within the same visibility (queries/warnings/visible.sql).
 */

export interface WarningDetail {
  id: number;
  rule_id: string;
  subject_type: SubjectType;
  subject_id: string;
  unit_id: number | null;
  unit_name: string | null;
  amount: string | null;
  severity: Severity;
  evidence: Record<string, string | number | null>;
  status: WarningStatus;
  cleared: boolean;
  assigned_unit_id: number | null;
  assigned_name: string | null;
  deadline: string | null;
  first_seen: string;
  last_seen: string;
}

export interface WarningEvent {
  happened_at: string;
  actor: string;
  action: string;
  from_status: WarningStatus | null;
  to_status: WarningStatus | null;
  comment: string | null;
  unit_name: string | null;
  attachment_name: string | null;
  attachment_size: number | null;
  attachment_sha256: string | null;
}

const NOT_NARROWED = { rule: null, severity: null, state: null, section: null, department: null, town: null, q: null };
const visible = (select: string) => `${sqlFile('queries/warnings/scope-params.sql')}\n${sqlFile('queries/warnings/visible.sql')}\n${select}`;

/**
 * The warning, or null when it does not exist or the viewer may not read it (the page then answers 404); its subject
 * and evidence masked unless `privacy` says the reader sees ID numbers and accounts whole.
 */
export async function warningById(db: Db, id: number, scope: Scope, privacy: Privacy = 'masked'): Promise<WarningDetail | null> {
  const row = await db.one<Omit<WarningDetail, 'evidence'> & { evidence: string | null }>(visible(`
    SELECT id, rule_id, subject_type, subject_id, unit_id, unit_name, amount::VARCHAR AS amount, severity, evidence,
           status, cleared, assigned_unit_id, assigned_name, deadline::VARCHAR AS deadline,
           first_seen::VARCHAR AS first_seen, last_seen::VARCHAR AS last_seen
    FROM warning_rows WHERE id = $id`), { ...scopeParams(scope), ...NOT_NARROWED, id });
  return row ? maskWarning({ ...row, evidence: row.evidence ? JSON.parse(row.evidence) : {} }, privacy) : null;
}

export function warningEvents(db: Db, id: number): Promise<WarningEvent[]> {
  return db.all<WarningEvent>(namedSql('queries/warnings/detail.sql').events, { id });
}

/** The 股室, 部门 and 镇 a doubt may be sent to. */
export function sendTargets(db: Db): Promise<{ id: number; kind: 'section' | 'department' | 'town'; name: string }[]> {
  return db.all(namedSql('queries/warnings/detail.sql').targets);
}

/**
 * How many doubts wait for the viewer's unit to answer (待办), for the header; 0 for the unscoped roles. Kept until the
 * data changes (every workflow step and rule run is a write that drops it): every page of a scoped viewer asks, and
 * though it takes ≈ 4 ms alone, under load each statement on a page's path waits for DuckDB's threads — a median
 * 270 ms, the largest DuckDB cost of the load test's mix (BENCHMARKS.md "Issue 12: load").
 */
export async function todoCount(db: Db, scope: Scope): Promise<number> {
  if (scope.kind === 'all') return 0;
  const [row] = await db.kept<{ n: number }>(sqlFile('queries/warnings/todo_count.sql'), { unit: scope.unitId });
  return row?.n ?? 0;
}
