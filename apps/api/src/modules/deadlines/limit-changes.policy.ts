import type { LimitChangeAction, LimitChangeStatus, LimitDecisionStep } from '@courtassist/contracts';

/**
 * The approval path of a limit change, as pure rules.
 *
 * - Every change is decided first by the division head (庭长, `limit.approve`).
 * - An extension beyond the case's first approved one then needs the president (院长,
 *   `limit.approve.president`); the head's approval moves it to `head-approved`.
 * - Deductions and suspensions need the division head only (a decision of this module: the
 *   issue left it open; the head checks the dates against the file before the deadline moves).
 * - A rejection at any step ends the change; the requester may withdraw it while it is pending.
 * - An approved suspension is ended by a resumption, which sets its end date.
 */

export interface ChangeState {
  kind: string;
  status: string;
  toOn: string | null;
}

/** The step whose decision a change awaits, or null once decided. */
export function awaitingStep(status: string): LimitDecisionStep | null {
  if (status === 'requested') return 'head';
  if (status === 'head-approved') return 'president';
  return null;
}

export function allowedActions(change: ChangeState): LimitChangeAction[] {
  if (awaitingStep(change.status)) return ['decide', 'withdraw'];
  if (change.status === 'approved' && change.kind === 'suspension' && change.toOn === null) return ['resume'];
  return [];
}

/** The status after a decision at a step; `priorExtensions` counts the case's extensions approved before. */
export function statusAfter(
  change: { kind: string },
  step: LimitDecisionStep,
  decision: 'approve' | 'reject',
  priorExtensions: number,
): LimitChangeStatus {
  if (decision === 'reject') return 'rejected';
  if (step === 'head' && change.kind === 'extension' && priorExtensions > 0) return 'head-approved';
  return 'approved';
}

/** The permission each step needs. */
export const STEP_PERMISSION = { head: 'limit.approve', president: 'limit.approve.president' } as const;

/** The steps an actor may decide, from their permissions. */
export function stepsOf(permissions: ReadonlySet<string>): LimitDecisionStep[] {
  return (Object.keys(STEP_PERMISSION) as LimitDecisionStep[]).filter((step) => permissions.has(STEP_PERMISSION[step]));
}
