import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { riskPointDefaults } from '@/lib/funds/risk-points';
import { listRiskPoints } from '@/queries/funds/risk-points';
import { serverDb } from '@/queries/server-db';
import { Card } from '@/components/ui/Card';
import { PageTitle } from '@/components/overview/PageTitle';
import { RiskPointsForm } from '@/components/funds/RiskPointsForm';
import { LEVELS, LEVEL_LABELS } from '@/components/labels';

export const dynamic = 'force-dynamic';

/**
 * 风险点 (docs/rules.md "Risk points per fund"): a 股室 sets its own funds' 分配时限, 最后使用关口 and 滞留天数, the admin
 * any fund's; an empty field leaves the rule's setting in force. Every change is audited.
 */
export default async function RiskPointsPage() {
  const viewer = await requirePermission(permissions.manageRiskPoints);
  const db = await serverDb();
  const [funds, defaults] = await Promise.all([listRiskPoints(db, permissions.riskPointsSection(viewer)), riskPointDefaults(db)]);
  const set = funds.filter((f) => f.alloc_days !== null || f.final_date !== null || f.idle_days !== null).length;
  const showSection = viewer.role === 'admin';
  return (
    <div className="space-y-4">
      <PageTitle
        title="资金风险点"
        summary={`${showSection ? '全部' : (viewer.unitName ?? '本股室')}资金 ${funds.length} 项，已设置 ${set} 项。留空即按预警规则设置；每次修改都记入审计日志`}
      />
      {funds.length === 0 && <Card title="资金"><p className="text-sm text-slate-500">没有由本股室管理的资金。</p></Card>}
      {LEVELS.map((level) => {
        const rows = funds.filter((f) => f.level === level);
        if (rows.length === 0) return null;
        return (
          <Card key={level} title={`${LEVEL_LABELS[level]}资金（${rows.length} 项）`} testId={`risk-points-${level}`}>
            {rows.map((fund) => <RiskPointsForm key={fund.id} fund={fund} defaults={defaults} showSection={showSection} />)}
          </Card>
        );
      })}
    </div>
  );
}
