import type { CalendarDayKind, WorkingDayReason } from '@courtassist/contracts';

/**
 * Pure date facts of the holiday calendar. Dates are ISO `YYYY-MM-DD` strings already checked to be
 * real calendar dates (the contracts' `calendarDate`); the weekday is reckoned in UTC, so no time
 * zone or daylight-saving rule can move it.
 */

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}

/** First and last day of a year, as ISO dates. */
export function yearBounds(year: number): { first: string; last: string } {
  const y = String(year).padStart(4, '0');
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** Every day of the year, in order. */
export function daysOfYear(year: number): string[] {
  const days: string[] = [];
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  for (let t = start; t < end; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** Whether a day is worked, and why: a listed day decides, otherwise the weekend rests. */
export function workingDayOf(day: string, listed: CalendarDayKind | null): { working: boolean; reason: WorkingDayReason } {
  if (listed === 'holiday') return { working: false, reason: 'holiday' };
  if (listed === 'workday') return { working: true, reason: 'adjusted-workday' };
  return isWeekend(day) ? { working: false, reason: 'weekend' } : { working: true, reason: 'weekday' };
}

/** Rest days of a year: the holidays, and the weekend days not made working days. */
export function restDayCount(year: number, listed: ReadonlyMap<string, CalendarDayKind>): number {
  let count = 0;
  for (const day of daysOfYear(year)) if (!workingDayOf(day, listed.get(day) ?? null).working) count++;
  return count;
}
