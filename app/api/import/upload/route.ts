import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { crossSiteRefusal } from '@/lib/auth/same-origin';
import { permissions } from '@/lib/auth/permissions';
import { KIND_LABELS } from '@/lib/import/types';
import { safeFileName } from '@/lib/import/load/raw-file';
import { serverDb } from '@/queries/server-db';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import { isDiskFull } from '@/lib/faults/disk-full';
import { isImportKind } from '@/components/import/kinds';
import { limitBytes, tooLargeMessage, uploadLimitMb } from '@/components/import/limits';
import { describeUpload } from '../_lib/describe';
import { fail, importError } from '../_lib/http';
import { UploadTooLarge, uploads } from '../_lib/uploads';
import { UploadRefused } from '../_lib/upload-quotas';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/upload?kind=KIND — the file as the raw request body, its name in the X-File-Name header
 * (URI-encoded). The body is streamed to a temporary file (never held in memory), refused with 413 past
 * FUND_MONITOR_UPLOAD_LIMIT_MB (Content-Length first, then counted while streaming), refused with 429 or 413 past the
 * concurrency and byte quotas (upload-quotas.ts), and read as the importer will.
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
  if (!permissions.importKind(viewer, kind)) {
    return fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”。股室可导入指标台账、分配下达、国库集中支付明细和惠民发放明细，其他数据由信息中心导入。`);
  }
  // A file that could not be imported is not taken in at all (docs/reliability.md "Read-only database").
  if ((await serverDb()).readOnly) return fail(503, READ_ONLY_REFUSAL);
  const limitMb = uploadLimitMb();
  const limit = limitBytes(limitMb);
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return fail(413, tooLargeMessage(limitMb, declared), { limit_mb: limitMb });

  let name = '';
  try {
    name = decodeURIComponent(req.headers.get('x-file-name') ?? '');
  } catch {
    /* a malformed name is no name */
  }
  name = name.trim() ? safeFileName(name.trim()).slice(-200) : '';
  if (!name) return fail(400, '缺少文件名（X-File-Name），请通过数据导入页面上传');

  const store = uploads();
  let upload;
  try {
    upload = await store.create(viewer.username, name, req.body, limit);
  } catch (error) {
    if (error instanceof UploadTooLarge) return fail(413, tooLargeMessage(limitMb), { limit_mb: limitMb });
    if (error instanceof UploadRefused) return fail(error.status, error.message);
    if (isDiskFull(error)) return fail(507, `磁盘空间已满，文件“${name}”未能上传，没有导入任何数据。请清理服务器临时目录所在磁盘的空间后重新上传。`);
    console.error('[import] upload:', error);
    return fail(400, '文件上传中断，请重新上传。');
  }
  if (upload.size === 0) {
    await store.remove(upload.token);
    return fail(400, `文件“${name}”是空文件（0 字节），没有可导入的内容。`);
  }
  try {
    return Response.json(await describeUpload(await serverDb(), upload, kind));
  } catch (error) {
    await store.remove(upload.token);
    return importError(error, '读取文件');
  }
}

export const POST = withErrorId('POST /api/import/upload', handlePost);
