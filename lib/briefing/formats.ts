import { renderBriefingDocx } from './docx';
import { renderBriefingPdf } from './pdf';
import type { Briefing } from './types';

/** How one file format of the 通报 is made and served. */
export interface BriefingFormat {
  render: (b: Briefing) => Promise<Buffer>;
  contentType: string;
  extension: string;
}

/**
 * Every file format a 通报 is generated in, in one map: the routes, the archive and the command line (`--out FILE.docx`)
 * look a format up here.
 */
export const BRIEFING_FORMATS: Record<string, BriefingFormat> = {
  pdf: { render: (b) => renderBriefingPdf(b), contentType: 'application/pdf', extension: 'pdf' },
  docx: { render: renderBriefingDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
};

/** The format of a file name's extension (`.docx` → docx), or null for one the 通报 is not made in. */
export function briefingFormatOf(fileName: string): string | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext && Object.hasOwn(BRIEFING_FORMATS, ext) ? ext : null;
}
