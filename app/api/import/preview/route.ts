import type { NextRequest } from 'next/server';
import { serverDb } from '@/queries/server-db';
import { describeUpload } from '../_lib/describe';
import { importRequest } from '../_lib/request';
import { fail, importError, UPLOAD_GONE } from '../_lib/http';
import { uploads } from '../_lib/uploads';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/preview {token, kind, sheet?, encoding?} — reads an uploaded file again: another XLSX sheet,
 * a forced CSV encoding, or another kind. Answers an UploadInfo like the upload route.
 */
async function handlePost(req: NextRequest) {
  const request = await importRequest(req);
  if (request instanceof Response) return request;
  const { viewer, body, kind } = request;
  const { sheet, encoding } = body;
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

export const POST = withErrorId('POST /api/import/preview', handlePost);
