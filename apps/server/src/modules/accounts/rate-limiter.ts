/** Requests per minute per client address: every API route, and the stricter sign-in/registration/TOTP/setup. */
export interface RateLimits {
  perMinute: number;
  authPerMinute: number;
}

/** The defaults; ZHICHAN_RATE_LIMIT_PER_MINUTE and ZHICHAN_AUTH_RATE_LIMIT_PER_MINUTE override them (http-settings). */
export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 600, authPerMinute: 20 };

/**
 * A fixed-window counter per key (client address, or address + route; behind a proxy the address comes from
 * X-Forwarded-For only when the proxy is trusted: ZHICHAN_TRUST_PROXY), in process memory: enough for one process.
 * Old windows are dropped as they pass, so memory stays bounded by the keys seen in one window.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly now: () => number) {}

  /** Counts a hit; returns seconds to wait when the key is over `max` in this window, else 0. */
  hit(key: string, max: number, windowMs: number): number {
    const t = this.now();
    if (t - this.lastSweep > 60_000) this.sweep(t, windowMs);
    let w = this.windows.get(key);
    if (!w || t - w.start >= windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count > max ? Math.ceil((w.start + windowMs - t) / 1000) : 0;
  }

  private sweep(t: number, windowMs: number): void {
    this.lastSweep = t;
    for (const [k, w] of this.windows) if (t - w.start >= Math.max(windowMs, 3_600_000)) this.windows.delete(k);
  }
}
