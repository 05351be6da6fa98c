import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { attachment } from '@/lib/export/download';
import { permissions } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/roles';
import { first, type SearchParams } from '@/lib/url-params';
import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { archiveBriefing, archivedBriefing } from '@/queries/briefing/archive';
import { loadBriefing } from '@/queries/briefing/load';
import { resolveBriefingRequest } from '@/queries/briefing/request';
import { BRIEFING_FORMATS } from './formats';
import { briefingScopeFor, parseBriefingRequest } from './request';

/**
 * The 通报's downloads (docs/briefing.md): generating one in a format (GET /api/briefing/<format>) and an archived
 * one again (GET /api/briefing/archive/<id>). Who may: permissions.readBriefing and readBriefingOf — a role that may read no 通报 at all
 * gets 403, a 股室 asking for another's 404, as for one that does not exist.
 */

const NOT_FOUND = '通报不存在或无权查看';
const refuse = (status: 400 | 403 | 404, error: string) => Response.json({ error }, { status });

function fileResponse(bytes: Uint8Array, contentType: string, fileName: string, fallback: string, extra: Record<string, string>): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': attachment(fileName, fallback),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ...extra,
    },
  });
}

/** Generates the 通报 of `?year=&as_of=&scope=` in `format`, archives it (which audits it) and sends it. */
export async function generatedBriefingResponse(db: Db, viewer: Viewer, sp: SearchParams, format: string, ip: string | null): Promise<Response> {
  const kind = BRIEFING_FORMATS[format];
  if (!kind) return refuse(404, `不支持的通报格式：${format}`);
  if (!permissions.readBriefing(viewer)) return refuse(403, '无权生成通报');
  const parsed = parseBriefingRequest(sp);
  if ('error' in parsed) return refuse(400, parsed.error);
  // Without a scope a 股室 user gets its own report, the county's readers the county's (briefingScopeFor).
  const scope = briefingScopeFor(viewer, first(sp.scope));
  if (!scope) return refuse(404, NOT_FOUND);
  const request = await resolveBriefingRequest(db, { ...parsed, scope });
  if ('error' in request) return refuse(404, request.error);
  const b = await loadBriefing(db, request.year, request.asOf, request.scope);
  const bytes = await kind.render(b);
  const archived = await archiveBriefing(db, b, format, bytes, { username: viewer.username, ip });
  return fileResponse(bytes, kind.contentType, archived.fileName, `briefing-${b.asOf}.${kind.extension}`, {
    'X-Briefing-Id': String(archived.id),
    'X-Data-Hash': b.dataHash,
    ...(archived.sameDataAs === null ? {} : { 'X-Same-Data-As': String(archived.sameDataAs) }),
  });
}

/** An archived 通报's file again, byte for byte as it was generated (its recorded sha256 is checked); audited. */
export async function archivedBriefingResponse(db: Db, viewer: Viewer, id: number, ip: string | null): Promise<Response> {
  if (!permissions.readBriefing(viewer)) return refuse(403, '无权查看通报存档');
  const row = await archivedBriefing(db, id);
  if (!row || !permissions.readBriefingOf(viewer, row.scope)) return refuse(404, NOT_FOUND);
  const bytes = await readFile(row.path).catch(() => null);
  if (!bytes) return refuse(404, `通报 #${id} 的文件不在服务器上`);
  if (createHash('sha256').update(bytes).digest('hex') !== row.file_sha256) throw new Error(`通报 #${id} 的存档文件与记录的 SHA-256 不符`);
  await audit(db, {
    actor: viewer.username, action: 'briefing_download', target: `briefing:${id}`, ip,
    detail: { format: row.format, year: row.year, as_of: row.as_of, data_hash: row.data_hash, sha256: row.file_sha256, size: row.size },
  });
  const contentType = BRIEFING_FORMATS[row.format]?.contentType ?? 'application/octet-stream';
  return fileResponse(bytes, contentType, row.file_name, `briefing-${id}.${row.format}`, { 'X-Data-Hash': row.data_hash });
}
