import { viaTrustedProxy } from './client-ip';

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface Refusal {
  status: 403 | 415;
  error: string;
}

const changesState = (method: string) => CHANGES_STATE.has(method.toUpperCase());

function hostsOf(headers: Headers): string[] {
  const hosts = [headers.get('host')];
  if (viaTrustedProxy(headers)) hosts.push(headers.get('x-forwarded-host'));
  return hosts.filter((h): h is string => Boolean(h)).map((h) => h.toLowerCase());
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null; // "null" (sandboxed frames, some redirects) or garbage
  }
}

/**
 * Why a state-changing request must be refused as cross-site (CSRF), or null. A browser names the page that sent it:
 * Sec-Fetch-Site must be same-origin (another port of the same host is "same-site": refused), and Origin, when
 * sent, must name this site's own host and port. A client that sends neither is no browser, so no CSRF.
 */
export function crossSiteRefusal(method: string, headers: Headers): Refusal | null {
  if (!changesState(method)) return null;
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if ((site && site !== 'same-origin') || (origin !== null && !hostsOf(headers).includes(hostOf(origin) ?? ''))) {
    return { status: 403, error: '拒绝来自其他网站的请求' };
  }
  return null;
}

/**
 * For routes that take JSON: a state-changing request with a body must declare it application/json. A cross-site form
 * or a no-cors fetch cannot send that type without a CORS preflight, which this site never grants.
 */
export function nonJsonRefusal(method: string, headers: Headers): Refusal | null {
  if (!changesState(method)) return null;
  const type = headers.get('content-type');
  const hasBody = Number(headers.get('content-length') ?? 0) > 0 || headers.has('transfer-encoding');
  return (type ? !/^application\/json\s*(;|$)/i.test(type) : hasBody) ? { status: 415, error: '请求内容须为 application/json' } : null;
}
