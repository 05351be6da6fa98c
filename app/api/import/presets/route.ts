import type { NextRequest } from 'next/server';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { apiViewer } from '@/lib/auth/api';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import { KIND_LABELS, type ImportKind } from '@/lib/import/types';
import { serverDb } from '@/queries/server-db';
import { audit } from '@/queries/auth/audit';
import { deletePreset, listPresets, loadPreset, savePreset, type PresetOptions } from '@/queries/import/presets';
import { isImportKind } from '@/components/import/kinds';
import type { PresetInfo } from '@/components/import/types';
import { fail, jsonBody } from '../_lib/http';
import { withErrorId } from '@/lib/http/server-error';

export const dynamic = 'force-dynamic';

const toInfo = (p: PresetInfo): PresetInfo => ({ name: p.name, mapping: p.mapping, options: p.options, created_by: p.created_by, created_at: p.created_at });

async function viewerForKind(req: NextRequest, kind: unknown): Promise<{ viewer: Viewer; kind: ImportKind } | Response> {
  const viewer = await apiViewer(req, permissions.import);
  if (viewer instanceof Response) return viewer;
  if (!isImportKind(kind)) return fail(400, '请先选择导入类型');
  if (!permissions.importKind(viewer, kind)) return fail(403, `您的账户不能导入“${KIND_LABELS[kind]}”`);
  return { viewer, kind };
}

/** GET /api/import/presets?kind=KIND — the saved header mappings (映射方案) of a kind. */
async function handleGet(req: NextRequest) {
  const v = await viewerForKind(req, req.nextUrl.searchParams.get('kind'));
  if (v instanceof Response) return v;
  const presets = await listPresets(await serverDb(), v.kind);
  return Response.json({ presets: presets.map(toInfo) });
}

/**
 * POST /api/import/presets {kind, name, mapping, options} — saves (or replaces) a named mapping for the kind, shared
 * by everyone who imports it. Answers the kind's presets.
 */
async function handlePost(req: NextRequest) {
  const body = await jsonBody(req);
  const v = await viewerForKind(req, body?.kind);
  if (v instanceof Response) return v;
  const name = typeof body?.name === 'string' ? body.name.trim() : '';
  if (!name) return fail(400, '请填写方案名称');
  if (name.length > 60) return fail(400, '方案名称不能超过 60 个字');
  const raw = body?.mapping;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(400, '表头映射格式不正确');
  const mapping: Record<string, string | null> = {};
  for (const [k, val] of Object.entries(raw)) {
    if (val !== null && typeof val !== 'string') return fail(400, '表头映射格式不正确');
    mapping[k] = val || null;
  }
  const o = (body?.options ?? {}) as Record<string, unknown>;
  const options: PresetOptions = {
    ...(o.unit === '元' || o.unit === '万元' ? { unit: o.unit } : {}),
    dayFirst: o.dayFirst === true,
    allowNewUnits: o.allowNewUnits === true,
  };
  const db = await serverDb();
  const existing = await loadPreset(db, v.kind, name);
  if (existing && !permissions.managePreset(v.viewer, existing)) {
    return fail(403, `方案“${name}”由 ${existing.created_by ?? '其他用户'} 保存，您不能覆盖；请换一个名称`);
  }
  await savePreset(db, { name, kind: v.kind, mapping, options, user: v.viewer.username });
  await audit(db, { actor: v.viewer.username, action: 'import_preset', target: name, detail: { kind: v.kind }, ip: clientIpFrom(req.headers) });
  return Response.json({ presets: (await listPresets(db, v.kind)).map(toInfo) });
}

/** DELETE /api/import/presets?kind=KIND&name=NAME — admin, or the user who saved it. */
async function handleDelete(req: NextRequest) {
  const v = await viewerForKind(req, req.nextUrl.searchParams.get('kind'));
  if (v instanceof Response) return v;
  const name = req.nextUrl.searchParams.get('name')?.trim() ?? '';
  const db = await serverDb();
  const existing = name ? await loadPreset(db, v.kind, name) : null;
  if (!existing) return fail(404, '没有这个映射方案');
  if (!permissions.managePreset(v.viewer, existing)) return fail(403, '只有保存该方案的用户或信息中心可以删除');
  await deletePreset(db, v.kind, existing.name);
  await audit(db, { actor: v.viewer.username, action: 'import_preset_delete', target: existing.name, detail: { kind: v.kind }, ip: clientIpFrom(req.headers) });
  return Response.json({ presets: (await listPresets(db, v.kind)).map(toInfo) });
}

export const GET = withErrorId('GET /api/import/presets', handleGet);
export const POST = withErrorId('POST /api/import/presets', handlePost);
export const DELETE = withErrorId('DELETE /api/import/presets', handleDelete);
