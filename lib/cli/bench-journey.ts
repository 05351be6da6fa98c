import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderBriefingPdf } from '@/lib/briefing/pdf';
import { DEMO_DEFAULTS } from '@/lib/demo/generate';
import { formatRate } from '@/lib/format';
import type { Cell, ExportTable } from '@/lib/export/table';
import { xlsxBuffer } from '@/lib/export/xlsx';
import { importFile } from '@/lib/import/import-file';
import type { ImportKind } from '@/lib/import/types';
import type { ViewRow } from '@/lib/views/types';
import { loadBriefing } from '@/queries/briefing/load';
import { Db } from '@/queries/db';
import { runRules } from '@/queries/rules/run';
import { splitStatements } from '@/queries/script';
import { sqlFile, sqlString } from '@/queries/sql';
import { buildDemoFile } from './demo';
import { transcodeUtf8ToGbk } from './gbk-encode';
import { IMPORT_MEMORY_LIMIT } from './import';

interface BenchJourneyOptions {
  payments: number;
  keep?: boolean;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

/** The 项目库 as the planning system's XLSX: its amount in 万元, as the header says. */
const PROJECT_TABLE: ExportTable = {
  title: '项目库',
  caption: ['示范县'],
  columns: [
    { label: '项目编码', format: 'text' }, { label: '项目名称', format: 'text' }, { label: '年度', format: 'int' },
    { label: '项目类型', format: 'text' }, { label: '乡镇', format: 'text' }, { label: '村', format: 'text' },
    { label: '实施单位', format: 'text' }, { label: '计划投资', format: 'wan' }, { label: '开工日期', format: 'text' },
    { label: '计划完工日期', format: 'text' }, { label: '实际完工日期', format: 'text' }, { label: '项目状态', format: 'text' },
  ],
};

/** The demo's ledger written out as the clerk's files, and its register of towns, villages and departments (not timed). */
async function writeFiles(source: string, dir: string): Promise<Partial<Record<ImportKind, string>>> {
  const db = await Db.open(source, { readOnly: true });
  try {
    const projects = await db.withConnection(async (conn) => {
      const folder = dir.replace(/'/g, "''");
      for (const s of splitStatements(sqlFile('lib/cli/bench-journey-files.sql').replaceAll('__DIR__', folder))) await conn.run(s);
      return (await conn.runAndReadAll('SELECT * FROM journey_projects')).getRowsJson() as Cell[][];
    });
    const projectsFile = path.join(dir, '项目库.xlsx');
    await writeFile(projectsFile, await xlsxBuffer(PROJECT_TABLE, projects));
    const payments = path.join(dir, '支付.csv');
    await transcodeUtf8ToGbk(path.join(dir, '支付-utf8.csv'), payments);
    rmSync(path.join(dir, '支付-utf8.csv'));
    // In the order a clerk loads them: what the payments refer to first.
    return {
      indicators: path.join(dir, '指标.csv'), projects: projectsFile, perf_targets: path.join(dir, '绩效目标.csv'),
      allocations: path.join(dir, '分配.csv'), payments,
    };
  } finally {
    db.close();
  }
}

/**
 * `fund-monitor bench-journey [--payments N]`: the clerk's journey (BENCHMARKS.md "Issue 11: the clerk's journey").
 * Not timed: a demo county of N payments is built and written out as the files a clerk receives (指标, 分配 and 绩效目标 CSV,
 * 支付 GBK CSV with towns paying as 镇人民政府, 项目库 XLSX in 万元), and a fresh database gets the county's register of
 * towns, villages and departments (set up once when a county starts). Timed, in one process as the server runs them:
 * the five imports (指标, 项目库, 绩效目标, 分配, 支付), every rule, and the county's 通报 PDF as of the newest payment. The goal: under 60 s in all.
 */
export async function benchJourneyCommand(opts: BenchJourneyOptions): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fund-monitor-journey-'));
  try {
    const source = path.join(dir, 'source.duckdb');
    let t = performance.now();
    await buildDemoFile(source, { ...DEMO_DEFAULTS, payments: opts.payments });
    const files = await writeFiles(source, dir);
    console.log(`demo county of ${opts.payments} payments built and written out in ${secs(performance.now() - t)}:`);
    for (const [kind, file] of Object.entries(files)) console.log(`  ${kind}: ${path.basename(file)} ${mb(file)}`);

    const target = path.join(dir, 'county.duckdb');
    const db = await Db.open(target, { memoryLimit: IMPORT_MEMORY_LIMIT });
    try {
      await db.run(`ATTACH ${sqlString(source)} AS demo (READ_ONLY);
        INSERT INTO units SELECT * FROM demo.units WHERE kind <> 'section' ORDER BY id; DETACH demo;`);
      const steps: [string, number, string][] = [];
      const started = performance.now();
      for (const [kind, file] of Object.entries(files) as [ImportKind, string][]) {
        t = performance.now();
        const r = await importFile({ db, filePath: file, fileName: path.basename(file), kind, rawDir: path.join(dir, 'raw'), user: 'bench' });
        steps.push([`import ${path.basename(file)}`, performance.now() - t, `${r.accepted} accepted, ${r.rejected} rejected, ${r.duplicates} duplicates`]);
      }
      t = performance.now();
      const rules = await runRules(db, { actor: 'bench' });
      steps.push([`${rules.rules.length} rules as of ${rules.as_of}`, performance.now() - t, `${rules.rules.reduce((n, r) => n + r.rows, 0)} warnings`]);
      t = performance.now();
      const briefing = await loadBriefing(db, Number(rules.as_of.slice(0, 4)), rules.as_of, { kind: 'county' });
      const pdf = await renderBriefingPdf(briefing);
      const total = briefing.levels.find((l) => l.level === null);
      await writeFile(path.join(dir, '通报.pdf'), pdf);
      steps.push([`通报 PDF as of ${rules.as_of}`, performance.now() - t, `${(pdf.length / 1024).toFixed(0)} KB, 支出进度 ${total ? formatRate(total.spend_rate) : '—'}`]);
      const all = performance.now() - started;
      console.log('\n| step | time | result |\n|---|---:|---|');
      for (const [name, ms, result] of steps) console.log(`| ${name} | ${secs(ms)} | ${result} |`);
      console.log(`| **all** | **${secs(all)}** | goal < 60 s |`);
      // Nothing lost on the way: the imported county's figures are the demo database's own (warnings aside: the demo
      // file was built without a rule run).
      const money = (rows: ViewRow[]) => rows.map(({ open_warnings: _, ...rest }) => rest);
      const figures = (b: typeof briefing) => JSON.stringify([b.levels, b.monthly, b.stalled, b.stalledTotal,
        money(b.rankings.sections), money(b.rankings.departments), money(b.rankings.towns)]);
      const demo = await Db.open(source, { readOnly: true });
      const same = figures(await loadBriefing(demo, briefing.year, briefing.asOf, { kind: 'county' }).finally(() => demo.close())) === figures(briefing);
      console.log(`\nthe 通报's levels, months, rankings and idle balances (warnings aside) equal the demo database's: ${same ? 'yes' : 'NO'}`);
    } finally {
      db.close();
    }
  } finally {
    if (opts.keep) console.log(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
