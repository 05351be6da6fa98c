import type { Db } from '../db';
import { resolveDates } from '../views/run';
import type { BriefingRequest } from '@/lib/briefing/request';
import type { BriefingScope } from '@/lib/briefing/types';
import { EMPTY_VIEW_FILTER } from '@/lib/views/filter';

/** A 股室 by its id or its name, or null when there is no such 股室. */
export async function findSection(db: Db, by: { id: number } | { name: string }): Promise<{ id: number; name: string } | null> {
  const row = 'id' in by
    ? await db.one<{ id: number; name: string }>("SELECT id, name FROM units WHERE kind = 'section' AND id = $id", { id: by.id })
    : await db.one<{ id: number; name: string }>("SELECT id, name FROM units WHERE kind = 'section' AND name = $name", { name: by.name });
  return row ? { id: Number(row.id), name: row.name } : null;
}

/**
 * A 通报 request made whole: the year and 截止日期 the pages default to when not given (the newest year with data and
 * its last date, queries/views/run.ts resolveDates), and the 股室 checked to exist. Returns the Chinese problem instead.
 */
export async function resolveBriefingRequest(db: Db, r: BriefingRequest): Promise<{ year: number; asOf: string; scope: BriefingScope } | { error: string }> {
  if (r.scope.kind === 'section' && !(await findSection(db, { id: r.scope.unitId }))) return { error: `股室 ${r.scope.unitId} 不存在` };
  const { year, asOf } = await resolveDates(db, { ...EMPTY_VIEW_FILTER, year: r.year, asOf: r.asOf });
  return { year, asOf, scope: r.scope };
}
