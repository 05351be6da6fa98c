/**
 * The client's address, for the audit log and the login throttle.
 *
 * Next.js records the peer's address in X-Forwarded-For only when the request carries none, so a client could name
 * any address it likes. proxy.ts therefore moves a request's own X-Forwarded-For to FORWARDED_CHAIN before Next.js
 * sees it; X-Forwarded-For then always holds the peer. The chain is believed only when that peer is one of the
 * proxies listed in FUND_MONITOR_TRUSTED_PROXIES (comma-separated addresses): then the client is the right-most
 * address in it that is not itself a trusted proxy. See docs/security.md.
 */
export const FORWARDED_CHAIN = 'x-fund-monitor-forwarded-for';

const plain = (address: string) => address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

export function trustedProxies(): Set<string> {
  return new Set((process.env.FUND_MONITOR_TRUSTED_PROXIES ?? '').split(',').map(plain).filter(Boolean));
}

export function clientIpFrom(headers: Headers): string | null {
  const peer = plain(headers.get('x-forwarded-for') ?? '') || null;
  const trusted = trustedProxies();
  if (!peer || !trusted.has(peer)) return peer;
  const chain = (headers.get(FORWARDED_CHAIN) ?? '').split(',').map(plain).filter(Boolean);
  return chain.reverse().find((address) => !trusted.has(address)) ?? peer;
}

/** Whether the request came through a trusted proxy, whose X-Forwarded-Host may then be believed. */
export function viaTrustedProxy(headers: Headers): boolean {
  return trustedProxies().has(plain(headers.get('x-forwarded-for') ?? ''));
}

/**
 * The request headers proxy.ts hands on: X-Forwarded-For moved to FORWARDED_CHAIN (any FORWARDED_CHAIN the client sent
 * is dropped), so that Next.js sets X-Forwarded-For afresh from the socket when it renders the request.
 */
export function movedForwardedFor(incoming: Headers): Headers {
  const headers = new Headers(incoming);
  const chain = headers.get('x-forwarded-for');
  headers.delete('x-forwarded-for');
  headers.delete(FORWARDED_CHAIN);
  if (chain) headers.set(FORWARDED_CHAIN, chain);
  return headers;
}
