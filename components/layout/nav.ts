import { ROLES, ROLE_UNIT_KIND, type Role, type Scope } from '@/lib/auth/roles';
import { viewById } from '@/lib/views/registry';

/** The navigation, as data (docs/roles.md: hiding an entry is a courtesy, the page checks). `roles` lists who sees an entry; absent means everyone signed in. */
export interface NavItem {
  href: string;
  label: string;
  /** Matches sub-paths too (e.g. /funds/123 under 资金台账). '/' only matches itself. */
  exact?: boolean;
  roles?: Role[];
}

/** A view's entry: shown to the roles its registry entry allows (docs/views.md), so the two cannot disagree. */
function viewItem(id: string, label: string): NavItem {
  const view = viewById(id)!;
  const scopeOfRole = (role: Role): Scope => {
    const kind = ROLE_UNIT_KIND[role];
    return kind ? { kind, unitId: -1 } : { kind: 'all' };
  };
  return { href: `/views/${id}`, label, roles: ROLES.filter((role) => view.allowed(scopeOfRole(role))) };
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: '总览', exact: true },
  viewItem('ledger', '资金台账'),
  viewItem('sections', '股室'),
  viewItem('departments', '部门'),
  viewItem('towns', '乡镇'),
  viewItem('projects', '项目'),
  viewItem('stalled', '滞留资金'),
  viewItem('velocity', '资金流速'),
  // A 镇 reads 资金流速 as its own line of the towns' (the by-fund view is the county's and the 股室's).
  { ...viewItem('velocity_towns', '资金流速'), roles: ['town'] },
  { href: '/payments', label: '支付明细' },
  { href: '/import', label: '数据导入', roles: ['admin', 'section'] },
  { href: '/quality', label: '数据质量' },
  { href: '/catalog', label: '资金目录', roles: ['admin'] },
  { href: '/settings', label: '设置', roles: ['admin'] },
  { href: '/admin/users', label: '用户管理', roles: ['admin'] },
  { href: '/admin/units', label: '单位管理', roles: ['admin'] },
  { href: '/audit', label: '审计日志', roles: ['admin', 'supervisor'] },
];

/** The entries a role may use; the pages check the role again on the server. */
export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
