/** Time as every module sees it: injected from services.ts, so tests fix it or move it forward instead of waiting. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The clock's now as ISO 8601 text in UTC, for the tables that keep their times as text. */
export const isoNow = (clock: Clock): string => new Date(clock.now()).toISOString();

/** The clock's calendar day in UTC, YYYY-MM-DD, as the date columns and "as of" figures hold it. */
export const isoToday = (clock: Clock): string => isoNow(clock).slice(0, 10);

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private t = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
