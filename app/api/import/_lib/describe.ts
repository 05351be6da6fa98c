import type { Db } from '@/queries/db';
import { cleanupSource, previewSource, readSource } from '@/lib/import/source';
import { resolveMapping } from '@/lib/import/load/mapping';
import { listPresets } from '@/queries/import/presets';
import type { ImportKind } from '@/lib/import/types';
import type { CsvEncodingChoice, UploadInfo } from '@/components/import/types';
import { setRead, type Upload } from './uploads';

/** How many data rows the mapping step shows. */
export const PREVIEW_ROWS = 20;

/**
 * Reads an uploaded file as the importer will (encoding, sheet, title and header rows), and answers what the mapping
 * step needs: the headers, the first data rows, the automatic mapping and the saved presets of the kind. A workbook
 * whose first sheet holds no table (a 说明 or cover sheet) is read from the next sheet that does, in the same read of
 * the workbook (source/xlsx.ts), and the answer says so.
 */
export async function describeUpload(
  db: Db, upload: Upload, kind: ImportKind, opts: { sheet?: string; encoding?: CsvEncodingChoice } = {},
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
      ...(info.skippedSheet !== undefined
        ? { notice: `工作表“${info.skippedSheet}”中没有可导入的表格，已改为读取工作表“${info.sheet}”。如需其他工作表，请在下方「工作表」中选择。` }
        : {}),
    };
    // The import of this upload reads the same file again unless the user changes kind, sheet or encoding: keep it.
    await setRead(upload, { kind, encoding: opts.encoding, info });
    kept = true;
    return described;
  } finally {
    if (!kept) await cleanupSource(info);
  }
}
