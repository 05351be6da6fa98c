import { permissions } from '@/lib/auth/permissions';
import type { Viewer } from '@/lib/auth/roles';
import { formatCount, formatDateTime } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { latestRun } from '@/queries/rules/runs';
import { RunRulesButton } from '@/components/settings/RunRulesButton';
import { Card } from '@/components/ui/Card';

/** Who a run is recorded as (docs/rules.md "Running the rules"): a user, an import batch, or the command line. */
function actorText(actor: string): string {
  const batch = /^import:#(\d+)$/.exec(actor);
  if (batch) return `导入批次 #${batch[1]} 后自动运行`;
  if (actor.startsWith('cli:')) return `命令行（${actor.slice(4)}）`;
  return actor;
}

/**
 * 预警总览's panel for those who may run the rules (admin and supervision, docs/rules.md): the last run — when, by
 * whom, as of which 截止日期, what it found — and the button to run every enabled rule now. Nothing for other roles.
 */
export async function RuleRunPanel({ viewer }: { viewer: Viewer }) {
  if (!permissions.runRules(viewer)) return null;
  const run = await latestRun(await serverDb());
  return (
    <Card title="预警规则运行" testId="rule-run-panel" className="print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {run ? (
          <p className="text-sm text-slate-700" data-testid="rule-run-last">
            上次运行 #{run.run_id}：{formatDateTime(run.finished_at)} · {actorText(run.actor)} · 截止 {run.as_of} ·{' '}
            {run.rules} 条规则，发现 {formatCount(run.rows)}，新增 {formatCount(run.new)}，数据已消除 {formatCount(run.cleared)} ·
            用时 {(run.ms / 1000).toFixed(1)} 秒
          </p>
        ) : (
          <p className="text-sm text-slate-600" data-testid="rule-run-last">尚未运行过预警规则</p>
        )}
        <RunRulesButton label="运行预警规则" />
      </div>
    </Card>
  );
}
