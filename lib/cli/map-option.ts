import { FIELDS, normalizeHeader } from '@/lib/import/fields';
import type { HeaderMapping } from '@/lib/import/load/mapping';
import { KIND_LABELS, type ImportKind, type SourceInfo } from '@/lib/import/types';

/**
 * `--map 列名=字段` (repeatable): the command line's answer to the web page's mapping step. It yields the same
 * HeaderMapping the page sends (normalised header → field id, or null to leave the column out), which importFile
 * resolves the same way (lib/import/load/mapping.ts). The field is named by its id (paid) or its label (实发金额);
 * an empty field (`备注=`) leaves the column out. Unknown columns and fields are errors naming the choices.
 */
export function mapOptions(kind: ImportKind, source: Pick<SourceInfo, 'fileName' | 'headers' | 'rawHeaders'>, pairs: string[]): HeaderMapping {
  const fields = FIELDS[kind];
  const out: HeaderMapping = {};
  for (const pair of pairs) {
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) throw new Error(`--map 应写成 列名=字段（如 --map 实发=paid），收到“${pair}”`);
    const column = pair.slice(0, eq).trim();
    const wanted = pair.slice(eq + 1).trim();
    const header = normalizeHeader(column);
    if (!source.headers.includes(header)) {
      const names = source.rawHeaders.filter((h) => h.trim() !== '').map((h) => `“${h}”`).join('、');
      throw new Error(`--map ${pair}：文件“${source.fileName}”中没有列“${column}”；文件的列：${names}`);
    }
    if (wanted === '') {
      out[header] = null;
      continue;
    }
    const field = fields.find((f) => f.id === wanted || normalizeHeader(f.label) === normalizeHeader(wanted));
    if (!field) {
      const names = fields.map((f) => `${f.id}（${f.label}）`).join('、');
      throw new Error(`--map ${pair}：“${wanted}”不是${KIND_LABELS[kind]}的字段；可选：${names}`);
    }
    out[header] = field.id;
  }
  return out;
}
