import { Command, InvalidArgumentError } from 'commander';
import { demoCommand, demoTarget } from './demo';
import { configuredDbFile } from '@/queries/db-file';
import { benchCommand } from './bench';
import { resetDemoPasswordsCommand } from './demo-passwords';
import { batchesCommand, importCommand, rollbackCommand } from './import';
import { benchImportCommand } from './bench-import';
import { benchExportCommand } from './bench-export';
import { viewCommand, viewFilterOptions } from './view';
import { rulesRunCommand } from './rules';
import { briefingCommand } from './briefing';
import { benchBriefingCommand } from './bench-briefing';
import { benchJourneyCommand } from './bench-journey';
import { backupCommand, restoreCommand } from './backup';
import { exportParquetCommand } from './export-parquet';
import { loadtestCommand } from './loadtest';
import { BRIEFING_FORMATS } from '@/lib/briefing/formats';
import { VIEWS } from '@/lib/views/registry';

function integer(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('not a whole number');
  return n;
}

const defaultDbFile = () => configuredDbFile();

const program = new Command('fund-monitor').description('扶贫资金动态监控 — command-line tools');

program
  .command('demo')
  .description('build the demo county into a new database file')
  .option('--db <file>', 'database file (default: data/demo.duckdb; never $FUND_MONITOR_DB, which may be a real one)')
  .option('--payments <n>', 'number of treasury payments', integer, 200_000)
  .option('--year <y>', 'budget year of the demo (the year before is generated complete)', integer, 2018)
  .option('--seed <s>', 'random seed: the same seed builds the same county', integer, 1)
  .option('--if-missing', 'do nothing when the file already exists, or when $FUND_MONITOR_DB names another file')
  .option('--force', 'replace an existing file')
  .action((opts) => {
    const db = demoTarget(opts);
    return db ? demoCommand({ ...opts, db }) : undefined;
  });

program
  .command('reset-demo-passwords')
  .description('give every demo account still using the public demo password a new one (printed once, to change at login)')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .action((opts) => resetDemoPasswordsCommand({ db: opts.db ?? defaultDbFile() }));

program
  .command('bench')
  .description('build a demo database of N payments and time the overview, every view, 支付明细 and 数据质量 queries (median of 5 runs)')
  .option('--payments <n>', 'number of treasury payments', integer, 200_000)
  .option('--runs <n>', 'runs per query', integer, 5)
  .option('--db <file>', 'reuse this database file (built when missing)')
  .action(benchCommand);

program
  .command('bench-export')
  .description('time 支付明细\'s export of N rows as CSV and XLSX (median of 5 runs): wall and CPU time, rows/s, size, peak memory')
  .option('--payments <n>', 'number of treasury payments of the demo database built', integer, 200_000)
  .option('--rows <n>', 'rows exported (at most the demo year\'s payments)', integer, 100_000)
  .option('--runs <n>', 'runs per format', integer, 5)
  .option('--db <file>', 'reuse this database file (built when missing)')
  .action(benchExportCommand);

