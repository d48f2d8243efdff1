import { describe, expect, it } from 'vitest';
import { formatFen, formatPermille } from './money';

describe('money on the phone', () => {
  it('formats fen as yuan with two decimals, without floating point', () => {
    expect(formatFen(1234)).toBe('¥12.34');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(40_000)).toBe('¥400.00');
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(-5_600)).toBe('-¥56.00');
    // 0.1 + 0.2 style noise cannot appear: 1 fen short of a round sum stays exact.
    expect(formatFen(10_000_000 - 1)).toBe('¥99,999.99');
  });

  it('formats per-mille coefficients as a factor', () => {
    expect(formatPermille(1000)).toBe('×1.00');
    expect(formatPermille(1200)).toBe('×1.20');
    expect(formatPermille(850)).toBe('×0.85');
    expect(formatPermille(1125)).toBe('×1.125');
    expect(formatPermille(0)).toBe('×0.00');
  });
});
