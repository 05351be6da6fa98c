import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PENDING_PREFIX } from '@/lib/import/load/raw-file';
import type { BackupFile } from './manifest';

export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Backups hold what the raw imports hold (names, accounts, ID numbers): private to the server's user like them. */
export async function privateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

async function* filesUnder(root: string, rel = ''): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(path.join(root, rel), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = path.join(rel, e.name);
    if (e.isDirectory()) yield* filesUnder(root, child);
    // A pending copy belongs to an import still running (or killed): no batch names it yet.
    else if (e.isFile() && !e.name.startsWith(PENDING_PREFIX)) yield child;
  }
}

/**
 * Copies every file under `from` into `to` (same relative paths, 0600) and lists each with its size and sha256, read
 * from the copy. Raw files are written once and never changed (lib/import/load/raw-file.ts), so a file copied after the
 * database's snapshot is the one a batch of the snapshot names; a batch committed after the snapshot may add a file
 * the copied database does not name, which is harmless.
 */
export async function copyTree(from: string, to: string): Promise<BackupFile[]> {
  const out: BackupFile[] = [];
  for await (const rel of filesUnder(from)) {
    const dest = path.join(to, rel);
    await privateDir(path.dirname(dest));
    await copyFile(path.join(from, rel), dest);
    await chmod(dest, 0o600);
    out.push(await describe(to, rel));
  }
  return out;
}

/** A file of a folder as a manifest lists it. */
export async function describe(dir: string, rel: string): Promise<BackupFile> {
  const file = path.join(dir, rel);
  const { size } = await stat(file);
  return { path: rel.split(path.sep).join('/'), bytes: size, sha256: await sha256Of(file) };
}
