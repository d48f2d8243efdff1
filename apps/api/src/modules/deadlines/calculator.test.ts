import type { Calendar, DeadlineDeduction, PeriodRequest, TrialLimits, TrialRequest } from '@courtassist/contracts';
import { DEDUCTION_KINDS, deadlineResult, PROCEDURE_CODES, TRIAL_LIMITS } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR_2026 } from './calculator.bench-fixture.js';
import {
  addDays,
  addMonths,
  CalendarRequiredError,
  compute,
  computePeriod,
  computeTrialLimit,
  mergeDeductions,
  RULES,
} from './calculator.js';
import { compileCalendar, formatDay, isRestDay, parseDay } from './calendar-rules.js';

const trial = (over: Partial<TrialRequest> = {}): TrialRequest => ({
  type: 'trial',
  procedure: 'civil-first-ordinary',
  filedOn: '2026-01-05',
  ...over,
});
const period = (from: string, length: { days: number } | { months: number }, calendar?: Calendar): PeriodRequest => ({
  type: 'period',
  from,
  ...length,
  ...(calendar ? { calendar } : {}),
});
const deduction = (from: string, to: string, kind: DeadlineDeduction['kind'] = 'announcement'): DeadlineDeduction => ({ kind, from, to });
const NO_HOLIDAYS: Calendar = { holidays: [], workdays: [] };

describe('rule 1: adding days (the day of the event is not counted)', () => {
  it.each([
    ['2026-01-05', 30, '2026-02-04', 'the issue’s example'],
    ['2026-12-20', 15, '2027-01-04', 'year boundary'],
    ['2026-12-31', 1, '2027-01-01', 'new year'],
    ['2028-02-28', 1, '2028-02-29', 'leap day exists in 2028'],
    ['2027-02-28', 1, '2027-03-01', 'no leap day in 2027'],
    ['2100-02-28', 1, '2100-03-01', '2100 is not a leap year'],
    ['2000-02-28', 1, '2000-02-29', '2000 is a leap year'],
    ['2026-01-05', 365, '2027-01-05', 'a whole common year'],
    ['2028-01-05', 366, '2029-01-05', 'a whole leap year'],
  ])('%s + %i days = %s (%s)', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
    expect(addDays(parseDay(from), n)).toBe(parseDay(expected));
  });
});

describe('rule 2: adding months (same day of month, else the month’s last day)', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28', 'February is short'],
    ['2026-01-05', 6, '2026-07-05', 'the issue’s example'],
    ['2026-03-31', 1, '2026-04-30', 'April has 30 days'],
    ['2026-05-31', 1, '2026-06-30', 'June has 30 days'],
    ['2028-01-31', 1, '2028-02-29', 'leap February'],
    ['2027-02-28', 1, '2027-03-28', 'a month end does not stick'],
    ['2028-02-29', 12, '2029-02-28', 'leap day a year on'],
    ['2028-02-29', 48, '2032-02-29', 'leap day four years on'],
    ['2026-08-31', 6, '2027-02-28', 'over the year end into February'],
    ['2026-11-30', 3, '2027-02-28', 'the 30th into February'],
    ['2026-12-15', 1, '2027-01-15', 'December to January'],
    ['2026-10-31', 2, '2026-12-31', 'a 31st to a 31st'],
    ['2026-01-29', 1, '2026-02-28', 'the 29th in a common February'],
    ['2026-01-05', 120, '2036-01-05', 'ten years'],
  ])('%s + %i months = %s (%s)', (from, n, expected) => {
    expect(addMonths(from, n)).toBe(expected);
    expect(addMonths(parseDay(from), n)).toBe(parseDay(expected));
  });

  it('matches a Date-based oracle', () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDay('1900-01-01'), max: parseDay('2199-12-31') }), fc.integer({ min: 0, max: 240 }), (day, n) => {
        const d = new Date(day * 86_400_000);
        const months = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
        const y = Math.floor(months / 12);
        const m = months % 12;
        const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
        expect(addMonths(day, n)).toBe(Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 86_400_000);
      }),
    );
  });

  it('is monotone in the date and in the number of months', () => {
    const day = fc.integer({ min: parseDay('1990-01-01'), max: parseDay('2100-12-31') });
    const n = fc.integer({ min: 0, max: 200 });
    fc.assert(
      fc.property(day, day, n, n, (a, b, m1, m2) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [few, many] = m1 <= m2 ? [m1, m2] : [m2, m1];
        expect(addMonths(lo, few)).toBeLessThanOrEqual(addMonths(hi, few));
        expect(addMonths(lo, few)).toBeLessThanOrEqual(addMonths(lo, many));
      }),
    );
  });
});

