import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthBounds, monthsEndingWith, runState, yuanText } from './months.js';

describe('monthBounds', () => {
  it.each([
    ['2026-01', '2026-01-01', '2026-01-31'],
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2100-02', '2100-02-01', '2100-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2026-04', '2026-04-01', '2026-04-30'],
    ['2026-12', '2026-12-01', '2026-12-31'],
  ])('%s runs from %s to %s', (month, first, last) => {
    expect(monthBounds(month)).toEqual({ first, last });
  });

  it('the day after the last is the first of the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const { last } = monthBounds(`${y}-${String(m).padStart(2, '0')}`);
        const next = new Date(`${last}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        expect(next.getUTCDate()).toBe(1);
      }),
    );
  });
});

describe('monthsEndingWith', () => {
  it.each([
    [
      '2026-10',
      ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
    ],
    [
      '2026-12',
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'],
    ],
  ])('twelve months ending with %s', (last, months) => {
    expect(monthsEndingWith(last)).toEqual(months);
  });

  it('gives consecutive, increasing months that end with the one asked for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 24 }), (y, m, n) => {
        const last = `${y}-${String(m).padStart(2, '0')}`;
        const months = monthsEndingWith(last, n);
        expect(months).toHaveLength(n);
        expect(months[n - 1]).toBe(last);
        for (let i = 1; i < n; i++) {
          expect(months[i] > months[i - 1]).toBe(true);
          expect(monthsEndingWith(months[i], 2)[0]).toBe(months[i - 1]);
        }
      }),
    );
  });
});

describe('runState', () => {
  it.each([
    ['draft', null, '2026-11-22', 'draft'],
    ['published', '2026-11-27', '2026-11-22', 'published'],
    ['published', '2026-11-27', '2026-11-27', 'published'],
    ['published', '2026-11-27', '2026-11-28', 'final'],
    ['published', null, '2026-11-28', 'published'],
  ] as const)('%s until %s on %s is %s', (status, until, today, state) => {
    expect(runState(status, until, today)).toBe(state);
  });
});

describe('yuanText', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [100, '1.00'],
    [40_000, '400.00'],
    [123_456_789, '1234567.89'],
    [-5_600, '-56.00'],
  ])('%i fen is %s 元', (fen, text) => {
    expect(yuanText(fen)).toBe(text);
  });

  it('reads back to the same fen for every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const [whole, cents] = yuanText(fen).split('.');
        expect(cents).toHaveLength(2);
        expect(BigInt(whole) * 100n + BigInt(cents)).toBe(BigInt(fen));
      }),
    );
  });

  it('refuses what is not a safe integer', () => {
    expect(() => yuanText(1.5)).toThrow(RangeError);
  });
});
