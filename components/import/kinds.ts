import { IMPORT_KINDS, type ImportKind } from '@/lib/import/types';

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}
