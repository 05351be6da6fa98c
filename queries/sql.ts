import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The project root: the CLI sets it from its own location; Next.js and Vitest run from the root. */
export const projectRoot = process.env.FUND_MONITOR_ROOT ?? process.cwd();

const cache = new Map<string, string>();

/** Reads a .sql file (path relative to the project root) once per process. */
export function sqlFile(relativePath: string): string {
  let text = cache.get(relativePath);
  if (text === undefined) {
    text = readFileSync(path.join(/*turbopackIgnore: true*/ projectRoot, relativePath), 'utf8');
    cache.set(relativePath, text);
  }
  return text;
}
