import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import type { Viewer } from '@/lib/auth/roles';
import { permissions } from '@/lib/auth/permissions';
import type { Db } from '@/queries/db';
import { serverDb } from '@/queries/server-db';
import { getBatch, type BatchRow } from '@/queries/import/batches';
import { fail } from './http';

export interface BatchAccess {
  viewer: Viewer;
  db: Db;
  batch: BatchRow;
}

/**
 * The batch behind /api/import/batches/[id]/… if this viewer may use it: 401 without a session, 403 for roles that
 * do not import, 404 for a batch that does not exist or was not imported for the viewer's 股室 (permissions.manageBatch; the
 * answer does not say which).
 */
export async function batchAccess(req: NextRequest, params: Promise<{ id: string }>): Promise<BatchAccess | Response> {
  const viewer = await apiViewer(req, permissions.import);
  if (viewer instanceof Response) return viewer;
  const { id } = await params;
  const notFound = () => fail(404, '导入批次不存在，或不是本股室导入的批次');
  if (!/^\d{1,9}$/.test(id)) return notFound();
  const db = await serverDb();
  const batch = await getBatch(db, Number(id));
  if (!batch || !permissions.manageBatch(viewer, batch)) return notFound();
  return { viewer, db, batch };
}

/** The user's file name without its extension, for download names. */
export const baseName = (fileName: string) => fileName.replace(/\.[^.]*$/, '') || 'file';
