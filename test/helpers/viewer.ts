import type { Viewer } from '@/lib/auth/roles';

/** A signed-in user as the server sees one (lib/auth/roles.ts), for calling the workflow and admin code directly. */
export const testViewer = (username: string, role: Viewer['role'], unitId: number | null): Viewer =>
  ({ id: 1, username, displayName: null, role, unitId, unitName: null });
