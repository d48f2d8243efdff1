import dayjs, { type Dayjs } from 'dayjs';

const CST_MS = 8 * 3_600_000;

/** Today in China Standard Time, `YYYY-MM-DD`: due dates are CST calendar dates, whatever the browser's zone. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CST_MS).toISOString().slice(0, 10);
}

/** Days from today (CST) until an ISO date; negative when past. */
export function daysFromToday(date: string): number {
  return dayjs(date).diff(dayjs(chinaToday()), 'day');
}

/** For a DatePicker: days before today (CST) cannot be chosen. */
export function beforeChinaToday(day: Dayjs): boolean {
  return day.isBefore(dayjs(chinaToday()), 'day');
}
