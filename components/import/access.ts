import type { Role } from '@/lib/auth/roles';

/**
 * Who may download a batch's files and roll it back: admin any batch, a 股室 user only the batches it imported.
 * The routes check it on the server; the page uses it to show the buttons.
 */
export function mayManageBatch(viewer: { role: Role; username: string }, batch: { created_by: string | null }): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'section' && batch.created_by !== null && batch.created_by === viewer.username;
}
