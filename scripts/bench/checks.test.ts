import { describe, expect, it } from 'vitest';
import {
  checkTarget,
  filingCountProblem,
  filingVerdict,
  formatNumber,
  formatTarget,
  median,
  sequenceProblems,
  throughput,
  withExplicitCalendars,
} from './checks.mjs';

describe('checkTarget', () => {
  it('passes a figure at or below a maximum and fails one above it', () => {
    const target = { figure: 'p95', max: 50, unit: 'ms', source: 'issue 3' };
    expect(checkTarget(target, { p95: 50 })).toMatchObject({
      ok: true,
      op: '≤',
      limit: 50,
      measured: 50,
      text: 'p95 ≤ 50 ms',
      source: 'issue 3',
    });
    expect(checkTarget(target, { p95: 50.001 })).toMatchObject({ ok: false, measured: 50.001 });
  });

  it('passes a figure at or above a minimum', () => {
    const target = { figure: 'rps', min: 100_000, unit: 'requests/s' };
    expect(checkTarget(target, { rps: 100_000 })).toMatchObject({ ok: true, op: '≥', text: 'rps ≥ 100,000 requests/s' });
    expect(checkTarget(target, { rps: 99_999 }).ok).toBe(false);
  });

  it('fails a figure that was not measured, and has nothing to say without a target', () => {
    expect(checkTarget({ figure: 'p95', max: 20 }, { p95: null })).toMatchObject({ ok: false, measured: null });
    expect(checkTarget({ figure: 'p95', max: 20 }, {})).toMatchObject({ ok: false, measured: null });
    expect(checkTarget({ figure: 'p95', max: 20 }, { p95: Number.NaN }).ok).toBe(false);
    expect(checkTarget(undefined, { p95: 1 })).toBeNull();
  });

  it('refuses a target without a limit', () => {
    expect(() => checkTarget({ figure: 'p95' }, { p95: 1 })).toThrow(/max or min/);
  });

  it('formats the verdict for the table', () => {
    expect(formatTarget(checkTarget({ figure: 'p95', max: 20, unit: 'ms' }, { p95: 12 }))).toBe('p95 ≤ 20 ms ok');
    expect(formatTarget(checkTarget({ figure: 'slowestS', max: 5, unit: 's' }, { slowestS: 7.5 }))).toBe('slowestS ≤ 5 s NOT OK');
    expect(formatTarget(null)).toBe('—');
  });
});

describe('formatNumber and median', () => {
  it('groups thousands and keeps three significant digits of fractions', () => {
    expect(formatNumber(1_234_567)).toBe('1,234,567');
    expect(formatNumber(4.56789)).toBe('4.57');
    expect(formatNumber(593.698)).toBe('594');
    expect(formatNumber(null)).toBe('—');
  });

  it('takes the middle value, or the mean of the two middle ones, ignoring non-numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, null, Number.NaN])).toBe(5);
    expect(median([])).toBeNull();
  });
});

const group = (overrides: Record<string, unknown> = {}) => ({
  courtId: 4,
  type: '民初',
  year: 2026,
  cases: 10,
  distinctSeq: 10,
  distinctNumbers: 10,
  minSeq: 1,
  maxSeq: 10,
  lastSeq: 10,
  ...overrides,
});

describe('sequenceProblems (gap-free numbering)', () => {
  it('accepts 1…n used once each with the stored sequence at n (values as the driver gives them)', () => {
    expect(
      sequenceProblems([
        group(),
        group({ type: '执', cases: '3', distinctSeq: '3', distinctNumbers: '3', minSeq: '1', maxSeq: '3', lastSeq: '3' }),
      ]),
    ).toEqual([]);
  });

  it('reports a gap', () => {
    expect(sequenceProblems([group({ cases: 9, distinctSeq: 9, distinctNumbers: 9 })])).toEqual([
      'court 4 民初 2026: 1 numbers missing below 10',
    ]);
  });

  it('reports duplicates of a sequence number and of a case number', () => {
    const problems = sequenceProblems([group({ distinctSeq: 9, distinctNumbers: 8 })]);
    expect(problems).toContain('court 4 民初 2026: 1 duplicate sequence numbers');
    expect(problems).toContain('court 4 民初 2026: 2 duplicate case numbers');
  });

  it('reports numbering that does not start at 1 and a stored sequence out of step', () => {
    expect(sequenceProblems([group({ minSeq: 2 })])).toContain('court 4 民初 2026: numbering starts at 2, not 1');
    expect(sequenceProblems([group({ lastSeq: 12 })])).toEqual(['court 4 民初 2026: stored sequence at 12, highest number used 10']);
    expect(sequenceProblems([group({ lastSeq: null })])).toEqual(['court 4 民初 2026: no stored sequence']);
  });
});

describe('filing counts', () => {
  it('accepts as many cases as answers, or a few more cut off at the end of a measurement', () => {
    expect(filingCountProblem({ filed: 100, answered: 100, inFlightMax: 20 })).toBeNull();
    expect(filingCountProblem({ filed: 115, answered: 100, inFlightMax: 20 })).toBeNull();
  });

  it('reports answers without a stored case and more unanswered cases than can be in flight', () => {
    expect(filingCountProblem({ filed: 99, answered: 100, inFlightMax: 20 })).toMatch(/100 filings answered 2xx but only 99/);
    expect(filingCountProblem({ filed: 121, answered: 100, inFlightMax: 20 })).toMatch(/21 cases stored without a 2xx answer/);
  });

  it('gives one verdict over the numbering and the counts', () => {
    expect(filingVerdict({ groups: [group()], filed: 10, answered: 10, inFlightMax: 20 })).toMatchObject({ ok: true, problems: [] });
    const bad = filingVerdict({ groups: [group({ lastSeq: 11 })], filed: 5, answered: 10, inFlightMax: 20 });
    expect(bad.ok).toBe(false);
    expect(bad.problems).toHaveLength(2);
    expect(filingVerdict({ groups: [], filed: 0, answered: 0, inFlightMax: 20 }).ok).toBe(false);
  });
});

describe('the deadline batch and its throughput', () => {
  it('gives the calendar to periods without one and leaves the rest alone', () => {
    const calendar = { holidays: ['2026-10-01'], workdays: [] };
    const own = { holidays: [], workdays: [] };
    const batch = [
      { type: 'trial', procedure: 'civil-first-simple', filedOn: '2026-01-05' },
      { type: 'period', from: '2026-09-30', days: 15 },
      { type: 'period', from: '2026-09-30', days: 15, calendar: own },
    ];
    const out = withExplicitCalendars(batch, calendar);
    expect(out[0]).toBe(batch[0]);
    expect(out[1]).toEqual({ ...batch[1], calendar });
    expect(out[2].calendar).toBe(own);
    expect(batch[1]).not.toHaveProperty('calendar');
  });

  it('divides the count by the wall time, with and without the start-up', () => {
    expect(throughput({ count: 200_000, wallMs: 2000, startupMs: 400 })).toEqual({ rps: 100_000, rpsExcludingStartup: 125_000 });
    expect(throughput({ count: 10, wallMs: 100, startupMs: 150 })).toEqual({ rps: 100, rpsExcludingStartup: null });
    expect(throughput({ count: 10, wallMs: 100, startupMs: null })).toEqual({ rps: 100, rpsExcludingStartup: null });
  });
});
