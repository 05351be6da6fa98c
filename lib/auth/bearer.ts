/**
 * Reading a personal API token from a request (docs/security.md "API tokens"). No imports: proxy.ts uses it too.
 */

/** Marks a string as this site's token, so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'fmt_';
const TOKEN_PATTERN = /^fmt_[A-Za-z0-9_-]{43}$/;

/** Whether the request claims to come with a bearer token at all (a malformed one is refused, not ignored). */
export const sendsBearer = (headers: Headers) => /^Bearer\s/i.test(headers.get('authorization') ?? '');

/** `Authorization: Bearer fmt_…` → the token; null when the header is absent or names no token of ours. */
export function bearerToken(headers: Headers): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '');
  return m && TOKEN_PATTERN.test(m[1]) ? m[1] : null;
}
