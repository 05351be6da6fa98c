import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/queries/db';
import { runScript } from '@/queries/script';
import { projectRoot, sqlFile } from '@/queries/sql';

export interface DemoOptions {
  payments: number;
  year: number;
  seed: number;
}

export const DEMO_DEFAULTS: DemoOptions = { payments: 200_000, year: 2018, seed: 1 };

const DIR = 'lib/demo';

/**
 * Builds the demo county into an empty database: the previous budget year complete, the demo year up to 31 October,
 * and planted instances of every warning rule recorded in demo_manifest. The steps are SQL files run in name order;
 * then payment_days is computed from the payments they wrote.
 */
export async function generateDemo(db: Db, options: DemoOptions, log: (msg: string) => void = () => {}): Promise<void> {
  const existing = await db.one<{ n: string }>('SELECT count(*) AS n FROM indicators');
  if (Number(existing?.n) > 0) throw new Error(`${db.file} already holds indicators; the demo needs an empty database`);
  const steps = readdirSync(path.join(projectRoot, DIR)).filter((f) => /^\d\d_.+\.sql$/.test(f)).sort();
  const params = { year: options.year, payments: options.payments, seed: options.seed };
  await db.withConnection(async (conn) => {
    for (const step of steps) {
      const started = Date.now();
      await runScript(conn, sqlFile(`${DIR}/${step}`), params);
      log(`${step} ${Date.now() - started} ms`);
    }
    // The steps write payments in bulk (and move some dates); the per-day sums follow them (queries/payments/days.ts).
    await runScript(conn, sqlFile('queries/payments/days_rebuild.sql'));
  });
  db.changed();
}
