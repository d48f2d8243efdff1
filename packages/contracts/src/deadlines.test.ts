import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEDUCTION_KIND_NAMES,
  DEDUCTION_KINDS,
  daysInMonth,
  deadlineCalendar,
  deadlineRequest,
  isCalendarDate,
  isDeadlineRequest,
  PROCEDURE_CODES,
  TRIAL_LIMITS,
} from './deadlines.js';

describe('isCalendarDate', () => {
  it.each([
    ['2026-01-05', true],
    ['2026-02-28', true],
    ['2028-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400: leap
    ['2026-12-31', true],
    ['1900-01-01', true],
    ['2199-12-31', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2027-02-29', false], // not a leap year
    ['2100-02-29', false], // divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-05', false],
    ['2026-01-5', false],
    ['2026/01/05', false],
    ['2026-01-05T00:00:00Z', false],
    [' 2026-01-05', false],
    ['２０２６-01-05', false], // full-width digits
    ['1899-12-31', false], // outside the plausible range
    ['2200-01-01', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isCalendarDate(input)).toBe(expected);
  });

  it('rejects non-strings', () => {
    for (const value of [null, undefined, 20260105, {}, ['2026-01-05']]) expect(isCalendarDate(value)).toBe(false);
  });

  it('agrees with the UTC Date oracle on every YYYY-MM-DD shape in range', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const date = new Date(Date.UTC(y, m - 1, d));
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDate(s)).toBe(real);
      }),
    );
  });

  it('daysInMonth matches the Date oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate());
      }),
    );
  });
});

describe('TRIAL_LIMITS', () => {
  it('holds exactly the issue’s table', () => {
    const lengths = Object.fromEntries(
      Object.entries(TRIAL_LIMITS).map(([code, l]) => [code, l.months !== undefined ? `${l.months}m` : `${l.days}d`]),
    );
    expect(lengths).toEqual({
      'civil-first-ordinary': '6m',
      'civil-first-simple': '3m',
      'civil-small-claims': '2m',
      'civil-second-judgment': '3m',
      'civil-second-ruling': '30d',
      'civil-special': '30d',
      'criminal-first-ordinary': '2m',
      'criminal-first-simple': '20d',
      'criminal-fast-track': '10d',
      'criminal-second': '2m',
      'admin-first-ordinary': '6m',
      'admin-first-simple': '45d',
      'admin-second': '3m',
      enforcement: '6m',
      'pre-filing-mediation': '30d',
    });
  });

  it('has one entry per procedure code, each with exactly one length and both names', () => {
    expect(Object.keys(TRIAL_LIMITS).sort()).toEqual([...PROCEDURE_CODES].sort());
    for (const limit of Object.values(TRIAL_LIMITS)) {
      expect((limit.months === undefined) !== (limit.days === undefined)).toBe(true);
      expect(limit.zh).toMatch(/\p{Script=Han}/u);
      expect(limit.en.length).toBeGreaterThan(3);
    }
  });

  it('names every deduction kind', () => {
    expect(DEDUCTION_KINDS).toEqual([
      'announcement',
      'appraisal',
      'jurisdiction-objection',
      'suspension',
      'settlement',
      'awaiting-reply',
      'supplementary-investigation',
      'other',
    ]);
    for (const kind of DEDUCTION_KINDS) expect(DEDUCTION_KIND_NAMES[kind].zh).toBeTruthy();
  });
});

