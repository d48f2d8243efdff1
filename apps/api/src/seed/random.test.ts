import { describe, expect, it } from 'vitest';
import { chineseName, mobilePhone, seededRandom } from './random.js';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within bounds', () => {
    const r = seededRandom(1);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
  });

  it('makes plausible names and mobile numbers', () => {
    const r = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      expect(chineseName(r)).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(mobilePhone(r)).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});
