import { describe, expect, it } from 'vitest';
import { type ApprovedChange, type DeadlineBasis, deductedPeriods, isRunning, storedDeadline } from './stored-deadline.js';

const simple: DeadlineBasis = {
  procedureCode: 'civil-first-simple',
  filedOn: '2026-01-05',
  limitMonths: 3,
  limitDays: null,
  procedureNameZh: '民事一审简易程序',
  procedureNameEn: 'Civil first instance, simplified procedure',
};
const change = (over: Partial<ApprovedChange>): ApprovedChange => ({
  kind: 'extension',
  months: null,
  days: null,
  deductionKind: null,
  fromOn: null,
  toOn: null,
  ...over,
});

describe('storedDeadline', () => {
  it('is the procedure limit from filing when nothing changed', () => {
    const result = storedDeadline(simple, [], '2026-02-01');
    expect(result).toMatchObject({ deadlineOn: '2026-04-05', suspended: false });
    expect(result.deadlineSteps).toHaveLength(1);
  });

  it('uses the limit as stored (an administrator may have edited it), in days too', () => {
    expect(storedDeadline({ ...simple, limitMonths: null, limitDays: 30 }, [], '2026-01-10').deadlineOn).toBe('2026-02-04');
  });

  it('has no deadline for a procedure without a trial limit', () => {
    expect(storedDeadline({ ...simple, limitMonths: null, limitDays: null }, [], '2026-01-10')).toEqual({
      deadlineOn: null,
      deadlineSteps: [],
      suspended: false,
    });
  });

  it('adds extensions in order, then the merged deducted days', () => {
    const result = storedDeadline(
      simple,
      [
        change({ kind: 'extension', months: 1 }),
        change({ kind: 'deduction', deductionKind: 'announcement', fromOn: '2026-02-01', toOn: '2026-02-10' }),
        change({ kind: 'extension', days: 10 }),
        change({ kind: 'deduction', deductionKind: 'appraisal', fromOn: '2026-02-06', toOn: '2026-02-15' }),
      ],
      '2026-03-01',
    );
    // 04-05 + 1 month = 05-05, + 10 days = 05-15, + 15 deducted days (02-01..02-15) = 05-30.
    expect(result.deadlineOn).toBe('2026-05-30');
    expect(result.deadlineSteps.map((s) => s.date)).toEqual(['2026-04-05', '2026-05-05', '2026-05-15', '2026-05-30']);
  });

  it('counts a running suspension up to today and marks the case suspended', () => {
    const running = change({ kind: 'suspension', deductionKind: 'suspension', fromOn: '2026-02-01' });
    const result = storedDeadline(simple, [running], '2026-02-10');
    expect(result).toMatchObject({ deadlineOn: '2026-04-15', suspended: true });
    expect(storedDeadline(simple, [running], '2026-02-11').deadlineOn).toBe('2026-04-16');
  });

  it('counts a resumed suspension up to its end, and no longer marks the case', () => {
    const resumed = change({ kind: 'suspension', deductionKind: 'suspension', fromOn: '2026-02-01', toOn: '2026-02-05' });
    expect(storedDeadline(simple, [resumed], '2026-03-10')).toMatchObject({ deadlineOn: '2026-04-10', suspended: false });
  });

  it('counts nothing yet for a suspension that starts after today', () => {
    const later = change({ kind: 'suspension', deductionKind: 'suspension', fromOn: '2026-02-20' });
    expect(storedDeadline(simple, [later], '2026-02-10')).toMatchObject({ deadlineOn: '2026-04-05', suspended: false });
    expect(isRunning(later, '2026-02-20')).toBe(true);
  });
});

describe('deductedPeriods', () => {
  it('takes deductions with both dates and suspensions (running ones to today)', () => {
    expect(
      deductedPeriods(
        [
          change({ kind: 'extension', months: 1 }),
          change({ kind: 'deduction', deductionKind: 'announcement', fromOn: '2026-02-01', toOn: '2026-03-02' }),
          change({ kind: 'suspension', fromOn: '2026-03-10' }),
        ],
        '2026-03-12',
      ),
    ).toEqual([
      { kind: 'announcement', from: '2026-02-01', to: '2026-03-02' },
      { kind: 'suspension', from: '2026-03-10', to: '2026-03-12' },
    ]);
  });
});
