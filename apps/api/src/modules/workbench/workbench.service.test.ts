import { describe, expect, it } from 'vitest';
import { continuousDays } from './workbench.service.js';

describe('continuousDays', () => {
  it('fills missing days with zero, in China Standard Time, ending today', () => {
    // 2026-11-21T20:00Z is already 2026-11-22 in Beijing.
    const today = new Date('2026-11-21T20:00:00Z');
    const result = continuousDays([{ day: '2026-11-20', count: 4 }], 3, today);
    expect(result).toEqual([
      { day: '2026-11-20', count: 4 },
      { day: '2026-11-21', count: 0 },
      { day: '2026-11-22', count: 0 },
    ]);
  });

  it('always returns the asked number of days', () => {
    expect(continuousDays([], 14)).toHaveLength(14);
  });
});
