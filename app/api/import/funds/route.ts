import type { NextRequest } from 'next/server';
import { permissions } from '@/lib/auth/permissions';
import { scanUnknownFunds } from '@/lib/import/fund-scan';
import { listCatalog } from '@/queries/funds/catalog';
import { serverDb } from '@/queries/server-db';
import type { FundScanResponse } from '@/components/import/fund-binding';
import { uploadRequest } from '../_lib/request';
import { fail, importError } from '../_lib/http';
import { readFor } from '../_lib/uploads';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

/**
 * POST /api/import/funds {token, kind, mapping, sheet?, encoding?} — the fund names of the whole uploaded file that
 * match no fund at their rows' 预算级次, with candidates, and the funds the viewer may bind them to
 * (docs/fund-matching.md). Reads the file as the mapping step last read it; changes nothing.
 */
async function handlePost(req: NextRequest) {
  const request = await uploadRequest(req);
  if (request instanceof Response) return request;
  const { viewer, body, kind, mapping, upload } = request;
  const sheet = typeof body.sheet === 'string' && body.sheet ? body.sheet : undefined;
  const encoding = body.encoding === 'utf-8' || body.encoding === 'gb18030' ? body.encoding : undefined;
  const source = readFor(upload, kind, sheet, encoding);
  if (!source) return fail(409, '文件已按其他方式读取，请重新预览后再检查资金名称');
  try {
    const db = await serverDb();
    const [unknown, catalog] = await Promise.all([scanUnknownFunds(db, source, kind, mapping), listCatalog(db)]);
    const funds = catalog.filter((f) => permissions.bindFundAliasTo(viewer, f)).map((f) => ({
      id: f.id, level: f.level, code: `${f.level}-${f.seq}`, label: f.name,
    }));
    return Response.json({ unknown, funds } satisfies FundScanResponse);
  } catch (error) {
    return importError(error, '检查资金名称');
  }
}

export const POST = withErrorId('POST /api/import/funds', handlePost);
