/** Field values: dates, patent types, legal statuses, region codes, SEI codes. Each returns null when invalid. */

const TYPE_VALUES: Record<string, string[]> = {
  invention_application: ["invention_application"],
  发明公布: ["invention_application"],
  发明申请: ["invention_application"],
  invention_grant: ["invention_grant"],
  发明授权: ["invention_grant"],
  utility_model: ["utility_model"],
  实用新型: ["utility_model"],
  design: ["design"],
  外观设计: ["design"],
  发明: ["invention_application", "invention_grant"],
  invention: ["invention_application", "invention_grant"],
};

const STATUS_VALUES: Record<string, string> = {
  valid: "valid",
  有效: "valid",
  pending: "pending",
  审中: "pending",
  lapsed: "lapsed",
  失效: "lapsed",
  rejected: "rejected",
  驳回: "rejected",
  withdrawn: "withdrawn",
  撤回: "withdrawn",
  invalidated: "invalidated",
  无效: "invalidated",
  pct_pending: "pct_pending",
  pct有效期内: "pct_pending",
  pct_expired: "pct_expired",
  pct有效期满: "pct_expired",
  unknown: "unknown",
  未知: "unknown",
};

export const TYPE_CHOICES =
  "invention_application, invention_grant, utility_model, design, 发明公布, 发明授权, 实用新型, 外观设计, 发明";
export const STATUS_CHOICES =
  "valid, pending, lapsed, rejected, withdrawn, invalidated, pct_pending, pct_expired, unknown, 有效, 审中, 失效, 驳回, 撤回, 无效, PCT有效期内, PCT有效期满, 未知";

export function typeValues(v: string): string[] | null {
  return TYPE_VALUES[v.toLowerCase()] ?? null;
}

export function statusValue(v: string): string | null {
  return STATUS_VALUES[v.toLowerCase()] ?? null;
}

/** Division codes: "410000" → "41", "410100" → "4101" (docs carry every level: 41, 4101, 410105). */
export function normalizeRegionCode(v: string): string | null {
  if (!/^\d+$/.test(v)) return null;
  if (v.length === 6 && v.endsWith("0000")) return v.slice(0, 2);
  if (v.length === 6 && v.endsWith("00")) return v.slice(0, 4);
  return v;
}

export function isSeiCode(v: string): boolean {
  return /^\d+(\.\d+)*$/.test(v);
}

/** One date value as [first day, last day] (yyyymmdd), accepting yyyy, yyyy-mm, yyyymm, yyyy-mm-dd, yyyymmdd. */
export function parseDateBounds(v: string): [number, number] | null {
  let m = /^(\d{4})$/.exec(v);
  if (m) return [Number(m[1]) * 10000 + 101, Number(m[1]) * 10000 + 1231];
  m = /^(\d{4})[-./]?(\d{1,2})$/.exec(v);
  if (m && (v.length === 6 || /[-./]/.test(v))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return [y * 10000 + mo * 100 + 1, y * 10000 + mo * 100 + 31];
  }
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    const x = y * 10000 + mo * 100 + d;
    return [x, x];
  }
  return null;
}

/** `FIELD op value` → inclusive [from, to]; `=` accepts a range "a..b" (either side may be empty). */
export function parseDateCondition(op: string, v: string): [number, number] | null {
  const MIN = 1;
  const MAX = 99991231;
  if (op === "=") {
    const dots = v.indexOf("..");
    if (dots >= 0) {
      const a = v.slice(0, dots);
      const b = v.slice(dots + 2);
      const lo = a === "" ? [MIN, MIN] : parseDateBounds(a);
      const hi = b === "" ? [MAX, MAX] : parseDateBounds(b);
      if (!lo || !hi || (a === "" && b === "")) return null;
      return [lo[0], hi[1]];
    }
    return parseDateBounds(v);
  }
  const b = parseDateBounds(v);
  if (!b) return null;
  if (op === ">=") return [b[0], MAX];
  if (op === ">") return [b[1] + 1, MAX];
  if (op === "<=") return [MIN, b[1]];
  if (op === "<") return [MIN, b[0] - 1];
  return null;
}
