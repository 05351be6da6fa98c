import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '@/queries/db';
import { clockHour } from '@/queries/result-cache';
import { viewerForToken } from '@/queries/auth/sessions';
import { SESSION_COOKIE } from '@/lib/auth/cookie';
import type { Viewer } from '@/lib/auth/roles';
import { KeptPages } from './kept-pages';

/**
 * Which requests the server answers from kept pages (kept-pages.ts), and under which key; bin/server.mjs calls the
 * handler before Next.js (docs/performance.md, "Pages kept per data version").
 *
 * Only pages and JSON whose answer is a function of the viewer, the URL and the data: they read the ledger, the rules'
 * results and the settings through queries that every data change invalidates (Db.dataVersion), write nothing, and
 * are the same within a clock hour (逾期 reads today's date). Pages that show sessions, users, tokens, the audit log,
 * the briefing archive or a form's state are left to Next.js, as are exports (each is audited).
 */
const KEPT_PATHS = [
  /^\/$/,
  /^\/payments$/,
  /^\/quality(\/payments)?$/,
  /^\/views\/[a-z_]+$/,
  /^\/projects\/[^/]+$/,
  /^\/api\/payments$/,
  /^\/api\/views\/[a-z_]+$/,
];

/**
 * The request headers that change what Next.js answers for one URL: a client navigation asks for the RSC payload of
 * the part of the tree it lacks, and the body is compressed as the client accepts.
 */
const VARYING_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'accept-encoding'];

export function keptPath(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'GET' || !url) return false;
  const path = url.split('?', 1)[0];
  return KEPT_PATHS.some((pattern) => pattern.test(path));
}

/** The session cookie's value from a Cookie header (our token is base64url: never quoted or escaped). */
export function sessionToken(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Everything of the viewer a page may show or filter by, so a changed role, unit or name is another key; the session
 * itself is not in it (one user's tabs and devices share their pages).
 */
const viewerKey = (v: Viewer) => JSON.stringify([v.id, v.username, v.displayName, v.role, v.unitId, v.unitName]);

export function requestKey(req: IncomingMessage, viewer: Viewer): string {
  const varying = VARYING_HEADERS.map((name) => req.headers[name] ?? '');
  return JSON.stringify([viewerKey(viewer), req.url, varying]);
}

/** The data version of one opened database, within the clock hour (as result-cache.ts keys its results). */
const stampOf = (db: Db) => () => `${db.dataVersion}\u0000${clockHour()}`;

export type Handler = (req: IncomingMessage, res: ServerResponse, next: () => unknown) => Promise<unknown>;

/**
 * The handler: a request that may be kept, from a viewer who may use the site, is answered by the database's
 * KeptPages; anything else, and anything that fails here, goes to Next.js untouched (which then signs the viewer in,
 * refuses them, or answers them).
 */
export function keepPages(serverDb: () => Promise<Db>): Handler {
  const kept = new WeakMap<Db, KeptPages>();
  return async (req, res, next) => {
    if (!keptPath(req.method, req.url)) return next();
    const token = sessionToken(req.headers.cookie);
    let db: Db;
    let viewer: Viewer | null;
    try {
      db = await serverDb();
      viewer = token ? await viewerForToken(db, token) : null;
    } catch {
      return next();
    }
    if (!viewer || viewer.mustChangePassword) return next();
    let pages = kept.get(db);
    if (!pages) kept.set(db, (pages = new KeptPages(stampOf(db))));
    return pages.answer(requestKey(req, viewer), res, next);
  };
}
