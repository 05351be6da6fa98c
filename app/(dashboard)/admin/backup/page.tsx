import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { formatCount, formatDateTime } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { getBackupSchedule } from '@/queries/settings';
import { recentBackupRuns } from '@/queries/backup/runs';
import { listBackups } from '@/lib/backup/list';
import { backupFolderFor } from '@/lib/backup/schedule';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { ROW, TH, WRAP_CELL } from '@/components/ui/form';
import { BackupScheduleForm } from '@/components/backup/BackupScheduleForm';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '备份' };

const TRIGGER_LABELS = { nightly: '每日', manual: '手动', cli: '命令行' } as const;
const mb = (bytes: number | string | null) => (bytes === null ? '—' : `${(Number(bytes) / 1048576).toFixed(1)} MB`);

/**
 * 备份 (admin only; anyone else gets 404): the nightly backup's setting, 立即备份, the backups in the folder with their
 * manifests and the last runs' results (docs/backups.md).
 */
export default async function BackupPage() {
  await requirePermission(permissions.manageBackups);
  const db = await serverDb();
  const schedule = await getBackupSchedule(db);
  const folder = backupFolderFor(db.file, schedule.folder);
  const [backups, runs] = await Promise.all([listBackups(folder), recentBackupRuns(db, 10)]);
  const last = runs[0];
  return (
    <div className="mx-auto max-w-[1200px] space-y-3">
      <PageTitle title="备份" summary={`备份目录 ${folder} · 恢复：npx fund-monitor restore --from 备份文件夹 --db 数据库文件（见 docs/backups.md）`} />
      <Card title="每日备份">
        <BackupScheduleForm schedule={schedule} />
        <p className="mt-3 text-sm text-slate-600" data-testid="backup-last-result">
          {last
            ? `最近一次（${TRIGGER_LABELS[last.trigger]}，${formatDateTime(last.started_at)}）：${last.ok ? `成功 ${last.name}` : `失败：${last.error}`}`
            : '尚未备份过。'}
        </p>
      </Card>
      <Card title={`目录中的备份（${backups.length} 份，新的在前）`}>
        {backups.length === 0 ? <p className="text-sm text-slate-500">目录中还没有备份。</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="backup-list">
              <thead className="border-b border-slate-200 text-left text-slate-500">
                <tr>
                  <th className={TH}>备份</th><th className={TH}>时间</th><th className={TH}>方式</th><th className={TH}>结构版本</th>
                  <th className={`${TH} text-right`}>表</th><th className={`${TH} text-right`}>行数</th>
                  <th className={`${TH} text-right`}>数据库文件</th><th className={`${TH} text-right`}>原始文件</th><th className={TH}>sha256</th>
                </tr>
              </thead>
              <tbody>
                {backups.map(({ name, manifest: m }) => (
                  <tr key={name} className={ROW}>
                    <td className={WRAP_CELL}>{name}</td>
                    {m ? (
                      <>
                        <td className={WRAP_CELL}>{formatDateTime(m.created_at)}</td>
                        <td className={WRAP_CELL}>{TRIGGER_LABELS[m.trigger]}</td>
                        <td className={WRAP_CELL}>{m.schema_version}</td>
                        <td className={`${WRAP_CELL} text-right`}>{m.tables.length}</td>
                        <td className={`${WRAP_CELL} text-right`}>{formatCount(m.tables.reduce((n, t) => n + Number(t.rows), 0))}</td>
                        <td className={`${WRAP_CELL} text-right`}>{mb(m.database.bytes)}</td>
                        <td className={`${WRAP_CELL} text-right`}>{formatCount(m.raw_files.length)}</td>
                        <td className={`${WRAP_CELL} font-mono text-xs`}>{m.database.sha256.slice(0, 16)}…</td>
                      </>
                    ) : <td colSpan={8} className={`${WRAP_CELL} text-red-700`}>清单无法读取</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="最近的备份记录">
        {runs.length === 0 ? <p className="text-sm text-slate-500">没有记录。</p> : (
          <ul className="space-y-1 text-sm" data-testid="backup-runs">
            {runs.map((r) => (
              <li key={r.id} className={r.ok ? 'text-slate-700' : 'text-red-700'}>
                {formatDateTime(r.started_at)} · {TRIGGER_LABELS[r.trigger]} · {r.actor ?? ''} · {r.ok ? `成功 ${r.name}（${mb(r.bytes)}，删除旧备份 ${r.pruned} 份）` : `失败：${r.error}`}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
