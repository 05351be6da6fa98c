// The worker thread that reads workbooks (xlsx-thread.ts): plain JavaScript, so that Node can start it whatever runs
// the parent (Next.js's server bundle, Vitest, the tsx CLI). It registers tsx's loader for this thread only, then
// answers each request { id, filePath, fileName, options } with the SourceInfo of the TypeScript reader, or the
// error's name and message. Requests come one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const { root, tempDir } = workerData;
register({ tsconfig: path.join(root, 'tsconfig.json') });
const source = (file) => import(pathToFileURL(path.join(root, 'lib/import/source', file)).href);
// The parent's private temp folder: the CSV a sheet becomes is the parent's to read and delete.
const reader = source('transcode.ts').then(({ usePrivateTempDir }) => usePrivateTempDir(tempDir)).then(() => source('xlsx.ts'));

parentPort.on('message', async ({ id, filePath, fileName, options }) => {
  try {
    const { readXlsxSource } = await reader;
    parentPort.postMessage({ id, info: await readXlsxSource(filePath, fileName, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
});
