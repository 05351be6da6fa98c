import Link from 'next/link';
import { NavLinks } from './NavLinks';
import { UserBox } from './UserBox';
import type { NavItem } from './nav';
import type { Viewer } from '@/lib/auth/roles';

/**
 * The top bar: product name, county, 待办 when doubts wait for the viewer's unit to answer (docs/workflow.md), and at
 * phone width the menu button (a <details>, no script needed).
 */
export function AppHeader({ countyName, viewer, items, todo }: { countyName: string; viewer: Viewer; items: NavItem[]; todo: number }) {
  return (
    <header data-on-dark className="sticky top-0 z-20 flex h-12 items-center gap-3 bg-navy-900 px-4 text-white shadow-sm print:static print:shadow-none">
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-white/12 text-sm font-semibold">
        扶
      </span>
      {/* At phone width the buttons need the row; the county's name is in the menu. */}
      <div className="hidden min-w-0 items-baseline gap-2 sm:flex">
        <span className="truncate text-base font-semibold tracking-wide">扶贫资金动态监控</span>
        <span className="truncate text-xs text-slate-300 sm:text-sm" data-testid="county-name">
          {countyName}财政局
        </span>
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-2">
        {todo > 0 && (
          <Link
            href="/views/todo"
            className="grid h-8 place-items-center rounded-md bg-amber-400 px-2.5 text-xs font-semibold whitespace-nowrap text-navy-900 hover:bg-amber-300 sm:text-sm print:hidden"
            data-testid="header-todo"
          >
            待办 ({todo})
          </Link>
        )}
        <UserBox viewer={viewer} />
      </div>
      <details className="group relative shrink-0 whitespace-nowrap md:hidden">
        <summary className="flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-white/25 px-3 text-sm [&::-webkit-details-marker]:hidden">
          <span aria-hidden className="flex flex-col gap-[3px]">
            <span className="block h-px w-3.5 bg-white" />
            <span className="block h-px w-3.5 bg-white" />
            <span className="block h-px w-3.5 bg-white" />
          </span>
          菜单
        </summary>
        <nav
          aria-label="主导航"
          data-on-light
          className="absolute right-0 mt-2 w-48 rounded-md border border-slate-200 bg-white p-1 text-slate-800 shadow-lg"
        >
          <p className="px-3 py-2 text-xs text-slate-500">{countyName}财政局</p>
          <NavLinks variant="menu" items={items} />
        </nav>
      </details>
    </header>
  );
}
