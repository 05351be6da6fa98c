import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { todayInChina } from '@/lib/format';
import { serverDb } from '@/queries/server-db';
import { listApiTokens, MAX_LIVE_TOKENS } from '@/queries/auth/api-tokens';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { NewTokenForm, TokenTable } from '@/components/account/ApiTokens';
import { createTokenAction, revokeTokenAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API 令牌' };

/**
 * 账户 → API 令牌: every user makes and revokes personal tokens, with which a script acts as them
 * (`fund-monitor import --server`, docs/security.md "API tokens"); the admin also sees everyone's and may revoke any.
 */
export default async function ApiTokensPage() {
  const viewer = await requireViewer();
  const db = await serverDb();
  const all = permissions.manageAllApiTokens(viewer);
  const tokens = await listApiTokens(db, all ? null : viewer.id);
  const mine = tokens.filter((t) => t.user_id === viewer.id);
  const others = tokens.filter((t) => t.user_id !== viewer.id);
  const live = mine.filter((t) => t.live).length;
  return (
    <div className="mx-auto max-w-[1200px] space-y-3">
      <PageTitle
        title="API 令牌"
        summary="脚本和命令行凭令牌以您的身份访问本系统（角色、数据范围和权限与您相同），如 npx fund-monitor import 文件 --kind payments --server 本站地址 --token 令牌 · 令牌只在创建时显示一次 · 创建、吊销和凭令牌导入都记入审计日志"
      />
      <Card title="创建令牌" aside={`有效令牌 ${live} / ${MAX_LIVE_TOKENS}`} testId="token-create">
        <NewTokenForm create={createTokenAction} today={todayInChina()} />
      </Card>
      <Card title="我的令牌" testId="tokens-mine">
        <TokenTable tokens={mine} revoke={revokeTokenAction} showOwner={false} testId="tokens-mine-table" />
      </Card>
      {all && (
        <Card title="其他用户的令牌" aside="管理员可吊销任何令牌" testId="tokens-others">
          <TokenTable tokens={others} revoke={revokeTokenAction} showOwner testId="tokens-others-table" />
        </Card>
      )}
    </div>
  );
}
