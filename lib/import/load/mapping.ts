import { FIELDS, normalizeHeader, type FieldDef } from '../fields';
import type { ImportKind } from '../types';

/** The user's corrections: normalised header → field id, or null to ignore that column. */
export type HeaderMapping = Record<string, string | null>;

export interface MappedColumn {
  /** 0-based position in the data records. */
  index: number;
  /** Normalised header (the key of a HeaderMapping). */
  header: string;
  /** The header as written in the file: reject reports name columns this way. */
  rawHeader: string;
  field: FieldDef | null;
}

export interface ResolvedMapping {
  kind: ImportKind;
  columns: MappedColumn[];
  /** Field id → the one column that feeds it. */
  byField: Map<string, MappedColumn>;
  /** Required fields no column feeds. */
  missing: FieldDef[];
}

/**
 * Decides which column feeds which field. The user's mapping wins; then a header equal to the field's own label;
 * then the first header matching a synonym. A field takes one column only, the leftmost, so a second 日期 column
 * never silently replaces the first.
 */
export function resolveMapping(kind: ImportKind, headers: string[], rawHeaders: string[], override: HeaderMapping = {}): ResolvedMapping {
  const fields = FIELDS[kind];
  const byId = new Map(fields.map((f) => [f.id, f]));
  const overrides = new Map(Object.entries(override).map(([h, v]) => [normalizeHeader(h), v]));
  for (const [h, v] of overrides) {
    if (v !== null && !byId.has(v)) throw new Error(`映射中的字段“${v}”不属于${kind}（表头“${h}”）`);
  }
  const columns: MappedColumn[] = headers.map((h, index) => ({
    index, header: normalizeHeader(h), rawHeader: rawHeaders[index] ?? h, field: null,
  }));
  const byField = new Map<string, MappedColumn>();
  const take = (col: MappedColumn, field: FieldDef | undefined) => {
    if (!field || col.field || byField.has(field.id)) return;
    col.field = field;
    byField.set(field.id, col);
  };
  // 1. explicit choices (null means: leave this column out)
  for (const col of columns) {
    const choice = overrides.get(col.header);
    if (choice) take(col, byId.get(choice));
  }
  const free = columns.filter((c) => !overrides.has(c.header) && c.header !== '');
  // 2. the field's own label, 3. any synonym
  for (const col of free) take(col, fields.find((f) => normalizeHeader(f.label) === col.header));
  for (const col of free) take(col, fields.find((f) => f.synonyms.some((s) => normalizeHeader(s) === col.header)));
  return { kind, columns, byField, missing: fields.filter((f) => f.required && !byField.has(f.id)) };
}

/** Throws, naming the missing 字段, when a required field has no column: nothing is imported then. */
export function assertComplete(m: ResolvedMapping): void {
  if (m.missing.length === 0) return;
  const names = m.missing.map((f) => `“${f.label}”`).join('、');
  throw new Error(`缺少必填字段 ${names}：文件中没有对应的列，请在表头映射中指定后重新导入`);
}

/** The mapping as stored with the batch: source header → field id. */
export function mappingJson(m: ResolvedMapping): string {
  return JSON.stringify(Object.fromEntries(m.columns.filter((c) => c.field).map((c) => [c.rawHeader, c.field!.id])));
}
