import type { WorkOrderAction } from '@courtassist/contracts';

/** Pure permission rules of work orders: who may take which action on an order in their scope. */

export interface OrderActor {
  userId: number;
  permissions: ReadonlySet<string>;
  /** Teams the actor is a member of. */
  teamIds: readonly number[];
}

export interface OrderHolders {
  initiatorId: number | null;
  assigneeId: number | null;
  /** null: the shared provincial centre. */
  teamId: number | null;
}

export type Refusal = 'FORBIDDEN' | 'NOT_ASSIGNEE' | 'NOT_INITIATOR';

/** Whether a handler may take orders of this team: a member, or anyone handling for the shared centre. */
export function handlesTeam(actor: OrderActor, teamId: number | null): boolean {
  return actor.permissions.has('order.handle') && (teamId === null || actor.teamIds.includes(teamId));
}

/**
 * Why `actor` may not take `action` on an order, or null when they may. The handling steps
 * (start, record) belong to the assignee; completion, re-initiation and withdrawal to the
 * initiator; dispatching to team leaders (order.dispatch); a return to the assignee or a leader.
 */
export function refusalOf(action: WorkOrderAction, actor: OrderActor, order: OrderHolders): Refusal | null {
  switch (action) {
    case 'claim':
      return handlesTeam(actor, order.teamId) ? null : 'FORBIDDEN';
    case 'dispatch':
    case 'redispatch':
      return actor.permissions.has('order.dispatch') ? null : 'FORBIDDEN';
    case 'start':
    case 'record':
      return order.assigneeId === actor.userId ? null : 'NOT_ASSIGNEE';
    case 'return':
      return order.assigneeId === actor.userId || actor.permissions.has('order.dispatch') ? null : 'NOT_ASSIGNEE';
    case 'complete':
    case 'reinitiate':
    case 'withdraw':
      return order.initiatorId === actor.userId ? null : 'NOT_INITIATOR';
  }
}
