import type { WorkOrderAction, WorkOrderStatus } from '@courtassist/contracts';

/**
 * The lifecycle of a work order (事务工单), as a table: 发起 initiated → 受理 accepted (claimed
 * from the pool or dispatched) → 办理 in progress → 反馈 feedback (result recorded, back to the
 * initiator) → 完成 completed. The handler (or a leader) may return (退回) an accepted or
 * in-progress order to its initiator, and a leader also one still in the pool (wrongly routed or
 * incomplete); the initiator re-initiates or withdraws it; the initiator may
 * withdraw (撤回) any order not yet completed. Re-dispatch (改派) gives a held order to another
 * member, who starts it afresh. Completed and withdrawn are final.
 */
export const TRANSITIONS: Readonly<Record<WorkOrderStatus, Partial<Record<WorkOrderAction, WorkOrderStatus>>>> = {
  initiated: { claim: 'accepted', dispatch: 'accepted', return: 'returned', withdraw: 'withdrawn' },
  accepted: { start: 'in-progress', redispatch: 'accepted', return: 'returned', withdraw: 'withdrawn' },
  'in-progress': { record: 'feedback', redispatch: 'accepted', return: 'returned', withdraw: 'withdrawn' },
  feedback: { complete: 'completed', withdraw: 'withdrawn' },
  returned: { reinitiate: 'initiated', withdraw: 'withdrawn' },
  completed: {},
  withdrawn: {},
};

/** The status an action leads to, or null when the action is not allowed in `from`. */
export function nextStatus(from: WorkOrderStatus, action: WorkOrderAction): WorkOrderStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

/** Actions the state allows, in the order of the catalogue. */
export function allowedActions(status: WorkOrderStatus): WorkOrderAction[] {
  return Object.keys(TRANSITIONS[status]) as WorkOrderAction[];
}

export function isFinal(status: WorkOrderStatus): boolean {
  return allowedActions(status).length === 0;
}

/** Held by someone: counts towards that person's load. */
export function isHeld(status: WorkOrderStatus): boolean {
  return status === 'accepted' || status === 'in-progress';
}
