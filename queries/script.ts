import type { DuckDBConnection } from '@duckdb/node-api';
import type { Params } from './db';

/** Splits a SQL script at semicolons that end a line; our SQL files keep one statement per such boundary. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;[ \t]*(?:--[^\n]*)?\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
}

/** Runs a multi-statement SQL file on one connection, giving each statement the parameters it names. */
export async function runScript(conn: DuckDBConnection, script: string, params: Params = {}): Promise<void> {
  for (const statement of splitStatements(script)) {
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => new RegExp(`\\$${k}\\b`).test(statement)));
    await conn.run(statement, used);
  }
}
