import {
  type CreateDeliveryTasksRequest,
  DELIVERY_FIELD_ERRORS,
  DELIVERY_STATUS_NAMES,
  type DeliveryAttemptView,
  type DeliveryElectronicSendView,
  type DeliveryStatus,
  type DeliveryTaskDetail,
  type DeliveryTaskQuery,
  type DeliveryTaskView,
  type EndDeliveryTaskRequest,
  type RecordDeliveryAttemptRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { storedCalendar } from '../calendar/index.js';
import { completeNodeByEvent } from '../cases/index.js';
import { deliverSoon } from '../notifications/index.js';
import { feedbackFromDelivery } from '../work-orders/index.js';
import {
  type AttemptRecord,
  attemptsOf,
  caseForDelivery,
  findTask,
  insertAttempt,
  insertTasks,
  isoOf,
  listTasks,
  type NewTask,
  partiesForTasks,
  type SettledTaskRecord,
  settledTasksOfOrder,
  type TaskRecord,
  taskCountsOfCase,
  tasksOfCase,
  updateTask,
} from './delivery.repository.js';
import { type AttemptFacts, announcementEffectiveOn, effectOf, isLegalOutcome, nextStep, type TaskFacts } from './delivery.rules.js';
import { type ElectronicSendRecord, sendsOf } from './electronic.repository.js';
import { deliveryNodeDone, orderFeedbackOf } from './settlement.js';

/** Today, and the day of a moment, in China Standard Time: dates of law are CST calendar days. */
export function chinaDay(moment: Date = new Date()): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---- views ----

export function toTaskView(row: TaskRecord): DeliveryTaskView {
  return { ...row, createdAt: isoOf(row.createdAt) as string, endedAt: isoOf(row.endedAt) };
}

export function toAttemptView(row: AttemptRecord): DeliveryAttemptView {
  const { courtId: _c, ...rest } = row;
  return { ...rest, attemptedAt: isoOf(row.attemptedAt) as string, readAt: isoOf(row.readAt) };
}

export function toSendView(row: ElectronicSendRecord): DeliveryElectronicSendView {
  const { courtId: _c, sentByUserId: _u, ...rest } = row;
  return { ...rest, createdAt: isoOf(row.createdAt) as string, settledAt: isoOf(row.settledAt), readAt: isoOf(row.readAt) };
}

const factsOf = (a: AttemptRecord): AttemptFacts => ({
  method: a.method,
  outcome: a.outcome,
  attemptedOn: chinaDay(new Date(a.attemptedAt)),
  electronicAddress: a.electronicAddress,
  effectiveOn: a.effectiveOn,
});

/** Only a confirmed electronic address makes electronic delivery count. */
const taskFacts = (t: TaskRecord): TaskFacts => ({
  confirmedElectronicAddress: t.addressConfirmed ? t.electronicAddress : null,
  address: t.address,
});

async function detailOf(ex: Executor, task: TaskRecord): Promise<DeliveryTaskDetail> {
  const [attempts, sends] = await Promise.all([attemptsOf(ex, task.id), sendsOf(ex, task.id)]);
  // While an electronic send awaits its result, the next step is to wait for it.
  const awaiting = sends.some((s) => s.status === 'awaiting');
  return {
    ...toTaskView(task),
    attempts: attempts.map(toAttemptView),
    electronicSends: sends.map(toSendView),
    suggestion: awaiting ? null : nextStep(task.status, attempts.map(factsOf), taskFacts(task)),
  };
}

export async function getTask(db: Db, actor: Actor, id: number): Promise<DeliveryTaskDetail> {
  const task = await findTask(db, id, actor);
  if (!task) throw AppError.notFound();
  return detailOf(db, task);
}

export async function findTasks(db: Db, actor: Actor, query: DeliveryTaskQuery) {
  const { items, total } = await listTasks(db, actor, {
    caseId: query.caseId,
    courtId: query.courtId,
    status: query.status,
    method: query.method,
    cursor: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return { items: items.map(toTaskView), total, nextCursor: items.length === query.limit && last ? String(last.id) : null };
}

// ---- creation ----

/** One task per party and document; a task that exists already is kept as it is. Answers the case's tasks. */
export async function createTasks(db: Db, ctx: RequestContext, actor: Actor, caseId: number, input: CreateDeliveryTasksRequest) {
  const k = await caseForDelivery(db, caseId, actor);
  if (!k) throw AppError.notFound();
  if (k.status !== 'open') throw new AppError('INVALID_STATE', 'conflict', { detail: 'Only an open case has documents to deliver.' });
  const partyIds = [...new Set(input.partyIds)];
  // One statement for all the parties: their address snapshot and the work order to link.
  const parties = await partiesForTasks(db, caseId, partyIds);
  const problems = partyIds.flatMap((id, i) =>
    parties.some((p) => p.id === id)
      ? []
      : [fieldProblem(`body.partyIds.${i}`, 'party_not_in_case', DELIVERY_FIELD_ERRORS.party_not_in_case)],
  );
  if (problems.length > 0) throw AppError.invalid(...problems);
  const kinds = [...new Set(input.documentKinds)];
  const values: NewTask[] = parties.flatMap((party) =>
    kinds.map((documentKind) => ({
      courtId: k.courtId,
      caseId,
      partyId: party.id,
      documentKind,
      workOrderId: party.workOrderId,
      address: party.address,
      phone: party.phone,
      email: party.email,
      electronicAddress: party.electronicAddress,
      addressConfirmed: party.confirmed,
      createdBy: actor.userId,
    })),
  );
  await db.transaction(async (tx) => {
    const ids = await insertTasks(tx, values);
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: caseId,
      action: 'create-delivery-tasks',
      courtId: k.courtId,
      after: { taskIds: ids, partyIds, documentKinds: input.documentKinds },
    });
  });
  return { items: (await tasksOfCase(db, caseId)).map(toTaskView) };
}

// ---- attempts ----

export function attemptProblems(input: RecordDeliveryAttemptRequest) {
  const problems = [];
  if (!isLegalOutcome(input.method, input.outcome))
    problems.push(fieldProblem('body.outcome', 'outcome_not_legal', DELIVERY_FIELD_ERRORS.outcome_not_legal));
  if (input.method === 'postal' && !input.trackingNumber) problems.push(fieldProblem('body.trackingNumber', 'required'));
  if (input.method === 'electronic' && !input.electronicAddress) problems.push(fieldProblem('body.electronicAddress', 'required'));
  if (input.method === 'announcement' && !input.publishedOn) problems.push(fieldProblem('body.publishedOn', 'required'));
  if (input.method === 'entrusted' && !input.entrustedCourt) problems.push(fieldProblem('body.entrustedCourt', 'required'));
  if (new Date(input.attemptedAt).getTime() > Date.now() + 5 * 60_000)
    problems.push(
      fieldProblem('body.attemptedAt', 'invalid_value', { zh: '送达时间不能晚于现在', en: 'The attempt cannot be in the future' }),
    );
  if (input.readAt && new Date(input.readAt).getTime() < new Date(input.attemptedAt).getTime())
    problems.push(fieldProblem('body.readAt', 'invalid_value', { zh: '阅读时间不能早于发送时间', en: 'Read before it was sent' }));
  return problems;
}

async function effectiveOnOf(db: Db, publishedOn: string | undefined): Promise<string | null> {
  if (!publishedOn) return null;
  const year = Number(publishedOn.slice(0, 4));
  return announcementEffectiveOn(publishedOn, await storedCalendar(db, year, year + 1));
}

function settledAlready(status: DeliveryStatus, action: string): AppError {
  return new AppError('INVALID_STATE', 'conflict', {
    detail: status === 'served' ? `The task is served already: no ${action}.` : `The task was ended as undeliverable: no ${action}.`,
    meta: { status, statusName: DELIVERY_STATUS_NAMES[status], allowed: [] },
  });
}

/**
 * Records an attempt: the task moves on by the rules (served, or in progress). A task served
 * settles, in the same transaction, what waits on it: the case's delivery node and the work order.
 */
export async function recordAttempt(db: Db, ctx: RequestContext, actor: Actor, id: number, input: RecordDeliveryAttemptRequest) {
  const task = await findTask(db, id, actor);
  if (!task) throw AppError.notFound();
  if (task.version !== input.version) throw AppError.versionConflict(task.version);
  if (task.status === 'served' || task.status === 'failed') throw settledAlready(task.status, 'attempt');
  const problems = attemptProblems(input);
  if (problems.length > 0) throw AppError.invalid(...problems);
  const effectiveOn = input.method === 'announcement' ? await effectiveOnOf(db, input.publishedOn) : null;
  const settled = await db.transaction(async (tx) => (await applyAttempt(tx, ctx, actor, task, input, effectiveOn)).fedBack);
  if (settled > 0) await deliverSoon(db);
  return getTask(db, actor, id);
}

/**
 * The attempt itself, inside the caller's transaction, on a task read and checked by the caller:
 * the task moves on by the rules, the attempt is stored and audited, and a task served settles
 * what waits on it (the case's delivery node, the work order). Answers the attempt and how many
 * orders were fed back (their notices are delivered after the commit).
 */
export async function applyAttempt(
  tx: Executor,
  ctx: RequestContext,
  recorder: Pick<Actor, 'userId' | 'displayName'>,
  task: TaskRecord,
  input: RecordDeliveryAttemptRequest,
  effectiveOn: string | null,
): Promise<{ attemptId: number; fedBack: number }> {
  const attemptedAt = new Date(input.attemptedAt);
  const effect = effectOf(
    {
      method: input.method,
      outcome: input.outcome,
      attemptedOn: chinaDay(attemptedAt),
      electronicAddress: input.electronicAddress,
      effectiveOn,
    },
    taskFacts(task),
    chinaDay(),
  );
  const moved = await updateTask(tx, task.id, task.version, {
    status: effect.status,
    servedOn: effect.servedOn,
    servedMethod: effect.servedOn ? input.method : null,
  });
  if (!moved) throw AppError.versionConflict();
  const attemptId = await insertAttempt(tx, {
    taskId: task.id,
    courtId: task.courtId,
    method: input.method,
    outcome: input.outcome,
    attemptedAt,
    person: input.person,
    recordedBy: recorder.userId,
    recordedByName: recorder.displayName,
    trackingNumber: input.trackingNumber ?? null,
    postalReturnStatus: input.postalReturnStatus ?? null,
    electronicAddress: input.electronicAddress ?? null,
    readAt: input.readAt ? new Date(input.readAt) : null,
    publishedOn: input.publishedOn ?? null,
    effectiveOn,
    entrustedCourt: input.entrustedCourt ?? null,
    note: input.note,
  });
  await recordAudit(tx, ctx, {
    entityType: 'delivery-task',
    entityId: task.id,
    action: 'record-attempt',
    courtId: task.courtId,
    before: { status: task.status, version: task.version },
    after: { status: effect.status, servedOn: effect.servedOn, attemptId, method: input.method, outcome: input.outcome, effectiveOn },
  });
  const fedBack = effect.status === 'served' ? await settle(tx, ctx, [task]) : 0;
  return { attemptId, fedBack };
}

/**
 * 终止送达: a task not served is ended as undeliverable, with the reason (the recipient died, the
 * organisation is deregistered, the court decided to stop) and what it rests on. Final; it counts
 * as settled for the case's delivery node and the work order (see settlement.ts).
 */
export async function endTask(db: Db, ctx: RequestContext, actor: Actor, id: number, input: EndDeliveryTaskRequest) {
  const task = await findTask(db, id, actor);
  if (!task) throw AppError.notFound();
  if (task.version !== input.version) throw AppError.versionConflict(task.version);
  if (task.status === 'served' || task.status === 'failed') throw settledAlready(task.status, 'end');
  const settled = await db.transaction(async (tx) => {
    const moved = await updateTask(tx, id, task.version, {
      status: 'failed',
      endReason: input.reason,
      endDetail: input.detail,
      endedAt: new Date(),
      endedBy: actor.userId,
      endedByName: actor.displayName,
    });
    if (!moved) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'delivery-task',
      entityId: id,
      action: 'end-undeliverable',
      courtId: task.courtId,
      before: { status: task.status, version: task.version },
      after: { status: 'failed', endReason: input.reason, endDetail: input.detail },
    });
    return settle(tx, ctx, [task]);
  });
  if (settled > 0) await deliverSoon(db);
  return getTask(db, actor, id);
}

