import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Db } from '@/queries/db';
import { runScript, splitStatements } from '@/queries/script';
import { sqlFile } from '@/queries/sql';
import { importFile } from '@/lib/import/import-file';
import type { ImportResult } from '@/lib/import/types';
import { transcodeUtf8ToGbk } from './gbk-encode';
import { IMPORT_MEMORY_LIMIT } from './import';

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

async function timeBare(dir: string, utf8File: string): Promise<number> {
  const db = await freshDb(dir, 'bare');
  try {
    const started = performance.now();
    await db.run(`CREATE TABLE payments_bare AS SELECT * FROM read_csv('${utf8File.replace(/'/g, "''")}', header = true,
      auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${BARE_COLUMNS})`);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

async function timeImport(dir: string, file: string): Promise<{ ms: number; result: ImportResult }> {
  const db = await freshDb(dir, 'import');
  try {
    const started = performance.now();
    const result = await importFile({ db, filePath: file, fileName: path.basename(file), kind: 'payments', rawDir: path.join(dir, 'raw'), user: 'bench' });
    const ms = performance.now() - started;
    rmSync(path.join(dir, 'raw'), { recursive: true, force: true });
    return { ms, result };
  } finally {
    db.close();
  }
}

/**
 * `fund-monitor bench-import --rows N`: generates a payments export of N rows in UTF-8 and in GBK, imports each with
 * full validation into a fresh database, and times it beside a bare typed read_csv of the same data in the same run
 * (median of --runs). DuckDB cannot decode GBK, so the GBK import is compared with the bare read of its UTF-8 twin.
 */
export async function benchImportCommand(opts: BenchImportOptions): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-bench-import-'));
  try {
    let started = performance.now();
    const utf8 = await generate(dir, opts.rows);
    const gbk = path.join(dir, 'payments-gbk.csv');
    await transcodeUtf8ToGbk(utf8, gbk);
    console.log(`generated ${opts.rows} payments: UTF-8 ${mb(statSync(utf8).size)}, GBK ${mb(statSync(gbk).size)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`peak memory after generating: ${mb(rss())}\n`);

    const lines: string[] = [];
    for (const [label, file] of [['UTF-8', utf8], ['GBK', gbk]] as const) {
      await warm(utf8);
      await warm(file);
      const bare: number[] = [];
      const full: number[] = [];
      let last: ImportResult | undefined;
      for (let i = 0; i < opts.runs; i++) {
        bare.push(await timeBare(dir, utf8));
        const r = await timeImport(dir, file);
        full.push(r.ms);
        last = r.result;
        console.log(`${label} run ${i + 1}: bare read_csv ${(bare[i] / 1000).toFixed(2)} s, import ${(full[i] / 1000).toFixed(2)} s`);
      }
      const ratio = median(full) / median(bare);
      lines.push(`| ${label} | ${(median(bare) / 1000).toFixed(2)} s | ${(median(full) / 1000).toFixed(2)} s | ${ratio.toFixed(2)}× |`);
      console.log(`  result: ${JSON.stringify({ ...last, rejects: last?.rejects.slice(0, 3) })}`);
    }
    console.log(`\n${opts.rows} payments, median of ${opts.runs} run(s); DuckDB ${IMPORT_MEMORY_LIMIT} memory limit, 2 threads\n`);
    console.log('| file | bare typed read_csv | import with full validation | ratio |\n|---|---:|---:|---:|');
    for (const l of lines) console.log(l);
    console.log(`\npeak memory (max RSS of this process, generation included): ${mb(rss())}`);
    started = performance.now();
  } finally {
    if (opts.keep) console.log(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
