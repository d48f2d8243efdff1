import { describe, expect, it } from 'vitest';
import { OFFICIAL_SCHEDULES, OFFICIAL_YEARS, officialCalendar, officialDays } from './calendar.official.js';
import { isWeekend, weekdayOf } from './calendar-days.js';

/**
 * The notices, restated day by day (国务院办公厅关于2025年/2026年部分节假日安排的通知), to hold
 * the schedule data to them: holiday name → [rest days, adjusted working days].
 */
const NOTICES: Record<number, Record<string, [number, string[]]>> = {
  2025: {
    元旦: [1, []],
    春节: [8, ['2025-01-26', '2025-02-08']],
    清明节: [3, []],
    劳动节: [5, ['2025-04-27']],
    端午节: [3, []],
    '国庆节、中秋节': [8, ['2025-09-28', '2025-10-11']],
  },
  2026: {
    元旦: [3, ['2026-01-04']],
    春节: [9, ['2026-02-14', '2026-02-28']],
    清明节: [3, []],
    劳动节: [5, ['2026-05-09']],
    端午节: [3, []],
    中秋节: [3, []],
    国庆节: [7, ['2026-09-20', '2026-10-10']],
  },
};

describe('the official schedules', () => {
  it('cover 2025 and 2026', () => {
    expect(OFFICIAL_YEARS).toEqual([2025, 2026]);
  });

  describe.each(OFFICIAL_YEARS)('%i', (year) => {
    const days = officialDays(year);

    it.each(Object.entries(NOTICES[year]))('%s: %j', (name, [restDays, workdays]) => {
      expect(days.filter((d) => d.kind === 'holiday' && d.name === name)).toHaveLength(restDays);
      expect(days.filter((d) => d.kind === 'workday' && d.name === `${name}调休`).map((d) => d.day)).toEqual(workdays);
    });

    it('has only the holidays of the notice, each date once, in date order, all in the year', () => {
      expect(new Set(days.map((d) => d.name.replace(/调休$/, '')))).toEqual(new Set(Object.keys(NOTICES[year])));
      const dates = days.map((d) => d.day);
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    });

    it('puts every adjusted working day on a Saturday or Sunday', () => {
      for (const d of days.filter((x) => x.kind === 'workday')) expect(isWeekend(d.day), d.day).toBe(true);
    });

    it('names its notice', () => {
      expect(OFFICIAL_SCHEDULES[year].notice).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
    });
  });

  it.each([
    ['2025-01-28', 2, '春节 begins on 除夕, a Tuesday'],
    ['2025-10-08', 3, 'National Day and Mid-Autumn end on a Wednesday in 2025'],
    ['2026-02-15', 0, '春节 begins on a Sunday in 2026'],
    ['2026-10-07', 3, 'National Day ends on a Wednesday in 2026'],
  ])('%s is weekday %i (%s)', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('gives the deadline calculator its shape: 2026 as in the deadlines fixture', () => {
    const calendar = officialCalendar(2026);
    expect(calendar.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(calendar.holidays).toHaveLength(33);
    expect(calendar.holidays).toContain('2026-10-01');
    expect(calendar.holidays).not.toContain('2026-10-08');
    expect(officialCalendar(2030)).toEqual({ holidays: [], workdays: [] });
  });
});