program
  .command('import')
  .description('import an export file (CSV in UTF-8/GBK, or XLSX) into the database as one batch')
  .argument('<file>', 'the file to import')
  .requiredOption('--kind <kind>', 'indicators | allocations | payments | projects | perf_targets | payouts | payroll | deaths | registered_poor | other_list')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--sheet <name>', 'XLSX sheet (default: the first)')
  .option('--unit <unit>', 'amount unit of the money columns: 元 or 万元 (default: from headers, title lines or cells)')
  .option('--encoding <e>', 'CSV encoding: utf-8 or gb18030/gbk (default: detected)')
  .option('--mapping <preset>', 'a saved header mapping (preset) of this kind')
  .option('--map <column=field>', 'map a column to a field (id or Chinese label; empty field: leave the column out); repeatable, wins over --mapping',
    (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('--save-preset <name>', 'after the import, keep the mapping used as a preset of this kind (for --mapping and the import page)')
  .option('--year <y>', 'projects: the year of rows without a 年度 cell (default: the year in the title line)')
  .option('--status <s>', 'projects: the status of rows without a 状态 cell, id or label (default: not_started 未开工)')
  .option('--label <text>', 'comparison lists: the list\'s label, required, at most 100 characters (县人社局 2018年机关事业单位在编人员)')
  .option('--department <text>', 'comparison lists: the department the list came from (县市场监管局)')
  .option('--holds <what>', 'other_list: what its key column holds: id_number | name | account | company (or 身份证号 | 姓名 | 账号 | 企业名称)')
  .option('--day-first', 'dates such as 07/09/2018 are day first')
  .option('--allow-new-units', 'create towns, departments and villages the file names but the database lacks (a body of a town, such as XX镇财政所, as a unit under the town)')
  .option('--raw-dir <dir>', 'where the raw file is kept (default: $FUND_MONITOR_RAW_DIR, else imports/ beside the database file)')
  .option('--user <name>', 'who imports, for the batch record (default: cli:$USER)')
  .option('--json', 'print the result as one JSON object')
  .option('--server <url>', 'import through this running server (it holds the database file) instead of into --db; needs --token')
  .option('--token <token>', 'a personal API token (made on the site\'s 账户 → API 令牌 page); default: $FUND_MONITOR_TOKEN')
  .action((file, opts) => importCommand(file, { ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('batches')
  .description('list import batches, newest first')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--limit <n>', 'how many', integer, 50)
  .option('--json', 'print JSON')
  .action((opts) => batchesCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('rollback')
  .description('撤销: remove an import batch and the units it created')
  .argument('<batch_id>', 'the batch', integer)
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--user <name>', 'who rolls back (default: cli:$USER)')
  .option('--json', 'print JSON')
  .action((id, opts) => rollbackCommand(id, { ...opts, db: opts.db ?? defaultDbFile() }));

const view = program
  .command('view')
  .description(`print a view's rows for the whole county (docs/views.md): ${VIEWS.map((v) => `${v.id} ${v.title}`).join('; ')}`)
  .argument('<id>', 'the view')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)');
for (const o of viewFilterOptions()) view.option(o.flag, o.label);
view
  .option('--sort <column>', 'sort by this column key (default: the view\'s own order)')
  .option('--dir <dir>', 'asc or desc')
  .option('--json', 'print the rows as the JSON route /api/views/<id> gives them (all rows, one page)')
  .option('--csv', 'print the rows as the CSV export gives them')
  .action((id, opts) => viewCommand(id, { ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('rules')
  .description('warning rules (预警, docs/rules.md)')
  .command('run')
  .description('run the enabled warning rules and keep what they find as warnings; the run is recorded')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--as-of <date>', '截止日期 YYYY-MM-DD: evaluate as of this date (default: the newest data)')
  .option('--rule <id>', 'only this rule; repeatable (default: every enabled rule)', (value: string, previous: string[]) => [...previous, value], [] as string[])
  .option('--user <name>', 'who runs, for the run record (default: cli:$USER)')
  .option('--json', 'print the result as one JSON object: run_id, as_of and per rule id, rows, new, cleared, amount_yuan, ms')
  .action((opts) => rulesRunCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('briefing')
  .description('write the 通报 (docs/briefing.md) for a 截止日期 to a file; the format is the extension of --out')
  .option('--db <file>', 'database file, opened read-only (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .requiredOption('--as-of <date>', '截止日期 YYYY-MM-DD')
  .option('--year <y>', 'budget year (default: the year of --as-of)')
  .option('--scope <scope>', 'county (default), or section:NAME for a 股室\'s own report')
  .requiredOption('--out <file>', `the file to write: ${Object.keys(BRIEFING_FORMATS).map((f) => `FILE.${f}`).join(' | ')}`)
  .option('--json', 'print one JSON object: file, format, size, year, as_of, scope, data_hash')
  .action((opts) => briefingCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('bench-briefing')
  .description('time the county\'s 通报 on an existing database: loadBriefing and each file format, median of --runs')
  .option('--db <file>', 'database file, opened read-only (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--as-of <date>', '截止日期 YYYY-MM-DD (default: the newest data)')
  .option('--runs <n>', 'runs per step (median)', integer, 3)
  .action((opts) => benchBriefingCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('bench-import')
  .description('time the import of an N-row payments CSV (UTF-8 and GBK) beside a bare DuckDB read_csv')
  .option('--rows <n>', 'payments in the generated file', integer, 1_000_000)
  .option('--runs <n>', 'runs per file (median)', integer, 3)
  .option('--keep', 'keep the generated files')
  .action(benchImportCommand);

program
  .command('bench-journey')
  .description('time the clerk\'s journey: import a county\'s 指标, 项目库, 绩效目标, 分配 and 支付 files, run the rules, write the 通报 PDF')
  .option('--payments <n>', 'payments of the demo county written out as the files', integer, 200_000)
  .option('--keep', 'keep the files, the databases and the PDF')
  .action(benchJourneyCommand);

program
  .command('backup')
  .description('copy the database (one snapshot) and its raw import files into a new folder of --out, with a manifest of every table\'s rows and checksum (docs/backups.md)')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--out <dir>', 'the folder of backups (each backup is a folder in it named by its China-time moment)')
  .option('--server <url>', 'the running server holds the file: ask it to make the backup into its own backup folder')
  .option('--token <token>', 'with --server: an admin\'s API token')
  .option('--json', 'print the manifest (and the folder) as JSON')
  .action((opts) => backupCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('restore')
  .description('restore a backup into a database file and its raw files into the imports folder beside it, checking the manifest before and after')
  .requiredOption('--from <backup>', 'the backup\'s folder (or its manifest.json)')
  .requiredOption('--db <file>', 'the database file to write')
  .option('--force', 'replace an existing file (never one a running server holds)')
  .option('--json', 'print the result as JSON')
  .action(restoreCommand);

program
  .command('export-parquet')
  .description('write the ledger as Parquet, hive-partitioned by county and year, for a province\'s engine (docs/province.md)')
  .option('--db <file>', 'database file, opened read-only (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .requiredOption('--out <dir>', 'the folder to write (DIR/<table>/county=<code>/year=<y>/…)')
  .option('--county <code>', 'the county\'s code (行政区划代码; default: the setting 县代码)')
  .option('--with-payees', 'include payees\' names, accounts and banks (left out by default: no measure needs them)')
  .option('--json', 'print what was written as JSON')
  .action((opts) => exportParquetCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('loadtest')
  .description('load a running site: N users signed in as demo roles request 总览, 支付明细, 数据质量, /api/payments, views\' JSON and an export for S seconds; per route p50/p95/p99, requests/s, errors')
  .requiredOption('--url <url>', 'the site, e.g. http://127.0.0.1:3000')
  .option('--users <n>', 'virtual users, each on its own connection', integer, 50)
  .option('--seconds <s>', 'how long the load lasts', integer, 30)
  .option('--think <ms>', 'each user\'s pause between requests (0.5–1.5 × this; 0: none)', integer, 0)
  .option('--roles <list>', 'demo roles the users sign in as, in turn', 'leader,town,section')
  .option('--password <p>', 'the demo accounts\' password', 'demo2018')
  .option('--fresh', 'a throwaway parameter on every URL, so no answer is kept: what rendering every page costs')
  .option('--json', 'print the figures as one JSON object')
  .action(loadtestCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
