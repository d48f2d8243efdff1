import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDateOf, dueAt, isWorkingDay, workingDaysOf } from './due-time.js';

/** The 2025 National Day and Mid-Autumn week: 10-01…10-08 off, Sunday 09-28 and Saturday 10-11 worked. */
const calendar = workingDaysOf({
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
  workdays: ['2025-09-28', '2025-10-11'],
});
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('due time in hours', () => {
  it('is clock time, holidays or not', () => {
    expect(iso(dueAt(at('2025-09-30T16:00:00'), { hours: 24 }, calendar))).toBe(iso(at('2025-10-01T16:00:00')));
    expect(iso(dueAt(at('2025-10-03T09:15:00'), { hours: 4 }, calendar))).toBe(iso(at('2025-10-03T13:15:00')));
  });
});

describe('due time in working days (17:30 China Standard Time of the Nth working day after creation)', () => {
  const cases: [string, number, string][] = [
    // An ordinary Monday: Tuesday, then Wednesday …
    ['2025-09-15T10:00:00', 1, '2025-09-16T17:30:00'],
    ['2025-09-15T10:00:00', 5, '2025-09-22T17:30:00'],
    // Friday: the weekend is skipped.
    ['2025-09-19T16:00:00', 1, '2025-09-22T17:30:00'],
    // Saturday 09-27: Sunday 09-28 is an adjusted working day.
    ['2025-09-27T11:00:00', 1, '2025-09-28T17:30:00'],
    // Created late on 09-30: the holiday week is skipped, 10-09 is the first working day.
    ['2025-09-30T23:50:00', 1, '2025-10-09T17:30:00'],
    ['2025-09-30T08:00:00', 2, '2025-10-10T17:30:00'],
    // Saturday 10-11 is worked.
    ['2025-09-30T08:00:00', 3, '2025-10-11T17:30:00'],
    ['2025-09-30T08:00:00', 4, '2025-10-13T17:30:00'],
    // Created during the holiday.
    ['2025-10-03T12:00:00', 1, '2025-10-09T17:30:00'],
    // Just after midnight China time is already the next day (UTC is still the day before).
    ['2025-09-26T00:30:00', 1, '2025-09-28T17:30:00'],
  ];
  it.each(cases)('created %s + %i working days → %s', (created, n, due) => {
    expect(iso(dueAt(at(created), { workingDays: n }, calendar))).toBe(iso(at(due)));
  });

  it('knows which days are worked', () => {
    expect(isWorkingDay('2025-09-28', calendar)).toBe(true);
    expect(isWorkingDay('2025-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2025-10-12', calendar)).toBe(false);
    expect(chinaDateOf(at('2025-09-26T00:30:00'))).toBe('2025-09-26');
  });

  it('always lands on a working day after the day of creation, strictly later for more days', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 20 }), (offset, n) => {
        const day = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(day, n, calendar);
        expect(due > day).toBe(true);
        expect(isWorkingDay(due, calendar)).toBe(true);
        expect(addWorkingDays(day, n + 1, calendar) > due).toBe(true);
      }),
    );
  });
});
