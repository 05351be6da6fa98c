import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { permissions } from '@/lib/auth/permissions';
import { importFile } from '@/lib/import/import-file';
import { projectChoicesOf } from '@/lib/import/project-status';
import { isListKind, listChoiceOf, type ListChoice } from '@/lib/import/comparison-list';
import { serverDb } from '@/queries/server-db';
import { audit } from '@/queries/auth/audit';
import { batchAuditTarget } from '@/lib/import/audit';
import type { CommitResponse } from '@/components/import/types';
import { uploadRequest } from '../_lib/request';
import { fail, importError } from '../_lib/http';
import { withImportMemoryLimit } from '../_lib/run-import';
import { readFor, uploads } from '../_lib/uploads';
import { withErrorId } from '@/lib/http/server-error';
import { runRulesAfterImport } from '@/lib/rules/after-import';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/commit {token, kind, mapping, options: {unit, dayFirst, allowNewUnits, sheet, encoding, year, status, label, department, holds}} — imports
 * an uploaded file through the server's one database (one transaction; see importFile), audits it, deletes the
 * temporary file, starts the warning rules' run in the background and answers the ImportResult. A file that cannot be imported (a required field without a column,
 * say) answers 422 and keeps the upload, so the mapping can be corrected and the import tried again.
 */
async function handlePost(req: NextRequest) {
  const request = await uploadRequest(req);
  if (request instanceof Response) return request;
  const { viewer, body, kind, mapping, upload } = request;
  const o = (body.options ?? {}) as Record<string, unknown>;
  let project: ReturnType<typeof projectChoicesOf> = {};
  let list: ListChoice | undefined;
  try {
    // 项目库 only: a project list's year and status when the file has none (docs/project-lists.md).
    if (kind === 'projects') project = projectChoicesOf(o);
    // 比对名单: the list's label, department and what it holds (lib/import/comparison-list.ts).
    if (isListKind(kind)) list = listChoiceOf(kind, o);
  } catch (error) {
    return fail(400, (error as Error).message);
  }
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
      allowNewUnits: permissions.createUnitsOnImport(viewer) && o.allowNewUnits === true,
      ...project,
      list,
      sectionId: permissions.importSection(viewer),
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
    // The warning rules run over the new data in the background (docs/rules.md); the answer does not wait for them.
    void runRulesAfterImport(db, result.batch_id);
    upload.busy = false;
    await uploads().remove(upload.token);
    return Response.json({ result } satisfies CommitResponse);
  } catch (error) {
    upload.busy = false;
    return importError(error, '导入');
  }
}

export const POST = withErrorId('POST /api/import/commit', handlePost);
