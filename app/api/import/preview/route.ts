import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { can } from '@/lib/auth/roles';
import { KIND_LABELS } from '@/lib/import/types';
import { serverDb } from '@/queries/server-db';
import { isImportKind, mayImportKind } from '@/components/import/kinds';
import { describeUpload } from '../_lib/describe';
import { fail, importError, jsonBody, UPLOAD_GONE } from '../_lib/http';
import { uploads } from '../_lib/uploads';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/preview {token, kind, sheet?, encoding?} — reads an uploaded file again: another XLSX sheet,
 * a forced CSV encoding, or another kind. Answers an UploadInfo like the upload route.
 */
export async function POST(req: NextRequest) {
  const viewer = await apiViewer(req, can.import);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body) return fail(400, '请求格式不正确');
  const { kind, sheet, encoding } = body;
  if (!isImportKind(kind)) return fail(400, '请先选择导入类型');
  if (!mayImportKind(viewer.role, kind)) return fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”`);
  const upload = uploads().get(body.token, viewer.username);
  if (!upload) return fail(404, UPLOAD_GONE);
  // The running import reads the file as the last preview left it; a new preview would replace that under it.
  if (upload.busy) return fail(409, '这个文件正在导入，请等待结果。');
  try {
    return Response.json(await describeUpload(await serverDb(), upload, kind, {
      sheet: typeof sheet === 'string' && sheet ? sheet : undefined,
      encoding: encoding === 'utf-8' || encoding === 'gb18030' ? encoding : undefined,
    }));
  } catch (error) {
    return importError(error, '读取文件');
  }
}
