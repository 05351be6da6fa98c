import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/server';
import { permissions } from '@/lib/auth/permissions';
import { serverDb } from '@/queries/server-db';
import { listBindableUnits, listUsers } from '@/queries/auth/users';
import { formatCount } from '@/lib/format';
import { PageTitle } from '@/components/overview/PageTitle';
import { Card } from '@/components/ui/Card';
import { CreateUserForm } from '@/components/admin/CreateUserForm';
import { UserTable } from '@/components/admin/UserTable';
import { createUserAction, resetPasswordAction, setDisabledAction, updateUserAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '用户管理' };

/** 用户管理 (admin only; anyone else gets 404): accounts, roles, unit bindings, passwords. */
export default async function UsersPage() {
  const viewer = await requirePermission(permissions.manageUsers);
  const db = await serverDb();
  const [users, units] = await Promise.all([listUsers(db), listBindableUnits(db)]);
  const active = users.filter((u) => !u.disabled).length;
  return (
    <div className="mx-auto max-w-[1600px] space-y-3">
      <PageTitle
        title="用户管理"
        summary={`共 ${formatCount(users.length)} 个账户，${formatCount(active)} 个正常使用 · 每次变更都记入审计日志`}
      />
      <Card title="新建用户" testId="user-create">
        <CreateUserForm units={units} action={createUserAction} />
      </Card>
      <Card title="用户列表" aside="连续 5 次密码错误锁定 15 分钟；重置密码可立即解除锁定" testId="users">
        <UserTable
          users={users}
          units={units}
          selfId={viewer.id}
          actions={{ update: updateUserAction, setDisabled: setDisabledAction, resetPassword: resetPasswordAction }}
        />
      </Card>
    </div>
  );
}
