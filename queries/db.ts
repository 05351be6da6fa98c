import { DuckDBInstance, type DuckDBConnection, type DuckDBDataChunk, type DuckDBValue } from '@duckdb/node-api';
import { migrate } from './migrate';
import { SerialQueue } from './queue';
import { ResultCache } from './result-cache';
import { ReadOnlyError } from '@/lib/faults/read-only';

export type Params = Record<string, DuckDBValue>;

/** How DuckDB words an error after which the instance is unusable (Db.invalidated). */
const FATAL = /^FATAL Error|database has been invalidated/;

/** How DuckDB refuses a change on a database opened read-only (a connection of an import writes past Db's queue). */
const READ_ONLY = /attached in read-only mode|read-only mode!/;

/** Rows as plain JSON objects on a connection the caller holds: DECIMAL and BIGINT arrive as strings, DATE as YYYY-MM-DD. */
export async function connRows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJson() as T[];
}

async function inTransaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const result = await fn();
    await conn.run('COMMIT');
    return result;
  } catch (error) {
    await conn.run('ROLLBACK');
    throw error;
  }
}

/**
 * `bookkeeping`: the write changes no figure a page shows (sessions, sign-in attempts, the audit log), so the results
 * kept for the pages (Db.kept) stay; every other write drops them.
 */
export interface WriteOptions {
  bookkeeping?: boolean;
  /**
   * The write changes no session, user or unit a signed-in viewer is read from (an audit row, a session's last_seen),
   * so the viewers remembered per session (queries/auth/sessions.ts) stay; every other write forgets them.
   */
  keepsViewers?: boolean;
}

export const BOOKKEEPING: WriteOptions = { bookkeeping: true };

/** A bookkeeping write that only appends to a log or marks a session used: it keeps the results and the viewers. */
export const LOG_ONLY: WriteOptions = { bookkeeping: true, keepsViewers: true };

export interface OpenOptions {
  readOnly?: boolean;
  memoryLimit?: string;
  threads?: number;
}

/**
 * The one owner of DuckDB connections. Every query opens a short-lived connection on the shared instance,
 * because a DuckDB connection runs one statement at a time and server requests arrive concurrently.
 *
 * Writes (run, write, transaction) go through one queue, one at a time. DuckDB's concurrency is optimistic: two
 * connections that change the same row at once do not wait for each other, the second fails with "Conflict on tuple
 * deletion" / "Transaction conflict" — 20 parallel wrong passwords for one user, or two requests touching one session,
 * answered HTTP 500. Reads are not queued: they see a snapshot and never conflict. An import holds its own connection
 * and transaction (lib/import/load/serialize.ts orders imports among themselves) and writes rows no queued write
 * changes, so it does not block logins for its duration. A task on the queue must never wait for the queue itself.
 */
export class Db {
  private readonly writes = new SerialQueue();
  private readonly results = new ResultCache();
  /**
   * DuckDB invalidated this instance after a fatal error (a checkpoint it could not write: the disk full) and answers
   * every statement with that error until it is opened again; the file holds the last commit (docs/reliability.md).
   * The server opens it anew (queries/open-server-db.ts).
   */
  invalidated = false;
  private viewerWrites = 0;

  /** Closed by close(): work scheduled for later (a batch of session marks) must not start on it. */
  closed = false;

  /**
   * Opened with access_mode READ_ONLY (the server on a file it may not write, docs/reliability.md): every change is
   * refused with ReadOnlyError before it reaches DuckDB, and DuckDB's own refusal is turned into one.
   */
  readonly readOnly: boolean;

  private constructor(private readonly instance: DuckDBInstance, readonly file: string, readOnly: boolean) {
    this.readOnly = readOnly;
  }

  static async open(file: string, options: OpenOptions = {}): Promise<Db> {
    const instance = await DuckDBInstance.create(file, {
      // Extensions cannot be downloaded here; a miss would otherwise cost ~0.5 s trying the network.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      memory_limit: options.memoryLimit ?? '2GB',
      threads: String(options.threads ?? 2),
      ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    });
    const db = new Db(instance, file, options.readOnly ?? false);
    // Timestamps are stored in UTC whatever zone the server runs in (DuckDB's ICU takes the process's otherwise), and
    // shown in China time by lib/format.ts's formatDateTime; a day that decides 逾期 comes in as $today.
    await db.withConnection((conn) => conn.run("SET GLOBAL TimeZone = 'UTC'"));
    if (!options.readOnly) await migrate(db);
    return db;
  }

