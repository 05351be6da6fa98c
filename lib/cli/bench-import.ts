import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';
import { runScript, splitStatements } from '@/queries/script';
import { sqlFile, sqlString } from '@/queries/sql';
import { importFile } from '@/lib/import/import-file';
import type { ImportResult } from '@/lib/import/types';
import { transcodeUtf8ToGbk } from './gbk-encode';
import { IMPORT_MEMORY_LIMIT } from './import';
import { CSV_BUFFER_SIZE } from '@/lib/import/load/rows-sql';

interface BenchImportOptions {
  rows: number;
  runs: number;
  keep?: boolean;
}

/** The explicitly typed columns of the bare read: what DuckDB does with no validation at all. */
const BARE_COLUMNS = `{'voucher_no': 'VARCHAR', 'pay_date': 'DATE', 'amount': 'DECIMAL(18,2)', 'indicator_id': 'VARCHAR',
  'indicator_doc_no': 'VARCHAR', 'fund': 'VARCHAR', 'unit': 'VARCHAR', 'project_code': 'VARCHAR', 'func_code': 'VARCHAR',
  'eco_code': 'VARCHAR', 'payee_name': 'VARCHAR', 'payee_account': 'VARCHAR', 'payee_bank': 'VARCHAR', 'payee_type': 'VARCHAR',
  'purpose': 'VARCHAR', 'town': 'VARCHAR', 'village': 'VARCHAR'}`;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rss = () => process.resourceUsage().maxRSS * 1024;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Wall-clock and CPU time (all threads of this process: DuckDB's, the workers', Node's) of one measured step. */
interface Timing {
  ms: number;
  cpuMs: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await fn();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** A fresh database holding the catalog and the benchmark county (not timed). */
async function freshDb(dir: string, name: string): Promise<Db> {
  const file = path.join(dir, `${name}.duckdb`);
  for (const f of [file, `${file}.wal`]) rmSync(f, { force: true });
  const db = await Db.open(file, { memoryLimit: IMPORT_MEMORY_LIMIT });
  await db.transaction((conn) => runScript(conn, sqlFile('lib/cli/bench-import-seed.sql')));
  return db;
}

async function generate(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, 'payments-utf8.csv');
  const db = await freshDb(dir, 'generate');
  try {
    // COPY and CREATE VIEW take no parameters: the path and the row count are written into the text.
    const statements = splitStatements(sqlFile('lib/cli/bench-import-csv.sql')
      .replace('__PATH__', file.replace(/'/g, "''")).replaceAll('__ROWS__', String(Math.trunc(rows))));
    const sum = await db.withConnection(async (conn) => {
      for (const s of statements.slice(0, -1)) await conn.run(s);
      const last = await conn.runAndReadAll(statements[statements.length - 1]);
      return (last.getRowObjectsJson()[0] as { sum_amount: string }).sum_amount;
    });
    // The 合计 line the county's system prints under the data: the file's own total, which the import checks.
    await appendFile(file, `合计,,${sum},,,,,,,,,,,,,,\n`);
  } finally {
    db.close();
  }
  return file;
}

async function warm(file: string): Promise<void> {
  for await (const _ of createReadStream(file, { highWaterMark: 4 << 20 }));
}

/**
 * The bare read: DuckDB's read_csv of the UTF-8 file, every column given its type, into a new table of a fresh
 * database file (CREATE TABLE … AS), with nothing checked. `bufferSize`: read_csv's buffer_size (the importer's own
 * setting, CSV_BUFFER_SIZE), else DuckDB's default. Only the statement is timed.
 */
async function timeBare(dir: string, utf8File: string, bufferSize?: number): Promise<Timing> {
  const db = await freshDb(dir, 'bare');
  try {
    return await timed(() => db.run(`CREATE TABLE payments_bare AS SELECT * FROM read_csv(${sqlString(utf8File)}, header = true,
      auto_detect = false, delim = ',', quote = '"', escape = '"'${bufferSize ? `, buffer_size = ${bufferSize}` : ''}, columns = ${BARE_COLUMNS})`));
  } finally {
    db.close();
  }
}

/**
 * The import with full validation (importFile, as the CLI runs it) into a fresh database. `upload`: as the web page
 * runs it on an uploaded file, which the server owns, so the raw copy may be a hard link (the benchmark's files and
 * raw folder share one file system).
 */
async function timeImport(dir: string, file: string, upload = false): Promise<Timing & { result: ImportResult }> {
  const db = await freshDb(dir, 'import');
  try {
    let result: ImportResult | undefined;
    const t = await timed(async () => {
      result = await importFile({
        db, filePath: file, fileName: path.basename(file), kind: 'payments', rawDir: path.join(dir, 'raw'), user: 'bench', fileIsOwned: upload,
      });
    });
    rmSync(path.join(dir, 'raw'), { recursive: true, force: true });
    return { ...t, result: result! };
  } finally {
    db.close();
  }
}

/**
 * `fund-monitor bench-import --rows N`: generates a payments export of N rows in UTF-8 and in GBK, and per run, in
 * this order and in the same process: the bare read with DuckDB's defaults, the bare read with the importer's CSV
 * buffer, the import with full validation into a fresh database as the CLI runs it, and as the web page runs it on an
 * upload. Medians of --runs. DuckDB cannot decode GBK, so the
 * GBK import is compared with the bare reads of its UTF-8 twin.
 */
export async function benchImportCommand(opts: BenchImportOptions): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-bench-import-'));
  try {
    const started = performance.now();
    const utf8 = await generate(dir, opts.rows);
    const gbk = path.join(dir, 'payments-gbk.csv');
    await transcodeUtf8ToGbk(utf8, gbk);
    console.log(`generated ${opts.rows} payments: UTF-8 ${mb(statSync(utf8).size)}, GBK ${mb(statSync(gbk).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`peak memory after generating: ${mb(rss())}\n`);

    const lines: string[] = [];
    for (const [label, file] of [['UTF-8', utf8], ['GBK', gbk]] as const) {
      await warm(utf8);
      await warm(file);
      const bare: Timing[] = [];
      const bare32: Timing[] = [];
      const full: Timing[] = [];
      const web: Timing[] = [];
      let last: ImportResult | undefined;
      for (let i = 0; i < opts.runs; i++) {
        bare.push(await timeBare(dir, utf8));
        bare32.push(await timeBare(dir, utf8, CSV_BUFFER_SIZE));
        const r = await timeImport(dir, file);
        full.push(r);
        last = r.result;
        web.push(await timeImport(dir, file, true));
        console.log(`${label} run ${i + 1}: bare read_csv ${secs(bare[i].ms)} (32 MB buffer ${secs(bare32[i].ms)}), import ${secs(r.ms)}`
          + ` (upload ${secs(web[i].ms)}) — cpu ${secs(bare[i].cpuMs)} / ${secs(bare32[i].cpuMs)} / ${secs(r.cpuMs)} / ${secs(web[i].cpuMs)}`);
      }
      const [b, b32, f, w] = [bare, bare32, full, web].map((t) => median(t.map((x) => x.ms)));
      const [bc, b32c, fc, wc] = [bare, bare32, full, web].map((t) => median(t.map((x) => x.cpuMs)));
      lines.push(`| ${label} | ${mb(statSync(file).size)} | ${secs(b)} | ${secs(b32)} | ${secs(f)} | ${(f / b).toFixed(2)}× | ${(f / b32).toFixed(2)}× |`
        + ` ${secs(w)} | ${(w / b).toFixed(2)}× | ${secs(bc)} / ${secs(b32c)} / ${secs(fc)} / ${secs(wc)} | ${mb(rss())} |`);
      console.log(`  result: ${JSON.stringify({ ...last, rejects: last?.rejects.slice(0, 3) })}`);
    }
    console.log(`\n${opts.rows} payments, median of ${opts.runs} run(s); DuckDB ${IMPORT_MEMORY_LIMIT} memory limit, 2 threads`);
    console.log('bare = read_csv of the UTF-8 file with typed columns into a new table (defaults / buffer_size 32 MB as the importer reads);');
    console.log('import = importFile with full validation, raw copy and sha256, one transaction, into a fresh database;');
    console.log('upload = the same as the web page runs it on an uploaded file (the raw copy a hard link)\n');
    console.log('| file | size | bare read (defaults) | bare read (32 MB buffer) | import | ratio to defaults | ratio to 32 MB | upload | upload ratio to defaults | CPU bare / bare 32 MB / import / upload | peak RSS so far |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const l of lines) console.log(l);
    console.log(`\npeak memory (max RSS of this process, generation included): ${mb(rss())}`);
  } finally {
    if (opts.keep) console.log(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
