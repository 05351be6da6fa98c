import { rm } from 'node:fs/promises';
import type { Db } from '../db';
import { namedSql } from '../sql';
import { ReadOnlyError } from '@/lib/faults/read-only';
import { warningById } from '../warnings';
import type { Scope, Viewer } from '@/lib/auth/roles';
import type { StepInput, WarningAction } from '@/lib/warnings/workflow';
import { attachmentDirFor, attachmentProblem, storeAttachment, type StoredAttachment } from '@/lib/warnings/attachments';
import { takeStep, type StepResult } from './step';

/** A file as a form gave it: its name and bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * A step whose answer carries a file (an 已整改 with its attachment, docs/workflow.md): the file is checked, stored
 * beside the raw imports, then the step records it on its event. A step that is refused or fails removes the file
 * again, so no file is ever kept without the event that names it.
 */
export async function takeStepWithFile(
  db: Db, warningId: number, action: WarningAction, actor: Viewer, input: StepInput & { days?: number },
  file: UploadedFile | null, ip: string | null, today?: string,
): Promise<StepResult> {
  // Refused before the attachment is stored: nothing of a step lands on a read-only database.
  if (db.readOnly) throw new ReadOnlyError();
  if (!file) return takeStep(db, warningId, action, actor, input, ip, today);
  if (action !== 'rectify') return { ok: false, error: '只有“已整改”可以附带附件' };
  const problem = attachmentProblem(file.name, file.bytes.byteLength, file.bytes);
  if (problem) return { ok: false, error: problem };
  const stored = await storeAttachment(attachmentDirFor(db.file), warningId, file.name, file.bytes);
  try {
    const result = await takeStep(db, warningId, action, actor, { ...input, attachment: stored }, ip, today);
    if (!result.ok) await rm(stored.path, { force: true });
    return result;
  } catch (error) {
    await rm(stored.path, { force: true });
    throw error;
  }
}

/**
 * An attachment of a warning's history, by its content hash, for a viewer who may read the warning (the same
 * visibility as its page, queries/warnings/visible.sql); null otherwise, as for one that does not exist.
 */
export async function attachmentFor(db: Db, warningId: number, sha256: string, scope: Scope): Promise<StoredAttachment | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  if (!(await warningById(db, warningId, scope))) return null;
  const row = await db.one<StoredAttachment>(namedSql('queries/warnings/detail.sql').attachment, { id: warningId, sha256 });
  return row ?? null;
}
