import { type AuditContext, recordAudit } from '../../platform/audit.js';
import type { Executor } from '../../platform/db.js';
import {
  caseForOrder,
  insertEvents,
  insertOrders,
  type NewOrder,
  ordersOfTypeAmong,
  partiesInRoles,
  typesForTrigger,
} from './work-orders.repository.js';
import { autoDispatch, dueTimes, SYSTEM_NAME } from './work-orders.service.js';

/**
 * Automatic start (自动发起): a case event starts the orders its court's rules for its case type
 * name (data in work_order_rules, edited on the order-type page), for the case or once per
 * responding party; their due times are computed in one pass. Runs inside the caller's
 * transaction, so the orders exist exactly when the assignment or closure does; starting twice
 * creates nothing more (one rule order per case, type and party).
 */

/** The responding side of a case, whom the documents are served on (one delivery order each). */
export const RESPONDING_ROLES = [
  'defendant',
  'appellee',
  'respondent',
  'accused',
  'civil-defendant',
  'enforcement-respondent',
  'preservation-respondent',
] as const;

export interface CaseEventFacts {
  caseId: number;
  courtId: number;
  caseTypeCode: string;
}

export type CaseTrigger = 'assigned' | 'closed';

export async function startOrdersForCase(tx: Executor, ctx: AuditContext, facts: CaseEventFacts, trigger: CaseTrigger): Promise<number[]> {
  const types = await typesForTrigger(tx, facts.courtId, facts.caseTypeCode, trigger);
  if (types.length === 0) return [];
  const k = await caseForOrder(tx, facts.caseId);
  if (!k) return [];
  // The case's trial team initiates: its clerk, else its assistant, else its judge.
  const initiatorId = k.clerkId ?? k.assistantId ?? k.judgeId;
  const responding = types.some((t) => t.per === 'defendant') ? await partiesInRoles(tx, k.id, RESPONDING_ROLES) : [];
  const now = new Date();
  const due = await dueTimes(tx, now, types);
  const values: NewOrder[] = [];
  for (const [i, type] of types.entries()) {
    const dueAt = due[i];
    const parties = type.per === 'defendant' ? responding : [null];
    for (const partyId of parties) {
      values.push({
        courtId: k.courtId,
        caseId: k.id,
        typeId: type.typeId,
        partyId,
        origin: 'rule',
        initiatorId,
        teamId: type.teamId,
        dueAt,
        createdAt: now,
      });
    }
  }
  const ids = await insertOrders(tx, values);
  if (ids.length === 0) return [];
  await insertEvents(
    tx,
    ids.map((orderId) => ({ orderId, action: 'initiate', toStatus: 'initiated', actorId: null, actorName: SYSTEM_NAME, note: trigger })),
  );
  for (const type of types.filter((t) => t.autoDispatch && t.teamId !== null)) {
    const teamId = type.teamId as number;
    const ofType = await ordersOfTypeAmong(tx, ids, type.typeId);
    await autoDispatch(tx, ofType, teamId);
  }
  await recordAudit(tx, ctx, {
    entityType: 'case',
    entityId: k.id,
    action: 'start-work-orders',
    courtId: k.courtId,
    after: { trigger, orderIds: ids },
  });
  return ids;
}

/** Assignment (分案) starts the first orders of a case. */
export function startOrdersForAssignment(tx: Executor, ctx: AuditContext, facts: CaseEventFacts): Promise<number[]> {
  return startOrdersForCase(tx, ctx, facts, 'assigned');
}

/** Closure (结案) starts archiving and the online closure report. */
export function startOrdersForClosure(tx: Executor, ctx: AuditContext, facts: CaseEventFacts): Promise<number[]> {
  return startOrdersForCase(tx, ctx, facts, 'closed');
}
