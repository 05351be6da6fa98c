import type { Db } from '../db';
import { sqlFile } from '../sql';
import type { HeaderMapping } from '@/lib/import/load/mapping';
import { IMPORT_KINDS, type AmountUnit, type ImportKind } from '@/lib/import/types';

/** The import choices a preset keeps besides the mapping. */
export interface PresetOptions {
  unit?: AmountUnit;
  dayFirst?: boolean;
  allowNewUnits?: boolean;
}

export interface ImportPreset {
  name: string;
  kind: ImportKind;
  mapping: HeaderMapping;
  options: PresetOptions;
  created_by: string | null;
  created_at: string;
}

interface RawPreset {
  name: string;
  kind: ImportKind;
  mapping: string;
  options: string | null;
  created_by: string | null;
  created_at: string;
}

const toPreset = (r: RawPreset): ImportPreset => ({ ...r, mapping: JSON.parse(r.mapping), options: r.options ? JSON.parse(r.options) : {} });

export async function savePreset(db: Db, p: { name: string; kind: ImportKind; mapping: HeaderMapping; options?: PresetOptions; user?: string }): Promise<void> {
  const name = p.name.trim();
  if (!name) throw new Error('方案名称不能为空');
  if (!IMPORT_KINDS.includes(p.kind)) throw new Error(`未知的导入类型：${p.kind}`);
  await db.run(sqlFile('queries/import/preset_save.sql'), {
    name, kind: p.kind, mapping: JSON.stringify(p.mapping), options: JSON.stringify(p.options ?? {}), user: p.user ?? null,
  });
}

export async function listPresets(db: Db, kind?: ImportKind): Promise<ImportPreset[]> {
  const rows = await db.all<RawPreset>(sqlFile('queries/import/presets.sql'), { kind: kind ?? null, name: null });
  return rows.map(toPreset);
}

export async function loadPreset(db: Db, kind: ImportKind, name: string): Promise<ImportPreset | null> {
  const rows = await db.all<RawPreset>(sqlFile('queries/import/presets.sql'), { kind, name: name.trim() });
  return rows[0] ? toPreset(rows[0]) : null;
}

export async function deletePreset(db: Db, kind: ImportKind, name: string): Promise<void> {
  await db.run(sqlFile('queries/import/preset_delete.sql'), { kind, name });
}
