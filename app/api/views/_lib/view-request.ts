import 'server-only';
import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { scopeOf, type Scope, type Viewer } from '@/lib/auth/roles';
import { fromUrlSearchParams } from '@/lib/url-params';
import { viewById } from '@/lib/views/registry';
import type { ViewDef } from '@/lib/views/types';
import { parseViewRequest, problemsResponse } from '@/lib/views/request';
import type { Db } from '@/queries/db';
import { serverDb } from '@/queries/server-db';
import { resolveDates, type ViewQuery } from '@/queries/views/run';

export interface ViewAccess {
  viewer: Viewer;
  scope: Scope;
  db: Db;
  view: ViewDef;
  /** with the page the URL asked for: the JSON route pages, the export takes every row */
  query: ViewQuery;
}

/**
 * The checks every view route makes, in this order: a live session (401), a known view (404), a role the view allows
 * (403, docs/views.md), a request without problems (400, each problem named); then the dates resolved.
 */
export async function viewAccess(req: NextRequest, params: Promise<{ id: string }>): Promise<ViewAccess | Response> {
  const viewer = await apiViewer(req);
  if (viewer instanceof Response) return viewer;
  const view = viewById((await params).id);
  if (!view) return Response.json({ error: '没有这个视图' }, { status: 404 });
  const scope = scopeOf(viewer);
  if (!view.allowed(scope)) return Response.json({ error: '无权访问' }, { status: 403 });
  const { filter, sort, page, problems } = parseViewRequest(view, fromUrlSearchParams(req.nextUrl.searchParams));
  if (problems.length) return problemsResponse(problems);
  const db = await serverDb();
  return { viewer, scope, db, view, query: { filter: await resolveDates(db, filter), sort, page } };
}
