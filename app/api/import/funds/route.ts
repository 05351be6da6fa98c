import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { can } from '@/lib/auth/roles';
import { mayBindFund } from '@/lib/funds/aliases';
import { scanUnknownFunds } from '@/lib/import/fund-scan';
import { KIND_LABELS } from '@/lib/import/types';
import { listCatalog } from '@/queries/funds/catalog';
import { serverDb } from '@/queries/server-db';
import { isImportKind, mayImportKind } from '@/components/import/kinds';
import type { FundScanResponse } from '@/components/import/fund-binding';
import { fail, importError, jsonBody, UPLOAD_GONE } from '../_lib/http';
import { mappingOf } from '../_lib/mapping-body';
import { readFor, uploads } from '../_lib/uploads';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/funds {token, kind, mapping, sheet?, encoding?} — the fund names of the whole uploaded file that
 * match no fund at their rows' 预算级次, with candidates, and the funds the viewer may bind them to
 * (docs/fund-matching.md). Reads the file as the mapping step last read it; changes nothing.
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
  const upload = uploads().get(body.token, viewer.username);
  if (!upload) return fail(404, UPLOAD_GONE);
  const sheet = typeof body.sheet === 'string' && body.sheet ? body.sheet : undefined;
  const encoding = body.encoding === 'utf-8' || body.encoding === 'gb18030' ? body.encoding : undefined;
  const source = readFor(upload, kind, sheet, encoding);
  if (!source) return fail(409, '文件已按其他方式读取，请重新预览后再检查资金名称');
  try {
    const db = await serverDb();
    const [unknown, catalog] = await Promise.all([scanUnknownFunds(db, source, kind, mapping), listCatalog(db)]);
    const funds = catalog.filter((f) => mayBindFund(viewer, f)).map((f) => ({
      id: f.id, level: f.level, code: `${f.level}-${f.seq}`, label: f.name,
    }));
    return Response.json({ unknown, funds } satisfies FundScanResponse);
  } catch (error) {
    return importError(error, '检查资金名称');
  }
}
