import { SourceError } from '@/lib/import/source';
import { serverError } from '@/lib/http/server-error';
import { KIND_LABELS, type ImportKind } from '@/lib/import/types';
import { isDiskFullError } from '@/lib/faults/disk-full';

/** A JSON error answer with a message for the user. */
export const fail = (status: number, error: string, extra: Record<string, unknown> = {}) => Response.json({ error, ...extra }, { status });

/** The request body as a JSON object, or null. */
export async function jsonBody(req: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await req.json();
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const UPLOAD_GONE = '上传的文件不存在或已过期（上传后 1 小时内有效），请重新选择文件上传。';

/** The answer for a kind the viewer's role may not import (permissions.importKind). */
export const kindRefused = (kind: ImportKind) =>
  fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”。股室可导入指标台账、分配下达、国库集中支付明细和惠民发放明细，其他数据由信息中心导入。`);

/**
 * The answer for an error thrown by reading or importing a file. The importer's own errors (unreadable file, missing
 * required columns, a mapping naming an unknown field) are for the user: 422 with the message. Anything else is a
 * fault of ours: 500 with an error id (server-error.ts); nothing was imported either way. A full disk is neither: 507.
 */
export function importError(error: unknown, what: string): Response {
  const message = error instanceof Error ? error.message : String(error);
  // 507 Insufficient Storage: the disk is full; the message names the file and says nothing was imported.
  if (isDiskFullError(error)) return fail(507, message);
  const ours = error instanceof Error && (error.name === 'SourceError' || error.name === 'ImportRequestError');
  if (error instanceof SourceError || ours || /^(缺少必填字段|映射中的字段|无法确定项目年度)/.test(message)) return fail(422, message);
  return serverError(error, `import: ${what}`);
}

export { attachment } from '@/lib/export/download';
