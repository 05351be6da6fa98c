import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { KIND_LABELS, type ImportKind } from '@/lib/import/types';
import { isImportKind } from '@/components/import/kinds';
import { fail, jsonBody, UPLOAD_GONE } from './http';
import { mappingOf } from './mapping-body';
import { uploads, type Upload } from './uploads';

/**
 * The checks every JSON import route starts with: a session of a role that imports (401/403), a JSON object body
 * (400), and a kind the role may import (400/403). Answers the Response to return instead when one fails.
 */
export async function importRequest(req: NextRequest): Promise<{ viewer: Viewer; body: Record<string, unknown>; kind: ImportKind } | Response> {
  const viewer = await apiViewer(req, permissions.import);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body) return fail(400, '请求格式不正确');
  const { kind } = body;
  if (!isImportKind(kind)) return fail(400, '请先选择导入类型');
  if (!permissions.importKind(viewer, kind)) return fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”`);
  return { viewer, body, kind };
}

/**
 * importRequest for the routes that act on an upload with a header mapping (commit, the 资金名称 check): also the
 * mapping as sent (400 when malformed) and the viewer's own upload of that token (404 when gone).
 */
export async function uploadRequest(req: NextRequest): Promise<
  { viewer: Viewer; body: Record<string, unknown>; kind: ImportKind; mapping: Record<string, string | null>; upload: Upload } | Response
> {
  const request = await importRequest(req);
  if (request instanceof Response) return request;
  const mapping = mappingOf(request.body.mapping);
  if (!mapping) return fail(400, '表头映射格式不正确');
  const upload = uploads().get(request.body.token, request.viewer.username);
  if (!upload) return fail(404, UPLOAD_GONE);
  return { ...request, mapping, upload };
}
