import Link from 'next/link';
import { redirect } from 'next/navigation';
import { CHANGE_PASSWORD_PATH, getSessionUser } from '@/lib/auth/server';
import { ChangePasswordForm } from './ChangePasswordForm';

export const dynamic = 'force-dynamic';

/** 修改密码: reachable from the header's user box; the only page a user who must change their password may open. */
export default async function ChangePasswordPage() {
  const viewer = await getSessionUser();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main className="grid min-h-screen place-items-center bg-navy-900 px-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow-lg">
        <h1 className="text-lg font-semibold text-slate-900">修改密码</h1>
        <p className="mt-1 mb-5 text-sm text-slate-600" data-testid="password-intro">
          {viewer.mustChangePassword
            ? `${viewer.username}：您的密码由他人设置（首次启动或管理员重置），请先设置自己的密码，然后才能使用本系统。`
            : `${viewer.username}：修改后，您在其他浏览器或设备上的登录将结束。`}
        </p>
        <ChangePasswordForm />
        <div className="mt-4 flex justify-between text-sm">
          {viewer.mustChangePassword ? <span /> : <Link href="/" className="text-navy-700 hover:underline">返回总览</Link>}
          <form action="/logout" method="post">
            <button type="submit" className="text-slate-500 hover:underline">退出</button>
          </form>
        </div>
      </div>
    </main>
  );
}
