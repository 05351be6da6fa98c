import type { Db } from '@/queries/db';

const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs imports and rollbacks on one database one at a time. Each checks keys against the table and then inserts;
 * DuckDB has no unique index on payments.voucher_no (see 001_init.sql), so two at once could both insert a voucher.
 */
export function serialized<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  queues.set(db, run.catch(() => undefined));
  return run;
}
