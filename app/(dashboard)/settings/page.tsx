import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { cachedSettings } from '@/queries/server';
import { Card } from '@/components/ui/Card';
import { BandLegend } from '@/components/ui/BandLegend';
import { PageTitle } from '@/components/overview/PageTitle';
import { SettingsForm } from '@/components/settings/SettingsForm';

export const dynamic = 'force-dynamic';

export default async function SettingsPage() {
  await requirePermission(permissions.manageSettings);
  const settings = await cachedSettings();
  return (
    <div className="space-y-4">
      <PageTitle title="设置" summary="修改后立即生效，每次修改都记入审计日志" />
      <Card title="计算口径与显示">
        <SettingsForm settings={settings} />
      </Card>
      <Card title="当前色带">
        <BandLegend bands={settings.gapBands} />
      </Card>
    </div>
  );
}
