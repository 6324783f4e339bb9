/** Result of reading a date: `date` is YYYY-MM-DD or null; `invalid` is true when there was text but no date. */
export interface DateResult {
  date: string | null;
  invalid: boolean;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // Excel's day 0 (with the 1900 leap-year bug folded in)

function build(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 2021-02-30
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * YYYY-MM-DD from 2021-03-05, 2021.03.05, 2021/3/5, 20210305, 2021年3月5日, ISO timestamps, JS Dates and Excel day
 * serials (20000–80000 → 1954–2119). Empty → {null, invalid:false}; anything else → {null, invalid:true}.
 */
export function normaliseDate(raw: string | number | Date | null | undefined): DateResult {
  if (raw === null || raw === undefined) return { date: null, invalid: false };
  if (raw instanceof Date) {
    const ok = !Number.isNaN(raw.getTime());
    const date = ok ? build(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate()) : null;
    return { date, invalid: date === null };
  }
  if (typeof raw === "string") {
    const iso = isoDate(raw);
    if (iso !== null) return iso;
  }
  const text = String(raw).normalize("NFKC").trim();
  if (!text || text === "-" || text === "0") return { date: null, invalid: false };
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?:[T\s].*)?$/.exec(text);
  if (m) return result(build(+m[1], +m[2], +m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return result(build(+m[1], +m[2], +m[3]));
  if (/^\d{5}(\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial >= 20000 && serial <= 80000) {
      const dt = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
      return result(build(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()));
    }
  }
  return { date: null, invalid: true };
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by the ASCII digits s[from..to), or -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The common case without regular expressions, NFKC or a Date: text that is already a valid YYYY-MM-DD (what most
 * exports hold) is its own result — what the general path gives it. Anything else (null) takes that path.
 */
function isoDate(s: string): DateResult | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > DAYS_IN_MONTH[m - 1] + (leap ? 1 : 0)) return null;
  return { date: s, invalid: false };
}

function result(date: string | null): DateResult {
  return { date, invalid: date === null };
}
