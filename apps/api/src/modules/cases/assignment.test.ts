import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawJudge, weightOf } from './assignment.js';

describe('drawJudge', () => {
  it('returns null when nobody is eligible', () => {
    expect(drawJudge([], 0.5)).toBeNull();
  });

  it.each([
    // two judges, loads 0 and 1: weights 1 and 0.5, so the first takes [0, 2/3)
    [0, 1],
    [0.66, 1],
    [0.67, 2],
    [0.999, 2],
  ])('random %s draws judge %s', (random, expected) => {
    expect(
      drawJudge(
        [
          { judgeId: 1, openCases: 0 },
          { judgeId: 2, openCases: 1 },
        ],
        random,
      )?.judgeId,
    ).toBe(expected);
  });

  it('always draws one of the candidates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (loads, r) => {
          const candidates = loads.map((openCases, i) => ({ judgeId: i + 1, openCases }));
          expect(candidates).toContain(drawJudge(candidates, r));
        },
      ),
    );
  });

  it('over many draws, shares follow the weights (a lighter caseload is drawn more)', () => {
    const candidates = [
      { judgeId: 1, openCases: 0 },
      { judgeId: 2, openCases: 1 },
      { judgeId: 3, openCases: 3 },
    ];
    const counts = new Map<number, number>();
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      const picked = drawJudge(candidates, (i + 0.5) / n);
      counts.set(picked?.judgeId ?? 0, (counts.get(picked?.judgeId ?? 0) ?? 0) + 1);
    }
    const total = candidates.reduce((s, c) => s + weightOf(c), 0);
    for (const c of candidates) expect((counts.get(c.judgeId) ?? 0) / n).toBeCloseTo(weightOf(c) / total, 3);
  });
});
