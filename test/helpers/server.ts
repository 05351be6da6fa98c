import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { inject } from 'vitest';

/** The production server, as `npm start` runs it: Next.js with kept pages in front (bin/server.mjs). */
const SERVER = path.resolve('bin/server.mjs');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface RunningServer {
  url: string;
  /** The server's process (a test may SIGKILL it: test/e2e/faults.test.ts). */
  pid: number;
  /** Resolves once the server process has exited, and with it released the database file's lock. */
  stop: () => Promise<void>;
}

const BUILD_TIMEOUT_MS = 10 * 60_000;

function build(env: NodeJS.ProcessEnv) {
  execFileSync('npx', ['next', 'build'], { env, stdio: 'inherit' });
}

function buildDir(): string | undefined {
  try {
    return inject('e2eBuildDir');
  } catch {
    return undefined; // outside a vitest run (a script): no shared build state
  }
}

/**
 * Runs `next build` at most once per vitest run (unless E2E_SKIP_BUILD=1): the first caller takes a lock in the
 * run's folder (test/setup/e2e-build.ts) and builds; callers in other workers wait for its outcome.
 */
async function ensureBuilt(env: NodeJS.ProcessEnv): Promise<void> {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const dir = buildDir();
  if (!dir) return build(env);
  const ok = path.join(dir, 'built');
  const failed = path.join(dir, 'failed');
  try {
    mkdirSync(path.join(dir, 'lock'));
  } catch {
    const deadline = Date.now() + BUILD_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (existsSync(ok)) return;
      if (existsSync(failed)) throw new Error(`next build failed in another test file: ${readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('waited too long for next build in another test file');
  }
  try {
    build(env);
    writeFileSync(ok, '');
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
}

function spawnServer(dbFile: string, port: number, extraEnv: Record<string, string>, stderr: 'inherit' | 'pipe'): ChildProcess {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FUND_MONITOR_DB: dbFile };
  // Run by this node, not through npm: the child is the server itself, so its exit means the lock on the database
  // file is free. Its stdout is not read by anyone, so it must not be a pipe that can fill up.
  return spawn(process.execPath, [SERVER, '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', stderr], detached: true,
  });
}

const buildEnv = (dbFile: string) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', FUND_MONITOR_DB: dbFile });

/**
 * Builds the site once per test run (see ensureBuilt) and serves it on a free port over the given database.
 * `extraEnv` reaches the server only (e.g. shorter session limits).
 */
export async function startServer(dbFile: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  await ensureBuilt(buildEnv(dbFile));
  const port = await freePort();
  const child = spawnServer(dbFile, port, extraEnv, 'inherit');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      /* already gone */
    }
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return { url, pid: child.pid!, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error('the server did not answer within 60 s');
}

/**
 * Starts the server on a database it must refuse, and resolves with its exit code and what it wrote to stderr once
 * it has exited by itself; a server still running after 60 s is killed and its code reported as null.
 */
export async function refusedStart(dbFile: string, extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  await ensureBuilt(buildEnv(dbFile));
  const child = spawnServer(dbFile, await freePort(), extraEnv, 'pipe');
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, stderr };
}
