/**
 * Working-day arithmetic in China Standard Time (UTC+8, no daylight saving). A working day is Monday to Friday,
 * except the public holidays of a holiday table, plus the weekend days it names as make-up working days (调休).
 * Without a table only weekends are rest days. Deadlines end at 24:00 CST of the last working day.
 */
export interface HolidayTable {
  /** Where the dates come from (the State Council General Office notice). */
  source: string;
  year: number;
  /** Rest days on weekdays or weekends (YYYY-MM-DD). */
  holidays: readonly string[];
  /** Weekend days that are working days (YYYY-MM-DD). */
  makeupWorkdays: readonly string[];
}

const CST_OFFSET = 8 * 3_600_000;
const DAY = 86_400_000;

/** The CST calendar day (YYYY-MM-DD) of an instant. */
export function cstDate(ms: number): string {
  return new Date(ms + CST_OFFSET).toISOString().slice(0, 10);
}

/** 00:00 CST of a YYYY-MM-DD day, as epoch ms. */
export function cstDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - CST_OFFSET;
}

export class WorkCalendar {
  private readonly holidays: Set<string>;
  private readonly makeup: Set<string>;
  readonly years: number[];

  constructor(tables: readonly HolidayTable[] = []) {
    this.holidays = new Set(tables.flatMap((t) => t.holidays));
    this.makeup = new Set(tables.flatMap((t) => t.makeupWorkdays));
    this.years = tables.map((t) => t.year);
  }

  isWorkingDay(date: string): boolean {
    if (this.makeup.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** The CST day `n` working days after the day of `fromMs` (that day itself not counted); n ≥ 0. */
  addWorkingDays(fromMs: number, n: number): string {
    let day = cstDayStart(cstDate(fromMs));
    let left = Math.max(0, Math.floor(n));
    while (left > 0) {
      day += DAY;
      if (this.isWorkingDay(cstDate(day))) left--;
    }
    return cstDate(day);
  }

  /** End (24:00 CST) of the n-th working day after the day of `fromMs`. */
  deadline(fromMs: number, n: number): number {
    return cstDayStart(this.addWorkingDays(fromMs, n)) + DAY;
  }

  /** Working days from the day after `fromMs` up to and including the day of `toMs` (0 if toMs is not later). */
  workingDaysBetween(fromMs: number, toMs: number): number {
    let count = 0;
    const end = cstDayStart(cstDate(toMs));
    for (let day = cstDayStart(cstDate(fromMs)) + DAY; day <= end; day += DAY)
      if (this.isWorkingDay(cstDate(day))) count++;
    return count;
  }
}
