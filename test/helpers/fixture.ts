import type { Db } from '@/queries/db';
import { rebuildPaymentDays } from '@/queries/payments/days';

/**
 * Runs a fixture's SQL (statements separated by semicolons) and then, as the import would have, brings payment_days
 * up to date with the payments it wrote (queries/payments/days.ts).
 */
export async function loadFixture(db: Db, sql: string): Promise<void> {
  for (const statement of sql.split(';').filter((s) => s.trim())) await db.run(statement);
  await rebuildPaymentDays(db);
}
