import { Command, InvalidArgumentError } from 'commander';
import { demoCommand } from './demo';
import { benchCommand } from './bench';

function integer(value: string): number {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError('not a whole number');
  return n;
}

export const defaultDbFile = () => process.env.FUND_MONITOR_DB ?? 'data/demo.duckdb';

const program = new Command('fund-monitor').description('扶贫资金动态监控 — command-line tools');

program
  .command('demo')
  .description('build the demo county into a new database file')
  .option('--db <file>', 'database file (default: $FUND_MONITOR_DB or data/demo.duckdb)')
  .option('--payments <n>', 'number of treasury payments', integer, 200_000)
  .option('--year <y>', 'budget year of the demo (the year before is generated complete)', integer, 2018)
  .option('--seed <s>', 'random seed: the same seed builds the same county', integer, 1)
  .option('--if-missing', 'do nothing when the file already exists')
  .option('--force', 'replace an existing file')
  .action((opts) => demoCommand({ ...opts, db: opts.db ?? defaultDbFile() }));

program
  .command('bench')
  .description('build a demo database of N payments and time the overview queries (median of 5 runs)')
  .option('--payments <n>', 'number of treasury payments', integer, 200_000)
  .option('--runs <n>', 'runs per query', integer, 5)
  .option('--db <file>', 'reuse this database file (built when missing)')
  .action(benchCommand);

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
