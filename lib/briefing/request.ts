import { first, parseIsoDate, parseYear, type SearchParams } from '@/lib/url-params';
import type { BriefingScope } from './types';

/** A 通报 asked for by a URL (the page, its downloads): the year and 截止日期 when given, and whose. */
export interface BriefingRequest {
  year: number | null;
  asOf: string | null;
  scope: BriefingScope;
}

/** `scope=county` (or none) for the county's 通报, `scope=section:<unit id>` for a 股室's own report; null for anything else. */
export function parseBriefingScope(value: string | undefined): BriefingScope | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'county') return { kind: 'county' };
  const m = /^section:(\d{1,10})$/.exec(text);
  const unitId = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(unitId) && unitId > 0 && unitId <= 2_147_483_647 ? { kind: 'section', unitId } : null;
}

/** The scope as its URL parameter: the inverse of parseBriefingScope. */
export const briefingScopeParam = (s: BriefingScope) => (s.kind === 'county' ? 'county' : `section:${s.unitId}`);

/** `year`, `as_of` and `scope` of a 通报's URL, or the Chinese problem with them. */
export function parseBriefingRequest(sp: SearchParams): BriefingRequest | { error: string } {
  const [yearText, asOfText, scopeText] = [first(sp.year), first(sp.as_of), first(sp.scope)];
  const year = parseYear(yearText);
  if (yearText && year === undefined) return { error: `年度“${yearText}”无效` };
  const asOf = parseIsoDate(asOfText);
  if (asOfText && asOf === undefined) return { error: `截止日期“${asOfText}”无效，应为 YYYY-MM-DD` };
  const scope = parseBriefingScope(scopeText);
  if (!scope) return { error: `范围“${scopeText}”无效，应为 county 或 section:<股室编号>` };
  return { year: year ?? (asOf ? Number(asOf.slice(0, 4)) : null), asOf: asOf ?? null, scope };
}
