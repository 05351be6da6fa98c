import { ROLE_LABELS, type Viewer } from '@/lib/auth/roles';

/**
 * The name and the role note of the header: the role label (and unit) only when it adds something, so a leader whose
 * display name is 局领导 reads 局领导 once.
 */
export function userBoxText(viewer: Pick<Viewer, 'displayName' | 'username' | 'role' | 'unitName'>): { name: string; note: string } {
  const name = viewer.displayName ?? viewer.username;
  const role = ROLE_LABELS[viewer.role];
  const parts = [name === role ? null : role, viewer.unitName && viewer.unitName !== name ? viewer.unitName : null];
  return { name, note: parts.filter(Boolean).join(' · ') };
}
