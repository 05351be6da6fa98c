import type { NextRequest } from 'next/server';
import { latestRunForBatch } from '@/queries/rules/runs';
import { batchAccess } from '../../../_lib/batch-access';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/import/batches/[id]/warnings — the rule run that followed the batch (docs/rules.md "Running the rules"):
 * `{ run: { run_id, as_of, new, finished_at } }`, or `{ run: null }` while it is still running. The import page polls
 * it after the import answered. Whoever may see the batch.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await batchAccess(req, params);
  if (access instanceof Response) return access;
  const { db, batch } = access;
  return Response.json({ run: await latestRunForBatch(db, batch.id) }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export const GET = withErrorId('GET /api/import/batches/[id]/warnings', handleGet);
