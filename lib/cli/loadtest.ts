import { Client } from 'undici';
import { KEPT_HEADER } from '@/lib/http/kept-pages';
import { answerProblem } from './loadtest-check';
import { signIn } from './loadtest-login';
import { LOAD_ROLES, nextRequest, ROLE_MIX, seededRandom, type LoadRole } from './loadtest-mix';
import { LoadStats, summaryTable, type RouteSummary } from './loadtest-stats';

export interface LoadtestOptions {
  url: string;
  users: number;
  seconds: number;
  /** each user's pause between its requests, ms (0: none — as many requests as the server answers) */
  think: number;
  /** comma-separated demo roles, the users dealt out among them in turn */
  roles: string;
  password: string;
  /**
   * Every request's URL made unique with a throwaway parameter, so the server keeps no answer for a second asker
   * (docs/performance.md "Pages kept per data version"): what the pages cost when they are rendered every time, as
   * right after a change of data.
   */
  fresh?: boolean;
  json?: boolean;
}

/** The demo roles' user names (README: demo accounts) are the role names. */
export function parseRoles(text: string): LoadRole[] {
  const roles = text.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(LOAD_ROLES as readonly string[]).includes(r));
  if (unknown.length || !roles.length) throw new Error(`--roles: ${unknown.join(',') || '(none)'} 不是可用角色（${LOAD_ROLES.join(', ')}）`);
  return roles as LoadRole[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface VirtualUser {
  id: number;
  role: LoadRole;
  client: Client;
  cookie: string;
  random: () => number;
}

/**
 * Repeats the user's mix until the deadline: a request, its answer read whole and checked, then a think time drawn
 * uniformly from 0.5–1.5 × `think` (users that paused exactly alike would arrive in lockstep). The first request
 * waits a random part of one think time, so the users' arrivals spread out from the start.
 */
async function runUser(user: VirtualUser, stats: LoadStats, deadline: number, opts: LoadtestOptions): Promise<void> {
  const { think, fresh } = opts;
  if (think > 0) await sleep(user.random() * think);
  for (let n = 0; performance.now() < deadline; n++) {
    const planned = nextRequest(ROLE_MIX[user.role], user.random);
    const path = fresh ? `${planned.path}${planned.path.includes('?') ? '&' : '?'}_fresh=${user.id}.${n}` : planned.path;
    const started = performance.now();
    try {
      const res = await user.client.request({ path, method: 'GET', headers: { cookie: user.cookie } });
      const body = Buffer.from(await res.body.arrayBuffer());
      const contentType = String(res.headers['content-type'] ?? '');
      const problem = answerProblem(planned.expect, { status: res.statusCode, contentType, body });
      stats.record(planned.route, performance.now() - started, problem, res.headers[KEPT_HEADER] === '1');
    } catch (error) {
      stats.record(planned.route, null, `socket: ${(error as { code?: string }).code ?? (error as Error).message}`);
    }
    if (think > 0) await sleep(think * (0.5 + user.random()));
  }
}

/** Signs the users in a few at a time: each login costs the server a password hash (scrypt), not part of the load. */
async function signInAll(opts: LoadtestOptions, roles: LoadRole[]): Promise<VirtualUser[]> {
  const origin = new URL(opts.url).origin;
  const users: VirtualUser[] = Array.from({ length: opts.users }, (_, i) => ({
    id: i,
    role: roles[i % roles.length],
    // One connection per user, kept alive, as a browser tab mostly uses one; no pipelining.
    client: new Client(origin, { pipelining: 1, headersTimeout: 120_000, bodyTimeout: 120_000 }),
    cookie: '',
    random: seededRandom(i + 1),
  }));
  for (let i = 0; i < users.length; i += 4) {
    await Promise.all(users.slice(i, i + 4).map(async (u) => (u.cookie = await signIn(u.client, origin, u.role, opts.password))));
  }
  return users;
}

export interface LoadResult {
  url: string;
  users: number;
  seconds: number;
  think_ms: number;
  fresh: boolean;
  roles: LoadRole[];
  routes: RouteSummary[];
  total: RouteSummary;
}

/**
 * N virtual users, each signed in as a demo role through the login form, request their role's mix
 * (loadtest-mix.ts) for S seconds; the figures per route and in all.
 *
 * Users are async loops over undici rather than autocannon: autocannon drives connections without pause, and the
 * issue's first goal is users who think between requests; undici is Node's own HTTP client (its fetch), and
 * hdr-histogram-js the histogram autocannon records with.
 */
export async function runLoad(opts: LoadtestOptions): Promise<LoadResult> {
  const roles = parseRoles(opts.roles);
  if (opts.users < 1 || opts.seconds < 1) throw new Error('--users 与 --seconds 须至少为 1');
  const users = await signInAll(opts, roles);
  const stats = new LoadStats();
  const started = performance.now();
  try {
    await Promise.all(users.map((u) => runUser(u, stats, started + opts.seconds * 1000, opts)));
  } finally {
    await Promise.all(users.map((u) => u.client.close()));
  }
  const summary = stats.summary((performance.now() - started) / 1000);
  return { url: opts.url, users: opts.users, seconds: opts.seconds, think_ms: opts.think, fresh: Boolean(opts.fresh), roles, ...summary };
}

/** `fund-monitor loadtest --url URL --users N --seconds S [--think MS] [--roles leader,town,section] [--fresh] [--json]` (issue 12). */
export async function loadtestCommand(opts: LoadtestOptions): Promise<void> {
  const result = await runLoad(opts);
  if (opts.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`${result.url} · ${result.users} users (${result.roles.join(', ')}) · ${result.seconds} s · think ${result.think_ms} ms${result.fresh ? ' · fresh URLs (nothing kept)' : ''}`);
  console.log(summaryTable(result));
}
