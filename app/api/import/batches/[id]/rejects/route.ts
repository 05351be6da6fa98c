import type { NextRequest } from 'next/server';
import { EXPORT_TYPES } from '@/lib/export/download';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { audit } from '@/queries/auth/audit';
import { rejectsCsv, rejectsXlsx } from '@/lib/import/rejects-export';
import { baseName, batchAccess } from '../../../_lib/batch-access';
import { attachment, fail } from '../../../_lib/http';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/import/batches/[id]/rejects?format=csv|xlsx — the batch's rejected rows as the file had them, plus 行号 and
 * 原因 (every cell through safeCell, in lib/import/rejects-export.ts). Admin any batch; a 股室 user its own. Audited.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await batchAccess(req, params);
  if (access instanceof Response) return access;
  const { viewer, db, batch } = access;
  const format = req.nextUrl.searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') return fail(400, '不支持的格式，请使用 format=csv 或 format=xlsx');
  const body: BodyInit = format === 'csv' ? await rejectsCsv(db, batch.id) : new Uint8Array(await rejectsXlsx(db, batch.id));
  await audit(db, {
    actor: viewer.username, action: 'export', target: `import_rejects:${batch.id}`,
    detail: { batch_id: batch.id, file_name: batch.file_name, format, rows: batch.rejected }, ip: clientIpFrom(req.headers),
  });
  return new Response(body, {
    headers: {
      'Content-Type': EXPORT_TYPES[format],
      'Content-Disposition': attachment(`${baseName(batch.file_name)}_未导入的行_批次${batch.id}.${format}`, `rejects-${batch.id}.${format}`),
      'Cache-Control': 'private, no-store',
    },
  });
}

export const GET = withErrorId('GET /api/import/batches/[id]/rejects', handleGet);
