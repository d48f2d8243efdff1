import { describe, expect, it } from 'vitest';
import {
  ASSISTANTS_PER_VILLAGE,
  batchSizes,
  chinaDay,
  monthlyRunVerdict,
  networkShape,
  phoneListRequests,
  previousMonth,
} from './network-plan.mjs';

describe('networkShape', () => {
  it('gives a county court of 1,100 assistants twelve towns of twelve villages, about eight a village', () => {
    const shape = networkShape(1100);
    expect(shape).toEqual({ towns: 12, villagesPerTown: 12 });
    expect(shape.towns * shape.villagesPerTown * ASSISTANTS_PER_VILLAGE).toBeGreaterThanOrEqual(1100);
  });

  it('keeps at least two towns and one village for a small court, at most thirty towns for a huge one', () => {
    expect(networkShape(0)).toEqual({ towns: 2, villagesPerTown: 1 });
    expect(networkShape(10)).toEqual({ towns: 2, villagesPerTown: 1 });
    const huge = networkShape(100_000);
    expect(huge.towns).toBe(30);
    expect(huge.towns * huge.villagesPerTown * ASSISTANTS_PER_VILLAGE).toBeGreaterThanOrEqual(100_000);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => networkShape(-1)).toThrow(RangeError);
    expect(() => networkShape(1.5)).toThrow(RangeError);
  });
});

describe('batchSizes', () => {
  it('splits what is missing into full batches and a rest', () => {
    expect(batchSizes(3_442, 100_000, 40_000)).toEqual([40_000, 40_000, 16_558]);
    expect(batchSizes(0, 5_000, 5_000)).toEqual([5_000]);
  });

  it('has nothing to do when the target is reached or passed', () => {
    expect(batchSizes(100, 100, 10)).toEqual([]);
    expect(batchSizes(200, 100, 10)).toEqual([]);
  });

  it('refuses a batch size that would never finish', () => {
    expect(() => batchSizes(0, 10, 0)).toThrow(RangeError);
  });
});

describe('months', () => {
  it('takes the courts’ day in China Standard Time', () => {
    expect(chinaDay(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(chinaDay(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
  });

  it('assesses the month before, across a year end', () => {
    expect(previousMonth('2026-11-22')).toBe('2026-10');
    expect(previousMonth('2026-01-01')).toBe('2025-12');
    expect(previousMonth('2026-10-31')).toBe('2026-09');
    expect(() => previousMonth('2026-11')).toThrow(RangeError);
  });
});

describe('phoneListRequests', () => {
  const session = (name, todoMore, doneMore) => ({
    headers: { cookie: `sid=${name}` },
    todo: { nextCursor: todoMore },
    done: { nextCursor: doneMore },
  });

  it('asks as the phone page does: view, cursor when loading more, limit 20', () => {
    const requests = phoneListRequests([session('a', null, '900')]);
    expect(requests.map((r) => [r.group, r.path])).toEqual([
      ['todo', '/api/my/network-tasks?view=todo&limit=20'],
      ['done', '/api/my/network-tasks?view=done&limit=20'],
      ['done-more', '/api/my/network-tasks?view=done&cursor=900&limit=20'],
    ]);
    expect(requests.every((r) => r.method === 'GET' && r.headers.cookie === 'sid=a')).toBe(true);
  });

  it('rotates over the sessions and leaves out pages that do not exist', () => {
    const requests = phoneListRequests([session('a', null, '900'), session('b', '50', null)]);
    expect(requests.map((r) => `${r.group}:${r.headers.cookie}`)).toEqual([
      'todo:sid=a',
      'done:sid=a',
      'done-more:sid=a',
      'todo-more:sid=b',
      'todo:sid=b',
      'done:sid=b',
    ]);
    expect(phoneListRequests([])).toEqual([]);
  });
});

describe('monthlyRunVerdict', () => {
  const clean = {
    expected: 19_000,
    assessed: 19_000,
    missing: 0,
    extra: 0,
    duplicates: 0,
    statements: 17_500,
    badSubtotal: 0,
    badTotal: 0,
    overCap: 0,
    atCap: 12,
    totalFen: 123_456_78,
    withoutStatement: 0,
  };

  it('passes a run with one assessment each and consistent statements', () => {
    const verdict = monthlyRunVerdict('2026-10', clean);
    expect(verdict.ok).toBe(true);
    expect(verdict.problems).toEqual([]);
    expect(verdict.summary).toBe(
      '19,000 assessments for 19,000 assessable assistants, 17,500 statements (123,456.78 yuan), 12 at their cap',
    );
  });

  it('names every kind of problem', () => {
    const verdict = monthlyRunVerdict('2026-10', {
      ...clean,
      missing: 3,
      extra: 1,
      duplicates: 2,
      badSubtotal: 4,
      badTotal: 5,
      overCap: 6,
      withoutStatement: 7,
    });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      '3 assistants assessable in 2026-10 have no assessment',
      '1 assessments of 2026-10 belong to assistants the month does not assess',
      '2 assistants have more than one assessment for 2026-10',
      '4 statements whose subtotal is not the sum of their lines',
      '5 statements whose total is not min(adjusted, cap)',
      '6 statements above their cap',
      '7 assessed assistants with paid tasks but no statement',
    ]);
  });

  it('fails a run that had nobody to assess', () => {
    const verdict = monthlyRunVerdict('2026-10', { ...clean, expected: 0, assessed: 0, statements: 0, totalFen: 0 });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toMatch(/nobody to assess/);
  });
});
