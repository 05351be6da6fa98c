import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { formatDateTime } from '@/lib/format';
import { auditRollback } from '@/lib/import/audit';
import { rollbackBatch } from '@/queries/import/rollback';
import { serverError, withErrorId } from '@/lib/http/server-error';
import { batchAccess } from '../../../_lib/batch-access';
import { fail } from '../../../_lib/http';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/batches/[id]/rollback — 撤销: removes the batch's rows (and the units it created) in one
 * transaction and marks it rolled back with who and when. Admin any batch; a 股室 user its own. Audited as 'rollback'.
 */
async function handlePost(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await batchAccess(req, params);
  if (access instanceof Response) return access;
  const { viewer, db, batch } = access;
  if (batch.status === 'rolled_back') {
    return fail(409, `批次 #${batch.id} 已于 ${batch.rolled_back_at ? formatDateTime(batch.rolled_back_at) : ''} 由 ${batch.rolled_back_by ?? '未知用户'} 撤销，不能重复撤销`);
  }
  try {
    const result = await rollbackBatch(db, batch.id, viewer.username);
    await auditRollback(db, { actor: viewer.username, batch, result, ip: clientIpFrom(req.headers) });
    return Response.json(result);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.includes('不能重复撤销')) return fail(409, message);
    return serverError(error, 'import: rollback');
  }
}

export const POST = withErrorId('POST /api/import/batches/[id]/rollback', handlePost);
