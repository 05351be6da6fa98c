import { rm } from 'node:fs/promises';
import path from 'node:path';
import { BOOKKEEPING, connRows, type Db } from '../db';
import { ReadOnlyError } from '@/lib/faults/read-only';
import { namedSql } from '../sql';
import { auditOn } from '../auth/audit';
import { storePrivateFile } from '@/lib/files/private-file';
import { rawDirFor } from '@/lib/import/raw-dir';
import { BRIEFING_FORMATS } from '@/lib/briefing/formats';
import { briefingFileName } from '@/lib/briefing/title';
import type { Briefing, BriefingScope } from '@/lib/briefing/types';

const sql = () => namedSql('queries/briefing/archive.sql');

/** A generated 通报 as the archive lists it (queries/briefing/archive.sql). */
export interface ArchivedBriefing {
  id: number;
  year: number;
  as_of: string;
  scope_kind: 'county' | 'section';
  section_id: number | null;
  section_name: string | null;
  format: string;
  created_by: string;
  /** UTC, as stored: formatDateTime shows it in China time */
  created_at: string;
  data_hash: string;
  file_sha256: string;
  size: number;
  file_name: string;
  /** an earlier 通报 of the same year, 截止日期 and scope that read the same data, so holds the same numbers */
  same_data_as: number | null;
}

/** One archived 通报's file, for its re-download. */
export interface ArchivedFile {
  id: number;
  year: number;
  as_of: string;
  scope: BriefingScope;
  format: string;
  data_hash: string;
  file_sha256: string;
  size: number;
  file_name: string;
  path: string;
}

/** What archiving a 通报 tells its caller. */
export interface ArchiveResult {
  id: number;
  fileName: string;
  sha256: string;
  /** the newest earlier 通报 of the same year, 截止日期 and scope on the same data, or null */
  sameDataAs: number | null;
}

/** Who generated a 通报, for the archive and the audit log. */
export interface BriefingActor {
  username: string;
  ip?: string | null;
}

/** Where generated 通报 are kept: `briefings` inside the raw imports' folder, wherever that is. */
export const briefingDirFor = (dbFile: string) => path.join(/*turbopackIgnore: true*/ rawDirFor(dbFile), 'briefings');

const scopeParams = (s: BriefingScope) => ({ scope_kind: s.kind, section_id: s.kind === 'section' ? s.unitId : null });

/**
 * Keeps a generated 通报 file (docs/briefing.md "Archive"): stored privately beside the raw imports, recorded with its
 * 截止日期, scope, format, who and the hashes of its data and of its bytes, and audited in the same transaction. Every
 * route and format that generates a 通报 calls this. A record that fails removes the file again.
 */
export async function archiveBriefing(db: Db, b: Briefing, format: string, bytes: Uint8Array, actor: BriefingActor): Promise<ArchiveResult> {
  // Every 通报 made is archived, so none is made on a read-only database (docs/reliability.md).
  if (db.readOnly) throw new ReadOnlyError();
  const kind = BRIEFING_FORMATS[format];
  if (!kind) throw new Error(`不支持的通报格式：${format}`);
  const fileName = briefingFileName(b, kind.extension);
  const stored = await storePrivateFile(briefingDirFor(db.file), b.asOf, `${b.dataHash.slice(0, 12)}.${kind.extension}`, bytes);
  const scope = scopeParams(b.scope);
  try {
    return await db.transaction(async (conn) => {
      const [earlier] = await connRows<{ id: number }>(conn, sql().same_data, { year: b.year, as_of: b.asOf, ...scope, data_hash: b.dataHash });
      const sameDataAs = earlier ? Number(earlier.id) : null;
      const [inserted] = await connRows<{ id: number }>(conn, sql().insert, {
        year: b.year, as_of: b.asOf, ...scope, format, created_by: actor.username, data_hash: b.dataHash,
        file_sha256: stored.sha256, size: bytes.byteLength, file_name: fileName, path: stored.path,
      });
      const id = Number(inserted.id);
      await auditOn(conn, {
        actor: actor.username, action: 'briefing_generate', target: `briefing:${id}`, ip: actor.ip ?? null,
        detail: { format, year: b.year, as_of: b.asOf, scope: b.scopeName, data_hash: b.dataHash, sha256: stored.sha256, size: bytes.byteLength, same_data_as: sameDataAs },
      });
      return { id, fileName, sha256: stored.sha256, sameDataAs };
    }, BOOKKEEPING);
  } catch (error) {
    await rm(stored.path, { force: true });
    throw error;
  }
}

/** The archive, newest first: every 通报 (section null), or one 股室's own reports. */
export async function listBriefingArchive(db: Db, section: number | null, limit = 200): Promise<ArchivedBriefing[]> {
  const rows = await db.all<ArchivedBriefing>(sql().list, { section, limit });
  return rows.map((r) => ({ ...r, id: Number(r.id), size: Number(r.size), section_id: r.section_id === null ? null : Number(r.section_id), same_data_as: r.same_data_as === null ? null : Number(r.same_data_as) }));
}

/** One archived 通报, or null. */
export async function archivedBriefing(db: Db, id: number): Promise<ArchivedFile | null> {
  const r = await db.one<Omit<ArchivedFile, 'scope'> & { scope_kind: string; section_id: number | null }>(sql().by_id, { id });
  if (!r) return null;
  const { scope_kind, section_id, ...rest } = r;
  const scope: BriefingScope = scope_kind === 'section' ? { kind: 'section', unitId: Number(section_id) } : { kind: 'county' };
  return { ...rest, id: Number(r.id), size: Number(r.size), scope };
}
