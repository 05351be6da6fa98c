import path from 'node:path';
import { Db } from '@/queries/db';
import { formatDateTime } from '@/lib/format';
import { importFile } from '@/lib/import/import-file';
import { IMPORT_KINDS, KIND_LABELS, type AmountUnit, type ImportKind, type SourceInfo } from '@/lib/import/types';
import { getBatch, listBatches } from '@/queries/import/batches';
import { loadPreset, savePreset } from '@/queries/import/presets';
import { cleanupSource, readSource } from '@/lib/import/source';
import { resolveMapping } from '@/lib/import/load/mapping';
import { mappingPayload } from '@/components/import/mapping-state';
import { subtotalsText } from '@/components/import/result-text';
import { projectChoicesOf } from '@/lib/import/project-status';
import { isListKind, listChoiceOf, LIST_IMPORT_KINDS } from '@/lib/import/comparison-list';
import { mapOptions } from './map-option';
import { rollbackBatch } from '@/queries/import/rollback';
import { audit } from '@/queries/auth/audit';
import { auditRollback, batchAuditTarget } from '@/lib/import/audit';
import { openExistingDb } from './open-existing';
import { runRulesAfterImport } from '@/lib/rules/after-import';

/** The CLI's user name for batch records and rollbacks. */
export const cliUser = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

/** Who the audit log names for a CLI import or rollback: --user, else 'cli' (the web routes audit their own calls). */
const auditActor = (user: string | undefined) => user ?? 'cli';

/** DuckDB's share of memory for an import; big files spill to disk beyond it (peak RSS stays under 1.5 GB). */
export const IMPORT_MEMORY_LIMIT = '1GB';

export interface ImportCommandOptions {
  kind: string;
  db: string;
  sheet?: string;
  unit?: string;
  encoding?: string;
  mapping?: string;
  /** `列名=字段` pairs (--map, repeatable). */
  map?: string[];
  /** Save the mapping used as a preset of this name (--save-preset). */
  savePreset?: string;
  /** 项目库: the year and status of rows without one (--year, --status). */
  year?: string;
  status?: string;
  /** 比对名单: its label, the department it came from, what it holds (--label, --department, --holds). */
  label?: string;
  department?: string;
  holds?: string;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
  rawDir?: string;
  user?: string;
  json?: boolean;
}

function kindOf(value: string): ImportKind {
  const byLabel = IMPORT_KINDS.find((k) => KIND_LABELS[k] === value);
  if (byLabel) return byLabel;
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) {
    throw new Error(`未知的导入类型 --kind ${value}；可选：${IMPORT_KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')}`);
  }
  return value as ImportKind;
}

function unitOf(value: string | undefined): AmountUnit | undefined {
  if (value === undefined) return undefined;
  if (value === '元' || value === '万元') return value;
  throw new Error(`--unit 只能是 元 或 万元（收到 ${value}）`);
}

function encodingOf(value: string | undefined): 'utf-8' | 'gb18030' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/_/g, '-');
  if (v === 'utf-8' || v === 'utf8') return 'utf-8';
  if (v === 'gbk' || v === 'gb18030' || v === 'gb2312') return 'gb18030';
  throw new Error(`--encoding 只能是 utf-8 或 gb18030（GBK）（收到 ${value}）`);
}

