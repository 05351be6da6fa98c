import { permissions, type Who } from '@/lib/auth/permissions';
import { first, parseIsoDate, parseYear, type SearchParams } from '@/lib/url-params';
import type { BriefingScope } from './types';

/** A 通报 asked for by a URL (the page, its downloads): the year and 截止日期 when given, and whose. */
export interface BriefingRequest {
  year: number | null;
  asOf: string | null;
  scope: BriefingScope;
}

/** A 通报's scope in a URL (?scope=county or ?scope=section:4), as the page, the PDF and the Word routes take it. */
export const briefingScopeParam = (s: BriefingScope) => (s.kind === 'county' ? 'county' : `section:${s.unitId}`);

/** `scope=county` (or none) for the county's 通报, `scope=section:<unit id>` for a 股室's own report; null for anything else. */
export function parseBriefingScope(value: string | undefined): BriefingScope | null {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'county') return { kind: 'county' };
  const m = /^section:(\d{1,10})$/.exec(text);
  const unitId = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(unitId) && unitId > 0 && unitId <= 2_147_483_647 ? { kind: 'section', unitId } : null;
}

/**
 * The 通报 a viewer asked for (docs/briefing.md): without `scope`, a 股室 user its own report and the county's roles the
 * county's; null where the text is no scope or the viewer may not read that one (a 部门, a 镇, another 股室's report).
 */
export function briefingScopeFor(viewer: Who, requested: string | undefined): BriefingScope | null {
  const scope = requested?.trim() ? parseBriefingScope(requested) : ownScope(viewer);
  return scope && permissions.readBriefingOf(viewer, scope) ? scope : null;
}

function ownScope(viewer: Who): BriefingScope | null {
  if (viewer.role === 'section') return viewer.unitId === null ? null : { kind: 'section', unitId: viewer.unitId };
  return { kind: 'county' };
}

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

/** The query string of a 通报 (page, PDF, Word): year, 截止日期 and scope. */
export function briefingQuery(year: number, asOf: string, scope: BriefingScope): string {
  return new URLSearchParams({ year: String(year), as_of: asOf, scope: briefingScopeParam(scope) }).toString();
}
