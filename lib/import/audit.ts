import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import type { BatchRow } from '@/queries/import/batches';
import type { RollbackResult } from '@/queries/import/rollback';

/**
 * The audit log's target of an import and of its 撤销: the file name the user knows the batch by (the batch id is in
 * the detail). One function for the web page and the CLI, so the rows of one batch read alike whoever wrote them.
 */
export const batchAuditTarget = (batch: { file_name: string }): string => batch.file_name;

export interface RollbackAudit {
  actor: string;
  batch: Pick<BatchRow, 'id' | 'kind' | 'file_name'>;
  result: RollbackResult;
  ip?: string | null;
  /** 'cli' for `fund-monitor rollback`, as CLI imports mark themselves. */
  via?: 'cli';
}

/** Audits a 撤销, the same from the web page and the CLI. */
export function auditRollback(db: Db, { actor, batch, result, ip, via }: RollbackAudit): Promise<void> {
  return audit(db, {
    actor,
    action: 'rollback',
    target: batchAuditTarget(batch),
    detail: {
      batch_id: batch.id, kind: batch.kind, rows_deleted: result.rows_deleted, units_deleted: result.units_deleted, ...(via ? { via } : {}),
    },
    ip,
  });
}
