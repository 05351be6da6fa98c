import Link from 'next/link';
import type { Scope } from '@/lib/auth/roles';
import { viewFilterParams, type ViewFilter } from '@/lib/views/filter';
import { viewById } from '@/lib/views/registry';
import type { ViewDef } from '@/lib/views/types';
import { honouredFilter } from '@/lib/views/request';

/**
 * A view's family (ViewDef.related) as links, the current one marked: only the views the viewer's scope is served, each
 * with the part of the filter it honours (docs/views.md), so no link answers 404 or names a problem.
 */
export function RelatedViews({ view, scope, filter }: { view: ViewDef; scope: Scope; filter: ViewFilter }) {
  const family = (view.related ?? []).map((id) => viewById(id)).filter((v): v is ViewDef => !!v && v.allowed(scope));
  if (family.length < 2) return null;
  return (
    <nav className="flex flex-wrap items-center gap-1.5 text-sm" aria-label="相关视图" data-testid="related-views">
      {family.map((v) => (
        <Link
          key={v.id}
          href={`/views/${v.id}?${viewFilterParams(honouredFilter(v, filter)).toString()}`}
          aria-current={v.id === view.id ? 'page' : undefined}
          className={`rounded px-2 py-0.5 ${v.id === view.id ? 'bg-navy-700 text-white' : 'text-navy-700 hover:bg-slate-100'}`}
        >
          {v.title}
        </Link>
      ))}
    </nav>
  );
}
