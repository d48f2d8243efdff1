import type { Calendar } from '@courtassist/contracts';
import { daysInMonth } from '@courtassist/contracts/deadlines';

/**
 * Calendar arithmetic on day numbers: whole days since 1970-01-01. Pure integer arithmetic
 * (proleptic Gregorian), so no Date object, time zone or daylight-saving rule can shift a date
 * of law, and a batch of requests allocates almost nothing.
 */
export type DayNumber = number;

/** Day number of a civil date (H. Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number, packed as yyyymmdd so no object is allocated. */
export function civilFromDay(dayNumber: DayNumber): number {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  if (c < 0 || c > 9) throw new RangeError(`Not a date (YYYY-MM-DD): ${s}`);
  return c;
}

/** Day number of an ISO date `YYYY-MM-DD`; throws RangeError for anything else (e.g. 2026-02-30). */
export function parseDay(iso: string): DayNumber {
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-') throw new RangeError(`Not a date (YYYY-MM-DD): ${iso}`);
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`Not a calendar date: ${iso}`);
  return dayFromCivil(y, m, d);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function buildDateText(dayNumber: DayNumber): string {
  const ymd = civilFromDay(dayNumber);
  const y = Math.floor(ymd / 10000);
  const year = y >= 1000 ? `${y}` : `${y}`.padStart(4, '0');
  return `${year}-${pad2(Math.floor(ymd / 100) % 100)}-${pad2(ymd % 100)}`;
}

// Formatting dates is the calculator's main allocation; a batch reuses a few thousand dates, so
// each text is built once and shared. Blocks of 512 days keep the arrays small and dense.
const CACHE_FIRST_DAY = dayFromCivil(1900, 1, 1);
const CACHE_BLOCKS = Math.ceil((dayFromCivil(2400, 1, 1) - CACHE_FIRST_DAY) / 512);
const dateTexts: (string | undefined)[][] = new Array(CACHE_BLOCKS);

/** ISO `YYYY-MM-DD` of a day number. */
export function formatDay(dayNumber: DayNumber): string {
  const slot = dayNumber - CACHE_FIRST_DAY;
  const block = slot >> 9;
  if (slot < 0 || block >= CACHE_BLOCKS || !Number.isInteger(slot)) return buildDateText(dayNumber);
  let texts = dateTexts[block];
  if (texts === undefined) {
    texts = new Array<string | undefined>(512);
    dateTexts[block] = texts;
  }
  let text = texts[slot & 511];
  if (text === undefined) {
    text = buildDateText(dayNumber);
    texts[slot & 511] = text;
  }
  return text;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekday(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekday(dayNumber);
  return w === 0 || w === 6;
}

/** A calendar turned into day-number sets once, so each rest-day test is one or two Set lookups. */
export interface RestDayCalendar {
  readonly holidays: ReadonlySet<DayNumber>;
  readonly workdays: ReadonlySet<DayNumber>;
}

export function compileCalendar(calendar: Calendar): RestDayCalendar {
  const holidays = new Set<DayNumber>();
  const workdays = new Set<DayNumber>();
  for (const d of calendar.holidays) holidays.add(parseDay(d));
  for (const d of calendar.workdays) workdays.add(parseDay(d));
  return { holidays, workdays };
}

export function isCompiledCalendar(calendar: Calendar | RestDayCalendar): calendar is RestDayCalendar {
  return calendar.holidays instanceof Set;
}

/**
 * Rule 4's rest day: a statutory holiday, or a weekend day that is not an adjusted working day.
 * A holiday wins over a workday listing (the contracts reject a date listed as both anyway).
 */
export function isRestDay(dayNumber: DayNumber, calendar: RestDayCalendar): boolean {
  if (calendar.holidays.has(dayNumber)) return true;
  return isWeekend(dayNumber) && !calendar.workdays.has(dayNumber);
}

/** The day itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(dayNumber: DayNumber, calendar: RestDayCalendar): DayNumber {
  let d = dayNumber;
  // Terminates: at most two weekend days follow any holiday, and the holiday set is finite.
  while (isRestDay(d, calendar)) d++;
  return d;
}
