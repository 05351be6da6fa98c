import path from 'node:path';
import { readManifest, type BackupManifest } from './manifest';
import { listBackupNames } from './retention';

export interface BackupListing {
  name: string;
  dir: string;
  /** null when the manifest cannot be read (the page says so rather than hiding the folder). */
  manifest: BackupManifest | null;
}

/** The backups of a folder, newest first, each with its manifest. */
export async function listBackups(folder: string): Promise<BackupListing[]> {
  const out: BackupListing[] = [];
  for (const name of await listBackupNames(folder)) {
    const dir = path.join(folder, name);
    out.push({ name, dir, manifest: await readManifest(dir).then((m) => m.manifest, () => null) });
  }
  return out;
}
