import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { crossSiteRefusal } from '@/lib/auth/same-origin';
import { permissions } from '@/lib/auth/permissions';
import { importChoicesOf, importFlagsOfQuery, runImportCommand, type ImportChoices } from '@/lib/import/command';
import { serverDb } from '@/queries/server-db';
import { fail, importError, kindRefused } from '../_lib/http';
import { receiveUpload } from '../_lib/receive';
import { withImportMemoryLimit } from '../_lib/run-import';
import { uploads } from '../_lib/uploads';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/file?kind=KIND[&sheet=…&unit=…&mapping=…&map=列名=字段…] — the one-shot import for machines
 * (`fund-monitor import FILE --server URL --token T`, docs/security.md "API tokens"): the file as the raw body, its
 * name in X-File-Name, received as the web's upload is (size limit and quotas, docs/import-limits.md), imported at
 * once as the CLI imports a file (lib/import/command.ts: the query parameters are its flags) with the viewer's
 * rights — the kind's permission, a 股室's own funds only, new units for the admin alone — audited, the warning rules
 * run over it, and answered with the CLI's --json result. Nothing of the upload is kept: a failed import leaves no
 * file. Like the upload route it is outside proxy.ts (the body is streamed) and refuses a cross-site request itself.
 */
async function handlePost(req: NextRequest) {
  const refusal = crossSiteRefusal(req.method, req.headers);
  if (refusal) return fail(refusal.status, refusal.error);
  const viewer = await apiViewer(req, permissions.import);
  if (viewer instanceof Response) return viewer;
  let choices: ImportChoices;
  try {
    choices = importChoicesOf(importFlagsOfQuery(req.nextUrl.searchParams));
  } catch (error) {
    return fail(400, (error as Error).message);
  }
  if (!permissions.importKind(viewer, choices.kind)) return kindRefused(choices.kind);
  const upload = await receiveUpload(req, viewer);
  if (upload instanceof Response) return upload;
  upload.busy = true;
  const db = await serverDb();
  try {
    const outcome = await withImportMemoryLimit(db, () => runImportCommand(db, upload.path, upload.fileName, choices, {
      user: viewer.username,
      actor: viewer.username,
      sectionId: permissions.importSection(viewer),
      mayCreateUnits: permissions.createUnitsOnImport(viewer),
      fileIsOwned: true,
      ip: clientIpFrom(req.headers),
      via: viewer.apiToken ? { via: 'token', token: viewer.apiToken.name, token_id: viewer.apiToken.id } : { via: 'file_route' },
    }));
    return Response.json(outcome);
  } catch (error) {
    return importError(error, '导入');
  } finally {
    upload.busy = false;
    await uploads().remove(upload.token);
  }
}

export const POST = withErrorId('POST /api/import/file', handlePost);
