import {
  type CreateWorkOrderRequest,
  type RecordResultRequest,
  resultProblems,
  WORK_ORDER_FIELD_ERRORS,
  WORK_ORDER_STATUS_NAMES,
  type WorkOrderAction,
  type WorkOrderDetail,
  type WorkOrderQuery,
  type WorkOrderStatus,
  type WorkOrderView,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { storedCalendar } from '../calendar/index.js';
import { deliverSoon, notify } from '../notifications/index.js';
import { calendarYearsFor, dueAt, workingDaysOf } from './due-time.js';
import { type OrderActor, refusalOf } from './work-orders.policy.js';
import {
  caseForOrder,
  claimOrder,
  findOrder,
  findOrderAndTeams,
  findOrderDetail,
  findType,
  insertEvents,
  insertOrders,
  isoOf,
  leastLoadedMember,
  listOrders,
  mayHold,
  type NewOrder,
  type OrderFilter,
  type OrderRecord,
  partyOfCase,
  teamsOfUser,
  updateOrder,
  userName,
} from './work-orders.repository.js';
import { allowedActions, nextStatus } from './work-orders.rules.js';

export interface WorkOrderDeps {
  db: Db;
}

// ---- views ----

export function toView(row: OrderRecord): WorkOrderView {
  const { autoComplete: _a, ...rest } = row;
  return {
    ...rest,
    dueAt: isoOf(row.dueAt) as string,
    createdAt: isoOf(row.createdAt) as string,
    acceptedAt: isoOf(row.acceptedAt),
    startedAt: isoOf(row.startedAt),
    feedbackAt: isoOf(row.feedbackAt),
    completedAt: isoOf(row.completedAt),
    checklist: row.checklist ?? {},
    allowed: allowedActions(row.status),
  };
}

export async function getOrder(db: Db, actor: Actor, id: number): Promise<WorkOrderDetail> {
  const row = await findOrderDetail(db, id, actor);
  if (!row) throw AppError.notFound();
  const { resultFields, checklistItems, events, ...order } = row;
  return {
    ...toView(order),
    resultFields: resultFields ?? [],
    checklistItems: checklistItems ?? [],
    events: events.map((e) => ({ ...e, at: isoOf(e.at) as string })),
  };
}

/** The list filter of a query, after the checks of the view (a team's list: its members and leaders). */
export async function orderFilterOf(
  db: Db,
  actor: Actor,
  query: Omit<WorkOrderQuery, 'cursor' | 'limit'>,
  field = 'query',
): Promise<Omit<OrderFilter, 'cursor' | 'limit'>> {
  if (query.view === 'team' && !query.teamId) {
    throw AppError.invalid(fieldProblem(`${field}.teamId`, 'required'));
  }
  const teamIds = await teamsOfUser(db, actor.userId);
  if (query.view === 'team' && !actor.permissions.has('order.dispatch') && !teamIds.includes(query.teamId as number)) {
    throw AppError.forbidden();
  }
  return {
    view: query.view,
    tab: query.tab,
    userId: actor.userId,
    teamIds,
    sharedPool: actor.permissions.has('order.handle'),
    teamId: query.teamId,
    status: query.status,
    caseId: query.caseId,
    typeId: query.typeId,
    assigneeId: query.assigneeId,
    overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
  };
}

export async function findOrders(db: Db, actor: Actor, query: WorkOrderQuery) {
  const filter = await orderFilterOf(db, actor, query);
  const { items, total, totalApproximate } = await listOrders(db, actor, {
    ...filter,
    cursor: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return {
    items: items.map(toView),
    total,
    totalApproximate,
    nextCursor: items.length === query.limit && last ? String(last.id) : null,
  };
}

// ---- errors ----

export function invalidState(status: WorkOrderStatus, action: WorkOrderAction): AppError {
  return new AppError('INVALID_STATE', 'conflict', {
    detail: `A work order that is ${status} cannot be given the action ${action}.`,
    meta: { status, statusName: WORK_ORDER_STATUS_NAMES[status], allowed: allowedActions(status) },
  });
}

function refused(code: 'FORBIDDEN' | 'NOT_ASSIGNEE' | 'NOT_INITIATOR'): AppError {
  return code === 'FORBIDDEN' ? AppError.forbidden() : new AppError(code, 'forbidden');
}

/** The order an action is about, with the actor's teams, in one read; 404 when out of scope. */
async function orderForAction(db: Executor, actor: Actor, id: number): Promise<{ order: OrderRecord; orderActor: OrderActor }> {
  const { order, teamIds } = await findOrderAndTeams(db, id, actor);
  if (!order) throw AppError.notFound();
  return { order, orderActor: { userId: actor.userId, permissions: actor.permissions, teamIds } };
}

// ---- creation ----

type Limit = { limitHours: number | null; limitWorkingDays: number | null };

/**
 * The due times of orders created at one moment, one per limit, in one pass: the stored holiday
 * calendar is read once, and only when some limit is in working days.
 */
export async function dueTimes(ex: Executor, created: Date, limits: readonly Limit[]): Promise<Date[]> {
  let calendar = workingDaysOf({ holidays: [], workdays: [] });
  if (limits.some((l) => l.limitHours === null)) {
    const [from, to] = calendarYearsFor(created);
    // Reading the calendar inside the caller's transaction is a plain read: the executor serves as a Db.
    calendar = workingDaysOf(await storedCalendar(ex as Db, from, to));
  }
  return limits.map((l) =>
    dueAt(created, l.limitHours !== null ? { hours: l.limitHours } : { workingDays: l.limitWorkingDays as number }, calendar),
  );
}

/** The due time of an order created now of a type, from the stored holiday calendar. */
export async function dueFor(ex: Executor, created: Date, limit: Limit): Promise<Date> {
  const [due] = await dueTimes(ex, created, [limit]);
  return due;
}

export const SYSTEM_NAME = 'work-orders';

/** Who acts, for the trace: the signed-in person, or the system for automatic steps. */
export function actorName(ctx: RequestContext): string {
  return ctx.actor?.displayName ?? SYSTEM_NAME;
}

export async function createOrder(db: Db, ctx: RequestContext, actor: Actor, input: CreateWorkOrderRequest): Promise<WorkOrderDetail> {
  const k = await caseForOrder(db, input.caseId, actor);
  if (!k) throw AppError.invalid(fieldProblem('body.caseId', 'invalid_value'));
  const type = await findType(db, input.typeId, actor);
  if (!type || !type.active || type.courtId !== k.courtId) {
    throw AppError.invalid(
      fieldProblem('body.typeId', 'invalid_value', { zh: '须为本案法院在用的工单类型', en: "Must be an active type of the case's court" }),
    );
  }
  if (input.partyId && !(await partyOfCase(db, k.id, input.partyId))) {
    throw AppError.invalid(fieldProblem('body.partyId', 'invalid_value', { zh: '不是本案当事人', en: 'Not a party of this case' }));
  }
  if (k.status === 'archived') {
    throw new AppError('INVALID_STATE', 'conflict', { detail: 'An archived case takes no new work orders.', meta: { allowed: [] } });
  }
  const now = new Date();
  const id = await db.transaction(async (tx) => {
    const due = await dueFor(tx, now, type);
    const [orderId] = await insertOrders(tx, [
      {
        courtId: k.courtId,
        caseId: k.id,
        typeId: type.id,
        partyId: input.partyId ?? null,
        initiatorId: actor.userId,
        teamId: type.teamId,
        dueAt: due,
        note: input.note,
        createdAt: now,
      },
    ]);
    await insertEvents(tx, [
      { orderId, action: 'initiate', toStatus: 'initiated', actorId: actor.userId, actorName: actor.displayName, note: input.note },
    ]);
    if (type.autoDispatch && type.teamId !== null) await autoDispatch(tx, [orderId], type.teamId);
    await recordAudit(tx, ctx, {
      entityType: 'work-order',
      entityId: orderId,
      action: 'create',
      courtId: k.courtId,
      after: { caseId: k.id, typeId: type.id, partyId: input.partyId ?? null, dueAt: due, teamId: type.teamId },
    });
    return orderId;
  });
  await deliverSoon(db);
  return getOrder(db, actor, id);
}

/** Auto-dispatch (自动派单): each order to the member then least loaded; ties to the lowest user id. */
export async function autoDispatch(tx: Executor, orderIds: readonly number[], teamId: number): Promise<void> {
  for (const orderId of orderIds) {
    const assignee = await leastLoadedMember(tx, teamId);
    if (assignee === null) return;
    await claimOrder(tx, orderId, assignee);
    await insertEvents(tx, [
      { orderId, action: 'dispatch', fromStatus: 'initiated', toStatus: 'accepted', actorId: null, actorName: SYSTEM_NAME, note: 'auto' },
    ]);
    await notify(tx, [dispatchedNotice(assignee, orderId)]);
  }
}

function dispatchedNotice(userId: number, orderId: number) {
  return {
    userId,
    kind: 'work-order-dispatched',
    titleZh: `新的事务工单 #${orderId} 已派给您`,
    titleEn: `Work order #${orderId} was dispatched to you`,
    entityType: 'work-order',
    entityId: orderId,
  };
}

// ---- claim ----

/** Claim (认领) from the pool: exactly one of any number of concurrent claimers wins. */
export async function claim(db: Db, ctx: RequestContext, actor: Actor, id: number): Promise<WorkOrderDetail> {
  const { order, orderActor: who } = await orderForAction(db, actor, id);
  const refusal = refusalOf('claim', who, order);
  if (refusal) throw refused(refusal);
  if (order.status !== 'initiated') {
    if (order.assigneeId !== null) throw alreadyClaimed(order.assigneeId === actor.userId);
    throw invalidState(order.status, 'claim');
  }
  await db.transaction(async (tx) => {
    if (!(await claimOrder(tx, id, actor.userId))) throw alreadyClaimed(false);
    await insertEvents(tx, [
      { orderId: id, action: 'claim', fromStatus: 'initiated', toStatus: 'accepted', actorId: actor.userId, actorName: actor.displayName },
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'work-order',
      entityId: id,
      action: 'claim',
      courtId: order.courtId,
      before: { status: 'initiated', assigneeId: null },
      after: { status: 'accepted', assigneeId: actor.userId },
    });
  });
  return getOrder(db, actor, id);
}

function alreadyClaimed(byYou: boolean): AppError {
  return new AppError('ALREADY_CLAIMED', 'conflict', { meta: { byYou } });
}

// ---- dispatch ----

async function checkAssignee(db: Executor, order: OrderRecord, assigneeId: number, field: string) {
  if (!(await mayHold(db, assigneeId, order.teamId, order.courtId))) {
    throw AppError.invalid(fieldProblem(field, 'assignee_not_member', WORK_ORDER_FIELD_ERRORS.assignee_not_member));
  }
}

/** A leader's dispatch of one order from the pool; used one by one by the bulk dispatch. */
async function dispatchOne(db: Db, ctx: RequestContext, actor: Actor, id: number, assigneeId: number): Promise<void> {
  const { order, orderActor: who } = await orderForAction(db, actor, id);
  const refusal = refusalOf('dispatch', who, order);
  if (refusal) throw refused(refusal);
  if (order.status !== 'initiated') {
    if (order.assigneeId !== null) throw alreadyClaimed(false);
    throw invalidState(order.status, 'dispatch');
  }
  await checkAssignee(db, order, assigneeId, 'body.assigneeId');
  await db.transaction(async (tx) => {
    if (!(await claimOrder(tx, id, assigneeId))) throw alreadyClaimed(false);
    await insertEvents(tx, [
      {
        orderId: id,
        action: 'dispatch',
        fromStatus: 'initiated',
        toStatus: 'accepted',
        actorId: actor.userId,
        actorName: actor.displayName,
        note: (await userName(tx, assigneeId)) ?? '',
      },
    ]);
    await notify(tx, [dispatchedNotice(assigneeId, id)]);
    await recordAudit(tx, ctx, {
      entityType: 'work-order',
      entityId: id,
      action: 'dispatch',
      courtId: order.courtId,
      before: { status: 'initiated', assigneeId: null },
      after: { status: 'accepted', assigneeId },
    });
  });
}

/** Bulk dispatch: each order on its own (one failing does not stop the others); answers per order. */
export async function dispatchMany(db: Db, ctx: RequestContext, actor: Actor, input: { ids: number[]; assigneeId: number }) {
  const items: { id: number; ok: boolean; code: string | null }[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      await dispatchOne(db, ctx, actor, id, input.assigneeId);
      items.push({ id, ok: true, code: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A wrong assignee is wrong for every order: the whole request is invalid.
      if (error.code === 'VALIDATION_FAILED') throw error;
      items.push({ id, ok: false, code: error.code });
    }
  }
  await deliverSoon(db);
  return { items, succeeded: items.filter((i) => i.ok).length };
}

// ---- transitions held by one person ----

interface Step {
  action: WorkOrderAction;
  version: number;
  note?: string;
  patch?: (order: OrderRecord, to: WorkOrderStatus) => Partial<NewOrder>;
  /** Checks beyond state and role, before anything is written. */
  check?: (order: OrderRecord) => Promise<void> | void;
  notice?: (order: OrderRecord) => { userId: number | null; titleZh: string; titleEn: string } | null;
  audit?: (order: OrderRecord) => Record<string, unknown>;
}

/** One step of the lifecycle: scope, role, state, version, then the change, its trace, notice and audit. */
async function step(db: Db, ctx: RequestContext, actor: Actor, id: number, s: Step): Promise<WorkOrderDetail> {
  const { order, orderActor: who } = await orderForAction(db, actor, id);
  const refusal = refusalOf(s.action, who, order);
  if (refusal) throw refused(refusal);
  const to = nextStatus(order.status, s.action);
  if (to === null) throw invalidState(order.status, s.action);
  if (order.version !== s.version) throw AppError.versionConflict(order.version);
  await s.check?.(order);
  await db.transaction(async (tx) => {
    if (!(await updateOrder(tx, id, s.version, { status: to, ...s.patch?.(order, to) }))) throw AppError.versionConflict();
    await insertEvents(tx, [
      {
        orderId: id,
        action: s.action,
        fromStatus: order.status,
        toStatus: to,
        actorId: actor.userId,
        actorName: actor.displayName,
        note: s.note ?? '',
      },
    ]);
    const notice = s.notice?.(order);
    if (notice) await notify(tx, [{ ...notice, kind: `work-order-${s.action}`, entityType: 'work-order', entityId: id }]);
    await recordAudit(tx, ctx, {
      entityType: 'work-order',
      entityId: id,
      action: s.action,
      courtId: order.courtId,
      before: { status: order.status, assigneeId: order.assigneeId },
      after: { status: to, ...s.audit?.(order) },
    });
  });
  await deliverSoon(db);
  return getOrder(db, actor, id);
}

export function startOrder(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { version: number }) {
  return step(db, ctx, actor, id, { action: 'start', version: input.version, patch: () => ({ startedAt: new Date() }) });
}

/** Record the result (反馈): every required result field of the type, checked; auto-complete types finish here. */
export async function recordResult(db: Db, ctx: RequestContext, actor: Actor, id: number, input: RecordResultRequest) {
  const detail = await step(db, ctx, actor, id, {
    action: 'record',
    version: input.version,
    note: input.note,
    check: async (order) => {
      const type = await findType(db, order.typeId);
      const fields = type?.resultFields ?? [];
      const problems = resultProblems(fields, input.result).map((p) =>
        fieldProblem(`body.result.${p.key}`, p.code, WORK_ORDER_FIELD_ERRORS[p.code]),
      );
      for (const key of Object.keys(input.result)) {
        if (!fields.some((f) => f.key === key))
          problems.push(fieldProblem(`body.result.${key}`, 'result_unknown', WORK_ORDER_FIELD_ERRORS.result_unknown));
      }
      if (problems.length > 0) throw AppError.invalid(...problems);
    },
    patch: () => ({ result: input.result, checklist: input.checklist, feedbackAt: new Date() }),
    notice: (order) => ({
      userId: order.initiatorId,
      titleZh: `${order.caseNumber} ${order.typeNameZh}工单已反馈，请确认`,
      titleEn: `${order.caseNumber}: the ${order.typeNameEn} order has a result to confirm`,
    }),
    audit: () => ({ result: input.result, checklist: input.checklist }),
  });
  const order = await findOrder(db, id, actor);
  if (order?.autoComplete && order.status === 'feedback') return completeAutomatically(db, ctx, actor, order);
  return detail;
}

async function completeAutomatically(db: Db, ctx: RequestContext, actor: Actor, order: OrderRecord) {
  await db.transaction(async (tx) => {
    if (!(await updateOrder(tx, order.id, order.version, { status: 'completed', completedAt: new Date() }))) return;
    await insertEvents(tx, [
      {
        orderId: order.id,
        action: 'complete',
        fromStatus: 'feedback',
        toStatus: 'completed',
        actorId: null,
        actorName: SYSTEM_NAME,
        note: 'auto',
      },
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'work-order',
      entityId: order.id,
      action: 'complete',
      courtId: order.courtId,
      before: { status: 'feedback' },
      after: { status: 'completed', automatic: true },
    });
  });
  return getOrder(db, actor, order.id);
}

export function completeOrder(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { version: number }) {
  return step(db, ctx, actor, id, {
    action: 'complete',
    version: input.version,
    patch: () => ({ completedAt: new Date() }),
    notice: (order) => ({
      userId: order.assigneeId,
      titleZh: `${order.caseNumber} ${order.typeNameZh}工单已确认完成`,
      titleEn: `${order.caseNumber}: the ${order.typeNameEn} order was confirmed complete`,
    }),
  });
}

export function returnOrder(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { version: number; reason: string }) {
  return step(db, ctx, actor, id, {
    action: 'return',
    version: input.version,
    note: input.reason,
    patch: () => ({ returnReason: input.reason }),
    notice: (order) => ({
      userId: order.initiatorId,
      titleZh: `${order.caseNumber} ${order.typeNameZh}工单被退回：${input.reason.slice(0, 40)}`,
      titleEn: `${order.caseNumber}: the ${order.typeNameEn} order was returned: ${input.reason.slice(0, 40)}`,
    }),
    audit: () => ({ returnReason: input.reason }),
  });
}

/** Bulk return by a leader: each order on its own, with its current version. */
export async function returnMany(db: Db, ctx: RequestContext, actor: Actor, input: { ids: number[]; reason: string }) {
  const items: { id: number; ok: boolean; code: string | null }[] = [];
  for (const id of [...new Set(input.ids)]) {
    try {
      const order = await findOrder(db, id, actor);
      if (!order) throw AppError.notFound();
      await returnOrder(db, ctx, actor, id, { version: order.version, reason: input.reason });
      items.push({ id, ok: true, code: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      items.push({ id, ok: false, code: error.code });
    }
  }
  return { items, succeeded: items.filter((i) => i.ok).length };
}

/** Re-initiate (重新发起) a returned order: back to the pool, due afresh from now. */
export async function reinitiateOrder(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { version: number; note?: string }) {
  const order = await findOrder(db, id, actor);
  const type = order ? await findType(db, order.typeId) : null;
  const due = type ? await dueFor(db, new Date(), type) : new Date();
  const detail = await step(db, ctx, actor, id, {
    action: 'reinitiate',
    version: input.version,
    note: input.note ?? '',
    patch: () => ({
      assigneeId: null,
      returnReason: null,
      acceptedAt: null,
      startedAt: null,
      dueAt: due,
      warnedNearAt: null,
      warnedOverdueAt: null,
      ...(input.note === undefined ? {} : { note: input.note }),
    }),
    audit: () => ({ dueAt: due }),
  });
  if (type?.autoDispatch && type.teamId !== null) {
    const teamId = type.teamId;
    await db.transaction((tx) => autoDispatch(tx, [id], teamId));
    await deliverSoon(db);
    return getOrder(db, actor, id);
  }
  return detail;
}

export function withdrawOrder(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { version: number; reason: string }) {
  return step(db, ctx, actor, id, {
    action: 'withdraw',
    version: input.version,
    note: input.reason,
    notice: (order) => ({
      userId: order.assigneeId,
      titleZh: `${order.caseNumber} ${order.typeNameZh}工单已被发起人撤回`,
      titleEn: `${order.caseNumber}: the ${order.typeNameEn} order was withdrawn`,
    }),
  });
}

/** Re-dispatch (改派) of a held order to another member of its team, who starts it afresh. */
export function redispatchOrder(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { version: number; assigneeId: number; note: string },
) {
  return step(db, ctx, actor, id, {
    action: 'redispatch',
    version: input.version,
    note: input.note,
    check: (order) => checkAssignee(db, order, input.assigneeId, 'body.assigneeId'),
    patch: () => ({ assigneeId: input.assigneeId, acceptedAt: new Date(), startedAt: null }),
    notice: () => dispatchedNotice(input.assigneeId, id),
    audit: () => ({ assigneeId: input.assigneeId }),
  });
}
