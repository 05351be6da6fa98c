import type { NextRequest } from 'next/server';
import type { Viewer } from '@/lib/auth/roles';
import { safeFileName } from '@/lib/import/load/raw-file';
import { limitBytes, tooLargeMessage, uploadLimitMb } from '@/components/import/limits';
import { fail } from './http';
import { UploadTooLarge, uploads, type Upload } from './uploads';
import { UploadRefused } from './upload-quotas';
import { isDiskFull } from '@/lib/faults/disk-full';
import { READ_ONLY_REFUSAL } from '@/lib/faults/read-only';
import { serverDb } from '@/queries/server-db';

/**
 * Receives a file sent as the raw request body, its name in the X-File-Name header (URI-encoded), for the two routes
 * that take one (the web's upload, the machines' one-shot import): streamed to a temporary file of the viewer's
 * (never held in memory), refused with 413 past FUND_MONITOR_UPLOAD_LIMIT_MB (Content-Length first, then counted
 * while streaming) and with 429 or 413 past the concurrency and byte quotas (docs/import-limits.md). An empty file
 * is refused and leaves nothing behind. On a read-only database nothing is taken in (503), and a full disk is said as
 * such (507; docs/reliability.md).
 */
export async function receiveUpload(req: NextRequest, viewer: Viewer): Promise<Upload | Response> {
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
  return upload;
}
