import type { Db } from '@/queries/db';
import { SerialQueue } from '@/queries/queue';

const queues = new WeakMap<Db, SerialQueue>();

/**
 * Runs imports and rollbacks on one database one at a time. Each checks keys against the table and then inserts;
 * DuckDB has no unique index on payments.voucher_no (see 001_init.sql), so two at once could both insert a voucher.
 * An import writes on its own connection, past Db's writes, so it drops the pages' kept results itself.
 */
export function serialized<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new SerialQueue()));
  return queue.run(async () => {
    try {
      return await fn();
    } finally {
      db.changed();
    }
  });
}
