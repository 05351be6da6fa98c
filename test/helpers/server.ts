import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

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
  stop: () => void;
}

/** Builds the site once per test run (unless E2E_SKIP_BUILD=1) and serves it on a free port over the given database. */
export async function startServer(dbFile: string): Promise<RunningServer> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', FUND_MONITOR_DB: dbFile };
  if (process.env.E2E_SKIP_BUILD !== '1') execFileSync('npx', ['next', 'build'], { env, stdio: 'inherit' });
  const port = await freePort();
  const child: ChildProcess = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env, stdio: ['ignore', 'pipe', 'inherit'], detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return { url, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error('next start did not answer within 60 s');
}
