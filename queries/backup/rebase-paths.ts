import path from 'node:path';
import type { Db } from '../db';
import { namedSql } from '../sql';

const sql = () => namedSql('queries/backup/rebase_paths.sql');

/**
 * Points every stored path under the raw folder `from` at the same file under `to` (queries/backup/rebase_paths.sql),
 * in one transaction: a restored database names the copies restored beside it, not the files of the database it was
 * backed up from, which may be gone. Returns how many paths moved.
 */
export async function rebaseStoredPaths(db: Db, from: string, to: string): Promise<number> {
  // With the separator, so /srv/imports does not also take /srv/imports-old.
  const params = { from: path.resolve(from) + path.sep, to: path.resolve(to) + path.sep };
  if (params.from === params.to) return 0;
  return db.transaction(async (conn) => {
    let moved = 0;
    for (const statement of Object.values(sql())) moved += (await conn.run(statement, params)).rowsChanged;
    return moved;
  });
}
