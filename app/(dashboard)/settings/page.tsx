import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { cachedSettings } from '@/queries/server';
import { Card } from '@/components/ui/Card';
import { BandLegend } from '@/components/ui/BandLegend';
import { PageTitle } from '@/components/overview/PageTitle';
import { SettingsForm } from '@/components/settings/SettingsForm';
import { RuleSettingsForm } from '@/components/settings/RuleSettingsForm';
import { RunRulesButton } from '@/components/settings/RunRulesButton';
import { RULES } from '@/lib/rules/registry';
import { ruleChoice, ruleSettings } from '@/queries/rules/settings';
import { serverDb } from '@/queries/server-db';

export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requirePermission(permissions.manageSettings);
  const settings = await cachedSettings();
  const saved = await ruleSettings(await serverDb());
  const rules = RULES.map((rule) => ({ rule: { id: rule.id, name: rule.name, params: rule.params }, ...ruleChoice(rule, saved.get(rule.id)) }));
  return (
    <div className="space-y-4">
      <PageTitle title="设置" summary="修改后立即生效，每次修改都记入审计日志" />
      <Card title="计算口径与显示">
        <SettingsForm settings={settings} />
      </Card>
      <Card title="当前色带">
        <BandLegend bands={settings.gapBands} />
      </Card>
      <Card title="预警规则（启用与阈值，见 docs/rules.md）">
        {rules.length === 0 ? <p className="text-sm text-slate-500">尚未登记预警规则。</p> : rules.map((row) => <RuleSettingsForm key={row.rule.id} row={row} />)}
        <div className="pt-4"><RunRulesButton /></div>
      </Card>
    </div>
  );
}
