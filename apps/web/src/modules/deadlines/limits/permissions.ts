import type { LimitChangeView, LimitDecisionStep, Permission } from '@courtassist/contracts';
import { useCallback } from 'react';
import { useCan, useMe } from '../../auth';

/** The permission each approval step needs (as the API's limit-changes.policy). */
export const STEP_PERMISSION: Readonly<Record<LimitDecisionStep, Permission>> = {
  head: 'limit.approve',
  president: 'limit.approve.president',
};

/** The case's trial team: who may request changes and resume a suspension. */
export interface CaseTeam {
  judgeId: number | null;
  assistantId: number | null;
  clerkId: number | null;
}

/**
 * What the signed-in user may do to a change: the state (`allowed`) and their permissions, as the
 * server checks them. No one decides their own request or two steps of one change.
 */
export function useLimitActions() {
  const can = useCan();
  const me = useMe().data;
  const userId = me?.id ?? 0;
  const onTeam = useCallback((team: CaseTeam) => [team.judgeId, team.assistantId, team.clerkId].includes(userId), [userId]);
  return {
    onTeam,
    mayRequest: (team: CaseTeam) => can('limit.request') && onTeam(team),
    mayDecide: (c: LimitChangeView) =>
      c.allowed.includes('decide') &&
      c.awaiting !== null &&
      can(STEP_PERMISSION[c.awaiting]) &&
      c.requestedBy !== userId &&
      !c.decisions.some((d) => d.decidedBy === userId),
    mayWithdraw: (c: LimitChangeView) => c.allowed.includes('withdraw') && c.requestedBy === userId && can('limit.request'),
    mayResume: (c: LimitChangeView, team: CaseTeam) =>
      c.allowed.includes('resume') && ((can('limit.request') && onTeam(team)) || can('limit.approve')),
  };
}
