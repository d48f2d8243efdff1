import type { Calendar, CalendarDayKind } from '@courtassist/contracts';

/**
 * The official holiday arrangements (部分节假日安排) published each year by the General Office of
 * the State Council (国务院办公厅), preloaded at start. This file is the single source of these
 * facts in the code base: add a year here when its notice is published.
 *
 * 2025 — 《国务院办公厅关于2025年部分节假日安排的通知》, published 2024-11-12, the first under the
 * revised 《全国年节及纪念日放假办法》 (in force 2025-01-01: 除夕 and 5月2日 became holidays):
 *   元旦 Jan 1 (Wed), no swap.
 *   春节 Jan 28 (除夕, Tue) – Feb 4 (Tue), 8 days; work Sun Jan 26 and Sat Feb 8.
 *   清明节 Apr 4 (Fri) – Apr 6 (Sun).
 *   劳动节 May 1 (Thu) – May 5 (Mon), 5 days; work Sun Apr 27.
 *   端午节 May 31 (Sat) – Jun 2 (Mon).
 *   国庆节、中秋节 Oct 1 (Wed) – Oct 8 (Wed), 8 days; work Sun Sep 28 and Sat Oct 11.
 *
 * 2026 — 《国务院办公厅关于2026年部分节假日安排的通知》, published 2025-11-04:
 *   元旦 Jan 1 (Thu) – Jan 3 (Sat); work Sun Jan 4.
 *   春节 Feb 15 (Sun) – Feb 23 (Mon), 9 days; work Sat Feb 14 and Sat Feb 28.
 *   清明节 Apr 4 (Sat) – Apr 6 (Mon).
 *   劳动节 May 1 (Fri) – May 5 (Tue); work Sat May 9.
 *   端午节 Jun 19 (Fri) – Jun 21 (Sun).
 *   中秋节 Sep 25 (Fri) – Sep 27 (Sun) (a holiday of its own in 2026, not joined to National Day).
 *   国庆节 Oct 1 (Thu) – Oct 7 (Wed); work Sun Sep 20 and Sat Oct 10.
 *
 * A holiday's days are named after it (国庆节); its adjusted working days after it with 调休
 * (国庆节调休). The unit tests check every workday falls on a weekend and the counts per holiday.
 */

interface OfficialHoliday {
  name: string;
  /** First and last rest day, inclusive. */
  from: string;
  to: string;
  /** Adjusted working days (调休上班日) that make up for it. */
  workdays: readonly string[];
}

export interface OfficialSchedule {
  notice: string;
  published: string;
  holidays: readonly OfficialHoliday[];
}

export const OFFICIAL_SCHEDULES: Readonly<Record<number, OfficialSchedule>> = {
  2025: {
    notice: '国务院办公厅关于2025年部分节假日安排的通知',
    published: '2024-11-12',
    holidays: [
      { name: '元旦', from: '2025-01-01', to: '2025-01-01', workdays: [] },
      { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', from: '2025-04-04', to: '2025-04-06', workdays: [] },
      { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
      { name: '端午节', from: '2025-05-31', to: '2025-06-02', workdays: [] },
      { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  2026: {
    notice: '国务院办公厅关于2026年部分节假日安排的通知',
    published: '2025-11-04',
    holidays: [
      { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
      { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', from: '2026-04-04', to: '2026-04-06', workdays: [] },
      { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
      { name: '端午节', from: '2026-06-19', to: '2026-06-21', workdays: [] },
      { name: '中秋节', from: '2026-09-25', to: '2026-09-27', workdays: [] },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
};

export interface OfficialDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
}

function* datesBetween(from: string, to: string): Generator<string> {
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) yield new Date(t).toISOString().slice(0, 10);
}

/** The official days of a year (empty when no notice is known), in date order. */
export function officialDays(year: number): OfficialDay[] {
  const schedule = OFFICIAL_SCHEDULES[year];
  if (!schedule) return [];
  const days: OfficialDay[] = [];
  for (const h of schedule.holidays) {
    for (const day of datesBetween(h.from, h.to)) days.push({ day, kind: 'holiday', name: h.name });
    for (const day of h.workdays) days.push({ day, kind: 'workday', name: `${h.name}调休` });
  }
  return days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The official arrangement of a year in the deadline calculator's shape. */
export function officialCalendar(year: number): Calendar {
  const days = officialDays(year);
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}

export const OFFICIAL_YEARS: readonly number[] = Object.keys(OFFICIAL_SCHEDULES)
  .map(Number)
  .sort((a, b) => a - b);
