import type { Role } from '@/lib/auth/roles';

/** The 股室 a batch was imported for (import_batches.options.section_id), or null for an admin's batch. */
export function batchSection(batch: { options: Record<string, unknown> }): number | null {
  const id = batch.options.section_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

/**
 * Who may see a batch's reject report and raw file and roll it back: admin any batch; a 股室 user the batches imported
 * for the 股室 it belongs to now, whoever of its users imported them. The check is on the batch's 股室, not its user
 * name: a user moved to another 股室 loses the old one's batches, and a colleague who takes over keeps them
 * (docs/import-limits.md). The routes check it on the server; the page uses it to list batches and show the buttons.
 */
export function mayManageBatch(viewer: { role: Role; unitId: number | null }, batch: { options: Record<string, unknown> }): boolean {
  if (viewer.role === 'admin') return true;
  return viewer.role === 'section' && viewer.unitId !== null && batchSection(batch) === viewer.unitId;
}