describe('deadlineRequest', () => {
  const trial = {
    type: 'trial',
    procedure: 'civil-first-ordinary',
    filedOn: '2026-01-05',
    extensions: [{ months: 6 }],
    deductions: [{ kind: 'announcement', from: '2026-02-01', to: '2026-03-02' }],
  };
  const period = {
    type: 'period',
    from: '2026-04-30',
    days: 15,
    calendar: { holidays: ['2026-05-01', '2026-05-02'], workdays: ['2026-05-09'] },
  };
  const issues = (input: unknown) => {
    const r = deadlineRequest.safeParse(input);
    return r.success
      ? []
      : r.error.issues.map((i) => ({ path: i.path.join('.'), code: (i as { params?: { code?: string } }).params?.code ?? i.code }));
  };

  it('accepts the issue’s two examples', () => {
    expect(deadlineRequest.parse(trial)).toEqual(trial);
    expect(deadlineRequest.parse(period)).toEqual(period);
  });

  it('accepts minimal requests: no extensions, no deductions, no calendar, a one-day deduction', () => {
    expect(issues({ type: 'trial', procedure: 'enforcement', filedOn: '2026-01-05' })).toEqual([]);
    expect(issues({ type: 'period', from: '2026-01-05', months: 1 })).toEqual([]);
    expect(issues({ ...trial, deductions: [{ kind: 'other', from: '2026-02-01', to: '2026-02-01' }] })).toEqual([]);
  });

  it('defaults missing calendar lists to empty', () => {
    expect(deadlineCalendar.parse({ holidays: ['2026-10-01'] })).toEqual({ holidays: ['2026-10-01'], workdays: [] });
  });

  it.each([
    ['both days and months', { ...period, months: 1 }, [{ path: 'days', code: 'one_length' }]],
    ['neither days nor months', { type: 'period', from: '2026-04-30' }, [{ path: 'days', code: 'one_length' }]],
    ['extension with both', { ...trial, extensions: [{ months: 1, days: 1 }] }, [{ path: 'extensions.0.days', code: 'one_length' }]],
    ['extension with neither', { ...trial, extensions: [{}] }, [{ path: 'extensions.0.days', code: 'one_length' }]],
    ['zero days', { ...period, days: 0 }, [{ path: 'days', code: 'too_small' }]],
    [
      'to before from',
      { ...trial, deductions: [{ kind: 'appraisal', from: '2026-02-10', to: '2026-02-09' }] },
      [{ path: 'deductions.0.to', code: 'date_order' }],
    ],
    ['unknown procedure', { ...trial, procedure: 'civil-third' }, [{ path: 'procedure', code: 'invalid_value' }]],
    [
      'unknown deduction kind',
      { ...trial, deductions: [{ kind: 'holiday', from: '2026-02-01', to: '2026-02-02' }] },
      [{ path: 'deductions.0.kind', code: 'invalid_value' }],
    ],
    ['bad filing date', { ...trial, filedOn: '2026-02-30' }, [{ path: 'filedOn', code: 'invalid_date' }]],
    ['bad month', { ...period, from: '2026-13-01' }, [{ path: 'from', code: 'invalid_date' }]],
    [
      'bad holiday',
      { ...period, calendar: { holidays: ['2026-02-29'], workdays: [] } },
      [{ path: 'calendar.holidays.0', code: 'invalid_date' }],
    ],
    [
      'date both holiday and workday',
      { ...period, calendar: { holidays: ['2026-05-01'], workdays: ['2026-05-01'] } },
      [{ path: 'calendar.workdays.0', code: 'calendar_conflict' }],
    ],
    [
      'calendar on a trial (limits never move for holidays)',
      { ...trial, calendar: period.calendar },
      [{ path: '', code: 'unrecognized_keys' }],
    ],
    ['unknown field', { ...period, note: 'x' }, [{ path: '', code: 'unrecognized_keys' }]],
  ])('rejects %s', (_name, input, expected) => {
    expect(issues(input)).toEqual(expected);
  });

  it('does not compare dates when one is invalid (reports only the bad date)', () => {
    const input = { ...trial, deductions: [{ kind: 'appraisal', from: '2026-02-31', to: '2026-02-01' }] };
    expect(issues(input)).toEqual([{ path: 'deductions.0.from', code: 'invalid_date' }]);
  });

  it('survives wrong types inside a calendar', () => {
    expect(issues({ ...period, calendar: { holidays: 5, workdays: ['2026-05-09'] } })).toEqual([
      { path: 'calendar.holidays', code: 'invalid_type' },
    ]);
  });
});

