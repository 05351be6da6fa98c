import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { attachment } from '@/lib/export/download';
import { scopeOf, type Viewer } from '@/lib/auth/roles';
import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import { attachmentFor } from '@/queries/warnings/attachments';
import { attachmentMime } from './attachments';

const notFound = (error: string) => Response.json({ error }, { status: 404 });

/**
 * The download of an 已整改's attachment: only for a viewer who may read the warning (its page's visibility; anyone
 * else gets 404, as for an unknown one), audited, streamed under the original (sanitised) file name.
 */
export async function attachmentResponse(db: Db, viewer: Viewer, warningId: number, sha256: string, ip: string | null): Promise<Response> {
  const file = await attachmentFor(db, warningId, sha256, scopeOf(viewer));
  if (!file) return notFound('附件不存在或无权查看');
  const info = await stat(file.path).catch(() => null);
  if (!info?.isFile()) return notFound(`疑点 #${warningId} 的附件不在服务器上`);
  await audit(db, {
    actor: viewer.username, action: 'warning_attachment', target: `warning:${warningId}`,
    detail: { file_name: file.name, size: file.size, sha256: file.sha256 }, ip,
  });
  const ext = path.extname(file.name).toLowerCase();
  return new Response(Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': attachmentMime(file.name),
      'Content-Length': String(info.size),
      'Content-Disposition': attachment(file.name, `warning-${warningId}-attachment${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
