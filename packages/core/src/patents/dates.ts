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

function result(date: string | null): DateResult {
  return { date, invalid: date === null };
}
