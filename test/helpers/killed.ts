import { spawn, type ChildProcess } from 'node:child_process';
import type { FailpointName } from '@/lib/faults/failpoint';

export interface Stopped {
  child: ChildProcess;
  /** SIGKILLs the process and resolves once it is gone (its lock on the database file with it). */
  kill: () => Promise<void>;
}

/**
 * Starts `node ARGS` with the fail point set (lib/faults/failpoint.ts) and resolves once the process stands at it, so
 * the test can SIGKILL it there. Rejects, with what it wrote to stderr, if the process exits first or takes 60 s.
 */
export function runToFailpoint(args: string[], point: FailpointName): Promise<Stopped> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_NO_WARNINGS: '1', FUND_MONITOR_FAILPOINT: point }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => void kill().then(() => reject(new Error(`never reached ${point}: ${stderr}`))), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`failpoint ${point}\n`)) {
        clearTimeout(timer);
        resolve({ child, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${point}: ${stderr}`));
    });
  });
}
