import type { Calendar } from '@courtassist/contracts';

/**
 * Due time of a work order.
 *
 * - A limit in hours is clock time: created + N hours.
 * - A limit in working days follows the stored holiday calendar (法定节假日 and 调休 working
 *   days): the day of creation never counts (like a procedural period, counting starts the next
 *   day), and the order is due at 17:30 China Standard Time — the end of the office day — on the
 *   Nth working day after it. A working day is a weekday not listed as a holiday, or a weekend day
 *   listed as an adjusted working day.
 */
export const OFFICE_DAY_ENDS_AT = '17:30';

const CST_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type DueLimit = { hours: number; workingDays?: null } | { hours?: null; workingDays: number };

export interface WorkingDays {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function workingDaysOf(calendar: Calendar): WorkingDays {
  return { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) };
}

/** The calendar date (China Standard Time) of a moment. */
export function chinaDateOf(moment: Date): string {
  return new Date(moment.getTime() + CST_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: WorkingDays): boolean {
  if (calendar.holidays.has(day)) return false;
  if (calendar.workdays.has(day)) return true;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Nth working day after `day` (n ≥ 1). */
export function addWorkingDays(day: string, n: number, calendar: WorkingDays): string {
  let t = Date.parse(`${day}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += DAY_MS;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10), calendar)) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

export function dueAt(created: Date, limit: DueLimit, calendar: WorkingDays): Date {
  if (limit.hours != null) return new Date(created.getTime() + limit.hours * 3_600_000);
  const day = addWorkingDays(chinaDateOf(created), limit.workingDays as number, calendar);
  return new Date(`${day}T${OFFICE_DAY_ENDS_AT}:00+08:00`);
}

/** Years of the calendar a due time needs: a few working days never reach past the next year. */
export function calendarYearsFor(created: Date): [number, number] {
  const year = Number(chinaDateOf(created).slice(0, 4));
  return [year, year + 1];
}
