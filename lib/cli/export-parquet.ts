import { getSettings } from '@/queries/settings';
import { exportParquet } from '@/lib/parquet/export';
import { openExistingDb } from './open-existing';

/** `fund-monitor export-parquet`: the ledger as hive-partitioned Parquet for a province (docs/province.md). */
export async function exportParquetCommand(opts: { db: string; out: string; county?: string; withPayees?: boolean; json?: boolean }): Promise<void> {
  const db = await openExistingDb(opts.db, { readOnly: true });
  try {
    const county = opts.county ?? (await getSettings(db)).countyCode;
    if (!county) throw new Error('尚未设置县代码：请在“设置”中填写 6 位行政区划代码，或用 --county 指定');
    const tables = await exportParquet(db, { outDir: opts.out, county, withPayees: opts.withPayees });
    if (opts.json) return console.log(JSON.stringify({ out: opts.out, county, tables }, null, 2));
    for (const t of tables) console.log(`${t.table}\t${t.rows} 行\t${t.files} 个文件`);
    console.log(`已写入 ${opts.out}（county=${county}）`);
  } finally {
    db.close();
  }
}
