import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { listCatalog } from '@/queries/funds/catalog';
import { Card } from '@/components/ui/Card';
import { PageTitle } from '@/components/overview/PageTitle';
import { CatalogTable } from '@/components/catalog/CatalogTable';
import { LEVELS, LEVEL_LABELS } from '@/components/labels';

export const dynamic = 'force-dynamic';

/** 资金目录 (admin): the seed's funds by level in catalog order, with 股室, 来源 and aliases (docs/fund-matching.md). */
export default async function CatalogPage() {
  await requirePermission(permissions.manageCatalog);
  const funds = await listCatalog(await serverDb());
  const aliases = funds.reduce((n, f) => n + f.aliases.length, 0);
  return (
    <div className="space-y-4">
      <PageTitle
        title="资金目录"
        summary={`${funds.length} 项资金，${aliases} 个别名。导入时资金名称按预算级次匹配目录名称（不含“扶贫:”等类别前缀）和别名；添加、删除别名都记入审计日志`}
      />
      {LEVELS.map((level) => {
        const rows = funds.filter((f) => f.level === level);
        return (
          <Card key={level} title={`${LEVEL_LABELS[level]}资金（${rows.length} 项）`} testId={`catalog-${level}`}>
            <CatalogTable funds={rows} />
          </Card>
        );
      })}
    </div>
  );
}
