import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { permissions } from '@/lib/auth/permissions';
import { withErrorId } from '@/lib/http/server-error';
import { todayInChina } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { BULK_LIMIT, takeSteps } from '@/queries/warnings/step';
import { fail, jsonBody } from '../../import/_lib/http';

export const dynamic = 'force-dynamic';

const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v < 2 ** 31;

/**
 * POST /api/warnings/bulk — 预警列表's bulk 下发核实 or 认定正常 (docs/workflow.md), for supervision and the admin.
 * Body: { action: 'send' | 'dismiss', ids: [1, 2, …] (at most 500), comment, unit_id (send), days (send, default 3) }.
 * Every warning moves, or none does: 200 { moved, status, deadline }, else 409 { error, refused: [{ id, error }] }.
 * A foreign origin is refused before this runs (proxy.ts, docs/security.md).
 */
async function handlePost(req: NextRequest) {
  const viewer = await apiViewer(req, permissions.decideWarnings);
  if (viewer instanceof Response) return viewer;
  const body = await jsonBody(req);
  if (!body) return fail(400, '请求内容不是 JSON 对象');
  const { action, ids, comment, unit_id: unitId, days } = body;
  if (action !== 'send' && action !== 'dismiss') return fail(400, '批量操作只能是下发核实或认定正常');
  if (!Array.isArray(ids) || !ids.every(isId)) return fail(400, '请求中的疑点编号无效');
  if (ids.length > BULK_LIMIT) return fail(400, `一次最多处理 ${BULK_LIMIT} 条疑点，已选 ${ids.length} 条`);
  if (comment !== undefined && typeof comment !== 'string') return fail(400, '说明须是文字');
  if (unitId !== undefined && unitId !== null && !isId(unitId)) return fail(400, '下发单位无效');
  if (days !== undefined && typeof days !== 'number') return fail(400, '答复期限须是 1 到 60 个工作日');
  const result = await takeSteps(await serverDb(), ids, action, viewer, {
    comment: comment ?? '', unitId: unitId ?? null, days,
  }, clientIpFrom(req.headers), todayInChina());
  if (!result.ok) return fail(result.refused.length ? 409 : 400, result.error, { refused: result.refused });
  return Response.json({ moved: result.moved, status: result.status, deadline: result.deadline });
}

export const POST = withErrorId('POST /api/warnings/bulk', handlePost);
