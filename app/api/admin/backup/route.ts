import type { NextRequest } from 'next/server';
import { apiViewer } from '@/lib/auth/api';
import { clientIpFrom } from '@/lib/auth/client-ip';
import { permissions } from '@/lib/auth/permissions';
import { withErrorId } from '@/lib/http/server-error';
import { runBackup } from '@/lib/backup/run';
import { serverDb } from '@/queries/server-db';
import { getBackupSchedule } from '@/queries/settings';
import { fail } from '../../import/_lib/http';

export const dynamic = 'force-dynamic';

/**
 * POST /api/admin/backup — the admin asks the running server for a backup (docs/backups.md): the server holds the
 * database file, so only it can copy it consistently. Written into the configured backup folder (设置 → 每日备份's
 * folder, pruned to its retention), recorded and audited. 200 { dir, ...manifest, pruned }; 500 { error } when it failed.
 * `fund-monitor backup --server URL --token T` calls it. A foreign origin is refused before this runs (proxy.ts).
 */
async function handlePost(req: NextRequest) {
  const viewer = await apiViewer(req, permissions.manageBackups);
  if (viewer instanceof Response) return viewer;
  const db = await serverDb();
  const schedule = await getBackupSchedule(db);
  try {
    const { dir, manifest, pruned } = await runBackup(db, { trigger: 'manual', actor: viewer.username, folder: schedule.folder, ip: clientIpFrom(req.headers) });
    return Response.json({ dir, ...manifest, pruned });
  } catch (error) {
    return fail(500, `备份失败：${error instanceof Error ? error.message : String(error)}`);
  }
}

export const POST = withErrorId('POST /api/admin/backup', handlePost);
