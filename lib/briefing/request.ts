import { permissions, type Who } from '@/lib/auth/permissions';
import { parseId } from '@/lib/url-params';
import type { BriefingScope } from './types';

/** A 通报's scope in a URL (?scope=county or ?scope=section:4), as the page, the PDF and the Word routes take it. */
export function briefingScopeParam(s: BriefingScope): string {
  return s.kind === 'county' ? 'county' : `section:${s.unitId}`;
}

/**
 * The 通报 a viewer asked for (docs/briefing.md): without `scope`, a 股室 user its own report and the county's roles the
 * county's; null where the text is no scope or the viewer may not read that one (a 部门, a 镇, another 股室's report).
 */
export function briefingScopeFor(viewer: Who, requested: string | undefined): BriefingScope | null {
  const scope = requested ? parseScope(requested) : ownScope(viewer);
  return scope && permissions.readBriefingOf(viewer, scope) ? scope : null;
}

function ownScope(viewer: Who): BriefingScope | null {
  if (viewer.role === 'section') return viewer.unitId === null ? null : { kind: 'section', unitId: viewer.unitId };
  return { kind: 'county' };
}

function parseScope(text: string): BriefingScope | null {
  if (text === 'county') return { kind: 'county' };
  const m = /^section:(\d+)$/.exec(text);
  const unitId = m ? parseId(m[1]) : undefined;
  return unitId === undefined ? null : { kind: 'section', unitId };
}

/** The query string of a 通报 (page, PDF, Word): year, 截止日期 and scope. */
export function briefingQuery(year: number, asOf: string, scope: BriefingScope): string {
  return new URLSearchParams({ year: String(year), as_of: asOf, scope: briefingScopeParam(scope) }).toString();
}
