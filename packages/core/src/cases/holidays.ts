import type { HolidayTable } from "./workdays.js";

/** Shared between full-day ranges: YYYY-MM-DD of each day from `from` to `to` inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号): 元旦 1月1日; 春节 1月28日—2月4日, 1月26日(周日)、
 * 2月8日(周六)上班; 清明 4月4—6日; 劳动节 5月1—5日, 4月27日(周日)上班; 端午 5月31日—6月2日;
 * 国庆、中秋 10月1—8日, 9月28日(周日)、10月11日(周六)上班.
 */
export const CN_HOLIDAYS_2025: HolidayTable = {
  source: "国办发明电〔2024〕12号",
  year: 2025,
  holidays: [
    "2025-01-01",
    ...days("2025-01-28", "2025-02-04"),
    ...days("2025-04-04", "2025-04-06"),
    ...days("2025-05-01", "2025-05-05"),
    ...days("2025-05-31", "2025-06-02"),
    ...days("2025-10-01", "2025-10-08"),
  ],
  makeupWorkdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号): 元旦 1月1—3日, 1月4日(周日)上班; 春节 2月15—23日,
 * 2月14日(周六)、2月28日(周六)上班; 清明 4月4—6日; 劳动节 5月1—5日, 5月9日(周六)上班; 端午 6月19—21日;
 * 中秋 9月25—27日; 国庆 10月1—7日, 9月20日(周日)、10月10日(周六)上班.
 * Transcribed without access to the notice here: check it against the published text before relying on it.
 */
export const CN_HOLIDAYS_2026: HolidayTable = {
  source: "国办发明电〔2025〕7号 (unverified transcription)",
  year: 2026,
  holidays: [
    ...days("2026-01-01", "2026-01-03"),
    ...days("2026-02-15", "2026-02-23"),
    ...days("2026-04-04", "2026-04-06"),
    ...days("2026-05-01", "2026-05-05"),
    ...days("2026-06-19", "2026-06-21"),
    ...days("2026-09-25", "2026-09-27"),
    ...days("2026-10-01", "2026-10-07"),
  ],
  makeupWorkdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
};

export const CN_HOLIDAY_TABLES: readonly HolidayTable[] = [CN_HOLIDAYS_2025, CN_HOLIDAYS_2026];
