import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { notify } from '../notifications/index.js';
import { caseForOrder, insertEvents, insertOrders, listTypes } from './work-orders.repository.js';
import { dueFor } from './work-orders.service.js';

export interface AssignedOrderInput {
  caseId: number;
  /** The code of a work-order type of the case's court, e.g. `correction` (信息补正). */
  typeCode: string;
  /** The person who must act on it: the order starts accepted by them, outside any pool. */
  assigneeId: number;
  initiatorId: number;
  initiatorName: string;
  note: string;
}

/**
 * Creates an order of another module's making (a correction request of the inspection, for one)
 * held by a named person from the start, inside the caller's transaction; answers its id, or null
 * when the case's court has no active type of that code. Audited here; the caller delivers the
 * notice after commit.
 */
export async function createOrderForCase(tx: Executor, ctx: RequestContext, input: AssignedOrderInput): Promise<number | null> {
  const k = await caseForOrder(tx, input.caseId);
  if (!k) return null;
  // Every court's types, whatever the caller's scope: the caller has checked the case is theirs.
  const types = await listTypes(tx, { courtPath: '/' }, { courtId: k.courtId, active: true });
  const type = types.find((t) => t.code === input.typeCode);
  if (!type) return null;
  const now = new Date();
  const due = await dueFor(tx, now, type);
  const [orderId] = await insertOrders(tx, [
    {
      courtId: k.courtId,
      caseId: k.id,
      typeId: type.id,
      status: 'accepted',
      initiatorId: input.initiatorId,
      assigneeId: input.assigneeId,
      teamId: null,
      dueAt: due,
      note: input.note,
      acceptedAt: now,
      createdAt: now,
    },
  ]);
  await insertEvents(tx, [
    { orderId, action: 'initiate', toStatus: 'initiated', actorId: input.initiatorId, actorName: input.initiatorName, note: input.note },
    {
      orderId,
      action: 'dispatch',
      fromStatus: 'initiated',
      toStatus: 'accepted',
      actorId: input.initiatorId,
      actorName: input.initiatorName,
    },
  ]);
  await recordAudit(tx, ctx, {
    entityType: 'work-order',
    entityId: orderId,
    action: 'create',
    courtId: k.courtId,
    after: { caseId: k.id, typeId: type.id, status: 'accepted', assigneeId: input.assigneeId, dueAt: due },
  });
  await notify(tx, [
    {
      userId: input.assigneeId,
      kind: 'work-order-dispatched',
      titleZh: `${k.caseNumber} ${type.nameZh}工单 #${orderId} 已派给您`,
      titleEn: `${k.caseNumber}: ${type.nameEn} order #${orderId} was dispatched to you`,
      entityType: 'work-order',
      entityId: orderId,
    },
  ]);
  return orderId;
}
