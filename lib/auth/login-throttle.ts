/**
 * Failed logins per client address, in memory (the site runs as one server process): past `limit` in `windowMs`
 * an address is refused before any account is looked up, whichever usernames it tries. A slot is taken before the
 * password is checked, so parallel attempts cannot get past the limit, and given back when the login succeeds.
 */
export class LoginThrottle {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a slot for one attempt from this address; false when it has none left. */
  take(address: string): boolean {
    const since = this.now() - this.windowMs;
    if (this.attempts.size > 10_000) this.forgetBefore(since);
    const times = (this.attempts.get(address) ?? []).filter((t) => t > since);
    if (times.length >= this.limit) {
      this.attempts.set(address, times);
      return false;
    }
    times.push(this.now());
    this.attempts.set(address, times);
    return true;
  }

  /** The attempts this key made within the window. */
  count(key: string): number {
    const since = this.now() - this.windowMs;
    return (this.attempts.get(key) ?? []).filter((t) => t > since).length;
  }

  /** Forgets every attempt of this key (an account that signed in). */
  clear(key: string): void {
    this.attempts.delete(key);
  }

  /** Gives back the slot of an attempt that signed in. */
  release(address: string): void {
    this.attempts.get(address)?.pop();
  }

  private forgetBefore(since: number): void {
    for (const [address, times] of this.attempts) if (!times.some((t) => t > since)) this.attempts.delete(address);
  }
}
