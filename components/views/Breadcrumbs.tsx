import Link from 'next/link';
import { requireScope } from '@/lib/auth/server';
import { breadcrumbs } from '@/lib/views/breadcrumbs';
import type { ViewFilter } from '@/lib/views/filter';
import { serverDb } from '@/queries/server-db';
import { crumbNames } from '@/queries/views/navigation';

/**
 * 总览 › 股室 X › 资金 Y › … › the current page (docs/navigation.md): where a drill-down came from, each step a link
 * carrying the filter down to it. For any page that reads a ViewFilter: /views/[id], a project's page, 支付明细.
 * It names only what the URL set, a project only within the viewer's scope; the page's rows are scoped on the server.
 */
export async function Breadcrumbs({ filter, current }: { filter: ViewFilter; current: string }) {
  const crumbs = breadcrumbs(filter, await crumbNames(await serverDb(), filter, await requireScope()));
  return (
    <nav aria-label="当前位置" data-testid="breadcrumbs">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-sm text-slate-500">
        {crumbs.map((c) => (
          <li key={c.href} className="flex items-center gap-1.5">
            <Link href={c.href} className="text-navy-700 hover:underline print:text-slate-700 print:no-underline">{c.label}</Link>
            <span aria-hidden>›</span>
          </li>
        ))}
        <li aria-current="page" className="text-slate-700">{current}</li>
      </ol>
    </nav>
  );
}
