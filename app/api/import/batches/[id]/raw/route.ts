import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { audit } from '@/queries/auth/audit';
import { batchAccess } from '../../../_lib/batch-access';
import { attachment, fail } from '../../../_lib/http';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

const TYPES: Record<string, string> = {
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * GET /api/import/batches/[id]/raw — the file exactly as it was uploaded (kept with the batch, even after 撤销),
 * streamed. Admin any batch; a 股室 user its own. Audited.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await batchAccess(req, params);
  if (access instanceof Response) return access;
  const { viewer, db, batch } = access;
  const file = batch.raw_path;
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return fail(404, `批次 #${batch.id} 的原始文件不在服务器上（可能已被清理）`);
  await audit(db, {
    actor: viewer.username, action: 'export', target: `import_raw:${batch.id}`,
    detail: { batch_id: batch.id, file_name: batch.file_name, format: 'raw' }, ip: clientIpFrom(req.headers),
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

export const GET = withErrorId('GET /api/import/batches/[id]/raw', handleGet);