/** `fund-monitor import FILE --kind KIND`: prints the result; throws (exit 1) when nothing could be imported. */
export async function importCommand(file: string, opts: ImportCommandOptions): Promise<void> {
  const kind = kindOf(opts.kind);
  if ((opts.year !== undefined || opts.status !== undefined) && kind !== 'projects') {
    throw new Error('--year 和 --status 只用于项目库（--kind projects）');
  }
  const { year, status } = projectChoicesOf({ year: opts.year, status: opts.status });
  if ((opts.label !== undefined || opts.department !== undefined || opts.holds !== undefined) && !isListKind(kind)) {
    throw new Error(`--label、--department 和 --holds 只用于比对名单（--kind ${LIST_IMPORT_KINDS.join(' | ')}）`);
  }
  const list = isListKind(kind) ? listChoiceOf(kind, opts) : undefined;
  const unit = unitOf(opts.unit);
  const encoding = encodingOf(opts.encoding);
  const fileName = path.basename(file);
  const db = await Db.open(opts.db, { memoryLimit: IMPORT_MEMORY_LIMIT });
  let source: SourceInfo | undefined;
  try {
    // --map names the file's columns, so the file is read first (as the web page's mapping step does), and the import
    // takes that reading.
    if (opts.map?.length || opts.savePreset) source = await readSource(file, fileName, { kind, sheet: opts.sheet, encoding });
    const preset = opts.mapping ? await loadPreset(db, kind, opts.mapping) : null;
    if (opts.mapping && !preset) throw new Error(`没有名为“${opts.mapping}”的${KIND_LABELS[kind]}映射方案`);
    const mapping = { ...preset?.mapping, ...(source ? mapOptions(kind, source, opts.map ?? []) : {}) };
    const options = {
      unit: unit ?? preset?.options.unit,
      dayFirst: opts.dayFirst ?? preset?.options.dayFirst,
      allowNewUnits: opts.allowNewUnits ?? preset?.options.allowNewUnits,
    };
    const result = await importFile({
      db, filePath: file, fileName, kind, mapping, ...options, year, status, list,
      sheet: opts.sheet,
      encoding,
      source,
      rawDir: opts.rawDir,
      user: opts.user ?? cliUser(),
    });
    if (opts.savePreset && source) {
      // Saved as the page saves one: every column of this file → its field, or null (不导入).
      const resolved = resolveMapping(kind, source.headers, source.rawHeaders, mapping);
      const columns = resolved.columns.map((c) => ({ index: c.index, header: c.header, rawHeader: c.rawHeader, field: c.field?.id ?? null }));
      await savePreset(db, {
        name: opts.savePreset, kind, mapping: mappingPayload(columns, columns.map((c) => c.field ?? '')), options, user: opts.user ?? cliUser(),
      });
    }
    await audit(db, {
      actor: auditActor(opts.user),
      action: 'import',
      target: batchAuditTarget(result),
      detail: {
        batch_id: result.batch_id, kind, rows_read: result.rows_read, accepted: result.accepted, rejected: result.rejected,
        duplicates: result.duplicates, subtotal_rows_skipped: result.subtotal_rows_skipped, via: 'cli',
      },
    });
    // The web import leaves this run in the background; a command has nothing else to do and must not close the
    // file under it.
    const run = await runRulesAfterImport(db, result.batch_id);
    const warnings = run && { run_id: run.run_id, new: run.rules.reduce((n, r) => n + r.new, 0) };
    if (opts.json) {
      console.log(JSON.stringify({ ...result, warnings }));
      return;
    }
    console.log(`批次 #${result.batch_id}（${KIND_LABELS[kind]}，${result.file_name}，${result.encoding}）`);
    console.log(`  读取 ${result.rows_read} 行：导入 ${result.accepted}，拒绝 ${result.rejected}，重复 ${result.duplicates}，小计/合计行 ${result.subtotal_rows_skipped}`);
    console.log(`  金额合计 ${result.amount_total_yuan} 元；合计行核对：${result.totals_reconciled === null ? '无合计行' : result.totals_reconciled ? '一致' : '不一致'}`);
    if (result.subtotals_reconciled !== null) console.log(`  小计行：${subtotalsText(result)}`);
    if (result.matched_indicator !== undefined) {
      console.log(`  匹配指标 ${result.matched_indicator}，匹配项目 ${result.matched_project}`);
    }
    if (result.replaced_generated) console.log(`  替换自动生成的项目编码 ${result.replaced_generated} 个（见 docs/project-lists.md）`);
    if (opts.savePreset) console.log(`  映射已保存为方案“${opts.savePreset.trim()}”（--mapping ${opts.savePreset.trim()} 或导入页面可再用）`);
    for (const r of result.rejects.slice(0, 20)) console.log(`  第 ${r.row} 行${r.column ? `【${r.column}】` : ''}${r.reason}`);
    if (result.rejected > 0) console.log(`  （全部拒绝原因见数据导入页，或下载该批次的拒绝报告）`);
    console.log(warnings ? `  预警规则运行 #${warnings.run_id}：新增预警 ${warnings.new} 条` : '  预警规则未能运行（原因见错误输出）');
  } finally {
    if (source) await cleanupSource(source);
    db.close();
  }
}

export async function batchesCommand(opts: { db: string; json?: boolean; limit: number }): Promise<void> {
  const db = await openExistingDb(opts.db);
  try {
    const batches = await listBatches(db, { limit: opts.limit });
    if (opts.json) {
      console.log(JSON.stringify(batches.map(({ mapping: _m, options: _o, ...b }) => b)));
      return;
    }
    if (batches.length === 0) console.log('还没有导入批次');
    for (const b of batches) {
      const state = b.status === 'rolled_back' ? `已撤销（${b.rolled_back_by}，${b.rolled_back_at ? formatDateTime(b.rolled_back_at) : ''}）` : '已导入';
      console.log(`#${b.id}  ${formatDateTime(b.created_at)}  ${KIND_LABELS[b.kind] ?? b.kind}  ${b.file_name}  读取 ${b.rows_read} 导入 ${b.accepted} 拒绝 ${b.rejected} 重复 ${b.duplicates}  ${state}`);
    }
  } finally {
    db.close();
  }
}

export async function rollbackCommand(id: number, opts: { db: string; user?: string; json?: boolean }): Promise<void> {
  const db = await openExistingDb(opts.db);
  try {
    const batch = await getBatch(db, id);
    const r = await rollbackBatch(db, id, opts.user ?? cliUser());
    // rollbackBatch refuses a batch that does not exist, so here it does.
    await auditRollback(db, { actor: auditActor(opts.user), batch: batch!, result: r, via: 'cli' });
    if (opts.json) console.log(JSON.stringify(r));
    else console.log(`已撤销批次 #${r.batch_id}：删除 ${r.rows_deleted} 行${r.units_deleted ? `，以及该批次新建的 ${r.units_deleted} 个单位` : ''}`);
  } finally {
    db.close();
  }
}
