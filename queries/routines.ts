import { createHash } from 'node:crypto';
import type { Db } from './db';
import { sqlFile } from './sql';

/**
 * SQL macros kept in the database file, each file run again only when its text changed (its sha256 is recorded), so a
 * new version of the application replaces them at its first open and a change needs no migration: the importer's cell
 * parsers (some fifty macros: creating them on every import's connection cost ~45 ms of each import), the rule of
 * which payments a viewer may read, the measures of the views (docs/views.md), and the payouts and comparison lists
 * as the rules on subsidies to people read them (docs/rules.md).
 */
const ROUTINES = ['queries/import/parsers.sql', 'queries/import/fund_names.sql', 'queries/visibility.sql', 'queries/views/measures.sql', 'queries/rules/people.sql'];

const routineText = (file: string) => {
  const text = sqlFile(file);
  return { text, sha256: createHash('sha256').update(text).digest('hex') };
};

export async function installRoutines(db: Db): Promise<void> {
  await db.run('CREATE TABLE IF NOT EXISTS routines (file VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL)');
  for (const file of ROUTINES) {
    const { text, sha256 } = routineText(file);
    const installed = await db.one<{ sha256: string }>('SELECT sha256 FROM routines WHERE file = $file', { file });
    if (installed?.sha256 === sha256) continue;
    await db.transaction(async (conn) => {
      // One call: the macros take no parameters, and one round trip is cheaper than fifty.
      await conn.run(text);
      await conn.run('INSERT OR REPLACE INTO routines (file, sha256) VALUES ($file, $sha256)', { file, sha256 });
    });
  }
}

/** The routine files a database holds in an older version (or not at all): what installRoutines would write. */
export async function staleRoutines(db: Db): Promise<string[]> {
  // A database from before routines has no such table: every routine is stale.
  const installed = await db.all<{ file: string; sha256: string }>('SELECT file, sha256 FROM routines').catch(() => []);
  return ROUTINES.filter((file) => installed.find((r) => r.file === file)?.sha256 !== routineText(file).sha256);
}
