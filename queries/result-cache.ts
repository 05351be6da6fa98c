/**
 * Query results kept in memory until the data changes (docs/performance.md, "Results kept per data version").
 *
 * A page's figures change only when an import, 撤销, merge, rule run, workflow step or setting lands, yet each request
 * computed them again: at 200,000 payments 总览 spent ≈ 200 ms of CPU on figures it had computed a moment before,
 * and two cores saturated at ≈ 18 requests/s. The owner of the connections (queries/db.ts) calls `clear` after every
 * write that can change a figure; a result is also kept only within the clock hour it was computed in, because a few
 * statements read today's date (逾期) and every time zone the county might use changes its date on the hour.
 *
 * The key is the statement and its parameters, the viewer's scope among them, so one viewer never gets another's rows.
 * Concurrent requests for one key share one computation. Results over `maxRows` rows (an export's) are not kept.
 * Rows are frozen: every reader shares them, so a caller that changed one in place would change the next page's
 * figures — it fails at once instead.
 */
/**
 * The clock hour a kept result (or a kept page, lib/http/page-keeping.ts) belongs to: the same in every time zone
 * the county might use, since each changes its date on the hour.
 */
export const clockHour = () => new Date().toISOString().slice(0, 13);

export class ResultCache {
  private readonly entries = new Map<string, Promise<unknown[]>>();
  private generation = 0;

  constructor(private readonly maxEntries = 500, private readonly maxRows = 5_000) {}

  get<T>(sql: string, params: Record<string, unknown> | undefined, compute: () => Promise<T[]>): Promise<T[]> {
    const key = `${clockHour()}\u0000${sql}\u0000${stableJson(params ?? {})}`;
    const kept = this.entries.get(key);
    if (kept) {
      // Map order is insertion order: move the entry to the back, so the least recently used goes first.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept as Promise<T[]>;
    }
    const generation = this.generation;
    const result = compute().then((rows) => {
      for (const row of rows) Object.freeze(row);
      return Object.freeze(rows) as T[];
    });
    this.entries.set(key, result);
    const forget = () => {
      if (this.entries.get(key) === result) this.entries.delete(key);
    };
    result.then((rows) => {
      // Data that changed while the statement ran may or may not be in its result.
      if (generation !== this.generation || rows.length > this.maxRows) forget();
    }, forget);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Grows at every clear(): what was computed before may differ now. */
  get version(): number {
    return this.generation;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** JSON with object keys sorted, so that { a, b } and { b, a } name one result; BigInt as its digits. */
function stableJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(value).sort().map((k) => [k, value[k]]),
    (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
