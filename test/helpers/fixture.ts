import { afterAll, beforeAll } from 'vitest';
import type { Db } from '@/queries/db';
import { tempDb } from './temp-db';
import { rebuildPaymentDays } from '@/queries/payments/days';

/**
 * Runs a fixture's SQL (statements separated by semicolons) and then, as the import would have, brings payment_days
 * up to date with the payments it wrote (queries/payments/days.ts).
 */
export async function loadFixture(db: Db, sql: string): Promise<void> {
  for (const statement of sql.split(';').filter((s) => s.trim())) await db.run(statement);
  await rebuildPaymentDays(db);
}

/**
 * A fresh migrated database (tempDb) holding `sql` (loadFixture) for the describe block it is called in, removed after
 * it. The fields are filled in beforeAll, so read them inside the tests (`ctx.db`).
 */
export function useFixtureDb(sql: string): { db: Db; cleanup: () => void } {
  const ctx = {} as { db: Db; cleanup: () => void };
  beforeAll(async () => {
    Object.assign(ctx, await tempDb());
    await loadFixture(ctx.db, sql);
  });
  afterAll(() => ctx.cleanup());
  return ctx;
}
