/**
 * FUND_MONITOR_TRACE_IMPORT=1 prints each step of an import to stderr: wall time, and the CPU time of the whole process
 * (DuckDB's threads and any worker included), which shows what a step costs even on a machine busy with other work.
 */
export type Trace = (step: string) => void;

export function importTracer(): Trace {
  if (!process.env.FUND_MONITOR_TRACE_IMPORT) return () => {};
  let last = performance.now();
  let cpu = process.cpuUsage();
  return (step) => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    console.error(`  [import] ${step}: ${(now - last).toFixed(0)} ms (cpu ${((used.user + used.system) / 1000).toFixed(0)} ms)`);
    last = now;
    cpu = process.cpuUsage();
  };
}
