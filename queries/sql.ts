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

/**
 * The statements of a .sql file that holds several, each introduced by a line `-- name: some_name`
 * (the yesql convention), so a module's small queries live in one file beside its typed functions.
 */
export function namedSql(relativePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of sqlFile(relativePath).split(/^-- name: */m).slice(1)) {
    const newline = part.indexOf('\n');
    out[part.slice(0, newline).trim()] = part.slice(newline + 1).trim().replace(/;$/, '');
  }
  return out;
}

/**
 * A text as an SQL string literal, for the few places SQL text must hold a value (DDL, read_csv's options, the
 * importer's generated column lists), where DuckDB takes no parameter.
 */
export const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The parameters a statement uses ($name), for statements assembled from shared parts: DuckDB refuses a named
 * parameter the statement does not use, and a shared part's parameters are not every statement's. A name in a comment
 * is not a use.
 */
export function usedParams<V>(sql: string, params: Record<string, V>): Record<string, V> {
  const code = sql.replace(/--.*$/gm, '');
  return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(code)));
}
