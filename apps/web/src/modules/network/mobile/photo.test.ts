import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitWithin, MAX_SIDE } from './photo';

describe('photo size on the phone', () => {
  it.each([
    [4000, 3000, 1600, 1200],
    [3000, 4000, 1200, 1600],
    [1600, 900, 1600, 900],
    [800, 600, 800, 600],
    [1, 1, 1, 1],
    [10000, 10, 1600, 2],
  ])('%i×%i → %i×%i', (w, h, ew, eh) => {
    expect(fitWithin(w, h)).toEqual({ width: ew, height: eh });
  });
  it('never enlarges, never exceeds the limit, keeps the shape within a pixel', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12000 }), fc.integer({ min: 1, max: 12000 }), (w, h) => {
        const r = fitWithin(w, h);
        expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(Math.max(MAX_SIDE, 1));
        expect(r.width).toBeLessThanOrEqual(w);
        expect(r.height).toBeLessThanOrEqual(h);
        const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
        expect(Math.abs(r.width - w * scale)).toBeLessThanOrEqual(1);
        expect(Math.abs(r.height - h * scale)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