  async withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.instance.connect();
    try {
      return await fn(conn);
    } catch (error) {
      if (error instanceof Error && FATAL.test(error.message)) this.invalidated = true;
      if (error instanceof Error && READ_ONLY.test(error.message)) throw new ReadOnlyError();
      throw error;
    } finally {
      conn.closeSync();
    }
  }

  /** Rows as plain JSON objects: DECIMAL and BIGINT arrive as strings, DATE as YYYY-MM-DD. */
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    return this.withConnection((conn) => connRows<T>(conn, sql, params));
  }

  /**
   * The first column of one query's rows (a text per row), a DuckDB chunk (up to 2,048 rows) at a time as the reader
   * asks for them, so a large result never sits in JavaScript memory whole. DuckDB fetches the next chunk in its own
   * threads while the reader works on this one. The connection is held until the last chunk is read or the reader
   * stops early (return() runs the finally).
   */
  async *streamTexts(sql: string, params?: Params): AsyncGenerator<string[]> {
    const conn = await this.instance.connect();
    let next: Promise<DuckDBDataChunk | null> | undefined;
    try {
      const result = await conn.stream(sql, params);
      next = result.fetchChunk();
      for (;;) {
        const chunk = await next;
        next = undefined;
        if (!chunk || chunk.rowCount === 0) return;
        next = result.fetchChunk();
        yield chunk.getColumnValues(0) as string[];
      }
    } finally {
      await next?.catch(() => null);
      conn.closeSync();
    }
  }

  /**
   * `all` for the figures pages show, kept until the data changes (queries/result-cache.ts). Only for statements over
   * the ledger, the rules' results and the settings — never sessions, users or the audit log, whose bookkeeping writes
   * keep the results.
   */
  kept<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
    return this.results.get(sql, params, () => this.all<T>(sql, params));
  }

  /** The data changed outside run/write/transaction (an import on its own connection): drop the kept results. */
  changed(): void {
    this.results.clear();
    this.viewerWrites++;
  }

  /**
   * Grows whenever the kept results are dropped: a page rendered before it may show other figures now
   * (lib/http/kept-pages.ts keeps whole pages per data version).
   */
  get dataVersion(): number {
    return this.results.version;
  }

  /**
   * Grows after every write that may have changed who a session's viewer is (all but LOG_ONLY ones): a viewer read
   * before it must be read again (queries/auth/sessions.ts). Read it before the statement, so a write that lands
   * while the viewer is read makes that read stale.
   */
  get viewerVersion(): number {
    return this.viewerWrites;
  }

  private async writing<T>(options: WriteOptions, fn: () => Promise<T>): Promise<T> {
    if (this.readOnly) throw new ReadOnlyError();
    try {
      return await this.writes.run(fn);
    } finally {
      if (!options.bookkeeping) this.changed();
      else if (!options.keepsViewers) this.viewerWrites++;
    }
  }

  async one<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  /** A statement that changes data (or the schema), queued behind the writes before it. */
  async run(sql: string, params?: Params, options: WriteOptions = {}): Promise<void> {
    await this.writing(options, () => this.withConnection(async (conn) => {
      await conn.run(sql, params);
    }));
  }

  /** A statement that changes rows and returns some (INSERT … RETURNING), queued like run. */
  write<T = Record<string, unknown>>(sql: string, params?: Params, options: WriteOptions = {}): Promise<T[]> {
    return this.writing(options, () => this.withConnection((conn) => connRows<T>(conn, sql, params)));
  }

  /** Runs fn inside one transaction on one connection, queued like run: all of it lands, or none of it. */
  transaction<T>(fn: (conn: DuckDBConnection) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    return this.writing(options, () => this.withConnection((conn) => inTransaction(conn, () => fn(conn))));
  }

  /**
   * transaction on a connection the caller holds (withConnection), queued like run: the caller first does its long
   * reads outside the queue — into the connection's own temporary tables, which no other connection sees — and
   * holds the queue only for the writes (the rule engine, queries/rules/run.ts).
   */
  transactionOn<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
    return this.writing({}, () => inTransaction(conn, fn));
  }

  close(): void {
    this.closed = true;
    this.instance.closeSync();
  }
}

