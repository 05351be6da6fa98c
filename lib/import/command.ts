import type { Db } from '@/queries/db';
import { IMPORT_KINDS, KIND_LABELS, type AmountUnit, type ImportKind, type ImportResult, type SourceInfo } from './types';
import { importFile } from './import-file';
import { cleanupSource, readSource } from './source';
import { resolveMapping } from './load/mapping';
import { projectChoicesOf, type ProjectStatus } from './project-status';
import { isListKind, listChoiceOf, LIST_IMPORT_KINDS, type ListChoice } from './comparison-list';
import { batchAuditTarget } from './audit';
import { loadPreset, savePreset } from '@/queries/import/presets';
import { audit } from '@/queries/auth/audit';
import { runRulesAfterImport } from '@/lib/rules/after-import';
import { mappingPayload } from '@/components/import/mapping-state';
import { subtotalsText } from '@/components/import/result-text';
import { mapOptions } from '@/lib/cli/map-option';

/**
 * An import as a command asks for it, in one place for both ways it arrives: `fund-monitor import FILE` on the file
 * itself, and POST /api/import/file from `fund-monitor import --server` (docs/security.md "API tokens"), whose query
 * parameters carry the same flags. Both run runImportCommand and print importOutcomeLines, so a server import answers
 * exactly what a local one prints.
 */

/** The flags as typed (strings), before they are checked. */
export interface ImportFlags {
  kind: string;
  sheet?: string;
  unit?: string;
  encoding?: string;
  /** A saved header mapping (preset) of the kind. */
  mapping?: string;
  /** `列名=字段` pairs (--map, repeatable). */
  map?: string[];
  /** 项目库: the year and status of rows without one. */
  year?: string;
  status?: string;
  /** 比对名单: its label, the department it came from, what it holds. */
  label?: string;
  department?: string;
  holds?: string;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
}

/** A request the command cannot carry out as asked (an unknown kind, preset or column): the user's to correct. */
export class ImportRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRequestError';
  }
}

export interface ImportChoices {
  kind: ImportKind;
  sheet?: string;
  unit?: AmountUnit;
  encoding?: 'utf-8' | 'gb18030';
  preset?: string;
  map: string[];
  year?: number;
  status?: ProjectStatus;
  list?: ListChoice;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
}

function kindOf(value: string): ImportKind {
  const byLabel = IMPORT_KINDS.find((k) => KIND_LABELS[k] === value);
  if (byLabel) return byLabel;
  if (!(IMPORT_KINDS as readonly string[]).includes(value)) {
    throw new ImportRequestError(`未知的导入类型 --kind ${value}；可选：${IMPORT_KINDS.map((k) => `${k}（${KIND_LABELS[k]}）`).join('、')}`);
  }
  return value as ImportKind;
}

function unitOf(value: string | undefined): AmountUnit | undefined {
  if (value === undefined) return undefined;
  if (value === '元' || value === '万元') return value;
  throw new ImportRequestError(`--unit 只能是 元 或 万元（收到 ${value}）`);
}

function encodingOf(value: string | undefined): 'utf-8' | 'gb18030' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/_/g, '-');
  if (v === 'utf-8' || v === 'utf8') return 'utf-8';
  if (v === 'gbk' || v === 'gb18030' || v === 'gb2312') return 'gb18030';
  throw new ImportRequestError(`--encoding 只能是 utf-8 或 gb18030（GBK）（收到 ${value}）`);
}

/** Checks the flags before anything is read; throws ImportRequestError naming the flag. */
export function importChoicesOf(flags: ImportFlags): ImportChoices {
  const kind = kindOf(flags.kind);
  try {
    if ((flags.year !== undefined || flags.status !== undefined) && kind !== 'projects') {
      throw new Error('--year 和 --status 只用于项目库（--kind projects）');
    }
    if ((flags.label !== undefined || flags.department !== undefined || flags.holds !== undefined) && !isListKind(kind)) {
      throw new Error(`--label、--department 和 --holds 只用于比对名单（--kind ${LIST_IMPORT_KINDS.join(' | ')}）`);
    }
    return {
      kind, sheet: flags.sheet, unit: unitOf(flags.unit), encoding: encodingOf(flags.encoding), preset: flags.mapping,
      map: flags.map ?? [], ...projectChoicesOf({ year: flags.year, status: flags.status }),
      list: isListKind(kind) ? listChoiceOf(kind, flags) : undefined, dayFirst: flags.dayFirst, allowNewUnits: flags.allowNewUnits,
    };
  } catch (error) {
    throw error instanceof ImportRequestError ? error : new ImportRequestError((error as Error).message);
  }
}

/** The flags as the query string of POST /api/import/file, and back: one spelling, so the two cannot disagree. */
const TEXT_FLAGS = ['kind', 'sheet', 'unit', 'encoding', 'mapping', 'year', 'status', 'label', 'department', 'holds'] as const;
const SWITCHES = { dayFirst: 'day-first', allowNewUnits: 'allow-new-units' } as const;

export function importFlagsQuery(flags: ImportFlags): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of TEXT_FLAGS) if (flags[key] !== undefined) q.set(key, flags[key]);
  for (const pair of flags.map ?? []) q.append('map', pair);
  for (const [key, param] of Object.entries(SWITCHES)) if (flags[key as keyof typeof SWITCHES]) q.set(param, '1');
  return q;
}

export function importFlagsOfQuery(q: URLSearchParams): ImportFlags {
  const flags: ImportFlags = { kind: q.get('kind') ?? '', map: q.getAll('map') };
  for (const key of TEXT_FLAGS) if (key !== 'kind' && q.has(key)) flags[key] = q.get(key)!;
  for (const [key, param] of Object.entries(SWITCHES)) if (q.get(param) === '1') flags[key as keyof typeof SWITCHES] = true;
  return flags;
}

