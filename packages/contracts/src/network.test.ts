import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AGE_BANDS,
  ageBandOf,
  ageOn,
  isTenthOfHour,
  maskIdCard,
  maskPhone,
  normaliseAreaNames,
  shareOf,
  stationAreaNames,
  updateStationRequest,
} from './network.js';

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['0431-88886666', '043******6666'],
    ['1234567', '*******'],
    ['', ''],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps the length and never shows the middle digits of a mobile number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3) + masked.slice(7)).toBe(phone.slice(0, 3) + phone.slice(7));
      }),
    );
  });
});

describe('maskIdCard', () => {
  it.each([
    ['220102198503152713', '2201**********2713'],
    ['11010519491231002X', '1101**********002X'],
    ['12345678', '********'],
  ])('%s → %s', (id, masked) => {
    expect(maskIdCard(id)).toBe(masked);
  });

  it('hides the birth date of every 18-character number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskIdCard(id);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
      }),
    );
  });
});

describe('ageOn and ageBandOf', () => {
  it.each([
    ['1990-06-15', '2026-06-14', 35],
    ['1990-06-15', '2026-06-15', 36],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('born %s, on %s: %i', (birth, today, age) => {
    expect(ageOn(birth, today)).toBe(age);
  });

  it.each([
    [null, 'unknown'],
    ['2000-01-01', 'under-30'],
    ['1996-11-22', '30-39'],
    ['1996-11-23', 'under-30'],
    ['1980-01-01', '40-49'],
    ['1970-01-01', '50-59'],
    ['1966-11-22', '60-plus'],
    ['1940-01-01', '60-plus'],
  ] as const)('born %s → %s (on 2026-11-22)', (birth, band) => {
    expect(ageBandOf(birth, '2026-11-22')).toBe(band);
  });

  it('puts every age in exactly one band', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), (age) => {
        expect(AGE_BANDS.filter((b) => age >= b.from && (b.to === null || age < b.to))).toHaveLength(1);
      }),
    );
  });
});

describe('shareOf', () => {
  it.each([
    [0, 0, 0],
    [7, 10, 0.7],
    [2, 3, 0.6667],
    [3, 3, 1],
  ])('%i of %i → %f', (part, whole, share) => {
    expect(shareOf(part, whole)).toBe(share);
  });

  it('lies in [0, 1] for a part of a whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (whole, f) => {
        const share = shareOf(Math.floor(whole * f), whole);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('isTenthOfHour', () => {
  it.each([
    [2, true],
    [2.5, true],
    [0.1, true],
    [1.25, false],
    [Number.NaN, false],
  ])('%f → %s', (hours, ok) => {
    expect(isTenthOfHour(hours)).toBe(ok);
  });
});

describe('the areas a station serves', () => {
  it('trims, drops empty entries and keeps the first spelling of each place, in order', () => {
    expect(normaliseAreaNames([' 红旗村 ', '兴隆村', '红旗村', '', '  ', '红 旗村', 'ＡＢ社区', 'AB社区'])).toEqual([
      '红旗村',
      '兴隆村',
      'ＡＢ社区',
    ]);
  });
  it('parses to the normalised list', () => {
    expect(stationAreaNames.parse(['红旗村 ', '红旗村', '柳树屯村'])).toEqual(['红旗村', '柳树屯村']);
  });
  it('names each entry too short or too long where it stands, with a code that has messages', () => {
    const result = stationAreaNames.safeParse(['红旗村', '村', 'x'.repeat(41), 'x'.repeat(40), ' 村 ']);
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => [i.path.join('.'), (i as { params?: { code?: string } }).params?.code]);
    expect(issues).toEqual([
      ['1', 'area_name_length'],
      ['2', 'area_name_length'],
      ['4', 'area_name_length'],
    ]);
  });
  it('counts at most 100 distinct names; duplicates do not count', () => {
    const names = Array.from({ length: 100 }, (_, i) => `第${i + 1}村`);
    expect(stationAreaNames.parse([...names, ...names])).toHaveLength(100);
    const over = stationAreaNames.safeParse([...names, '第101村']);
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]).toMatchObject({ path: [], params: { code: 'area_names_count' } });
  });
  it('an edit may leave the list out, or empty it', () => {
    expect(updateStationRequest.parse({ version: 1 }).areaNames).toBeUndefined();
    expect(updateStationRequest.parse({ version: 1, areaNames: [] }).areaNames).toEqual([]);
  });
});
