import { build, type Histogram } from 'hdr-histogram-js';

/** One route's (or all routes') figures of a run: latencies in ms, requests per second over the run. */
export interface RouteSummary {
  route: string;
  requests: number;
  /** how many answers the server sent from its kept pages (lib/http/kept-pages.ts) rather than rendered */
  kept: number;
  errors: number;
  /** how many of each problem (loadtest-check.ts, or the socket's error), so a failing run says why */
  problems: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

// Latencies are recorded in microseconds, up to 10 minutes, to 3 significant digits (HdrHistogram's usual setting:
// p99 of 1.234 s is told from 1.235 s, in a few kB per route).
const newHistogram = (): Histogram =>
  build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });

const ms = (us: number) => Math.round(us / 100) / 10;

class RouteFigures {
  readonly histogram = newHistogram();
  requests = 0;
  kept = 0;
  errors = 0;
  readonly problems: Record<string, number> = {};
}

/**
 * The latencies and errors of a load run, per route. Every answer's latency counts, a wrong answer's too (a slow 500
 * is still time a user waited); a request that got no answer (a socket error) counts as a request and an error only.
 */
export class LoadStats {
  private readonly routes = new Map<string, RouteFigures>();

  private of(route: string): RouteFigures {
    let figures = this.routes.get(route);
    if (!figures) this.routes.set(route, (figures = new RouteFigures()));
    return figures;
  }

  /** `latencyMs` is null when no answer came; `problem` is null for a good answer; `kept`: sent from the kept pages. */
  record(route: string, latencyMs: number | null, problem: string | null, kept = false): void {
    const figures = this.of(route);
    figures.requests++;
    if (kept) figures.kept++;
    if (latencyMs !== null) figures.histogram.recordValue(Math.max(1, Math.round(latencyMs * 1000)));
    if (problem !== null) {
      figures.errors++;
      figures.problems[problem] = (figures.problems[problem] ?? 0) + 1;
    }
  }

  /** Per route, by route name, then the totals over every route ('全部 total'); `seconds` is the measured span. */
  summary(seconds: number): { routes: RouteSummary[]; total: RouteSummary } {
    const total = new RouteFigures();
    const routes = [...this.routes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([route, f]) => {
      total.histogram.add(f.histogram);
      total.requests += f.requests;
      total.kept += f.kept;
      total.errors += f.errors;
      for (const [p, n] of Object.entries(f.problems)) total.problems[p] = (total.problems[p] ?? 0) + n;
      return summarize(route, f, seconds);
    });
    return { routes, total: summarize('全部 total', total, seconds) };
  }
}

function summarize(route: string, f: RouteFigures, seconds: number): RouteSummary {
  // A percentile is the top of its bucket, which may lie past the largest value recorded.
  const at = (q: number) => (f.histogram.totalCount ? ms(Math.min(f.histogram.getValueAtPercentile(q), f.histogram.maxValue)) : 0);
  return {
    route, requests: f.requests, kept: f.kept, errors: f.errors, problems: { ...f.problems },
    rps: seconds > 0 ? Math.round((f.requests / seconds) * 10) / 10 : 0,
    p50: at(50), p95: at(95), p99: at(99), max: f.histogram.totalCount ? ms(f.histogram.maxValue) : 0,
  };
}

/** The summary as a plain-text table, a row per route and the totals last. */
export function summaryTable(s: { routes: RouteSummary[]; total: RouteSummary }): string {
  const head = ['route', 'requests', 'kept %', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors'];
  const keptShare = (r: RouteSummary) => (r.requests ? Math.round((r.kept / r.requests) * 100) : 0);
  const line = (r: RouteSummary) => [r.route, r.requests, keptShare(r), r.rps, r.p50, r.p95, r.p99, r.max, r.errors].map(String);
  const rows = [head, ...s.routes.map(line), line(s.total)];
  // East Asian characters take two columns in a terminal.
  const width = (t: string) => [...t].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = head.map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
  const pad = (t: string, i: number) => (i === 0 ? t + ' '.repeat(widths[i] - width(t)) : ' '.repeat(widths[i] - width(t)) + t);
  const text = rows.map((r) => r.map(pad).join('  '));
  const problems = Object.entries(s.total.problems).map(([p, n]) => `  ${n} × ${p}`);
  return [...text, ...(problems.length ? ['errors:', ...problems] : [])].join('\n');
}
