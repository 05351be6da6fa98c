/** Stands for this site while a path is resolved; any origin would do, it only has to be ours alone. */
const SELF = 'http://fund-monitor.invalid';

/**
 * Where to go after signing in: `next` resolved as a browser would resolve it against this site, kept only if it
 * stays on this site. Browsers read "/\evil.example" as "//evil.example" and drop tabs and newlines ("/\t/evil"),
 * so a test on the text alone ("starts with / but not //") lets such values through; the URL parser reads them as
 * the browser does. The login page itself is never a destination.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value) return '/';
  let url: URL;
  try {
    url = new URL(value, SELF);
  } catch {
    return '/';
  }
  if (url.origin !== SELF || url.pathname === '/login' || url.pathname.startsWith('/login/')) return '/';
  return url.pathname + url.search + url.hash;
}