describe('isDeadlineRequest (the fast check)', () => {
  // Mostly-valid requests with occasional faults, so both answers are common.
  const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) =>
    fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: invalid, weight: 1 });
  const date = mostly(
    fc.constantFrom('2026-01-05', '2026-02-28', '2026-02-01', '2026-03-02', '2028-02-29', '2026-10-01', '2026-05-09'),
    fc.constantFrom('2026-02-30', '2026-13-01', '2026-1-05', '1899-12-31', '', 20260105, null),
  );
  const days = mostly(fc.integer({ min: 1, max: 3650 }), fc.constantFrom(0, -1, 3651, 1.5, Number.NaN, '15', null));
  const months = mostly(fc.integer({ min: 1, max: 120 }), fc.constantFrom(0, 121, 2.5, '6', null));
  const lengthFields = fc.oneof(
    { arbitrary: fc.record({ days }), weight: 4 },
    { arbitrary: fc.record({ months }), weight: 4 },
    { arbitrary: fc.record({ days, months }), weight: 1 },
    { arbitrary: fc.constant({}), weight: 1 },
  );
  const extra = mostly(fc.constant({}), fc.oneof(fc.record({ note: fc.jsonValue() }), fc.record({ calendar: fc.constant({}) })));
  const withExtra = <T extends object>(base: fc.Arbitrary<T>) => fc.tuple(base, extra).map(([v, e]) => ({ ...v, ...e }));
  const deduction = withExtra(
    fc.record({ kind: mostly(fc.constantFrom(...DEDUCTION_KINDS), fc.constant('holiday')), from: date, to: date }),
  );
  const calendar = withExtra(
    fc.record({ holidays: fc.array(date, { maxLength: 4 }), workdays: fc.array(date, { maxLength: 3 }) }, { requiredKeys: [] }),
  );
  const trialLike = withExtra(
    fc.record(
      {
        type: fc.constant('trial'),
        procedure: mostly(fc.constantFrom(...PROCEDURE_CODES), fc.constantFrom('civil-third', 7)),
        filedOn: date,
        extensions: fc.array(withExtra(lengthFields), { maxLength: 3 }),
        deductions: fc.array(deduction, { maxLength: 3 }),
      },
      { requiredKeys: ['type', 'procedure', 'filedOn'] },
    ),
  );
  const periodLike = fc
    .tuple(fc.record({ type: fc.constant('period'), from: date, calendar }, { requiredKeys: ['type', 'from'] }), lengthFields, extra)
    .map(([v, l, e]) => ({ ...v, ...l, ...e }));
  const dropAKey = fc.tuple(fc.oneof(trialLike, periodLike), fc.nat()).map(([v, n]) => {
    const keys = Object.keys(v);
    const { [keys[n % keys.length]]: _dropped, ...rest } = v as Record<string, unknown>;
    return rest;
  });
  const anything = fc.oneof(
    { arbitrary: trialLike, weight: 4 },
    { arbitrary: periodLike, weight: 4 },
    { arbitrary: dropAKey, weight: 1 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  );

  it('never accepts what the schema rejects, and agrees with it on these shapes', () => {
    fc.assert(
      fc.property(anything, (input) => {
        expect(isDeadlineRequest(input)).toBe(deadlineRequest.safeParse(input).success);
      }),
      { numRuns: 5000 },
    );
  });

  it('meets both answers often in that sample (the property is not vacuous)', () => {
    const sample = fc.sample(anything, { numRuns: 5000, seed: 1 });
    const valid = sample.filter((v) => deadlineRequest.safeParse(v).success).length;
    expect(valid).toBeGreaterThan(1000);
    expect(sample.length - valid).toBeGreaterThan(1000);
  });

  it('uses a given calendar check', () => {
    const request = { type: 'period', from: '2026-04-30', days: 15, calendar: { holidays: [] } };
    expect(isDeadlineRequest(request)).toBe(true);
    expect(isDeadlineRequest(request, () => false)).toBe(false);
  });
});
