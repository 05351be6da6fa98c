export const ROLES = ['admin', 'leader', 'supervisor', 'section', 'department', 'town'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '信息中心（管理员）',
  leader: '局领导',
  supervisor: '监督检查室',
  section: '股室',
  department: '部门（预算单位）',
  town: '镇（中心）',
};

/** The unit kind a scoped role is bound to. */
export const ROLE_UNIT_KIND: Partial<Record<Role, 'section' | 'department' | 'town'>> = {
  section: 'section',
  department: 'department',
  town: 'town',
};

export interface Viewer {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  unitId: number | null;
  unitName: string | null;
  /** Signed in with a password someone else chose: may do nothing but choose a new one (docs/security.md). */
  mustChangePassword?: boolean;
  /** The request came with this personal API token (docs/security.md), not a session: the audit log names it. */
  apiToken?: { id: number; name: string };
}

/**
 * What a viewer may read. 'all' for admin, leader and supervisor; otherwise the rows of one unit. Which payments that
 * means is one SQL macro, visible_payments (queries/visibility.sql); the overview measures a department or
 * a town on the allocations it received and the payments it made, a town's including its sub-units' (queries/overview/scope.sql,
 * docs/units.md).
 */
export type Scope = { kind: 'all' } | { kind: 'section' | 'department' | 'town'; unitId: number };

export function scopeOf(viewer: Pick<Viewer, 'role' | 'unitId'>): Scope {
  const kind = ROLE_UNIT_KIND[viewer.role];
  if (!kind) return { kind: 'all' };
  // A scoped role without a binding sees nothing rather than everything.
  return { kind, unitId: viewer.unitId ?? -1 };
}

/** SQL parameters that every scoped query takes: $scope_kind and $scope_unit. */
export function scopeParams(scope: Scope): { scope_kind: string; scope_unit: number } {
  return scope.kind === 'all' ? { scope_kind: 'all', scope_unit: -1 } : { scope_kind: scope.kind, scope_unit: scope.unitId };
}
