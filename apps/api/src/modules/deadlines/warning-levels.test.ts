import { WARNING_LEVELS } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, levelFor, severity, usableThresholds } from './warning-levels.js';

describe('levelFor (default thresholds 30, 15, 7, 3)', () => {
  it.each([
    [null, 'none'],
    [365, 'none'],
    [31, 'none'],
    [30, '30'],
    [20, '30'],
    [16, '30'],
    [15, '15'],
    [10, '15'],
    [8, '15'],
    [7, '7'],
    [5, '7'],
    [4, '7'],
    [3, '3'],
    [2, '3'],
    [0, '3'],
    [-1, 'overdue'],
    [-400, 'overdue'],
  ] as const)('%s days left → %s', (days, level) => {
    expect(levelFor(days)).toBe(level);
  });

  it('follows thresholds an administrator moved', () => {
    const thresholds = [60, 20, 10, 1];
    expect(levelFor(45, thresholds)).toBe('30');
    expect(levelFor(20, thresholds)).toBe('15');
    expect(levelFor(11, thresholds)).toBe('15');
    expect(levelFor(10, thresholds)).toBe('7');
    expect(levelFor(2, thresholds)).toBe('7');
    expect(levelFor(1, thresholds)).toBe('3');
    expect(levelFor(0, thresholds)).toBe('3');
    expect(levelFor(61, thresholds)).toBe('none');
  });

  it('with a zero last threshold, only the deadline day itself is in the last band', () => {
    expect(levelFor(0, [30, 15, 7, 0])).toBe('3');
    expect(levelFor(1, [30, 15, 7, 0])).toBe('7');
  });
});

const thresholdsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 365 }), { minLength: 4, maxLength: 4 })
  .map((t) => [...t].sort((a, b) => b - a));

describe('levelFor properties', () => {
  it('is monotone: fewer days left never gives a less urgent level', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 400 }), (t, days, more) => {
        expect(severity(levelFor(days, t))).toBeGreaterThanOrEqual(severity(levelFor(days + more, t)));
      }),
    );
  });

  it('is overdue exactly when days left are negative, and none beyond the first threshold', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: -1000, max: 1000 }), (t, days) => {
        const level = levelFor(days, t);
        expect(level === 'overdue').toBe(days < 0);
        expect(level === 'none').toBe(days > t[0]);
      }),
    );
  });

  it('puts a day count in the band whose threshold is the smallest one not below it', () => {
    fc.assert(
      fc.property(thresholdsArb, fc.integer({ min: 0, max: 365 }), (t, days) => {
        const level = levelFor(days, t);
        if (level === 'none') return;
        const band = ['30', '15', '7', '3'].indexOf(level);
        expect(days).toBeLessThanOrEqual(t[band]);
        if (band < 3) expect(days).toBeGreaterThan(t[band + 1]);
      }),
    );
  });
});

describe('helpers', () => {
  it('ranks levels none < 30 < 15 < 7 < 3 < overdue', () => {
    expect(WARNING_LEVELS.map(severity)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(severity('unknown')).toBe(0);
  });

  it('counts days between dates across months and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-05', '2026-01-05')).toBe(0);
  });

  it('falls back to the default thresholds for unusable stored values', () => {
    expect(usableThresholds([40, 20, 10, 5])).toEqual([40, 20, 10, 5]);
    expect(usableThresholds([5, 10, 20, 40])).toEqual([30, 15, 7, 3]);
    expect(usableThresholds(null)).toEqual([30, 15, 7, 3]);
    expect(usableThresholds([30, 15, 7])).toEqual([30, 15, 7, 3]);
  });
});
