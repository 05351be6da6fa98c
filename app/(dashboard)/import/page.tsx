import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { listBatches } from '@/queries/import/batches';
import { formatCount } from '@/lib/format';
import { first, type SearchParams } from '@/lib/url-params';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { Pagination } from '@/components/ui/Pagination';
import { ImportFlow } from '@/components/import/ImportFlow';
import { BatchHistory } from '@/components/import/BatchHistory';
import { uploadLimitMb } from '@/components/import/limits';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '数据导入' };
// No loading.tsx here: a streamed shell would commit status 200 before requirePermission can answer 404.

const PAGE_SIZE = 30;
/** The history read at most; a 股室's own batches are picked from these. */
const HISTORY_MAX = 5000;

/**
 * 数据导入 (admin and 股室; anyone else gets 404): the upload → mapping → import flow, and 导入记录 with reject reports,
 * raw files and 撤销. A 股室 user sees and manages only the batches imported for its 股室.
 */
export default async function ImportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requirePermission(permissions.import);
  const sp = await searchParams;
  const db = await serverDb();
  const all = await listBatches(db, { limit: HISTORY_MAX });
  const mine = all.filter((b) => permissions.manageBatch(viewer, b));
  const pages = Math.max(1, Math.ceil(mine.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Number(first(sp.page)) || 1), pages);
  const shown = mine.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const kinds = permissions.importKinds(viewer);
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title="数据导入"
        summary={
          permissions.importAnyFund(viewer)
            ? '导入各业务系统导出的台账、名单 · 每个文件一个批次，可整批撤销 · 导入与撤销均记入审计日志'
            : `${viewer.unitName ?? '股室'}：可导入指标台账、分配下达、国库集中支付明细和惠民发放明细 · 导入与撤销均记入审计日志`
        }
      />
      <ImportFlow kinds={kinds} limitMb={uploadLimitMb()} />
      <Card
        title="导入记录"
        aside={permissions.importAnyFund(viewer) ? `共 ${formatCount(mine.length)} 个批次` : `本股室导入的批次共 ${formatCount(mine.length)} 个`}
        testId="batches"
      >
        {shown.length > 0 ? (
          <div className="space-y-3">
            <BatchHistory batches={shown} viewer={{ role: viewer.role, unitId: viewer.unitId }} />
            <Pagination page={page} pages={pages} href={(p) => (p > 1 ? `/import?page=${p}` : '/import')} />
          </div>
        ) : (
          <p className="py-6 text-center text-sm text-slate-600" data-testid="batches-empty">
            {permissions.importAnyFund(viewer) ? '还没有导入过文件。' : '您还没有导入过文件。'}在上方选择类型和文件开始第一次导入；导入后每个批次都列在这里，可下载拒绝报告和原文件，也可整批撤销。
          </p>
        )}
      </Card>
    </div>
  );
}
