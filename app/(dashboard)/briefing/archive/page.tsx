import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { scopeOf } from '@/lib/auth/roles';
import { formatCount } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { listBriefingArchive } from '@/queries/briefing/archive';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { BriefingArchive } from '@/components/briefing/BriefingArchive';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通报存档' };

/** 通报存档: every generated 通报 for the county's readers, a 股室's own reports for a 股室 user; others get 404. */
export default async function BriefingArchivePage() {
  const viewer = await requirePermission(permissions.readBriefing);
  const scope = scopeOf(viewer);
  const rows = await listBriefingArchive(await serverDb(), scope.kind === 'all' ? null : scope.unitId);
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle title="通报存档" summary="每次生成的通报（PDF、Word）原样保存，可再次下载；同一截止日期和范围的数据未变时，数据哈希相同" />
      <Card title="已生成的通报" aside={<span data-testid="briefing-archive-count">最近 {formatCount(rows.length)} 份</span>}>
        <BriefingArchive rows={rows} />
      </Card>
    </div>
  );
}
