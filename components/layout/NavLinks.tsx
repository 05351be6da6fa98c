'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { isActive, type NavItem } from './nav';

/**
 * The navigation links, highlighted by the current path (the only reason this is a client component).
 * `variant` picks the sidebar or the phone menu look; a click in the phone menu closes it.
 */
export function NavLinks({ variant, items }: { variant: 'side' | 'menu'; items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className={variant === 'side' ? 'space-y-0.5' : 'divide-y divide-slate-100'}>
      {items.map((item) => {
        const active = isActive(item, pathname);
        const look =
          variant === 'side'
            ? active
              ? 'bg-white/12 text-white font-medium'
              : 'text-slate-300 hover:bg-white/6 hover:text-white'
            : active
              ? 'text-navy-800 font-medium bg-navy-50'
              : 'text-slate-700 hover:bg-slate-50';
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}
              className={`flex items-center rounded-md px-3 ${variant === 'side' ? 'h-9' : 'h-11'} text-sm ${look}`}
            >
              {active && variant === 'side' && <span aria-hidden className="mr-2 h-4 w-0.5 rounded bg-white" />}
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
