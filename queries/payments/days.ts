import type { DuckDBConnection } from '@duckdb/node-api';
import type { Db } from '../db';
import { runScript } from '../script';
import { sqlFile } from '../sql';

/*
 * payment_days, the payments summed per day (docs/data-model.md), is derived data: whatever writes payments keeps it.
 * The import adds its batch (addBatchDays), 撤销 removes it (removeBatchDays), a unit merge renames the unit in both
 * tables (queries/units/merge.sql), and a bulk writer — the demo build, a test fixture — recomputes it whole.
 */

/** Adds batch `batchId`'s payments, on the import's connection and inside its transaction. */
export async function addBatchDays(conn: DuckDBConnection, batchId: number): Promise<void> {
  await conn.run(sqlFile('queries/payments/days_add_batch.sql'), { batch: batchId });
}

/** Removes batch `batchId`'s rows, inside 撤销's transaction. */
export async function removeBatchDays(conn: DuckDBConnection, batchId: number): Promise<void> {
  await conn.run('DELETE FROM payment_days WHERE batch_id = $batch', { batch: batchId });
}

/** Recomputes payment_days from every payment, in one transaction. */
export async function rebuildPaymentDays(db: Db): Promise<void> {
  await db.transaction((conn) => runScript(conn, sqlFile('queries/payments/days_rebuild.sql')));
}
