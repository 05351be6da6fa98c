import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { rawFileResponse } from '@/lib/import/raw-download';
import { batchAccess } from '../../../_lib/batch-access';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * GET /api/import/batches/[id]/raw — the file exactly as it was uploaded, streamed (lib/import/raw-download.ts).
 * Admin any batch; a 股室 user its own. Audited.
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const access = await batchAccess(req, params);
  if (access instanceof Response) return access;
  const { viewer, db, batch } = access;
  return rawFileResponse(db, viewer, batch, clientIpFrom(req.headers));
}

export const GET = withErrorId('GET /api/import/batches/[id]/raw', handleGet);
