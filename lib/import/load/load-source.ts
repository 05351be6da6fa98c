import type { DuckDBConnection } from '@duckdb/node-api';
import { connRows, type Db } from '@/queries/db';
import { runScript } from '@/queries/script';
import { sqlFile } from '@/queries/sql';
import { addBatchDays } from '@/queries/payments/days';
import type { ImportKind, ImportResult, RejectRow, SourceInfo, SubtotalMismatch } from '../types';
import {
  applyDocsSql, applyLookupsSql, candidateKeysSql, columnsSql, docNamesSql, insertSql, tableHasRowsSql, namesSql, rawRereadSql, rejectsSql, usedUnitsSql, villageTownsSql, villageWithoutTown,
} from './load-sql';
import { knownLookups, type KnownLookups } from './lookup-enums';
import { mappingJson } from './mapping';
import { planLoad, type LoadOptions, type LoadPlan } from './plan';
import { RawCopy } from './raw-file';
import { blankEmptyLines } from '../source/empty-lines';
import { needsSerialRead, rowOrderCheckSql, rowsSql } from './rows-sql';
import { serialized } from './serialize';
import { TARGETS } from './targets';
import { isListKind, LIST_KIND, type ListImportKind } from '../comparison-list';
import { viewSql, type TableColumn } from './view-sql';
import { importTracer, type Trace } from './trace';
import { failpoint } from '@/lib/faults/failpoint';

export interface RawFileOptions {
  /** The file as the user gave it (kept byte for byte, and hashed). */
  filePath: string;
  /** Where raw files are kept. */
  rawDir: string;
  /** The copy, if the caller started it already (importFile does, beside the source reading). */
  copy?: Promise<RawCopy>;
  /** The caller's step tracer (importFile's, which timed the reading already). */
  trace?: Trace;
}

/** How many rejects the result carries; all of them are stored with the batch. */
export const RESULT_REJECTS = 100;

async function tableColumns(conn: DuckDBConnection, table: string): Promise<Map<string, TableColumn>> {
  const cols = await connRows<{ column_name: string; data_type: string; is_nullable: boolean }>(conn, sqlFile('queries/import/table_columns.sql'), { t: table });
  return new Map(cols.map((c) => [c.column_name, { name: c.column_name, type: c.data_type, notNull: !c.is_nullable }]));
}

interface Summary {
  rows_read: string;
  accepted: string;
  rejected: string;
  duplicates: string;
  subtotal_rows_skipped: string;
  amount_total: string;
  totals_reconciled: boolean | null;
  missing_raw: string;
}

/** What an import's connection holds before the first pass: the parser macros, the target's columns, the known names. */
export interface Prepared {
  columns: Map<string, TableColumn>;
  known: KnownLookups;
}

/**
 * Prepares an import's connection: the target table's columns and the names the database knows (imp_fund_sets; the
 * parser macros are in the database already, see queries/routines.ts). Needs only the kind, so importFile runs it
 * while the file is read.
 */
export async function prepareConnection(conn: DuckDBConnection, kind: ImportKind, fundChoices?: Record<string, number>): Promise<Prepared> {
  const columns = await tableColumns(conn, TARGETS[kind].table);
  const known = await knownLookups(conn, fundChoices);
  await runScript(conn, known.fundSetsSql);
  return { columns, known };
}

/**
 * Loads one source (already read into a UTF-8 CSV of data records) into the database: one typed pass over the file,
 * then lookups, duplicate checks and, in ONE transaction, the batch, the accepted rows, any new units and the rejects.
 * Any error rolls all of it back and removes the raw copy.
 */
export async function loadSource(db: Db, source: SourceInfo, raw: RawFileOptions, options: LoadOptions): Promise<ImportResult> {
  return serialized(db, () => db.withConnection((conn) => loadOnConnection(conn, source, raw, options)));
}

/**
 * loadSource on a connection the caller holds (importFile: inside the import queue, see serialize.ts), optionally
 * already being prepared (prepareConnection).
 */
