import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * Whole answers (a page's HTML, its RSC payload, a view's JSON) kept in memory per data version, and sent again
 * without rendering (docs/performance.md, "Pages kept per data version").
 *
 * With every figure already kept (queries/result-cache.ts), what was left per request was React rendering ≈ 275 KB of
 * HTML on the one main thread, and at 50 connections without pause the server saturated at ≈ 80 requests/s
 * (BENCHMARKS.md "Issue 12: load"). The same viewer asking the same URL while the data has not changed gets the same
 * bytes, so they are rendered once.
 *
 * - `stamp()` names the data version; when it moves, every kept answer is dropped, and an answer rendered while it
 *   moved is not kept (the render may have read either version).
 * - The key (built by the caller: lib/http/page-keeping.ts) names the viewer and the request.
 * - Only a complete 200 answer without Set-Cookie is kept, up to `maxEntryBytes`; the least recently used go first
 *   once `maxBytes` is reached.
 * - Concurrent requests for a key being rendered wait for that render instead of rendering it again.
 */
export interface KeptAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** Headers that describe one connection or one transmission, not the answer. */
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/** Marks an answer sent from memory (tests and anyone reading the headers can tell). */
export const KEPT_HEADER = 'x-fund-monitor-kept';

export class KeptPages {
  private readonly entries = new Map<string, KeptAnswer>();
  private readonly rendering = new Map<string, Promise<KeptAnswer | null>>();
  private bytes = 0;
  private currentStamp: string | undefined;

  constructor(
    private readonly stamp: () => string,
    private readonly maxBytes = 96 * 1024 * 1024,
    private readonly maxEntryBytes = 4 * 1024 * 1024,
  ) {}

  /** Answers from memory, or lets `render` write the answer to `res` while a copy is taken. */
  async answer(key: string, res: ServerResponse, render: () => unknown): Promise<void> {
    const stamp = this.freshStamp();
    const kept = this.take(key);
    if (kept) return send(res, kept);
    const pending = this.rendering.get(key);
    if (pending) {
      const rendered = await pending;
      if (rendered && stamp === this.freshStamp()) return send(res, rendered);
    }
    const copy = copyOf(res, this.maxEntryBytes);
    const done = copy.then((answer) => {
      if (this.rendering.get(key) === done) this.rendering.delete(key);
      if (!answer || stamp !== this.freshStamp()) return null;
      this.put(key, answer);
      return answer;
    });
    if (!pending) this.rendering.set(key, done);
    await render();
  }

  get size(): number {
    return this.entries.size;
  }

  private freshStamp(): string {
    const stamp = this.stamp();
    if (stamp !== this.currentStamp) {
      this.currentStamp = stamp;
      this.entries.clear();
      this.bytes = 0;
    }
    return stamp;
  }

  private take(key: string): KeptAnswer | undefined {
    const kept = this.entries.get(key);
    if (kept) {
      // Map order is insertion order: move the entry to the back, so the least recently used goes first.
      this.entries.delete(key);
      this.entries.set(key, kept);
    }
    return kept;
  }

  private put(key: string, answer: KeptAnswer): void {
    const before = this.entries.get(key);
    if (before) this.bytes -= before.body.length;
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }
}

function send(res: ServerResponse, answer: KeptAnswer): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) res.setHeader(name, value);
  res.setHeader('content-length', answer.body.length);
  res.setHeader(KEPT_HEADER, '1');
  res.end(answer.body);
}

type Chunk = string | Uint8Array;

const toBuffer = (chunk: Chunk, encoding?: BufferEncoding) =>
  typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk);

/**
 * Copies what is written to `res` as it passes (so the first asker is answered as it renders, streaming and all), and
 * resolves with the answer once it is complete, or with null when it may not be kept. Whatever compresses the body
 * wraps res.write after this does, so the copy holds the bytes sent, with their Content-Encoding.
 */
function copyOf(res: ServerResponse, maxBytes: number): Promise<KeptAnswer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  const headersGiven: OutgoingHttpHeaders = {};
  const take = (chunk: unknown, encoding: unknown) => {
    if (tooLarge || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = toBuffer(chunk as Chunk, typeof encoding === 'string' ? encoding as BufferEncoding : undefined);
    size += buffer.length;
    if (size > maxBytes) {
      tooLarge = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };

  const { write, end, writeHead } = res;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    take(chunk, rest[0]);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, [message,] headers): headers given here are sent but not all reach getHeaders().
    const given = typeof args[1] === 'string' ? args[2] : args[1];
    if (given && typeof given === 'object' && !Array.isArray(given)) {
      for (const [name, value] of Object.entries(given)) headersGiven[name.toLowerCase()] = value as string;
    }
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];

  return new Promise((resolve) => {
    res.once('close', () => {
      const headers: OutgoingHttpHeaders = { ...headersGiven, ...res.getHeaders() };
      const complete = res.writableFinished && res.statusCode === 200 && !tooLarge && headers['set-cookie'] === undefined;
      if (!complete) return resolve(null);
      for (const name of Object.keys(headers)) if (NOT_REPLAYED.has(name)) delete headers[name];
      resolve({ status: 200, headers, body: Buffer.concat(chunks) });
    });
  });
}
