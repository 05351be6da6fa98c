import ExcelJS from 'exceljs';
import type { Db } from '@/queries/db';
import { cleanupSource, previewSource, readSource, SourceError } from '@/lib/import/source';
import { resolveMapping } from '@/lib/import/load/mapping';
import { listPresets } from '@/queries/import/presets';
import type { ImportKind } from '@/lib/import/types';
import type { CsvEncodingChoice, UploadInfo } from '@/components/import/types';
import { setRead, type Upload } from './uploads';



/** How many data rows the mapping step shows. */
export const PREVIEW_ROWS = 20;

/**
 * Reads an uploaded file as the importer will (encoding, sheet, title and header rows), and answers what the mapping
 * step needs: the headers, the first data rows, the automatic mapping and the saved presets of the kind.
 */
export async function describeUpload(
  db: Db, upload: Upload, kind: ImportKind, opts: { sheet?: string; encoding?: CsvEncodingChoice } = {},
): Promise<UploadInfo> {
  try {
    return await describeOnce(db, upload, kind, opts);
  } catch (error) {
    // A workbook whose first sheet holds no table (a 说明 or cover sheet): read the next sheet that does, and say so.
    if (opts.sheet || !isSourceError(error) || !/\.xlsx?m?$/i.test(upload.path)) throw error;
    const sheets = await sheetList(upload.path).catch(() => []);
    const first = sheets.find((s) => s.visible)?.name ?? sheets[0]?.name;
    for (const s of sheets) {
      if (s.name === first || !s.visible) continue;
      try {
        const info = await describeOnce(db, upload, kind, { sheet: s.name });
        return { ...info, notice: `工作表“${first}”中没有可导入的表格，已改为读取工作表“${s.name}”。如需其他工作表，请在下方「工作表」中选择。` };
      } catch (next) {
        if (!isSourceError(next)) throw next;
      }
    }
    throw error;
  }
}

const isSourceError = (e: unknown): e is Error => e instanceof SourceError || (e instanceof Error && e.name === 'SourceError');

/**
 * The sheets of a workbook in order, with whether each is visible: read from the workbook part only (the streaming
 * reader stops at the first worksheet).
 */
export async function sheetList(file: string): Promise<{ name: string; visible: boolean }[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'ignore', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  const model = reader as unknown as { model?: { sheets?: { name: string; state?: string }[] } };
  for await (const _ws of reader) {
    void _ws;
    break;
  }
  return (model.model?.sheets ?? []).map((s) => ({ name: s.name, visible: !s.state || s.state === 'visible' }));
}

async function describeOnce(
  db: Db, upload: Upload, kind: ImportKind, opts: { sheet?: string; encoding?: CsvEncodingChoice },
): Promise<UploadInfo> {
  const info = await readSource(upload.path, upload.fileName, { kind, sheet: opts.sheet, encoding: opts.encoding });
  let kept = false;
  try {
    const [preview, presets] = await Promise.all([previewSource(info, PREVIEW_ROWS), listPresets(db, kind)]);
    const mapping = resolveMapping(kind, info.headers, info.rawHeaders);
    const described: UploadInfo = {
      token: upload.token,
      fileName: upload.fileName,
      size: upload.size,
      kind,
      source: {
        format: info.format,
        encoding: info.encoding,
        sheet: info.sheet ?? null,
        sheets: info.sheets ?? [],
        headers: info.headers,
        rawHeaders: info.rawHeaders,
        firstDataRow: info.firstDataRow,
        unitHint: info.unitHint,
        yearHint: info.yearHint,
      },
      preview,
      columns: mapping.columns.map((c) => ({ index: c.index, header: c.header, rawHeader: c.rawHeader, field: c.field?.id ?? null })),
      presets: presets.map((p) => ({ name: p.name, mapping: p.mapping, options: p.options, created_by: p.created_by, created_at: p.created_at })),
    };
    // The import of this upload reads the same file again unless the user changes kind, sheet or encoding: keep it.
    await setRead(upload, { kind, encoding: opts.encoding, info });
    kept = true;
    return described;
  } finally {
    if (!kept) await cleanupSource(info);
  }
}
