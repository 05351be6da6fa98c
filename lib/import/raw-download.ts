import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { attachment } from '@/lib/export/download';
import type { Viewer } from '@/lib/auth/roles';
import type { Db } from '@/queries/db';
import { audit } from '@/queries/auth/audit';
import type { BatchRow } from '@/queries/import/batches';

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A batch's raw file exactly as it was uploaded (kept with the batch, even after 撤销), streamed from the path the
 * batch stores; audited. The caller has checked that the viewer may use the batch (GET /api/import/batches/[id]/raw).
 */
export async function rawFileResponse(db: Db, viewer: Viewer, batch: BatchRow, ip: string | null): Promise<Response> {
  const file = batch.raw_path;
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return Response.json({ error: `批次 #${batch.id} 的原始文件不在服务器上（可能已被清理）` }, { status: 404 });
  await audit(db, {
    actor: viewer.username, action: 'export', target: `import_raw:${batch.id}`,
    detail: { batch_id: batch.id, file_name: batch.file_name, format: 'raw' }, ip,
  });
  const ext = path.extname(batch.file_name).toLowerCase();
  const stream = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
      'Content-Disposition': attachment(batch.file_name, `batch-${batch.id}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : ''}`),
      'Cache-Control': 'private, no-store',
    },
  });
}
