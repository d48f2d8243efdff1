import type { DeadlineDeduction, DeadlineExtension, DeadlineStep, DeductionKind, TrialLimits, TrialRequest } from '@courtassist/contracts';
import { computeTrialLimit } from './calculator.js';

/**
 * The stored deadline of a case (rule 3 over the case's approved changes): the procedure's limit
 * from the `procedures` table (administrators may edit it), then the approved extensions in the
 * order they were requested, then the approved deductions and suspensions as deducted periods.
 * A suspension not yet resumed counts up to today and marks the case suspended; one that starts
 * after today counts nothing yet.
 */

/** What the calculator needs of a case. */
export interface DeadlineBasis {
  procedureCode: string;
  filedOn: string;
  limitMonths: number | null;
  limitDays: number | null;
  procedureNameZh: string | null;
  procedureNameEn: string | null;
}

/** An approved limit change. */
export interface ApprovedChange {
  kind: 'extension' | 'deduction' | 'suspension' | string;
  months: number | null;
  days: number | null;
  deductionKind: string | null;
  fromOn: string | null;
  toOn: string | null;
}

export interface StoredDeadline {
  deadlineOn: string | null;
  deadlineSteps: DeadlineStep[];
  suspended: boolean;
}

function lengthOf(change: ApprovedChange): DeadlineExtension | null {
  if (change.months !== null) return { months: change.months };
  if (change.days !== null) return { days: change.days };
  return null;
}

/** A suspension is running on `today` when it has started and has not been resumed. */
export function isRunning(change: ApprovedChange, today: string): boolean {
  return change.kind === 'suspension' && change.toOn === null && change.fromOn !== null && change.fromOn <= today;
}

export function deductedPeriods(changes: readonly ApprovedChange[], today: string): DeadlineDeduction[] {
  const periods: DeadlineDeduction[] = [];
  for (const change of changes) {
    if (change.fromOn === null) continue;
    if (change.kind === 'deduction' && change.toOn !== null) {
      periods.push({ kind: (change.deductionKind ?? 'other') as DeductionKind, from: change.fromOn, to: change.toOn });
    } else if (change.kind === 'suspension') {
      const to = change.toOn ?? today;
      if (to >= change.fromOn) periods.push({ kind: 'suspension', from: change.fromOn, to });
    }
  }
  return periods;
}

/** `changes` must be the approved ones, in the order their requests were made. */
export function storedDeadline(basis: DeadlineBasis, changes: readonly ApprovedChange[], today: string): StoredDeadline {
  const suspended = changes.some((c) => isRunning(c, today));
  if (basis.limitMonths === null && basis.limitDays === null) return { deadlineOn: null, deadlineSteps: [], suspended };
  const limit = basis.limitMonths !== null ? { months: basis.limitMonths } : { days: basis.limitDays as number };
  const limits = {
    [basis.procedureCode]: { ...limit, zh: basis.procedureNameZh ?? basis.procedureCode, en: basis.procedureNameEn ?? basis.procedureCode },
  } as unknown as TrialLimits;
  const extensions = changes
    .filter((c) => c.kind === 'extension')
    .map(lengthOf)
    .filter((l): l is DeadlineExtension => l !== null);
  const deductions = deductedPeriods(changes, today);
  const request: TrialRequest = {
    type: 'trial',
    procedure: basis.procedureCode as TrialRequest['procedure'],
    filedOn: basis.filedOn,
    ...(extensions.length > 0 ? { extensions } : {}),
    ...(deductions.length > 0 ? { deductions } : {}),
  };
  const result = computeTrialLimit(request, limits);
  return { deadlineOn: result.deadline, deadlineSteps: result.steps, suspended };
}
