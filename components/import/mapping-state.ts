import { FIELDS, headerUnit, type FieldDef } from '@/lib/import/fields';
import { resolveMapping } from '@/lib/import/load/mapping';
import type { AmountUnit, ImportKind } from '@/lib/import/types';
import type { UploadColumn, UploadSource } from './types';

/**
 * The mapping step's state, as pure functions: one choice per source column (a field id, or '' for 不导入).
 * The server resolves the same mapping (lib/import/load/mapping.ts), so what the page shows is what gets imported.
 */
export type Selection = string[];

/** Why a column cannot be mapped on its own: no header, or the same header as an earlier column. */
export function lockedReason(columns: UploadColumn[], index: number): string | null {
  const col = columns[index];
  if (col.header === '') return '无表头，不导入';
  const first = columns.findIndex((c) => c.header === col.header);
  return first < index ? `与第 ${first + 1} 列表头相同，不能单独导入` : null;
}

export function initialSelection(columns: UploadColumn[]): Selection {
  return columns.map((c, i) => (lockedReason(columns, i) ? '' : c.field ?? ''));
}

/** A saved preset applied to this file's headers (headers it does not name keep the automatic choice). */
export function selectionFromPreset(kind: ImportKind, source: Pick<UploadSource, 'headers' | 'rawHeaders'>, mapping: Record<string, string | null>): Selection {
  const known = new Set(FIELDS[kind].map((f) => f.id));
  const usable = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v === null || known.has(v)));
  const resolved = resolveMapping(kind, source.headers, source.rawHeaders, usable);
  return resolved.columns.map((c) => c.field?.id ?? '');
}

export interface MappingCheck {
  /** Required fields no column feeds. */
  missing: FieldDef[];
  /** Fields chosen for more than one column (1-based column numbers). */
  conflicts: { field: FieldDef; columns: number[] }[];
  ok: boolean;
}

export function checkSelection(kind: ImportKind, selection: Selection): MappingCheck {
  const fields = FIELDS[kind];
  const used = new Map<string, number[]>();
  selection.forEach((id, i) => {
    if (id) used.set(id, [...(used.get(id) ?? []), i + 1]);
  });
  const missing = fields.filter((f) => f.required && !used.has(f.id));
  const conflicts = fields.filter((f) => (used.get(f.id)?.length ?? 0) > 1).map((field) => ({ field, columns: used.get(field.id)! }));
  return { missing, conflicts, ok: missing.length === 0 && conflicts.length === 0 };
}

/** The mapping the commit route takes: every mappable column's normalised header → its field, or null (不导入). */
export function mappingPayload(columns: UploadColumn[], selection: Selection): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  columns.forEach((c, i) => {
    if (lockedReason(columns, i)) return;
    out[c.header] = selection[i] || null;
  });
  return out;
}

/** The unit to pre-select: the file's title line ("单位：万元"), else a mapped money column's "(万元)", else 元. */
export function suggestedUnit(kind: ImportKind, source: Pick<UploadSource, 'unitHint'>, columns: UploadColumn[], selection: Selection): AmountUnit {
  if (source.unitHint) return source.unitHint;
  const money = new Set(FIELDS[kind].filter((f) => f.type === 'money').map((f) => f.id));
  for (let i = 0; i < columns.length; i++) {
    if (money.has(selection[i])) {
      const unit = headerUnit(columns[i].rawHeader);
      if (unit) return unit;
    }
  }
  return '元';
}

/** The first few non-empty values of a column in the preview, for the mapping table. */
export function sampleValues(preview: string[][], index: number, n = 3): string[] {
  const out: string[] = [];
  for (const row of preview) {
    const v = (row[index] ?? '').trim();
    if (v) out.push(v);
    if (out.length >= n) break;
  }
  return out;
}
