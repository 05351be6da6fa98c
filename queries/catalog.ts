import path from 'node:path';
import type { Db } from './db';
import { runScript } from './script';
import { projectRoot, sqlFile } from './sql';

export const CATALOG_CSV = 'data/catalog/funds.csv';

/** Loads the shipped fund catalog into a database whose funds table is still empty. */
export async function loadCatalog(db: Db): Promise<void> {
  const row = await db.one<{ n: string }>('SELECT count(*) AS n FROM funds');
  if (Number(row?.n) > 0) return;
  await db.transaction((conn) =>
    runScript(conn, sqlFile('queries/catalog_load.sql'), { path: path.join(/*turbopackIgnore: true*/ projectRoot, CATALOG_CSV) }),
  );
}
