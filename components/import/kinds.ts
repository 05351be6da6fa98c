import type { Role } from '@/lib/auth/roles';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/types';

/** What a 股室 exports from its own systems; the reference lists and the 项目库 are loaded by 信息中心. */
export const SECTION_IMPORT_KINDS: readonly ImportKind[] = ['indicators', 'allocations', 'payments', 'payouts'];

/** The kinds a role may import (empty for roles that may not import at all). The upload and commit routes check it. */
export function importKindsFor(role: Role): readonly ImportKind[] {
  if (role === 'admin') return IMPORT_KINDS;
  if (role === 'section') return SECTION_IMPORT_KINDS;
  return [];
}

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export function mayImportKind(role: Role, kind: ImportKind): boolean {
  return importKindsFor(role).includes(kind);
}
