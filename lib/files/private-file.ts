import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Keeps a file the server made or was given (an 已整改's attachment, a generated 通报) in a folder beside the raw imports,
 * private to the server's user like them (lib/import/load/raw-file.ts): the folder 0700 (also one made before), the file
 * 0600 and never overwritten. Its name is `<prefix>-<sha256 first 16>-<random>-<name>`: the content hash in the name, a
 * random part so that two never share a file (removing one's leftover never removes another's).
 */
export async function storePrivateFile(dir: string, prefix: string, name: string, bytes: Uint8Array): Promise<{ sha256: string; path: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = path.join(/*turbopackIgnore: true*/ dir, `${prefix}-${sha256.slice(0, 16)}-${randomBytes(4).toString('hex')}-${name}`);
  try {
    await writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    // A partial write goes; a name already taken (never, with the random part) is someone else's file and stays.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(file, { force: true });
    throw error;
  }
  return { sha256, path: file };
}
