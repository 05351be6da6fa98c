import { existsSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';
import { dataExtent, levelTotals, monthlyProgress, sectionTotals, unitTotals, type OverviewFilter } from '@/queries/overview';
import { getSettings } from '@/queries/settings';
import { DEMO_DEFAULTS } from '@/lib/demo/generate';
import { buildDemoFile } from './demo';
import type { Scope } from '@/lib/auth/roles';

const ALL: Scope = { kind: 'all' };

interface BenchOptions {
  payments: number;
  runs: number;
  db?: string;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Builds (or reuses) a demo database and prints the median time of every query the overview page runs. */
export async function benchCommand(opts: BenchOptions): Promise<void> {
  const file = opts.db ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-bench-')), 'bench.duckdb');
  if (!existsSync(file)) {
    const started = Date.now();
    await buildDemoFile(file, { ...DEMO_DEFAULTS, payments: opts.payments });
    console.log(`built ${file} with ${opts.payments} payments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const db = await Db.open(file, { readOnly: true });
  const payments = (await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))?.n;
  const extent = await dataExtent(db);
  const year = extent.years[0];
  const filter: OverviewFilter = { year, asOf: extent.lastDate[year], timeProgressMode: (await getSettings(db)).timeProgressMode };
  const queries: [string, () => Promise<unknown>][] = [
    ['data extent (years, last dates)', () => dataExtent(db)],
    ['settings', () => getSettings(db)],
    ['KPI + by level', () => levelTotals(db, filter, ALL)],
    ['monthly cumulative progress', () => monthlyProgress(db, filter, ALL)],
    ['by section (股室)', () => sectionTotals(db, filter, ALL)],
    ['by town (镇)', () => unitTotals(db, filter, ALL, 'town')],
  ];
  console.log(`\n${payments} payments, year ${filter.year}, as of ${filter.asOf}; median of ${opts.runs} runs after one warm-up\n`);
  console.log('| query | median ms |\n|---|---:|');
  let total = 0;
  for (const [name, run] of queries) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    total += median(times);
    console.log(`| ${name} | ${median(times).toFixed(1)} |`);
  }
  console.log(`| all overview queries in a row | ${total.toFixed(1)} |`);
  db.close();
  const size = statSync(file).size + (existsSync(`${file}.wal`) ? statSync(`${file}.wal`).size : 0);
  console.log(`\ndatabase size: ${mb(size)}`);
  console.log(`peak memory (max RSS of this process, build included): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
