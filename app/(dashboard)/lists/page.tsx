import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { listComparisonLists } from '@/queries/lists/comparison-lists';
import { formatCount } from '@/lib/format';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { ComparisonListTable } from '@/components/lists/ComparisonListTable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '比对名单' };

/**
 * 比对名单 (admin and supervisor; anyone else gets 404): the lists the people and payee rules compare with
 * (docs/rules.md), each with its label, department and what it holds. 撤销 undoes the list's import batch, which only
 * the admin may do (permissions.manageBatch: a list's batch belongs to no 股室).
 */
export default async function ListsPage() {
  const viewer = await requirePermission(permissions.readComparisonLists);
  const lists = await listComparisonLists(await serverDb());
  const canRollback = permissions.manageBatch(viewer, { options: {} });
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle title="比对名单" summary="财政供养人员、死亡人员、建档立卡户及其他部门的名单；预警规则按类别和名单内容比对，命中时写明名单标签。新名单在数据导入页导入" />
      <Card title="名单" aside={<span data-testid="lists-count">共 {formatCount(lists.length)} 份</span>} testId="lists-card">
        {lists.length > 0 ? (
          <ComparisonListTable lists={lists} canRollback={canRollback} />
        ) : (
          <p className="py-8 text-center text-sm text-slate-600">还没有比对名单。请在数据导入页选择名单类别导入。</p>
        )}
      </Card>
    </div>
  );
}
