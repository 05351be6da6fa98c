import { NavLinks } from './NavLinks';
import type { NavItem } from './nav';

/** The left navigation at tablet width and up; at phone width AppHeader's menu takes over. */
export function SideNav({ items }: { items: NavItem[] }) {
  return (
    <aside data-on-dark className="hidden w-48 shrink-0 bg-navy-800 md:block print:hidden">
      <nav aria-label="主导航" className="sticky top-12 max-h-[calc(100vh-3rem)] overflow-y-auto px-2 py-4">
        <NavLinks variant="side" items={items} />
      </nav>
    </aside>
  );
}
