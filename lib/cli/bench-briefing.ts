import { BRIEFING_FORMATS } from '@/lib/briefing/formats';
import type { Briefing } from '@/lib/briefing/types';
import { parseIsoDate } from '@/lib/url-params';
import { loadBriefing } from '@/queries/briefing/load';
import { resolveDates } from '@/queries/views/run';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';
import { openExistingDb } from './open-existing';

export interface BenchBriefingOptions {
  db: string;
  asOf?: string;
  runs: number;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)];
}

/**
 * `fund-monitor bench-briefing --db FILE [--as-of D]`: how long the county's 通报 takes on an existing database (opened
 * read-only): reading its data (loadBriefing, each run with the kept results dropped, as after an import) and rendering
 * each format of lib/briefing/formats.ts, the median of `runs`. For BENCHMARKS.md.
 */
export async function benchBriefingCommand(opts: BenchBriefingOptions): Promise<void> {
  const asOfGiven = opts.asOf === undefined ? null : parseIsoDate(opts.asOf);
  if (asOfGiven === undefined) throw new Error(`截止日期无效：${opts.asOf}（应为 YYYY-MM-DD）`);
  const db = await openExistingDb(opts.db, { readOnly: true });
  try {
    const { year, asOf } = await resolveDates(db, { ...EMPTY_VIEW_FILTER, year: asOfGiven ? Number(asOfGiven.slice(0, 4)) : null, asOf: asOfGiven });
    let b: Briefing | null = null;
    const load = await median(opts.runs, async () => {
      db.changed();
      b = await loadBriefing(db, year, asOf, { kind: 'county' });
    });
    console.log(`通报 ${year} 年度，截止 ${asOf}，全县（${opts.runs} 次取中位数）`);
    console.log(`loadBriefing\t${load.toFixed(0)} ms`);
    for (const [format, kind] of Object.entries(BRIEFING_FORMATS)) {
      let size = 0;
      const ms = await median(opts.runs, async () => {
        size = (await kind.render(b!)).byteLength;
      });
      console.log(`render ${format}\t${ms.toFixed(0)} ms\t${size} 字节`);
    }
  } finally {
    db.close();
  }
}
