import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { crossSiteRefusal } from '@/lib/auth/same-origin';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { isImportKind } from '@/components/import/kinds';
import { describeUpload } from '../_lib/describe';
import { fail, importError, kindRefused } from '../_lib/http';
import { receiveUpload } from '../_lib/receive';
import { uploads } from '../_lib/uploads';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/upload?kind=KIND — the file as the raw request body, its name in the X-File-Name header
 * (URI-encoded), received as receiveUpload does (streamed to a temporary file, size limit and quotas), and read as
 * the importer will.
 * Answers an UploadInfo: the upload token (valid 1 hour, for this user only), the headers, the first data rows, the
 * automatic mapping and the kind's saved presets. proxy.ts leaves this route alone, so the body is not buffered; the
 * route refuses a cross-site request itself, as proxy.ts does for every other one.
 */
async function handlePost(req: NextRequest) {
  const refusal = crossSiteRefusal(req.method, req.headers);
  if (refusal) return fail(refusal.status, refusal.error);
  const viewer = await apiViewer(req, permissions.import);
  if (viewer instanceof Response) return viewer;
  const kind = req.nextUrl.searchParams.get('kind');
  if (!isImportKind(kind)) return fail(400, '请先选择导入类型');
  if (!permissions.importKind(viewer, kind)) return kindRefused(kind);
  const upload = await receiveUpload(req, viewer);
  if (upload instanceof Response) return upload;
  try {
    return Response.json(await describeUpload(await serverDb(), upload, kind));
  } catch (error) {
    await uploads().remove(upload.token);
    return importError(error, '读取文件');
  }
}

export const POST = withErrorId('POST /api/import/upload', handlePost);
