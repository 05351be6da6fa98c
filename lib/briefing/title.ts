import type { Briefing } from './types';

/** The 通报's title, the same on the page, in the files and in their names: the county's, or a 股室's own report. */
export function briefingTitle(b: Pick<Briefing, 'county' | 'scope' | 'scopeName' | 'year'>): string {
  const whose = b.scope.kind === 'county' ? b.county : `${b.county}财政局${b.scopeName}`;
  return `${whose}${b.year}年扶贫资金支出进度通报`;
}

/** A generated 通报's file name: the title and the 截止日期, e.g. 某县2018年扶贫资金支出进度通报（截至20180630）.docx. */
export function briefingFileName(b: Pick<Briefing, 'county' | 'scope' | 'scopeName' | 'year' | 'asOf'>, extension: string): string {
  return `${briefingTitle(b)}（截至${b.asOf.replace(/-/g, '')}）.${extension}`;
}
