/**
 * The navigation, as data: later pages add an entry here (DESIGN.md §6 lists them). `roles` will restrict an
 * entry once sign-in exists; absent means everyone.
 */
export interface NavItem {
  href: string;
  label: string;
  /** Matches sub-paths too (e.g. /funds/123 under 资金台账). '/' only matches itself. */
  exact?: boolean;
  roles?: string[];
}

export const NAV_ITEMS: NavItem[] = [{ href: '/', label: '总览', exact: true }];

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
