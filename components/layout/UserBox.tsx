import Link from 'next/link';
import type { Viewer } from '@/lib/auth/roles';
import { userBoxText } from './user-text';

/** Who is signed in, with what role and unit, links to change the password and to the API tokens, and the sign-out button (a POST form: no script needed). */
export function UserBox({ viewer }: { viewer: Viewer }) {
  const { name, note } = userBoxText(viewer);
  return (
    <div className="flex shrink-0 items-center gap-2 text-xs whitespace-nowrap sm:text-sm" data-testid="user-box">
      <span className="hidden text-slate-200 sm:inline">
        <span data-testid="user-name">{name}</span>
        {note && <span className="ml-1 text-slate-400">{note}</span>}
      </span>
      <Link href="/account/password" className="grid h-8 place-items-center rounded-md border border-white/25 px-2.5 hover:bg-white/10 print:hidden" data-testid="change-password">
        修改密码
      </Link>
      <Link href="/account/tokens" className="hidden h-8 place-items-center rounded-md border border-white/25 px-2.5 hover:bg-white/10 sm:grid print:hidden" data-testid="api-tokens">
        API 令牌
      </Link>
      <form action="/logout" method="post">
        <button type="submit" className="h-8 rounded-md border border-white/25 px-2.5 hover:bg-white/10" data-testid="logout">
          退出
        </button>
      </form>
    </div>
  );
}
