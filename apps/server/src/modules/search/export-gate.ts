import { AppError } from "@zhichan/core";

/**
 * How many exports may run at once, and how many rows a visitor gets. An export walks every hit, so a few of
 * them at once slow everyone (issue #13). Signed-in users get the full export; visitors the first
 * `anonymousRows` rows (the file says so in its last row, and the response in X-Export-Capped).
 */
export interface ExportLimits {
  /** Exports running in the whole server, signed in or not. */
  total: number;
  /** Of those, exports by visitors (not signed in). */
  anonymous: number;
  /** Exports at once per client: a signed-in user, or a visitor's address. */
  perClient: number;
  anonymousRows: number;
}

export const EXPORT_LIMITS: ExportLimits = { total: 4, anonymous: 2, perClient: 1, anonymousRows: 5_000 };

/** Counts running exports; refuses one over a limit with 429 (RATE_LIMITED) and a message saying what to do. */
export class ExportGate {
  private running = 0;
  private anonymous = 0;
  private readonly byClient = new Map<string, number>();

  constructor(readonly limits: ExportLimits = EXPORT_LIMITS) {}

  /** Takes a slot for `client` or throws; returns the release function (safe to call more than once). */
  enter(client: string, anonymous: boolean): () => void {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient)
      throw new AppError(
        "RATE_LIMITED",
        "您已有导出正在进行，请等它完成后再试 · you already have an export running: wait for it to finish",
        { limit: "client" },
      );
    if (anonymous && this.anonymous >= this.limits.anonymous)
      throw new AppError(
        "RATE_LIMITED",
        "未登录用户的导出已满，请稍后再试或登录后导出 · too many exports by visitors right now: try again shortly, or sign in",
        { limit: "anonymous" },
      );
    if (this.running >= this.limits.total)
      throw new AppError("RATE_LIMITED", "导出任务繁忙，请稍后再试 · too many exports right now: try again shortly", {
        limit: "total",
      });
    this.running++;
    if (anonymous) this.anonymous++;
    this.byClient.set(client, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      if (anonymous) this.anonymous--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
    };
  }
}

/** The last row of a capped export, and what the web page shows. */
export function cappedNote(rows: number, total: number): string {
  const n = rows.toLocaleString("en-US");
  const t = total.toLocaleString("en-US");
  return `仅导出前 ${n} 条（共 ${t} 条命中），登录后可导出全部 · only the first ${n} of ${t} hits were exported: sign in to export them all`;
}
