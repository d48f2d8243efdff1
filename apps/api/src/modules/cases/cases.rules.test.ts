import { describe, expect, it } from 'vitest';
import { addDaysIso, chinaToday, maskIdNumber, requiredRolesMissing } from './cases.rules.js';

describe('cases rules', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['123', '***'],
  ])('masks %s as %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDaysIso(date, days)).toBe(expected);
  });

  it('reckons today in China Standard Time', () => {
    expect(chinaToday(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(chinaToday(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
  });

  it('names the parties a case type cannot be filed without', () => {
    expect(requiredRolesMissing('民初', ['plaintiff']).map((r) => r.zh)).toEqual(['被告']);
    expect(requiredRolesMissing('执', ['enforcement-applicant', 'enforcement-respondent'])).toEqual([]);
  });
});