/** Who runs the import and with which rights: the CLI acts as the file's holder, the route as the token's user. */
export interface ImportContext {
  /** Recorded with the batch. */
  user: string;
  /** Named by the audit log. */
  actor: string;
  /** A 股室's import: only its own funds' rows (docs/import-limits.md); undefined for the admin and the CLI. */
  sectionId?: number;
  /** Whether --allow-new-units may take effect (permissions.createUnitsOnImport). */
  mayCreateUnits: boolean;
  rawDir?: string;
  fileIsOwned?: boolean;
  /** Keep the mapping used as a preset of this name (CLI only). */
  savePreset?: string;
  ip?: string | null;
  /** Added to the audit entry's detail: how the import arrived. */
  via: Record<string, unknown>;
}

/** What the command prints with --json: the batch's result and the rule run that followed it. */
export type ImportOutcome = ImportResult & { warnings: { run_id: number; new: number } | null };

/**
 * Imports the file as one batch, saves the preset when asked, audits, and runs the warning rules over the new data
 * before answering (a command, and a machine waiting on the route, want the whole outcome).
 */
export async function runImportCommand(db: Db, file: string, fileName: string, c: ImportChoices, ctx: ImportContext): Promise<ImportOutcome> {
  let source: SourceInfo | undefined;
  try {
    // --map names the file's columns, so the file is read first (as the web page's mapping step does), and the import
    // takes that reading.
    if (c.map.length || ctx.savePreset) source = await readSource(file, fileName, { kind: c.kind, sheet: c.sheet, encoding: c.encoding });
    const preset = c.preset ? await loadPreset(db, c.kind, c.preset) : null;
    if (c.preset && !preset) throw new ImportRequestError(`没有名为“${c.preset}”的${KIND_LABELS[c.kind]}映射方案`);
    let mapping;
    try {
      mapping = { ...preset?.mapping, ...(source ? mapOptions(c.kind, source, c.map) : {}) };
    } catch (error) {
      throw new ImportRequestError((error as Error).message);
    }
    const options = {
      unit: c.unit ?? preset?.options.unit,
      dayFirst: c.dayFirst ?? preset?.options.dayFirst,
      allowNewUnits: c.allowNewUnits ?? preset?.options.allowNewUnits,
    };
    const result = await importFile({
      db, filePath: file, fileName, kind: c.kind, mapping, ...options, allowNewUnits: ctx.mayCreateUnits && options.allowNewUnits,
      year: c.year, status: c.status, list: c.list, sheet: c.sheet, encoding: c.encoding, source,
      sectionId: ctx.sectionId, rawDir: ctx.rawDir, fileIsOwned: ctx.fileIsOwned, user: ctx.user,
    });
    if (ctx.savePreset && source) {
      // Saved as the page saves one: every column of this file → its field, or null (不导入).
      const resolved = resolveMapping(c.kind, source.headers, source.rawHeaders, mapping);
      const columns = resolved.columns.map((col) => ({ index: col.index, header: col.header, rawHeader: col.rawHeader, field: col.field?.id ?? null }));
      await savePreset(db, {
        name: ctx.savePreset, kind: c.kind, mapping: mappingPayload(columns, columns.map((col) => col.field ?? '')), options, user: ctx.user,
      });
    }
    await audit(db, {
      actor: ctx.actor,
      action: 'import',
      target: batchAuditTarget(result),
      detail: {
        batch_id: result.batch_id, kind: c.kind, rows_read: result.rows_read, accepted: result.accepted, rejected: result.rejected,
        duplicates: result.duplicates, subtotal_rows_skipped: result.subtotal_rows_skipped, ...ctx.via,
      },
      ip: ctx.ip ?? null,
    });
    const run = await runRulesAfterImport(db, result.batch_id);
    return { ...result, warnings: run && { run_id: run.run_id, new: run.rules.reduce((n, r) => n + r.new, 0) } };
  } finally {
    if (source) await cleanupSource(source);
  }
}

/** What `fund-monitor import` prints without --json. */
export function importOutcomeLines(result: ImportOutcome, savedPreset?: string): string[] {
  const lines = [
    `批次 #${result.batch_id}（${KIND_LABELS[result.kind]}，${result.file_name}，${result.encoding}）`,
    `  读取 ${result.rows_read} 行：导入 ${result.accepted}，拒绝 ${result.rejected}，重复 ${result.duplicates}，小计/合计行 ${result.subtotal_rows_skipped}`,
    `  金额合计 ${result.amount_total_yuan} 元；合计行核对：${result.totals_reconciled === null ? '无合计行' : result.totals_reconciled ? '一致' : '不一致'}`,
  ];
  if (result.subtotals_reconciled !== null) lines.push(`  小计行：${subtotalsText(result)}`);
  if (result.matched_indicator !== undefined) lines.push(`  匹配指标 ${result.matched_indicator}，匹配项目 ${result.matched_project}`);
  if (result.replaced_generated) lines.push(`  替换自动生成的项目编码 ${result.replaced_generated} 个（见 docs/project-lists.md）`);
  if (savedPreset) lines.push(`  映射已保存为方案“${savedPreset.trim()}”（--mapping ${savedPreset.trim()} 或导入页面可再用）`);
  for (const r of result.rejects.slice(0, 20)) lines.push(`  第 ${r.row} 行${r.column ? `【${r.column}】` : ''}${r.reason}`);
  if (result.rejected > 0) lines.push('  （全部拒绝原因见数据导入页，或下载该批次的拒绝报告）');
  lines.push(result.warnings ? `  预警规则运行 #${result.warnings.run_id}：新增预警 ${result.warnings.new} 条` : '  预警规则未能运行（原因见错误输出）');
  return lines;
}
