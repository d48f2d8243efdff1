import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR_2026 } from './calculator.bench-fixture.js';
import { civilFromDay, compileCalendar, dayFromCivil, formatDay, isRestDay, nextWorkingDay, parseDay, weekday } from './calendar-rules.js';

const MIN_DAY = dayFromCivil(1900, 1, 1);
const MAX_DAY = dayFromCivil(2199, 12, 31);
const utcDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2026-01-05', 20458],
  ])('%s is day %i', (iso, day) => {
    expect(parseDay(iso)).toBe(day);
    expect(formatDay(day)).toBe(iso);
  });

  it('agree with UTC Date arithmetic for every day 1900–2199 (oracle only here, never in the calculator)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(formatDay(day)).toBe(iso);
        expect(parseDay(iso)).toBe(day);
        expect(utcDay(iso)).toBe(day);
        expect(weekday(day)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
  });

  it('packs civil dates as yyyymmdd', () => {
    expect(civilFromDay(parseDay('2028-02-29'))).toBe(20280229);
  });

  it.each(['2026-02-30', '2026-13-01', '2027-02-29', '2026-1-05', '2026/01/05', 'x', ''])('parseDay rejects %j', (bad) => {
    expect(() => parseDay(bad)).toThrow(RangeError);
  });

  it('knows the weekdays of 2026 (Jan 1 Thursday, May 9 Saturday, Sep 20 Sunday)', () => {
    expect(weekday(parseDay('2026-01-01'))).toBe(4);
    expect(weekday(parseDay('2026-05-09'))).toBe(6);
    expect(weekday(parseDay('2026-09-20'))).toBe(0);
    expect(weekday(parseDay('2026-10-10'))).toBe(6);
  });
});

describe('rest days (rule 4)', () => {
  const cal = compileCalendar(OFFICIAL_CALENDAR_2026);
  const rest = (iso: string) => isRestDay(parseDay(iso), cal);

  it.each([
    ['2026-05-01', true, 'Friday, Labour Day'],
    ['2026-05-05', true, 'Tuesday, bridged Labour Day holiday'],
    ['2026-05-06', false, 'Wednesday'],
    ['2026-05-09', false, 'Saturday, adjusted working day'],
    ['2026-05-10', true, 'Sunday'],
    ['2026-09-20', false, 'Sunday, adjusted working day'],
    ['2026-10-10', false, 'Saturday, adjusted working day'],
    ['2026-10-11', true, 'Sunday'],
    ['2026-07-08', false, 'ordinary Wednesday'],
    ['2026-07-11', true, 'ordinary Saturday'],
  ])('%s rest=%s (%s)', (iso, expected) => {
    expect(rest(iso)).toBe(expected);
  });

  it('a holiday wins over a workday listing', () => {
    const both = compileCalendar({ holidays: ['2026-05-09'], workdays: ['2026-05-09'] });
    expect(isRestDay(parseDay('2026-05-09'), both)).toBe(true);
  });

  it('nextWorkingDay passes a holiday run and the weekend after it', () => {
    const c = compileCalendar({ holidays: ['2026-07-02', '2026-07-03'], workdays: [] }); // Thu, Fri
    expect(formatDay(nextWorkingDay(parseDay('2026-07-02'), c))).toBe('2026-07-06');
    expect(formatDay(nextWorkingDay(parseDay('2026-07-01'), c))).toBe('2026-07-01');
  });
});
