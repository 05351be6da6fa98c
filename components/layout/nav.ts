import { scopeOf } from '@/lib/auth/roles';
import { permissions, type Who } from '@/lib/auth/permissions';
import { viewById } from '@/lib/views/registry';

/**
 * The navigation, as data (docs/roles.md: hiding an entry is a courtesy, the page checks). `allowed` is the page's
 * own predicate from lib/auth/permissions.ts, so the entry and the page cannot disagree; absent means everyone
 * signed in.
 */
export interface NavItem {
  href: string;
  label: string;
  /** Matches sub-paths too (e.g. /funds/123 under 资金台账). '/' only matches itself. */
  exact?: boolean;
}

interface NavEntry extends NavItem {
  allowed?: (viewer: Who) => boolean;
}

/** A view's entry: shown to the viewers its registry entry allows (docs/views.md). */
function viewItem(id: string, label: string): NavEntry {
  const view = viewById(id)!;
  return { href: `/views/${id}`, label, allowed: (viewer) => view.allowed(scopeOf(viewer)) };
}

export const NAV_ITEMS: NavEntry[] = [
  { href: '/', label: '总览', exact: true },
  { href: '/briefing', label: '通报', allowed: permissions.readBriefing },
  viewItem('ledger', '资金台账'),
  viewItem('sections', '股室'),
  viewItem('departments', '部门'),
  viewItem('towns', '乡镇'),
  viewItem('projects', '项目'),
  viewItem('stalled', '滞留资金'),
  viewItem('velocity', '资金流速'),
  // A 镇 reads 资金流速 as its own line of the towns' (the by-fund view is the county's and the 股室's).
  { ...viewItem('velocity_towns', '资金流速'), allowed: (viewer) => scopeOf(viewer).kind === 'town' },
  viewItem('warnings_by_rule', '预警'),
  viewItem('todo', '待办'),
  { href: '/payments', label: '支付明细' },
  { href: '/import', label: '数据导入', allowed: permissions.import },
  { href: '/quality', label: '数据质量' },
  { href: '/funds/risk-points', label: '风险点', allowed: permissions.manageRiskPoints },
  { href: '/lists', label: '比对名单', allowed: permissions.readComparisonLists },
  { href: '/catalog', label: '资金目录', allowed: permissions.manageCatalog },
  { href: '/settings', label: '设置', allowed: permissions.manageSettings },
  { href: '/admin/users', label: '用户管理', allowed: permissions.manageUsers },
  { href: '/admin/units', label: '单位管理', allowed: permissions.manageUnits },
  { href: '/admin/calendar', label: '节假日', allowed: permissions.manageCalendar },
  { href: '/admin/backup', label: '备份', allowed: permissions.manageBackups },
  { href: '/audit', label: '审计日志', allowed: permissions.readAudit },
];

/** The entries a viewer may use, as plain data a client component can take; the pages check again on the server. */
export function navFor(viewer: Who): NavItem[] {
  return NAV_ITEMS.filter((e) => !e.allowed || e.allowed(viewer)).map(({ href, label, exact }) => ({ href, label, ...(exact ? { exact } : {}) }));
}

export function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