export async function loadOnConnection(
  conn: DuckDBConnection, source: SourceInfo, raw: RawFileOptions, options: LoadOptions, prepared?: Promise<Prepared>,
): Promise<ImportResult> {
  let plan: LoadPlan;
  try {
    // A comparison list's rows name the list the import makes (targets.ts), so its id is known before the plan.
    const listId = isListKind(options.kind)
      ? Number((await connRows<{ id: number }>(conn, sqlFile('queries/import/list_next_id.sql')))[0].id)
      : undefined;
    plan = planLoad(source, options, listId);
  } catch (error) {
    await prepared?.catch(() => undefined);
    await raw.copy?.then((c) => c.discard(), () => undefined);
    throw error;
  }
  return load(conn, plan, raw, prepared ?? prepareConnection(conn, plan.kind, options.fundChoices));
}

async function load(conn: DuckDBConnection, plan: LoadPlan, raw: RawFileOptions, preparing: Promise<Prepared>): Promise<ImportResult> {
  const { source, target, options } = plan;
  const trace = raw.trace ?? importTracer();
  // The raw copy and its checksum run beside the first pass (in a worker thread).
  const copying = raw.copy ?? RawCopy.start(raw.filePath, raw.rawDir, source.fileName);
  copying.catch(() => undefined);
  let copy: RawCopy | null = null;
  let inTransaction = false;
  try {
    const { columns, known } = await preparing;
    trace('setup');

    // The first pass keeps the file's order (imp_rows.rowid = record position); nothing after it needs any order.
    await conn.run('SET preserve_insertion_order = true');
    let parallel = true;
    const firstPass = async () => {
      try {
        await conn.run(rowsSql(plan, known, parallel));
      } catch (error) {
        if (!parallel || !needsSerialRead(error)) throw error;
        parallel = false;
        await conn.run(rowsSql(plan, known, false));
      }
    };
    await firstPass();
    trace('read and parse');
    copy = await copying;
    // Rarely a CSV has empty lines among its records, which DuckDB skips: they are blanked in a copy and the file is
    // read again, so that row numbers stay Excel's (source/empty-lines.ts).
    if (copy.mayHaveEmptyLines && source.format === 'csv' && (await blankEmptyLines(source))) {
      await firstPass();
      trace('read again (empty lines)');
    }
    // Nothing after the first pass needs the file's order, and the inserts run faster without keeping it.
    await conn.run('SET preserve_insertion_order = false');
    const batchId = Number((await connRows<{ id: string }>(conn, "SELECT nextval('import_batch_seq') AS id"))[0].id);
    const rawPath = await copy.name(batchId);
    trace('raw copy');

    // 小计 lines cut the table into sections (sections.sql), to check them and to place villages (section_villages.sql).
    const hasSubtotals = (await connRows<{ has: boolean | null }>(conn, "SELECT bool_or(total_kind = 'sub') AS has FROM imp_rows"))[0].has === true;
    await conn.run('BEGIN TRANSACTION');
    inTransaction = true;
    await conn.run(namesSql(plan));
    await runScript(conn, sqlFile('queries/import/lookup_funds.sql'), { choices: JSON.stringify(options.fundChoices ?? {}) });
    await runScript(conn, sqlFile('queries/import/lookup_units.sql'), { allow_new: options.allowNewUnits ?? false });
    for (const update of applyLookupsSql(plan)) await conn.run(update);
    if (hasSubtotals) await runScript(conn, sqlFile('queries/import/sections.sql'), { first_row: source.firstDataRow });
    if (villageWithoutTown(plan)) {
      if (hasSubtotals) await runScript(conn, sqlFile('queries/import/section_villages.sql'), { first_row: source.firstDataRow });
      await conn.run(villageTownsSql());
    }
    if (target.table === 'payments' && plan.mapping.byField.has('indicator_doc_no')) {
      await conn.run(docNamesSql());
      await runScript(conn, sqlFile('queries/import/lookup_docs.sql'));
      await conn.run(applyDocsSql());
    }
    if (options.sectionId !== undefined) await runScript(conn, sqlFile('queries/import/section.sql'));
    if (!(await connRows<{ ok: boolean }>(conn, rowOrderCheckSql()))[0].ok) {
      throw new Error('导入内部错误：行号对应关系被打乱，已全部撤回');
    }
    await conn.run(viewSql(plan, columns));
    trace('lookups');
    const tableHasRows = (await connRows<{ has_rows: boolean }>(conn, tableHasRowsSql(plan)))[0].has_rows;
    for (const statement of candidateKeysSql(plan, columns, tableHasRows)) await conn.run(statement);
    await conn.run(viewSql(plan, columns, 'imp_rows_cand', 'imp_view_cand'));
    trace('keys');
    await runScript(conn, sqlFile('queries/import/classify_keys.sql'));
    await runScript(conn, sqlFile('queries/import/classify.sql'), { key_label: target.keyLabel, section: options.sectionId ?? null });
    const replaced = target.table === 'projects' ? await replaceGeneratedCodes(conn, batchId) : null;
    trace('duplicates');
    const summary = (await connRows<Summary>(conn, sqlFile('queries/import/summary.sql'), { has_amount: !!target.amountField }))[0];
    const subtotals = target.amountField && hasSubtotals
      ? await connRows<SubtotalMismatch & { ok: boolean }>(conn, sqlFile('queries/import/subtotals.sql'))
      : [];
    const subtotalMismatches = subtotals.filter((s) => !s.ok).map(({ row, stated, rows_sum }) => ({ row, stated, rows_sum }));
    trace('summary');

    const optionsRecord: Record<string, unknown> = {
      unit: options.unit ?? null, money_units: plan.moneyUnits, day_first: options.dayFirst ?? false,
      allow_new_units: options.allowNewUnits ?? false, fund_choices: options.fundChoices ?? {}, sheet: options.sheet ?? source.sheet ?? null,
      raw_headers: source.rawHeaders, first_data_row: source.firstDataRow, format: source.format,
      ...(plan.kind === 'projects' ? { year: options.year ?? source.yearHint, status: options.status ?? null } : {}),
      ...(options.list ? { list: options.list } : {}),
      ...(options.sectionId !== undefined ? { section_id: options.sectionId } : {}),
      ...(subtotalMismatches.length ? { subtotal_mismatches: subtotalMismatches } : {}),
      ...(replaced ? { replaced_generated: replaced } : {}),
    };
    await runScript(conn, sqlFile('queries/import/batch_insert.sql'), {
      id: batchId, kind: plan.kind, file_name: source.fileName, sha256: copy.sha256, encoding: source.encoding,
      mapping: mappingJson(plan.mapping), options: JSON.stringify(optionsRecord), raw_path: rawPath, user: options.user ?? null,
    });
    if (plan.list) {
      const { id, label, department, holds } = plan.list;
      await runScript(conn, sqlFile('queries/import/list_insert.sql'), {
        id, label, department, kind: LIST_KIND[plan.kind as ListImportKind], holds, user: options.user ?? null, batch: batchId,
      });
    }
    optionsRecord.created_unit_ids = await createUnits(conn, plan);
    const inserted = (await conn.run(insertSql(plan), { batch: batchId })).rowsChanged;
    if (inserted !== Number(summary.accepted)) {
      throw new Error(`导入内部错误：应写入 ${summary.accepted} 行，实际写入 ${inserted} 行；已全部撤回`);
    }
    if (plan.target.table === 'payments') await addBatchDays(conn, batchId);
    trace('insert');
    // A row found clean in the first pass kept no raw cells; if it is rejected after all (a key conflict, say), the
    // file is read again for them.
    const missingRaw = Number(summary.missing_raw);
    if (missingRaw > 0) {
      await conn.run('SET preserve_insertion_order = true');
      for (const statement of rawRereadSql(plan, parallel)) await conn.run(statement);
      await conn.run('SET preserve_insertion_order = false');
    }
    await conn.run(columnsSql(plan));
    await conn.run(rejectsSql(plan, missingRaw > 0), { batch: batchId });
    trace('rejects');
    const matches = target.table === 'payments'
      ? (await connRows<{ matched_indicator: string; matched_project: string }>(conn, sqlFile('queries/import/payment_matches.sql'), { batch: batchId }))[0]
      : null;
    await runScript(conn, sqlFile('queries/import/batch_finish.sql'), {
      id: batchId, rows_read: Number(summary.rows_read), accepted: Number(summary.accepted), rejected: Number(summary.rejected),
      duplicates: Number(summary.duplicates), subtotal_rows_skipped: Number(summary.subtotal_rows_skipped),
      totals_reconciled: summary.totals_reconciled, amount_total: summary.amount_total,
      matched_indicator: matches ? Number(matches.matched_indicator) : null,
      matched_project: matches ? Number(matches.matched_project) : null,
      options: JSON.stringify(optionsRecord),
    });
    const rejects = await connRows<RejectRow>(conn, sqlFile('queries/import/rejects.sql'), { batch: batchId, limit: RESULT_REJECTS, offset: 0 });
    await failpoint('import-before-commit');
    await conn.run('COMMIT');
    inTransaction = false;
    await failpoint('import-after-commit');
    await copy.keep();
    trace('commit');

    return {
      batch_id: batchId,
      kind: plan.kind,
      file_name: source.fileName,
      sha256: copy.sha256,
      encoding: source.encoding,
      rows_read: Number(summary.rows_read),
      accepted: Number(summary.accepted),
      rejected: Number(summary.rejected),
      duplicates: Number(summary.duplicates),
      subtotal_rows_skipped: Number(summary.subtotal_rows_skipped),
      totals_reconciled: summary.totals_reconciled,
      subtotals_reconciled: subtotals.length ? subtotalMismatches.length === 0 : null,
      subtotal_mismatches: subtotalMismatches,
      amount_total_yuan: summary.amount_total,
      ...(matches ? { matched_indicator: Number(matches.matched_indicator), matched_project: Number(matches.matched_project) } : {}),
      ...(replaced !== null ? { replaced_generated: replaced } : {}),
      rejects,
    };
  } catch (error) {
    if (inTransaction) await conn.run('ROLLBACK').catch(() => undefined);
    if (!copy) copy = await copying.catch(() => null);
    await copy?.discard();
    throw error;
  } finally {
    // The setting is instance-wide; everything else in the application runs with DuckDB's default.
    await conn.run('SET preserve_insertion_order = true').catch(() => undefined);
  }
}

/**
 * 项目库: real codes take the place of the generated codes of the same projects, and a list's rows already replaced
 * count as duplicates (project_replace.sql). Returns how many projects were replaced.
 */
async function replaceGeneratedCodes(conn: DuckDBConnection, batchId: number): Promise<number> {
  await runScript(conn, sqlFile('queries/import/project_replace.sql'), { batch: batchId });
  return Number((await connRows<{ n: string }>(conn, 'SELECT count(*) AS n FROM imp_replaced'))[0].n);
}

/** Inserts the new units accepted rows use (only with allowNewUnits); returns their ids for a later rollback. */
async function createUnits(conn: DuckDBConnection, plan: LoadPlan): Promise<number[]> {
  const planned = Number((await connRows<{ n: string }>(conn, 'SELECT count(*) AS n FROM imp_new_units'))[0].n);
  const used = usedUnitsSql(plan);
  if (planned === 0 || !used) return [];
  await conn.run(used);
  await runScript(conn, sqlFile('queries/import/new_units.sql'));
  const ids = await connRows<{ id: number }>(conn, sqlFile('queries/import/new_unit_ids.sql'));
  return ids.map((r) => r.id);
}
