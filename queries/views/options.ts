import type { Db } from '../db';
import { sqlFile } from '../sql';
import { scopeParams, type Scope } from '@/lib/auth/roles';
import type { Level } from '@/lib/views/filter';

export interface ViewOption {
  id: number;
  name: string;
}

export interface ViewOptions {
  towns: ViewOption[];
  /** each with its town */
  villages: (ViewOption & { townId: number })[];
  funds: (ViewOption & { level: Level })[];
  sections: ViewOption[];
}

/** The filter bar's choices within the viewer's scope (queries/views/options.sql). */
export async function viewOptions(db: Db, scope: Scope): Promise<ViewOptions> {
  const rows = await db.all<{ kind: string; id: number; name: string; level: Level | null; parent_id: number | null }>(
    sqlFile('queries/views/options.sql'), scopeParams(scope));
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  return {
    towns: of('town').map(({ id, name }) => ({ id, name })),
    villages: of('village').map(({ id, name, parent_id }) => ({ id, name, townId: parent_id! })),
    funds: of('fund').map(({ id, name, level }) => ({ id, name, level: level! })),
    sections: of('section').map(({ id, name }) => ({ id, name })),
  };
}
