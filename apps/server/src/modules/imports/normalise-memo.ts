import type { IpcSet, LegalStatusCode, RegionCodes, SeiResult } from "@zhichan/core/patents/index.ts";

/**
 * A bounded memo for a pure function of a row's text: an export repeats the same applicants, IPC lists and SEI
 * labels thousands of times, and resolving a region scans every division name (the costliest step of a row before
 * this memo: ~25 µs). Values are shared between rows, so callers only read them. Past `max` keys it starts afresh.
 */
export class Memo<T> {
  private readonly values = new Map<string, T>();

  constructor(private readonly max = 50_000) {}

  get(key: string, compute: () => T): T {
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}

/** The memos of one file's rows (they live as long as its NormaliseContext). */
export interface NormaliseMemos {
  region: Memo<RegionCodes>;
  ipc: Memo<IpcSet>;
  sei: Memo<SeiResult>;
  /** The applicants cell → its first applicant's name when an organisation's (the org_name rule's input). */
  orgName: Memo<string | null>;
  /** The legal-status cell → its code (a handful of distinct texts; each normalised with NFKC and a dozen patterns). */
  status: Memo<LegalStatusCode>;
}

export const normaliseMemos = (): NormaliseMemos => ({
  region: new Memo(),
  ipc: new Memo(),
  sei: new Memo(),
  orgName: new Memo(),
  status: new Memo(),
});

/** One key of several texts (none contains U+0001). */
export const memoKey = (...parts: Array<string | null>): string => parts.map((p) => p ?? "").join("\u0001");