describe('rule 3: trial limits', () => {
  it('computes the issue’s command-line example as 2027-02-04', () => {
    // By hand: filed 2026-01-05 + 6 months (civil first instance, ordinary) = 2026-07-05 (rule 2);
    // + the approved 6-month extension = 2027-01-05 (rule 2 on the running deadline);
    // announcement 2026-02-01..2026-03-02 counted inclusively = 28 days of February 2026
    // (not a leap year) + 2 days of March = 30 days; 2027-01-05 + 30 days = 2027-02-04 (rule 1).
    const result = computeTrialLimit(trial({ extensions: [{ months: 6 }], deductions: [deduction('2026-02-01', '2026-03-02')] }));
    expect(result).toEqual({
      deadline: '2027-02-04',
      steps: [
        { rule: RULES.addMonths, date: '2026-07-05', detail: '审限 6个月 (limit: 6 months)' },
        { rule: RULES.addMonths, date: '2027-01-05', detail: '延长 6个月 (extension: 6 months)' },
        { rule: RULES.deduction, date: '2027-02-04', detail: '扣除 30日：2026-02-01至2026-03-02 (30 days deducted)' },
      ],
    });
    expect(() => deadlineResult.parse(result)).not.toThrow();
  });

  it.each([
    ['civil-first-ordinary', '2026-07-05'],
    ['civil-first-simple', '2026-04-05'],
    ['civil-small-claims', '2026-03-05'],
    ['civil-second-judgment', '2026-04-05'],
    ['civil-second-ruling', '2026-02-04'],
    ['civil-special', '2026-02-04'],
    ['criminal-first-ordinary', '2026-03-05'],
    ['criminal-first-simple', '2026-01-25'],
    ['criminal-fast-track', '2026-01-15'],
    ['criminal-second', '2026-03-05'],
    ['admin-first-ordinary', '2026-07-05'],
    ['admin-first-simple', '2026-02-19'],
    ['admin-second', '2026-04-05'],
    ['enforcement', '2026-07-05'],
    ['pre-filing-mediation', '2026-02-04'],
  ] as const)('%s filed 2026-01-05 → %s', (procedure, expected) => {
    expect(computeTrialLimit(trial({ procedure })).deadline).toBe(expected);
  });

  it('covers every procedure code in the table above', () => {
    expect(PROCEDURE_CODES).toHaveLength(15);
  });

  it('is not moved for holidays (ends on National Day 2026-10-01 and stays)', () => {
    expect(computeTrialLimit(trial({ filedOn: '2026-04-01' })).deadline).toBe('2026-10-01');
  });

  it('uses month ends: filed 2026-08-31, 6 months → 2027-02-28', () => {
    expect(computeTrialLimit(trial({ filedOn: '2026-08-31' })).deadline).toBe('2027-02-28');
  });

  it('adds extensions in order to the running deadline (months then days)', () => {
    // 2026-01-31 + 6 months = 2026-07-31; + 1 month = 2026-08-31; + 6 months = 2027-02-28; + 30 days = 2027-03-30.
    const result = computeTrialLimit(trial({ filedOn: '2026-01-31', extensions: [{ months: 1 }, { months: 6 }, { days: 30 }] }));
    expect(result.steps.map((s) => s.date)).toEqual(['2026-07-31', '2026-08-31', '2027-02-28', '2027-03-30']);
    expect(result.steps.map((s) => s.rule)).toEqual([RULES.addMonths, RULES.addMonths, RULES.addMonths, RULES.addDays]);
    expect(result.steps[3].detail).toBe('延长 30日 (extension: 30 days)');
  });

  it('respects the order of extensions, which matters at month ends', () => {
    // Filed 2026-01-30, criminal first instance 2 months → 2026-03-30.
    const base = { procedure: 'criminal-first-ordinary', filedOn: '2026-01-30' } as const;
    expect(computeTrialLimit(trial({ ...base, extensions: [{ months: 1 }, { days: 1 }] })).deadline).toBe('2026-05-01');
    expect(computeTrialLimit(trial({ ...base, extensions: [{ days: 1 }, { months: 1 }] })).deadline).toBe('2026-04-30');
  });

  it('adds deductions after all extensions', () => {
    // 2026-07-05 + 1 month = 2026-08-05; + 3 deducted days = 2026-08-08.
    const result = computeTrialLimit(trial({ extensions: [{ months: 1 }], deductions: [deduction('2026-03-01', '2026-03-03')] }));
    expect(result.deadline).toBe('2026-08-08');
  });

  it.each([
    { name: 'one interval, inclusive', intervals: [['2026-02-01', '2026-02-20']], days: 20, runs: 1 },
    { name: 'a single day', intervals: [['2026-02-01', '2026-02-01']], days: 1, runs: 1 },
    {
      name: 'overlapping',
      intervals: [
        ['2026-02-01', '2026-02-10'],
        ['2026-02-05', '2026-02-15'],
      ],
      days: 15,
      runs: 1,
    },
    {
      name: 'adjacent (joined)',
      intervals: [
        ['2026-02-01', '2026-02-10'],
        ['2026-02-11', '2026-02-20'],
      ],
      days: 20,
      runs: 1,
    },
    {
      name: 'nested',
      intervals: [
        ['2026-02-01', '2026-02-28'],
        ['2026-02-10', '2026-02-12'],
      ],
      days: 28,
      runs: 1,
    },
    {
      name: 'identical twice',
      intervals: [
        ['2026-02-01', '2026-02-10'],
        ['2026-02-01', '2026-02-10'],
      ],
      days: 10,
      runs: 1,
    },
    {
      name: 'disjoint',
      intervals: [
        ['2026-02-01', '2026-02-10'],
        ['2026-03-01', '2026-03-10'],
      ],
      days: 20,
      runs: 2,
    },
    {
      name: 'given out of order',
      intervals: [
        ['2026-03-01', '2026-03-10'],
        ['2026-02-01', '2026-02-10'],
        ['2026-02-08', '2026-03-02'],
      ],
      days: 38,
      runs: 1,
    },
    { name: 'over a leap day', intervals: [['2028-02-28', '2028-03-01']], days: 3, runs: 1 },
    { name: 'over a year end', intervals: [['2026-12-30', '2027-01-02']], days: 4, runs: 1 },
    {
      name: 'with a one-day gap',
      intervals: [
        ['2026-02-01', '2026-02-10'],
        ['2026-02-12', '2026-02-20'],
      ],
      days: 19,
      runs: 2,
    },
  ])('counts deductions $name: $days days in $runs run(s)', ({ intervals, days, runs }) => {
    const deductions = intervals.map(([from, to]) => deduction(from, to));
    const merged = mergeDeductions(deductions);
    expect(merged.days).toBe(days);
    expect(merged.runs.length / 2).toBe(runs);
    const base = computeTrialLimit(trial()).deadline;
    expect(computeTrialLimit(trial({ deductions })).deadline).toBe(addDays(base, days));
  });

  it('names the merged runs and the total in the detail', () => {
    const result = computeTrialLimit(
      trial({
        deductions: [
          deduction('2026-03-01', '2026-03-01', 'suspension'),
          deduction('2026-02-05', '2026-02-10', 'appraisal'),
          deduction('2026-02-01', '2026-02-06', 'announcement'),
        ],
      }),
    );
    expect(result.steps.at(-1)?.detail).toBe('扣除 11日：2026-02-01至2026-02-10、2026-03-01 (11 days deducted)');
  });

  it('puts the rule text in every step', () => {
    const result = computeTrialLimit(trial({ extensions: [{ days: 10 }], deductions: [deduction('2026-02-01', '2026-02-02')] }));
    expect(result.steps.map((s) => s.rule)).toEqual([RULES.addMonths, RULES.addDays, RULES.deduction]);
    for (const rule of Object.values(RULES)) expect(rule).toMatch(/^规则\d \p{Script=Han}.* \(rule \d: [a-z].*\)$/u);
  });

  it('accepts a court’s own limits table', () => {
    const limits: TrialLimits = { ...TRIAL_LIMITS, 'civil-first-ordinary': { days: 100, zh: '测试', en: 'test' } };
    expect(computeTrialLimit(trial(), limits).deadline).toBe('2026-04-15');
  });

  it('refuses a procedure missing from the limits table', () => {
    expect(() => computeTrialLimit(trial({ procedure: 'nope' as TrialRequest['procedure'] }))).toThrow(RangeError);
  });
});

