import { type OrderResult, resultProblems, type WorkOrderAction, type WorkOrderStatus } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { notify } from '../notifications/index.js';
import { findOrder, findType, insertEvents, type NewEvent, type NewOrder, updateOrder, userName } from './work-orders.repository.js';
import { nextStatus } from './work-orders.rules.js';
import { SYSTEM_NAME } from './work-orders.service.js';

export interface DeliveryFeedback {
  orderId: number;
  /**
   * Who did the delivery work (the person who recorded the last attempt, or ended the task): they
   * become the handler of an order nobody had claimed yet.
   */
  handlerId: number | null;
  /** Values for the order type's result fields of the same keys (method, outcome, servedOn); others stay empty. */
  values: Record<string, string | null>;
  /** The names of the documents served (传票, 起诉状副本 …): checklist items of the same name are ticked. */
  served: string[];
  /** The trace note: who was served when and how, task by task, or why delivery was ended. */
  note: string;
}

export interface DeliveryFeedbackOutcome {
  moved: boolean;
  status: WorkOrderStatus | null;
  /** The initiator, to be told after commit. */
  notified: number | null;
}

/**
 * The steps the order still has to take to reach 反馈 feedback once its delivery tasks are all
 * settled. The delivery work is done, so the order must not wait in the pool for someone to claim
 * a finished job, nor sit "accepted" with nothing left to handle: it is moved along the legal path
 * of the lifecycle — an order in the pool is dispatched to the person who did the delivery (the
 * work, its time and its load are theirs, and that is how the team board and the statistics count
 * it), then started, then fed back. A returned order is left alone: its handler gave it back with
 * a reason and the initiator decides (re-initiate or withdraw); an order already fed back,
 * completed or withdrawn has nothing left to do.
 */
function pathFrom(status: WorkOrderStatus, hasHandler: boolean): WorkOrderAction[] | null {
  switch (status) {
    case 'initiated':
      return hasHandler ? ['dispatch', 'start', 'record'] : null;
    case 'accepted':
      return ['start', 'record'];
    case 'in-progress':
      return ['record'];
    default:
      return null;
  }
}

/** Only values that fit the type's field (a select's own options, a date as a date) are kept. */
function resultOf(fields: Awaited<ReturnType<typeof findType>>, values: Record<string, string | null>): OrderResult {
  const result: OrderResult = {};
  for (const field of fields?.resultFields ?? []) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (resultProblems([field], { [field.key]: value }).length === 0) result[field.key] = value;
  }
  return result;
}

/**
 * Feeds a 送达 work order back from its delivery tasks, inside the caller's transaction (the one
 * that settled the last task): the result is recorded and the order goes back to its initiator,
 * the trace saying the system did it because of the delivery. An order that moved on meanwhile
 * (stale version) or whose state has no path to feedback is left as it is, and the caller's change
 * stands. Audited here; the caller delivers the notice after commit.
 */
export async function feedbackFromDelivery(tx: Executor, ctx: RequestContext, input: DeliveryFeedback): Promise<DeliveryFeedbackOutcome> {
  const unchanged = (status: WorkOrderStatus | null): DeliveryFeedbackOutcome => ({ moved: false, status, notified: null });
  // The delivery module has checked the task is in the caller's scope; its order is of the same case.
  const order = await findOrder(tx, input.orderId, { courtPath: '/' });
  if (!order || order.typeCode !== 'delivery') return unchanged(order?.status ?? null);
  const handlerId = order.status === 'initiated' ? input.handlerId : order.assigneeId;
  const path = pathFrom(order.status, handlerId !== null);
  if (!path) return unchanged(order.status);
  const steps: { action: WorkOrderAction; from: WorkOrderStatus; to: WorkOrderStatus }[] = [];
  let at: WorkOrderStatus = order.status;
  for (const action of order.autoComplete ? [...path, 'complete' as const] : path) {
    const to = nextStatus(at, action);
    if (to === null) return unchanged(order.status);
    steps.push({ action, from: at, to });
    at = to;
  }
  const type = await findType(tx, order.typeId);
  const result = resultOf(type, input.values);
  const checklist = { ...order.checklist };
  for (const item of type?.checklist ?? []) if (input.served.includes(item.labelZh)) checklist[item.key] = true;
  const now = new Date();
  const patch: Partial<NewOrder> = {
    status: at,
    assigneeId: handlerId,
    acceptedAt: order.acceptedAt ? new Date(order.acceptedAt) : now,
    startedAt: order.startedAt ? new Date(order.startedAt) : now,
    feedbackAt: now,
    result,
    checklist,
    ...(at === 'completed' && { completedAt: now }),
  };
  if (!(await updateOrder(tx, order.id, order.version, patch))) return unchanged(order.status);
  const handlerName = handlerId === null ? '' : ((await userName(tx, handlerId)) ?? '');
  // The trace: dispatched to the handler (named, as a leader's dispatch is), started, and fed back with the delivery's account.
  const noteOf = (action: WorkOrderAction) => (action === 'dispatch' ? handlerName : action === 'record' ? input.note : '');
  const events: NewEvent[] = steps.map((s) => ({
    orderId: order.id,
    action: s.action,
    fromStatus: s.from,
    toStatus: s.to,
    actorId: null,
    actorName: SYSTEM_NAME,
    at: now,
    note: noteOf(s.action),
  }));
  await insertEvents(tx, events);
  await recordAudit(tx, ctx, {
    entityType: 'work-order',
    entityId: order.id,
    action: 'record',
    courtId: order.courtId,
    before: { status: order.status, assigneeId: order.assigneeId },
    after: { status: at, assigneeId: handlerId, result, checklist, source: 'delivery', note: input.note },
  });
  await notify(tx, [
    {
      userId: order.initiatorId,
      kind: 'work-order-record',
      titleZh: `${order.caseNumber} ${order.typeNameZh}工单已按送达情况自动反馈，请确认`,
      titleEn: `${order.caseNumber}: the ${order.typeNameEn} order was fed back from the delivery; please confirm`,
      entityType: 'work-order',
      entityId: order.id,
    },
  ]);
  return { moved: true, status: at, notified: order.initiatorId };
}