// ---- what settled tasks move on ----

/**
 * After tasks were settled (served or ended), inside the same transaction: the delivery node of
 * each case they belong to, and each work order they are linked to. Answers how many orders
 * were fed back (their initiators have a notice to deliver after commit).
 */
export async function settle(tx: Executor, ctx: RequestContext, tasks: readonly { caseId: number; workOrderId: number | null }[]) {
  for (const caseId of new Set(tasks.map((t) => t.caseId))) await completeDeliveryNode(tx, ctx, caseId);
  let fedBack = 0;
  const orders = new Map(tasks.filter((t) => t.workOrderId !== null).map((t) => [t.workOrderId as number, t.caseId]));
  for (const [orderId, caseId] of orders) if (await feedBackOrder(tx, ctx, orderId, caseId)) fedBack += 1;
  return fedBack;
}

/** When the case's tasks are all settled and at least one is served, its delivery node (送达) is done. */
export async function completeDeliveryNode(tx: Executor, ctx: RequestContext, caseId: number) {
  const counts = await taskCountsOfCase(tx, caseId);
  if (!deliveryNodeDone(counts)) return;
  const note = counts.failed > 0 ? '受送达人均已送达或终止送达' : '全部受送达人均已送达';
  await completeNodeByEvent(tx, ctx, caseId, 'delivery', note);
}

/** The latest person who recorded an attempt on, or ended, one of the tasks: the one who did the delivery work. */
function handlerOf(tasks: readonly SettledTaskRecord[]): number | null {
  let best: { id: number; at: number } | null = null;
  for (const t of tasks) {
    for (const [id, at] of [
      [t.lastRecordedBy, t.lastRecordedAt],
      [t.endedBy, t.endedAt],
    ] as const) {
      if (id === null || at === null) continue;
      const time = new Date(at).getTime();
      if (!best || time >= best.at) best = { id, at: time };
    }
  }
  return best?.id ?? null;
}

/** Once every task linked to a 送达 work order is settled, the order is fed back with the delivery's result. */
async function feedBackOrder(tx: Executor, ctx: RequestContext, orderId: number, caseId: number): Promise<boolean> {
  const tasks = await settledTasksOfOrder(tx, orderId, caseId);
  if (tasks.length === 0) return false;
  const { values, served, note } = orderFeedbackOf(tasks);
  const outcome = await feedbackFromDelivery(tx, ctx, { orderId, handlerId: handlerOf(tasks), values, served, note });
  return outcome.moved;
}
