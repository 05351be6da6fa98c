import path from 'node:path';
import { formatDateTime } from '@/lib/format';
import { KIND_LABELS } from '@/lib/import/types';
import { importChoicesOf, importOutcomeLines, runImportCommand, type ImportFlags } from '@/lib/import/command';
import { getBatch, listBatches } from '@/queries/import/batches';
import { rollbackBatch } from '@/queries/import/rollback';
import { auditRollback } from '@/lib/import/audit';
import { openExistingDb } from './open-existing';
import { openForWriting } from './locked-db';
import { remoteImport } from './import-remote';

/** The CLI's user name for batch records and rollbacks. */
export const cliUser = () => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

/** Who the audit log names for a CLI import or rollback: --user, else 'cli' (the web routes audit their own calls). */
const auditActor = (user: string | undefined) => user ?? 'cli';

/** DuckDB's share of memory for an import; big files spill to disk beyond it (peak RSS stays under 1.5 GB). */
export const IMPORT_MEMORY_LIMIT = '1GB';

export interface ImportCommandOptions extends ImportFlags {
  db: string;
  /** Save the mapping used as a preset of this name (--save-preset). */
  savePreset?: string;
  rawDir?: string;
  user?: string;
  json?: boolean;
  /** Import through this running server's route instead of into the file (--server, with --token). */
  server?: string;
  token?: string;
}

/** `fund-monitor import FILE --kind KIND`: prints the result; throws (exit 1) when nothing could be imported. */
export async function importCommand(file: string, opts: ImportCommandOptions): Promise<void> {
  const choices = importChoicesOf(opts);
  if (opts.server) {
    const local = (['savePreset', 'rawDir', 'user'] as const).filter((k) => opts[k] !== undefined);
    if (local.length) throw new Error('--server 导入由服务器按令牌的用户记录，不能同时使用 --save-preset、--raw-dir 或 --user');
    return remoteImport(file, opts, { server: opts.server, token: opts.token, json: opts.json });
  }
  const db = await openForWriting(opts.db, { memoryLimit: IMPORT_MEMORY_LIMIT });
  try {
    const result = await runImportCommand(db, file, path.basename(file), choices, {
      user: opts.user ?? cliUser(), actor: auditActor(opts.user), mayCreateUnits: true, rawDir: opts.rawDir, savePreset: opts.savePreset,
      via: { via: 'cli' },
    });
    console.log(opts.json ? JSON.stringify(result) : importOutcomeLines(result, opts.savePreset).join('\n'));
  } finally {
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
