import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { withErrorId } from '@/lib/http/server-error';
import { parseId } from '@/lib/url-params';
import { attachmentResponse } from '@/lib/warnings/attachment-download';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

/**
 * GET /api/warnings/[id]/attachments/[sha256] — an 已整改 answer's attachment, for whoever may read the warning
 * (疑点详情's visibility); audited (docs/workflow.md).
 */
async function handleGet(req: NextRequest, { params }: { params: Promise<{ id: string; sha256: string }> }) {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const { id, sha256 } = await params;
  const warningId = parseId(id);
  if (!warningId) return Response.json({ error: '附件不存在或无权查看' }, { status: 404 });
  return attachmentResponse(await serverDb(), viewer, warningId, sha256, clientIpFrom(req.headers));
}

export const GET = withErrorId('GET /api/warnings/[id]/attachments/[sha256]', handleGet);
