import { getSettings } from '@/queries/settings';
import { resolveDates, runView } from '@/queries/views/run';
import { formatPointsShort, formatRate, formatWan } from '@/lib/format';
import { FILTER_KEYS, FILTER_PARAMS } from '@/lib/views/filter';
import { VIEWS, viewById } from '@/lib/views/registry';
import type { ViewColumn } from '@/lib/views/types';
import { parseViewRequest, viewJson } from '@/lib/views/request';
import { viewCsv } from '@/lib/views/export';
import type { Scope } from '@/lib/auth/roles';
import type { GapBand } from '@/lib/settings';
import { openExistingDb } from './open-existing';

/** commander's option name of each filter field: --as-of for as_of, --pay-from for pay_from. */
export const filterOption = (param: string) => `--${param.replace(/_/g, '-')}`;
const camel = (param: string) => param.replace(/_(.)/g, (_, c: string) => c.toUpperCase());

export interface ViewCliOptions {
  db: string;
  sort?: string;
  dir?: string;
  json?: boolean;
  csv?: boolean;
  [filterField: string]: string | boolean | undefined;
}

/** A text cell of the plain table: as the pages show it. */
function text(c: ViewColumn, value: unknown, bands: GapBand[]): string {
  if (value === null || value === undefined) return '';
  if (c.format === 'band') return bands.find((b) => b.id === value)?.label ?? String(value);
  if (c.format === 'wan') return formatWan(value as string);
  if (c.format === 'rate') return formatRate(Number(value));
  if (c.format === 'points' || c.format === 'change') return formatPointsShort(Number(value));
  return c.labels?.[String(value)] ?? String(value);
}

/**
 * `fund-monitor view <id>`: every row of a registered view, read as the JSON route and the export read it (the same
 * request parsing, query and JSON), for the whole county: the CLI is used by whoever holds the database file.
 */
export async function viewCommand(id: string, opts: ViewCliOptions): Promise<void> {
  const view = viewById(id);
  if (!view) throw new Error(`没有视图 ${id}；可用：${VIEWS.map((v) => v.id).join(', ')}`);
  // The options back into URL parameters, so the CLI and the routes parse a request with the same code.
  const sp: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const param = FILTER_PARAMS[key].param;
    const value = opts[camel(param)];
    if (typeof value === 'string') sp[param] = value;
  }
  if (opts.sort) sp.sort = opts.sort;
  if (opts.dir) sp.dir = opts.dir;
  const { filter, sort, problems } = parseViewRequest(view, sp);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('\n'));
  // Read-write: opening migrates, so a file from an older version gets the current measure macros (queries/routines.ts).
  const db = await openExistingDb(opts.db);
  try {
    const scope: Scope = { kind: 'all' };
    const query = { filter: await resolveDates(db, filter), sort, page: null };
    // Whoever holds the database file reads every column of it: the CLI acts as the admin, ID numbers whole.
    const result = await runView(db, view, query, scope, 'whole');
    const bands = (await getSettings(db)).gapBands;
    if (opts.json) {
      console.log(JSON.stringify(viewJson(view, query, result), null, 2));
    } else if (opts.csv) {
      process.stdout.write(viewCsv(view, result.rows, bands));
    } else {
      console.log(`${view.title}  ${query.filter.year} 年度，截止 ${query.filter.asOf}，${result.count} 行`);
      console.log(view.columns.map((c) => c.label).join('\t'));
      for (const row of result.rows) console.log(view.columns.map((c) => text(c, row[c.key], bands)).join('\t'));
    }
  } finally {
    db.close();
  }
}

export const viewFilterOptions = () => FILTER_KEYS.map((k) => ({ flag: `${filterOption(FILTER_PARAMS[k].param)} <value>`, label: FILTER_PARAMS[k].label }));
