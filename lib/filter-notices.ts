import { formatDate } from './format';
import { parseIsoDate } from './url-params';

/** The most of a raw URL value a notice repeats back. */
const MAX_ECHO = 20;

/**
 * What the overview says when the URL's 截止日期 was not used: resolveFilter (queries/server.ts) falls back to the
 * default for an invalid date or one before the budget year began. Null when the URL's date was used or none was given.
 */
export function asOfNotice(raw: string | undefined, year: number, asOf: string): string | null {
  const text = raw?.trim().slice(0, MAX_ECHO);
  if (!text || text === asOf) return null;
  const used = formatDate(asOf);
  return parseIsoDate(text)
    ? `截止日期 ${text} 早于 ${year} 年度开始，已改用 ${used}。`
    : `截止日期 ${text} 无效，已改用 ${used}。`;
}
