import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BRIEFING_FORMATS, briefingFormatOf } from '@/lib/briefing/formats';
import type { Briefing, BriefingScope } from '@/lib/briefing/types';
import { formatCount } from '@/lib/format';
import { parseIsoDate, parseYear } from '@/lib/url-params';
import type { Db } from '@/queries/db';
import { loadBriefing } from '@/queries/briefing/load';
import { findSection } from '@/queries/briefing/request';
import { openExistingDb } from './open-existing';

export interface BriefingCliOptions {
  db: string;
  asOf: string;
  year?: string;
  scope?: string;
  out: string;
  json?: boolean;
}

/** A mistake in the command line itself: said in one line, exit code 2 (as a shell's usage errors), nothing written. */
class UsageError extends Error {}

/** `--scope county` (the default) or `--scope section:<股室 name>`. */
async function scopeOf(db: Db, text: string | undefined): Promise<BriefingScope> {
  if (!text || text === 'county') return { kind: 'county' };
  const name = /^section:(.+)$/.exec(text)?.[1]?.trim();
  if (!name) throw new UsageError(`范围无效：${text}（应为 county 或 section:股室名称） / invalid --scope: use county or section:NAME`);
  const section = await findSection(db, { name });
  if (!section) throw new UsageError(`没有名为“${name}”的股室 / no section named ${name}`);
  return { kind: 'section', unitId: section.id };
}

/** The 通报 for a 截止日期 read from a database file (opened read-only, nothing recorded), without the command's own checks. */
async function briefingFromFile(dbFile: string, asOf: string, year: number, scopeText: string | undefined): Promise<Briefing> {
  const db = await openExistingDb(dbFile, { readOnly: true });
  try {
    return await loadBriefing(db, year, asOf, await scopeOf(db, scopeText));
  } finally {
    db.close();
  }
}

/**
 * `fund-monitor briefing --db FILE --as-of D [--year Y] [--scope section:NAME] --out FILE.docx`: the 通报 (docs/briefing.md)
 * written to a file in the format its extension names (lib/briefing/formats.ts), read as the page reads it. Prints the
 * file written, its size and the hash of the data it read (`--json` for machines).
 */
export async function briefingCommand(opts: BriefingCliOptions): Promise<void> {
  try {
    const format = briefingFormatOf(opts.out);
    if (!format) throw new UsageError(`不支持的输出格式：${path.basename(opts.out)}（可用：${Object.keys(BRIEFING_FORMATS).map((f) => `.${f}`).join('、')}） / unsupported --out extension`);
    const asOf = parseIsoDate(opts.asOf);
    if (!asOf) throw new UsageError(`截止日期无效：${opts.asOf}（应为 YYYY-MM-DD） / invalid --as-of`);
    const year = opts.year === undefined ? Number(asOf.slice(0, 4)) : parseYear(opts.year);
    if (!year) throw new UsageError(`年度无效：${opts.year} / invalid --year`);
    const b = await briefingFromFile(opts.db, asOf, year, opts.scope);
    const bytes = await BRIEFING_FORMATS[format].render(b);
    const file = path.resolve(opts.out);
    await writeFile(file, bytes);
    if (opts.json) {
      console.log(JSON.stringify({ file, format, size: bytes.byteLength, year, as_of: asOf, scope: b.scopeName, data_hash: b.dataHash }));
    } else {
      console.log(`已写入 ${file}（${formatCount(bytes.byteLength)} 字节，${b.scopeName}，截止 ${asOf}，数据哈希 ${b.dataHash}）`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  }
}
