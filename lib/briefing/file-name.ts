import type { Briefing } from './types';

/** A 通报's download name, Chinese (示范县扶贫资金支出情况通报_全县_20180630.pdf), and its ASCII fallback for old clients. */
export function briefingFileName(b: Pick<Briefing, 'county' | 'scopeName' | 'asOf'>, ext: 'pdf' | 'docx'): { name: string; fallback: string } {
  const day = b.asOf.replace(/-/g, '');
  return { name: `${b.county}扶贫资金支出情况通报_${b.scopeName}_${day}.${ext}`, fallback: `briefing_${day}.${ext}` };
}
