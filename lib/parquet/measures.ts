import type { Db } from '@/queries/db';
import { sqlFile } from '@/queries/sql';
import type { LevelRow } from '@/queries/overview';
import type { TimeProgressMode } from '@/lib/settings';

export interface CountyLevelRow extends LevelRow {
  county: string;
}

/**
 * 支出进度 per county and 级次 over gathered Parquet (queries/parquet/spend_by_level.sql), in DuckDB with the site's
 * macros: what a province runs in its own engine (docs/province.md), and what the export's test checks against 总览.
 */
export function spendByLevelFromParquet(db: Db, root: string, f: { year: number; asOf: string; timeProgressMode: TimeProgressMode }): Promise<CountyLevelRow[]> {
  return db.all<CountyLevelRow>(sqlFile('queries/parquet/spend_by_level.sql'), { root, year: f.year, as_of: f.asOf, tp_mode: f.timeProgressMode });
}
