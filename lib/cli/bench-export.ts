import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DEMO_DEFAULTS } from '@/lib/demo/generate';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { paymentsCsv, paymentsXlsx } from '@/lib/payments/export';
import { Db } from '@/queries/db';
import { dataExtent } from '@/queries/overview';
import { exportPayments, type PaymentQuery } from '@/queries/payments';
import { buildDemoFile } from './demo';

interface BenchExportOptions {
  payments: number;
  rows: number;
  runs: number;
  db?: string;
}

interface Run {
  wall: number;
  cpu: number;
  bytes: number;
  peakRss: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * One export read to its end as a download would be: wall and CPU time (CPU counts DuckDB's threads and zlib's too,
 * so it says what the export costs when the two cores are shared), the file's size, and the process's RSS at its
 * highest, sampled every 20 ms.
 */
async function timeOne(file: () => AsyncIterable<unknown>): Promise<Run> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const [t, c] = [performance.now(), cpuMs()];
  let bytes = 0;
  for await (const piece of file()) bytes += (piece as Buffer | unknown[]).length;
  const run = { wall: performance.now() - t, cpu: cpuMs() - c, bytes, peakRss };
  clearInterval(sampler);
  return run;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * `fund-monitor bench-export`: 支付明细's export of N rows (the demo's year with the most payments, basis 全部支付,
 * the whole county) as the rows alone, as CSV and as XLSX; medians of `runs` after a warm-up (BENCHMARKS.md "Issue 11:
 * exports"). The issue's goal: the XLSX of 100,000 rows in under 2 s.
 */
export async function benchExportCommand(opts: BenchExportOptions): Promise<void> {
  const file = opts.db ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-bench-')), 'bench.duckdb');
  if (!existsSync(file)) {
    const started = Date.now();
    await buildDemoFile(file, { ...DEMO_DEFAULTS, payments: opts.payments });
    console.log(`built ${file} with ${opts.payments} payments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const db = await Db.open(file, { readOnly: true });
  const { years } = await dataExtent(db);
  const counts = await db.all<{ year: number; n: string }>(
    'SELECT year(pay_date) AS year, count(*) AS n FROM payments GROUP BY ALL ORDER BY n DESC, year DESC');
  const year = Number(counts.find((c) => years.includes(Number(c.year)))?.year ?? years[0]);
  const filter: PaymentQuery = { ...EMPTY_VIEW_FILTER, year, asOf: `${year}-12-31`, basis: 'all' };
  const rows = () => exportPayments(db, filter, { kind: 'all' }, opts.rows);
  const caption = [`${year}年度`, `截止 ${year}-12-31`, '支付口径 全部支付'];
  const kinds: [string, () => AsyncIterable<unknown>][] = [
    ['rows only (DuckDB → JavaScript)', rows],
    ['CSV', (): Readable => paymentsCsv(rows(), 'masked')],
    ['XLSX', (): Readable => paymentsXlsx(rows(), 'masked', caption)],
  ];
  let n = 0;
  for await (const chunk of rows()) n += chunk.length;
  console.log(`\n${n} payments of ${year} (basis 全部支付, whole county); median of ${opts.runs} runs after one warm-up\n`);
  console.log('| export | wall ms | CPU ms | rows/s (wall) | size | peak RSS |\n|---|---:|---:|---:|---:|---:|');
  for (const [name, make] of kinds) {
    await timeOne(make);
    const runs: Run[] = [];
    for (let i = 0; i < opts.runs; i++) runs.push(await timeOne(make));
    const wall = median(runs.map((r) => r.wall));
    const size = name.startsWith('rows') ? '—' : mb(runs[0].bytes);
    console.log(`| ${name} | ${wall.toFixed(0)} | ${median(runs.map((r) => r.cpu)).toFixed(0)} | ${Math.round(n / (wall / 1000)).toLocaleString('en')} | ${size} | ${mb(Math.max(...runs.map((r) => r.peakRss)))} |`);
  }
  db.close();
}
