import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { apiViewer } from '@/lib/auth/api';
import { can } from '@/lib/auth/roles';
import { importFile } from '@/lib/import/import-file';
import { KIND_LABELS } from '@/lib/import/types';
import { serverDb } from '@/queries/server-db';
import { audit } from '@/queries/auth/audit';
import { batchAuditTarget } from '@/lib/import/audit';
import { isImportKind, mayImportKind } from '@/components/import/kinds';
import type { CommitResponse } from '@/components/import/types';
import { fail, importError, jsonBody, UPLOAD_GONE } from '../_lib/http';
import { withImportMemoryLimit } from '../_lib/run-import';
import { readFor, uploads } from '../_lib/uploads';

export const dynamic = 'force-dynamic';

/** The mapping as sent: normalised header → field id or null; anything else is refused. */
function mappingOf(value: unknown): Record<string, string | null> | null {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && typeof v !== 'string') return null;
    out[k] = v === '' ? null : v;
  }
  return out;
}

/**
 * POST /api/import/commit {token, kind, mapping, options: {unit, dayFirst, allowNewUnits, sheet, encoding}} — imports
 * an uploaded file through the server's one database (one transaction; see importFile), audits it, deletes the
 * temporary file and answers the ImportResult. A file that cannot be imported (a required field without a column,
 * say) answers 422 and keeps the upload, so the mapping can be corrected and the import tried again.
 */
export async function POST(req: NextRequest) {
  const viewer = await apiViewer(req, can.import);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body) return fail(400, '请求格式不正确');
  const { kind } = body;
  if (!isImportKind(kind)) return fail(400, '请先选择导入类型');
  if (!mayImportKind(viewer.role, kind)) return fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”`);
  const mapping = mappingOf(body.mapping);
  if (!mapping) return fail(400, '表头映射格式不正确');
  const o = (body.options ?? {}) as Record<string, unknown>;
  const store = uploads();
  const upload = store.get(body.token, viewer.username);
  if (!upload) return fail(404, UPLOAD_GONE);
  if (upload.busy) return fail(409, '这个文件正在导入，请等待结果，不要重复提交。');

  upload.busy = true;
  const db = await serverDb();
  const sheet = typeof o.sheet === 'string' && o.sheet ? o.sheet : undefined;
  const encoding = o.encoding === 'utf-8' || o.encoding === 'gb18030' ? o.encoding : undefined;
  try {
    const result = await withImportMemoryLimit(db, () => importFile({
      db,
      filePath: upload.path,
      fileName: upload.fileName,
      kind,
      mapping,
      unit: o.unit === '元' || o.unit === '万元' ? o.unit : undefined,
      dayFirst: o.dayFirst === true,
      // Creating towns, departments or villages is the admin's call; a 股室 imports only rows of its own funds.
      allowNewUnits: viewer.role === 'admin' && o.allowNewUnits === true,
      sectionId: viewer.role === 'section' ? (viewer.unitId ?? -1) : undefined,
      sheet,
      encoding,
      // The mapping step read the file already (a workbook's sheet converted, a GBK file transcoded): not again.
      source: readFor(upload, kind, sheet, encoding),
      fileIsOwned: true,
      user: viewer.username,
    }));
    await audit(db, {
      actor: viewer.username,
      action: 'import',
      target: batchAuditTarget(result),
      detail: { batch_id: result.batch_id, kind, accepted: result.accepted, rejected: result.rejected, duplicates: result.duplicates },
      ip: clientIpFrom(req.headers),
    });
    upload.busy = false;
    await store.remove(upload.token);
    return Response.json({ result } satisfies CommitResponse);
  } catch (error) {
    upload.busy = false;
    return importError(error, '导入');
  }
}
