import { connRows, type Db } from '../db';
import { runScript } from '../script';
import { sqlFile } from '../sql';
import { TARGETS } from '@/lib/import/load/targets';
import { serialized } from '@/lib/import/load/serialize';
import { getBatch } from './batches';
import { removeBatchDays } from '../payments/days';

export interface RollbackResult {
  batch_id: number;
  rows_deleted: number;
  units_deleted: number;
}

/**
 * 撤销: removes a batch's rows from its table and the units it created (those nothing else names any more), and
 * marks the batch rolled back with who and when; all in one transaction. A batch is rolled back once only.
 */
export async function rollbackBatch(db: Db, batchId: number, user: string): Promise<RollbackResult> {
  return serialized(db, async () => {
    const batch = await getBatch(db, batchId);
    if (!batch) throw new Error(`批次 #${batchId} 不存在`);
    if (batch.status === 'rolled_back') {
      throw new Error(`批次 #${batchId} 已于 ${batch.rolled_back_at} 由 ${batch.rolled_back_by ?? '未知用户'} 撤销，不能重复撤销`);
    }
    const target = TARGETS[batch.kind];
    const created = Array.isArray(batch.options.created_unit_ids) ? (batch.options.created_unit_ids as number[]) : [];
    return db.transaction(async (conn) => {
      const deleted = await conn.run(`DELETE FROM ${target.table} WHERE batch_id = $id`, { id: batchId });
      // A comparison list is its batch: its 撤销 removes the list with its rows.
      if (target.table === 'comparison_list_rows') await conn.run(sqlFile('queries/import/rollback_list.sql'), { id: batchId });
      if (target.table === 'payments') await removeBatchDays(conn, batchId);
      // Generated project codes this batch replaced come back (project_replace.sql).
      if (target.table === 'projects') await runScript(conn, sqlFile('queries/import/rollback_projects.sql'), { id: batchId });
      let units = 0;
      if (created.length) {
        const ids = `[${created.map(Number).join(',')}]`;
        const count = async () => Number((await connRows<{ n: string }>(conn,
          'SELECT count(*) AS n FROM units WHERE list_contains($ids::INTEGER[], id)', { ids }))[0].n);
        const before = await count();
        await runScript(conn, sqlFile('queries/import/rollback_units.sql'), { ids });
        units = before - (await count());
      }
      await conn.run(sqlFile('queries/import/rollback_mark.sql'), { id: batchId, user });
      return { batch_id: batchId, rows_deleted: deleted.rowsChanged, units_deleted: units };
    });
  });
}
