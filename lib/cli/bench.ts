import { existsSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';
import { dataExtent, levelTotals, monthlyProgress, type OverviewFilter } from '@/queries/overview';
import { basisSummaries, listPayments, paymentOptions } from '@/queries/payments';
import { paymentQuality } from '@/queries/import/quality';
import { getSettings } from '@/queries/settings';
import { DEMO_DEFAULTS } from '@/lib/demo/generate';
import { PAGE_SIZE } from '@/lib/paging';
import { buildDemoFile } from './demo';
import type { Scope } from '@/lib/auth/roles';
import { VIEWS } from '@/lib/views/registry';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { runView, runViewChart } from '@/queries/views/run';
import { crumbNames, filterOptions } from '@/queries/views/navigation';

const ALL: Scope = { kind: 'all' };

interface BenchOptions {
  payments: number;
  runs: number;
  db?: string;
}

type Timed = [name: string, run: () => Promise<unknown>];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Prints one table row per query (median of `runs` after a warm-up) and returns the sum of the medians. Each run
 * first drops the results the pages keep (queries/result-cache.ts), so it times DuckDB, as the first request after an
 * import does — unless `kept`: then it times a page answered from memory.
 */
async function timeQueries(db: Db, queries: Timed[], runs: number, kept = false): Promise<number> {
  console.log('| query | median ms |\n|---|---:|');
  let total = 0;
  for (const [name, run] of queries) {
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (!kept) db.changed();
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    total += median(times);
    console.log(`| ${name} | ${median(times).toFixed(1)} |`);
  }
  return total;
}

/** The scoped viewers of the demo: the units its section, department and town users are bound to. */
async function demoScopes(db: Db): Promise<[string, Scope][]> {
  const rows = await db.all<{ role: 'section' | 'department' | 'town'; unit_id: number; name: string }>(
    `SELECT us.role, us.unit_id, u.name FROM users us JOIN units u ON u.id = us.unit_id
     WHERE us.role IN ('section', 'department', 'town') ORDER BY us.role`);
  return [['all', ALL], ...rows.map((r): [string, Scope] => [`${r.role} ${r.name}`, { kind: r.role, unitId: r.unit_id }])];
}

/**
 * Builds (or reuses) a demo database and prints the median time of every query the overview page runs, of every
 * registered view, of the main pages' queries together (a page's server time), then, for each kind of viewer, of the overview's KPIs and the 支付明细 and 数据质量 pages' queries, whose scope rules differ.
 */
export async function benchCommand(opts: BenchOptions): Promise<void> {
  const file = opts.db ?? path.join(mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-bench-')), 'bench.duckdb');
  if (!existsSync(file)) {
    const started = Date.now();
    await buildDemoFile(file, { ...DEMO_DEFAULTS, payments: opts.payments });
    console.log(`built ${file} with ${opts.payments} payments in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // Read-write: opening migrates, so a file from an older version gets the current macros (queries/routines.ts).
  const db = await Db.open(file);
  const payments = (await db.one<{ n: string }>('SELECT count(*) AS n FROM payments'))?.n;
  const extent = await dataExtent(db);
  const year = extent.years[0];
  const filter: OverviewFilter = { year, asOf: extent.lastDate[year], timeProgressMode: (await getSettings(db)).timeProgressMode };
  console.log(`\n${payments} payments, year ${filter.year}, as of ${filter.asOf}; median of ${opts.runs} runs after one warm-up\n`);
  const overview = await timeQueries(db, [
    ['data extent (years, last dates)', () => dataExtent(db)],
    ['settings', () => getSettings(db)],
    ['KPI + by level', () => levelTotals(db, filter, ALL)],
    ['monthly cumulative progress', () => monthlyProgress(db, filter, ALL)],
  ], opts.runs);
  console.log(`| all overview queries in a row | ${overview.toFixed(1)} |\n`);
  // Every registered view (lib/views/registry.ts): its first page (rows and count) and all its rows, as the export reads them.
  const viewFilter = { ...EMPTY_VIEW_FILTER, year: filter.year, asOf: filter.asOf };
  await timeQueries(db, VIEWS.flatMap((v): Timed[] => [
    [`view ${v.id}: first page + count`, () => runView(db, v, { filter: viewFilter, sort: v.defaultSort, page: { page: 1, pageSize: PAGE_SIZE } }, ALL)],
    [`view ${v.id}: every row (export)`, () => runView(db, v, { filter: viewFilter, sort: v.defaultSort, page: null }, ALL)],
  ]), opts.runs);
  console.log('');
  // A page's server time: every query its panels run, started together as its Suspense boundaries start them
  // (app/(dashboard)/(overview)/page.tsx, views/[id]/page.tsx, payments/page.tsx), for the whole county.
  const viewPage = (id: string) => {
    const v = VIEWS.find((w) => w.id === id)!;
    const q = { filter: viewFilter, sort: v.defaultSort, page: { page: 1, pageSize: PAGE_SIZE } };
    return Promise.all([runView(db, v, q, ALL), runViewChart(db, v, q, ALL), getSettings(db), dataExtent(db),
      filterOptions(db, ALL, null), crumbNames(db, viewFilter, ALL)]);
  };
  const pages: Timed[] = [
    ['page 总览 (all panels)', () => Promise.all([
      dataExtent(db), getSettings(db), levelTotals(db, filter, ALL), monthlyProgress(db, filter, ALL), basisSummaries(db, viewFilter, ALL),
      ...['sections', 'towns', 'departments'].map((id) => {
        const v = VIEWS.find((w) => w.id === id)!;
        return runView(db, v, { filter: viewFilter, sort: v.defaultSort, page: null }, ALL);
      }),
    ])],
    ...['towns', 'ledger', 'stalled', 'projects'].map((id): Timed => [`page /views/${id} (all panels)`, () => viewPage(id)]),
    ['page 支付明细 (all panels)', () => Promise.all([
      listPayments(db, viewFilter, ALL, { page: 1, pageSize: PAGE_SIZE }), basisSummaries(db, viewFilter, ALL),
      paymentOptions(db, ALL), dataExtent(db), crumbNames(db, viewFilter, ALL),
    ])],
  ];
  console.log('Pages, the first request after a change of data (an import, a rule run …):\n');
  await timeQueries(db, pages, opts.runs);
  console.log('\nPages again, answered from the results kept until the data changes:\n');
  await timeQueries(db, pages, opts.runs, true);
  console.log('');
  const perViewer = (await demoScopes(db)).flatMap(([who, scope]): Timed[] => [
    [`${who}: 总览 KPI + by level`, () => levelTotals(db, filter, scope)],
    [`${who}: 支付明细 first page + count`, () => listPayments(db, viewFilter, scope, { page: 1, pageSize: PAGE_SIZE })],
    [`${who}: 支付明细 figures on every basis`, () => basisSummaries(db, viewFilter, scope)],
    [`${who}: 支付明细 filter choices`, () => paymentOptions(db, scope)],
    [`${who}: 数据质量 counts`, () => paymentQuality(db, scope, { period: viewFilter, batch: null })],
  ]);
  await timeQueries(db, perViewer, opts.runs);
  db.close();
  const size = statSync(file).size + (existsSync(`${file}.wal`) ? statSync(`${file}.wal`).size : 0);
  console.log(`\ndatabase size: ${mb(size)}`);
  console.log(`peak memory (max RSS of this process, build included): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
