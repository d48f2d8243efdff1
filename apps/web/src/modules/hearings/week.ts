/** Week arithmetic on ISO `YYYY-MM-DD` dates (reckoned in UTC, so no time zone shifts a day) and CST moments. */

const DAY_MS = 86_400_000;
const CST_MS = 8 * 3_600_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week of `date` (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function isIsoDate(value: string | null): value is string {
  return !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Today in China Standard Time. */
export function todayInChina(now: number = Date.now()): string {
  return new Date(now + CST_MS).toISOString().slice(0, 10);
}

/** The CST date and `HH:mm` of a moment: hearings are shown in court time whatever the browser's zone. */
export function chinaParts(moment: string): { date: string; time: string } {
  const local = new Date(Date.parse(moment) + CST_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
