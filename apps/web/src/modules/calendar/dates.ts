/** Date helpers for ISO `YYYY-MM-DD` calendar dates, reckoned in UTC so no time zone shifts a day. */

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const w = weekdayOf(iso);
  return w === 0 || w === 6;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Today in China Standard Time, the time of the dates of law. */
export function todayInChina(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
