import type { LimitChangeKind, LimitChangeView, RequestLimitChangeRequest } from '@courtassist/contracts';
import type { Dayjs } from 'dayjs';
import { toIsoDate } from './labels';

export interface RequestFormValues {
  kind: LimitChangeKind;
  unit?: 'months' | 'days';
  months?: number | null;
  days?: number | null;
  deductionKind?: Extract<RequestLimitChangeRequest, { kind: 'deduction' }>['deductionKind'];
  fromOn?: Dayjs | null;
  toOn?: Dayjs | null;
  reason?: string;
}

/** The request body of the form's kind; what the server checks (date order, limits) it checks. */
export function requestBody(v: RequestFormValues): RequestLimitChangeRequest {
  const reason = v.reason?.trim() ?? '';
  if (v.kind === 'extension') {
    return v.unit === 'days'
      ? { kind: 'extension', days: v.days ?? undefined, reason }
      : { kind: 'extension', months: v.months ?? undefined, reason };
  }
  const fromOn = toIsoDate(v.fromOn) as string;
  if (v.kind === 'suspension') return { kind: 'suspension', fromOn, reason };
  return {
    kind: 'deduction',
    deductionKind: v.deductionKind as NonNullable<RequestFormValues['deductionKind']>,
    fromOn,
    toOn: toIsoDate(v.toOn) as string,
    reason,
  };
}

/**
 * Kinds a new request cannot take now, and why: one extension and one suspension may await a
 * decision at a time, and a running suspension must be resumed before another one.
 */
export function busyKinds(changes: readonly LimitChangeView[]): Partial<Record<LimitChangeKind, 'pending' | 'suspended'>> {
  const busy: Partial<Record<LimitChangeKind, 'pending' | 'suspended'>> = {};
  for (const c of changes) {
    if (c.kind === 'deduction') continue;
    if (c.awaiting !== null) busy[c.kind] = 'pending';
    else if (c.allowed.includes('resume')) busy[c.kind] = 'suspended';
  }
  return busy;
}
