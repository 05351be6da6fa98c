import { writeFileSync } from 'node:fs';

/** The points a test may stop a process at (docs/reliability.md "Fail points"). */
export type FailpointName = 'import-before-commit' | 'import-after-commit' | 'rules-before-commit' | 'step-before-commit';

/**
 * A test hook, inert unless FUND_MONITOR_FAILPOINT names this point: then the process writes `failpoint NAME` to
 * stderr (and the name to the file FUND_MONITOR_FAILPOINT_MARK, if set, for a test that cannot read the server's
 * stderr) and waits here for good (a timer keeps it alive), so a test can SIGKILL it at exactly this moment instead
 * of guessing one by timing (test/unit/faults-kill.test.ts, test/e2e/faults.test.ts).
 */
export async function failpoint(name: FailpointName): Promise<void> {
  if (process.env.FUND_MONITOR_FAILPOINT !== name) return;
  process.stderr.write(`failpoint ${name}\n`);
  if (process.env.FUND_MONITOR_FAILPOINT_MARK) writeFileSync(process.env.FUND_MONITOR_FAILPOINT_MARK, name);
  await new Promise(() => setInterval(() => undefined, 60_000));
}
