import type { CalendarDayKind } from '@courtassist/contracts';
import { describe, expect, it } from 'vitest';
import { officialDays } from './calendar.official.js';
import { daysOfYear, isWeekend, restDayCount, weekdayOf, workingDayOf, yearBounds } from './calendar-days.js';

describe('weekdays', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-01-01', 4],
    ['2026-09-20', 0],
    ['2026-10-10', 6],
    ['2025-01-26', 0],
    ['2028-02-29', 2],
    ['2000-03-01', 3],
    ['1900-03-01', 4],
    ['2199-12-31', 2],
  ])('%s is weekday %i', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
    expect(isWeekend(day)).toBe(weekday === 0 || weekday === 6);
  });
});

describe('years', () => {
  it.each([
    [2026, 365],
    [2028, 366],
    [2100, 365],
    [2000, 366],
  ])('%i has %i days, from Jan 1 to Dec 31', (year, n) => {
    const days = daysOfYear(year);
    expect(days).toHaveLength(n);
    expect(days[0]).toBe(yearBounds(year).first);
    expect(days.at(-1)).toBe(yearBounds(year).last);
  });
});

describe('working days', () => {
  it.each([
    ['2026-10-08', null, true, 'weekday'],
    ['2026-10-11', null, false, 'weekend'],
    ['2026-10-01', 'holiday', false, 'holiday'],
    ['2026-10-03', 'holiday', false, 'holiday'],
    ['2026-10-10', 'workday', true, 'adjusted-workday'],
  ] as const)('%s listed as %s: working %s (%s)', (day, listed, working, reason) => {
    expect(workingDayOf(day, listed)).toEqual({ working, reason });
  });

  it('counts rest days: weekends only for an unlisted year, the official arrangement for 2025 and 2026', () => {
    // 2027 has 52 Saturdays and 52 Sundays (it starts and ends on a Friday).
    expect(restDayCount(2027, new Map())).toBe(104);
    // 2025 and 2026 each have 104 weekend days; the law gives 13 statutory holiday days a year
    // (since 2025), and every swap moves a rest day rather than adding one: 104 + 13 = 117.
    for (const year of [2025, 2026]) {
      const listed = new Map<string, CalendarDayKind>(officialDays(year).map((d) => [d.day, d.kind]));
      expect(restDayCount(year, new Map())).toBe(104);
      expect(restDayCount(year, listed)).toBe(117);
    }
  });
});
