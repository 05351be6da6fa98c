import type { Db } from '../db';
import { connRows } from '../db';
import { sqlString } from '../sql';
import { schemaVersion, tableChecksums, type TableChecksum } from './checksums';

export interface DatabaseCopy {
  schemaVersion: number;
  duckdbVersion: string;
  tables: TableChecksum[];
}

const TARGET = 'backup_target';

/**
 * Copies the database into a new file from one snapshot, and sums up that snapshot's tables in the same transaction.
 * DuckDB starts an attached database's transaction at its first read, so COPY FROM DATABASE and the checksums after it
 * read the same committed state: an import or a write that commits meanwhile is wholly after the copy (and in the
 * next one), one that has not committed is not in it. The transaction writes only the new file, so it queues behind
 * no write and holds none up — the server keeps answering and importing. Measured against CHECKPOINT-and-copy-the-
 * file (which must stop every write, imports included, for the copy's length): docs/backups.md.
 */
export async function copyDatabase(db: Db, file: string): Promise<DatabaseCopy> {
  return db.withConnection(async (conn) => {
    const [{ name, version }] = await connRows<{ name: string; version: string }>(conn, 'SELECT current_database() AS name, version() AS version');
    // ATTACH takes no parameter: the path is ours (the backup folder and a timestamp), quoted as a literal.
    await conn.run(`ATTACH ${sqlString(file)} AS ${TARGET} (READ_WRITE)`);
    try {
      await conn.run('BEGIN TRANSACTION');
      let copy: DatabaseCopy;
      try {
        await conn.run(`COPY FROM DATABASE "${name.replace(/"/g, '""')}" TO ${TARGET}`);
        copy = { schemaVersion: await schemaVersion(conn), duckdbVersion: version, tables: await tableChecksums(conn) };
        await conn.run('COMMIT');
      } catch (error) {
        await conn.run('ROLLBACK');
        throw error;
      }
      // Everything into the file itself, so the backup is one file with no write-ahead log beside it.
      await conn.run(`CHECKPOINT ${TARGET}`);
      return copy;
    } finally {
      await conn.run(`DETACH ${TARGET}`);
    }
  });
}