describe('rule 4: party periods', () => {
  const cal = OFFICIAL_CALENDAR_2026;

  it('computes the issue’s period example: 2026-04-30 + 15 days = 2026-05-15, a Friday', () => {
    const calendar = { holidays: ['2026-05-01', '2026-05-02'], workdays: ['2026-05-09'] };
    const result = computePeriod(period('2026-04-30', { days: 15 }, calendar), calendar);
    // A Friday and no holiday: one rule-1 step, nothing to move.
    expect(result).toEqual({
      deadline: '2026-05-15',
      steps: [{ rule: RULES.addDays, date: '2026-05-15', detail: '期间 15日 (period: 15 days)' }],
    });
  });

  it.each([
    ['2026-04-24', 15, '2026-05-09', 'ends on Sat May 9, an adjusted working day: stays'],
    ['2026-04-16', 15, '2026-05-06', 'ends on May 1: moves past the Labour Day run May 1–5'],
    ['2026-04-19', 15, '2026-05-06', 'ends on Mon May 4 inside the run'],
    ['2026-04-25', 15, '2026-05-11', 'ends on Sun May 10 after the workday Saturday: Monday'],
    ['2026-09-16', 15, '2026-10-08', 'ends on National Day: moves past Oct 1–7'],
    ['2026-09-22', 15, '2026-10-08', 'ends on Wed Oct 7, last day of the run'],
    ['2026-09-05', 15, '2026-09-20', 'ends on Sun Sep 20, an adjusted working day: stays'],
    ['2026-09-25', 15, '2026-10-10', 'ends on Sat Oct 10, an adjusted working day: stays'],
    ['2026-09-26', 15, '2026-10-12', 'ends on Sun Oct 11: Monday'],
    ['2026-09-10', 15, '2026-09-28', 'ends on Fri Sep 25, Mid-Autumn run Sep 25–27 (with a weekend): Monday'],
    ['2026-05-20', 30, '2026-06-22', 'ends on Fri Jun 19, Dragon Boat run Jun 19–21: Monday'],
    ['2026-01-30', 15, '2026-02-14', 'ends on Sat Feb 14, adjusted working day before Spring Festival'],
    ['2026-01-31', 15, '2026-02-24', 'ends on Feb 15: moves past the 9-day Spring Festival run'],
    ['2026-02-13', 15, '2026-02-28', 'ends on Sat Feb 28, adjusted working day'],
    ['2026-02-14', 15, '2026-03-02', 'ends on Sun Mar 1: Monday'],
    ['2025-12-17', 15, '2026-01-04', 'ends on Jan 1: past New Year Jan 1–3 to Sun Jan 4, an adjusted working day'],
    ['2026-06-19', 15, '2026-07-06', 'ends on an ordinary Saturday: Monday'],
    ['2026-12-20', 15, '2027-01-04', 'over the year end, a Monday'],
  ])('%s + %i days → %s (%s)', (from, days, expected) => {
    expect(computePeriod(period(from, { days }), cal).deadline).toBe(expected);
  });

  it('moves an end on New Year’s Day only as far as Sun Jan 4, the adjusted working day', () => {
    const result = computePeriod(period('2025-12-17', { days: 15 }), cal);
    expect(result.steps).toEqual([
      { rule: RULES.addDays, date: '2026-01-01', detail: '期间 15日 (period: 15 days)' },
      { rule: RULES.restDay, date: '2026-01-04', detail: '2026-01-01至2026-01-03为休息日 (rest days)' },
    ]);
  });

  it('moves past a holiday run and the weekend after it', () => {
    const thuFri = { holidays: ['2026-07-02', '2026-07-03'], workdays: [] };
    const result = computePeriod(period('2026-06-17', { days: 15 }), thuFri);
    expect(result.deadline).toBe('2026-07-06');
    expect(result.steps[1].detail).toBe('2026-07-02至2026-07-05为休息日 (rest days)');
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28', 'month end; Sat Feb 28 is an adjusted working day'],
    ['2026-03-31', 1, '2026-04-30', 'Thu Apr 30'],
    ['2026-04-04', 1, '2026-05-06', 'May 4 is a holiday'],
    ['2026-08-31', 1, '2026-09-30', 'Wed Sep 30'],
    ['2026-09-01', 1, '2026-10-08', 'Oct 1 is National Day'],
  ])('%s + %i month(s) → %s (%s)', (from, months, expected) => {
    const result = computePeriod(period(from, { months }), cal);
    expect(result.deadline).toBe(expected);
    expect(result.steps[0]).toMatchObject({
      rule: RULES.addMonths,
      detail: `期间 ${months}个月 (period: ${months} month${months === 1 ? '' : 's'})`,
    });
  });

  it('uses the request’s own calendar instead of the stored one', () => {
    const own = period('2026-09-16', { days: 15 }, NO_HOLIDAYS);
    expect(compute(own, cal).deadline).toBe('2026-10-01');
    expect(compute(period('2026-09-16', { days: 15 }), cal).deadline).toBe('2026-10-08');
    expect(compute(period('2026-09-16', { days: 15 }), compileCalendar(cal)).deadline).toBe('2026-10-08');
  });

  it('refuses a period with no calendar anywhere', () => {
    expect(() => compute(period('2026-09-16', { days: 15 }))).toThrow(CalendarRequiredError);
    expect(compute(trial()).deadline).toBe('2026-07-05');
  });

  it('explains why a weekend end on an adjusted working day stays, and says nothing for a weekday', () => {
    expect(computePeriod(period('2026-04-24', { days: 15 }), cal).steps).toEqual([
      { rule: RULES.addDays, date: '2026-05-09', detail: '期间 15日 (period: 15 days)' },
      { rule: RULES.restDay, date: '2026-05-09', detail: '调休上班日，不顺延 (adjusted working day; not moved)' },
    ]);
    expect(computePeriod(period('2026-04-23', { days: 15 }), cal).steps).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DAY = fc.integer({ min: parseDay('2020-01-01'), max: parseDay('2035-12-31') });

/** A calendar dense with rest days around `base`, holidays and workdays disjoint. */
function calendarNear(base: number) {
  return fc
    .uniqueArray(fc.integer({ min: -10, max: 140 }), { maxLength: 60 })
    .chain((offsets) => fc.tuple(fc.constant(offsets), fc.integer({ min: 0, max: offsets.length })))
    .map(
      ([offsets, split]): Calendar => ({
        holidays: offsets.slice(0, split).map((o) => formatDay(base + o)),
        workdays: offsets.slice(split).map((o) => formatDay(base + o)),
      }),
    );
}

const periodCase = DAY.chain((base) =>
  fc.record({
    from: fc.constant(formatDay(base)),
    length: fc.oneof(fc.record({ days: fc.integer({ min: 1, max: 90 }) }), fc.record({ months: fc.integer({ min: 1, max: 3 }) })),
    calendar: calendarNear(base),
  }),
);

const deductionArb = DAY.chain((start) =>
  fc.record({
    kind: fc.constantFrom(...DEDUCTION_KINDS),
    from: fc.constant(formatDay(start)),
    to: fc.integer({ min: 0, max: 90 }).map((len) => formatDay(start + len)),
  }),
);

const trialArb = fc.record({
  procedure: fc.constantFrom(...PROCEDURE_CODES),
  filedOn: DAY.map(formatDay),
  extensions: fc.array(
    fc.oneof(fc.record({ days: fc.integer({ min: 1, max: 90 }) }), fc.record({ months: fc.integer({ min: 1, max: 12 }) })),
    { maxLength: 3 },
  ),
  deductions: fc.array(deductionArb, { maxLength: 8 }),
});

describe('properties', () => {
  it('a period never ends on a rest day, never before the raw end, and only rest days are skipped', () => {
    fc.assert(
      fc.property(periodCase, ({ from, length, calendar }) => {
        const compiled = compileCalendar(calendar);
        const result = computePeriod(period(from, length), calendar);
        const end = parseDay(result.deadline);
        const raw = parseDay(result.steps[0].date);
        const rawExpected = 'days' in length ? addDays(parseDay(from), length.days) : addMonths(parseDay(from), length.months);
        expect(raw).toBe(rawExpected);
        expect(isRestDay(end, compiled)).toBe(false);
        expect(end).toBeGreaterThanOrEqual(raw);
        for (let d = raw; d < end; d++) expect(isRestDay(d, compiled)).toBe(true);
      }),
    );
  });

  it('deductions never shorten a trial limit and add exactly the union of their days', () => {
    fc.assert(
      fc.property(trialArb, (t) => {
        const withDeductions = parseDay(computeTrialLimit({ type: 'trial', ...t }).deadline);
        const without = parseDay(computeTrialLimit({ type: 'trial', ...t, deductions: [] }).deadline);
        const union = new Set<number>();
        for (const d of t.deductions) for (let x = parseDay(d.from); x <= parseDay(d.to); x++) union.add(x);
        expect(withDeductions).toBeGreaterThanOrEqual(without);
        expect(withDeductions - without).toBe(union.size);
      }),
    );
  });

  it('the order of deductions does not matter (deadline and explanation)', () => {
    fc.assert(
      fc.property(trialArb, fc.integer(), (t, seed) => {
        const shuffled = fc.sample(fc.shuffledSubarray(t.deductions, { minLength: t.deductions.length, maxLength: t.deductions.length }), {
          seed,
          numRuns: 1,
        })[0];
        const a = computeTrialLimit({ type: 'trial', ...t });
        const b = computeTrialLimit({ type: 'trial', ...t, deductions: shuffled });
        expect(b).toEqual(a);
      }),
    );
  });

  it('every trial result satisfies the result contract and ends with its last step', () => {
    fc.assert(
      fc.property(trialArb, (t) => {
        const result = computeTrialLimit({ type: 'trial', ...t });
        expect(deadlineResult.safeParse(result).success).toBe(true);
        expect(result.steps.at(-1)?.date).toBe(result.deadline);
      }),
      { numRuns: 200 },
    );
  });
});
