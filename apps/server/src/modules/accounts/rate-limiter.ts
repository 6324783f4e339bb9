/**
 * A fixed-window counter per key (IP, or IP + route), in process memory: enough for one server process.
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
