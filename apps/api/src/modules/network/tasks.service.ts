import {
  type ConfirmNetworkTaskRequest,
  type CreateNetworkTaskRequest,
  type DeclineNetworkTaskRequest,
  type FieldProblem,
  type MyNetworkTaskPage,
  type MyNetworkTaskQuery,
  NETWORK_TASK_ACTION_NAMES,
  NETWORK_TASK_FIELD_ERRORS,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_PHOTO_MAX_BYTES,
  NETWORK_TASK_STATUS_NAMES,
  NETWORK_TASK_STATUSES,
  type NetworkTaskAction,
  type NetworkTaskDetail,
  type NetworkTaskPage,
  type NetworkTaskQuery,
  type NetworkTaskReportContent,
  type NetworkTaskReportView,
  type NetworkTaskSuggestionQuery,
  type NetworkTaskSuggestions,
  type NetworkTaskView,
  networkTaskReportContent,
  outcomeOfReport,
  type SendBackNetworkTaskRequest,
  type SubmitNetworkTaskReportRequest,
  type SubmitNetworkTaskReportResponse,
  TODO_NETWORK_TASK_STATUSES,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db, type Executor, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliveryTaskForAssistance, recordAssistedAttempt } from '../delivery/index.js';
import { deliverSoon, notify } from '../notifications/index.js';
import { DEFAULT_SUGGESTION_RULES } from './rules-defaults.js';
import { suggestAssistants } from './suggestion.js';
import { actionsFor, mayReadCourtTasks, sniffPhotoType, type TaskSide } from './tasks.policy.js';
import {
  assistantInScope,
  assistantOfUser,
  candidatesOf,
  caseAndParty,
  courtPathOf,
  eventsOf,
  findNetworkTask,
  findReport,
  firstPhotoOf,
  insertNetworkTask,
  insertPhotos,
  insertReport,
  insertTaskEvent,
  listNetworkTasks,
  myTaskCounts,
  type NetworkTaskRecord,
  openTaskOfDelivery,
  pageOfNetworkTasks,
  partyAddress,
  photoOf,
  type ReportRecord,
  remindDueTomorrow,
  remindOverdue,
  reportByKey,
  type TaskScope,
  updateNetworkTask,
} from './tasks.repository.js';
import { isOverdue, suggestionStationOf, transition } from './tasks.rules.js';

/**
 * Tasks for grassroots assistants: the court assigns (with suggestions), the assistant accepts or
 * declines and reports from the phone (offline reports carry a key, so a repeat is stored once),
 * the court confirms or sends back. A confirmed assisted delivery becomes an attempt on the
 * delivery task, in the same transaction. Every change: trace row, audit row, notice.
 */

/** Today and tomorrow in China Standard Time. */
export function chinaDay(moment: Date = new Date(), plusDays = 0): string {
  return new Date(moment.getTime() + 8 * 3_600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

const courtScope = (actor: Actor): TaskScope => ({ kind: 'court', courtPath: actor.courtPath });
const assistantScope = (actor: Actor): TaskScope => ({ kind: 'assistant', userId: actor.userId });

// ---- views ----

export function toTaskView(row: NetworkTaskRecord, today: string, side: TaskSide): NetworkTaskView {
  const view: NetworkTaskView = {
    id: row.id,
    courtId: row.courtId,
    courtName: row.courtName,
    kind: row.kind,
    status: row.status,
    assistantId: row.assistantId,
    assistantName: row.assistantName,
    stationId: row.stationId,
    stationName: row.stationName,
    caseId: row.caseId,
    partyId: row.partyId,
    deliveryTaskId: row.deliveryTaskId,
    title: row.title,
    instructions: row.instructions,
    dueOn: row.dueOn,
    overdue: isOverdue(row.status, row.dueOn, today),
    target: {
      caseNumber: row.caseNumber,
      partyName: row.partyName,
      address: row.address,
      phone: row.phone,
      documentKind: row.documentKind,
    },
    declineReason: row.declineReason,
    sendBackReason: row.sendBackReason,
    outcome: row.outcome,
    rating: row.rating,
    deliveryAttemptId: row.deliveryAttemptId,
    assignedByName: row.assignedByName,
    reportedAt: iso(row.reportedAt),
    confirmedOn: row.confirmedOn,
    createdAt: iso(row.createdAt) as string,
    version: row.version,
  };
  // The assistant learns what the task needs, not where it sits in the court's records.
  return side === 'assistant' ? { ...view, caseId: null, partyId: null, deliveryTaskId: null, deliveryAttemptId: null } : view;
}

function toReportView(r: ReportRecord): NetworkTaskReportView {
  return {
    id: r.id,
    occurredAt: iso(r.occurredAt) as string,
    submittedAt: iso(r.submittedAt) as string,
    content: networkTaskReportContent.parse(r.content),
    outcome: r.outcome,
    photos: r.photos,
  };
}

async function detailOf(ex: Executor, row: NetworkTaskRecord, side: TaskSide, actor: Actor): Promise<NetworkTaskDetail> {
  const [events, report] = await Promise.all([eventsOf(ex, row.id), row.reportId ? findReport(ex, row.reportId) : null]);
  return {
    ...toTaskView(row, chinaDay(), side),
    trace: events.map((e) => ({ ...e, action: e.action as NetworkTaskDetail['trace'][number]['action'], at: iso(e.at) as string })),
    report: report ? toReportView(report) : null,
    allowed: actionsFor(side, actor.permissions, row.status),
  };
}

function illegal(row: NetworkTaskRecord, action: NetworkTaskAction, allowed: NetworkTaskAction[]): AppError {
  const name = NETWORK_TASK_STATUS_NAMES[row.status];
  return new AppError('INVALID_STATE', 'conflict', {
    detail: `A task ${row.status} cannot be ${NETWORK_TASK_ACTION_NAMES[action].en.toLowerCase()}; allowed: ${allowed.join(', ') || 'none'}.`,
    meta: { status: row.status, statusName: name, action, allowed },
  });
}

/** The next status for `action`, after the version check; throws 409 otherwise. */
function moveOf(row: NetworkTaskRecord, action: NetworkTaskAction, version: number) {
  const step = transition(row.status, action);
  if (!step.ok) throw illegal(row, action, step.allowed);
  if (row.version !== version) throw AppError.versionConflict(row.version);
  return step.to;
}

async function trace(
  tx: Executor,
  ctx: RequestContext,
  actor: Actor,
  row: NetworkTaskRecord,
  action: NetworkTaskAction | 'assign',
  to: NetworkTaskRecord['status'],
  note: string,
  after: Record<string, unknown> = {},
) {
  await insertTaskEvent(tx, {
    taskId: row.id,
    action,
    fromStatus: action === 'assign' ? null : row.status,
    toStatus: to,
    note,
    actorId: actor.userId,
    actorName: actor.displayName,
  });
  await recordAudit(tx, ctx, {
    entityType: 'network-task',
    entityId: row.id,
    action: action === 'assign' ? 'assign' : action,
    courtId: row.courtId,
    before: action === 'assign' ? null : { status: row.status, version: row.version },
    after: { status: to, note, ...after },
  });
}

// ---- court side ----

export async function findCourtTasks(db: Db, actor: Actor, query: NetworkTaskQuery): Promise<NetworkTaskPage> {
  const today = chinaDay();
  const { items, total } = await listNetworkTasks(db, courtScope(actor), {
    courtId: query.courtId,
    kind: query.kind,
    status: query.status,
    assistantId: query.assistantId,
    stationId: query.stationId,
    deliveryTaskId: query.deliveryTaskId,
    caseId: query.caseId,
    overdue: query.overdue ? { today, value: query.overdue === 'true' } : undefined,
    cursor: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return {
    items: items.map((r) => toTaskView(r, today, 'court')),
    total,
    nextCursor: items.length === query.limit && last ? String(last.id) : null,
  };
}

export async function getCourtTask(db: Db, actor: Actor, id: number): Promise<NetworkTaskDetail> {
  const row = await findNetworkTask(db, id, courtScope(actor));
  if (!row) throw AppError.notFound();
  return detailOf(db, row, 'court', actor);
}

function problem(field: string, code: keyof typeof NETWORK_TASK_FIELD_ERRORS): FieldProblem {
  return fieldProblem(field, code, NETWORK_TASK_FIELD_ERRORS[code]);
}

/** Gives a task to an assistant of the actor's scope; an assisted delivery comes from a delivery task. */
export async function assignTask(db: Db, ctx: RequestContext, actor: Actor, input: CreateNetworkTaskRequest): Promise<NetworkTaskDetail> {
  const problems: FieldProblem[] = [];
  const assistant = await assistantInScope(db, input.assistantId, actor.courtPath);
  if (!assistant) problems.push(problem('body.assistantId', 'not_in_scope'));
  else if (assistant.status !== 'active') problems.push(problem('body.assistantId', 'assistant_not_active'));
  if (assistant && input.stationId !== null && !assistant.stationIds.includes(input.stationId))
    problems.push(problem('body.stationId', 'assistant_station'));
  if (input.dueOn < chinaDay()) problems.push(problem('body.dueOn', 'due_in_past'));

  let courtId = assistant?.courtId ?? actor.courtId;
  let caseId: number | null = input.caseId;
  let partyId: number | null = input.partyId;
  if (input.kind === 'delivery' && input.deliveryTaskId === null) problems.push(problem('body.deliveryTaskId', 'delivery_task_required'));
  if (input.kind !== 'delivery' && input.deliveryTaskId !== null) problems.push(problem('body.deliveryTaskId', 'delivery_task_kind'));
  if (input.deliveryTaskId !== null && input.kind === 'delivery') {
    const delivery = await deliveryTaskForAssistance(db, input.deliveryTaskId, actor.courtPath);
    if (!delivery) problems.push(problem('body.deliveryTaskId', 'not_in_scope'));
    else if (delivery.status === 'served' || delivery.status === 'failed')
      problems.push(problem('body.deliveryTaskId', 'delivery_task_settled'));
    else {
      courtId = delivery.courtId;
      caseId = delivery.caseId;
      partyId = delivery.partyId;
    }
  } else if (input.caseId !== null) {
    const found = await caseAndParty(db, input.caseId, input.partyId, actor.courtPath);
    if (!found) problems.push(problem('body.caseId', 'not_in_scope'));
    else {
      courtId = found.courtId;
      if (input.partyId !== null && found.partyId === null) problems.push(problem('body.partyId', 'party_not_in_case'));
    }
  } else if (input.partyId !== null) problems.push(fieldProblem('body.caseId', 'required'));
  if (problems.length > 0) throw AppError.invalid(...problems);
  if (input.deliveryTaskId !== null) {
    const open = await openTaskOfDelivery(db, input.deliveryTaskId);
    if (open !== null)
      throw new AppError('DUPLICATE', 'conflict', {
        detail: 'The delivery task already has an open assisted-delivery task.',
        meta: { taskId: open },
      });
  }
  const chosen = assistant as NonNullable<typeof assistant>;

  const id = await db.transaction(async (tx) => {
    const newId = await insertNetworkTask(tx, {
      courtId,
      kind: input.kind,
      assistantId: chosen.id,
      stationId: input.stationId,
      caseId,
      partyId,
      deliveryTaskId: input.deliveryTaskId,
      title: input.title,
      instructions: input.instructions,
      dueOn: input.dueOn,
      assignedBy: actor.userId,
      assignedByName: actor.displayName,
    });
    const row = (await findNetworkTask(tx, newId, courtScope(actor))) as NetworkTaskRecord;
    await trace(tx, ctx, actor, row, 'assign', 'assigned', `${chosen.name} · ${input.dueOn}`, {
      kind: input.kind,
      assistantId: chosen.id,
      deliveryTaskId: input.deliveryTaskId,
      dueOn: input.dueOn,
    });
    const kindName = NETWORK_TASK_KIND_NAMES[input.kind];
    await notify(tx, [
      {
        userId: chosen.userId,
        kind: 'network-task-assigned',
        titleZh: `新的${kindName.zh}任务：${input.title}（${input.dueOn} 前）`,
        titleEn: `New task (${kindName.en}): ${input.title}, due ${input.dueOn}`,
        entityType: 'network-task',
        entityId: newId,
      },
    ]);
    return newId;
  });
  await deliverSoon(db);
  return getCourtTask(db, actor, id);
}

/** Suggested assistants for a task: station of the recipient's address, load, past record (suggestion.ts). */
export async function suggestForTask(db: Db, actor: Actor, query: NetworkTaskSuggestionQuery): Promise<NetworkTaskSuggestions> {
  let address = query.address ?? null;
  let courtId = query.courtId ?? actor.courtId;
  if (query.deliveryTaskId) {
    const delivery = await deliveryTaskForAssistance(db, query.deliveryTaskId, actor.courtPath);
    if (!delivery) throw AppError.notFound();
    address = address ?? delivery.address;
    courtId = query.courtId ?? delivery.courtId;
  } else if (query.partyId && address === null) {
    address = await partyAddress(db, query.partyId, actor.courtPath);
  }
  const path = await courtPathOf(db, courtId, actor.courtPath);
  if (!path) throw AppError.notFound();
  const candidates = await candidatesOf(db, path, query.kind, query.stationId);
  const result = suggestAssistants(
    {
      address: address ?? '',
      stationId: query.stationId ?? null,
      candidates: candidates.map((c) => ({
        assistantId: c.assistantId,
        name: c.name,
        status: c.status,
        stations: c.stations.map(suggestionStationOf),
        openTasks: c.openTasks,
        pastCompleted: c.pastCompleted,
        pastSuccesses: c.pastSuccesses,
      })),
    },
    { ...DEFAULT_SUGGESTION_RULES, limit: query.limit },
  );
  const stations = new Map(candidates.flatMap((c) => c.stations.map((s) => [s.id, s.name] as const)));
  return {
    ...result,
    address,
    candidates: candidates.length,
    stations: [...stations].map(([id, name]) => ({ id, name })).sort((a, b) => a.id - b.id),
  };
}

function reportNote(content: NetworkTaskReportContent, photos: number): string {
  if (content.kind !== 'delivery') return '';
  const parts = [`协助员反馈：地点 ${content.place}`];
  if (content.receiver) parts.push(`签收人 ${content.receiver}`);
  if (content.note) parts.push(content.note);
  if (photos > 1) parts.push(`照片 ${photos} 张（协助任务中可查看）`);
  return parts.join('；');
}

/** The court confirms the report; an assisted delivery's outcome becomes an attempt on its delivery task. */
export async function confirmTask(db: Db, ctx: RequestContext, actor: Actor, id: number, input: ConfirmNetworkTaskRequest) {
  const row = await findNetworkTask(db, id, courtScope(actor));
  if (!row) throw AppError.notFound();
  const to = moveOf(row, 'confirm', input.version);
  const report = row.reportId ? await findReport(db, row.reportId) : null;
  if (!report) throw illegal(row, 'confirm', []);
  const content = networkTaskReportContent.parse(report.content);
  const outcome = outcomeOfReport(content);
  await db.transaction(async (tx) => {
    let attempt: { attemptId: number; fedBack: number } | null = null;
    if (content.kind === 'delivery' && row.deliveryTaskId !== null) {
      const photo = await firstPhotoOf(tx, report.id);
      attempt = await recordAssistedAttempt(tx, ctx, {
        deliveryTaskId: row.deliveryTaskId,
        courtPath: actor.courtPath,
        outcome: content.outcome,
        attemptedAt: iso(report.occurredAt) as string,
        person: row.assistantName,
        note: reportNote(content, report.photos.length),
        evidence: photo ? { content: photo.content, type: photo.type as 'image/jpeg' | 'image/png' } : null,
        recorder: actor,
      });
    }
    const now = new Date();
    const moved = await updateNetworkTask(tx, id, row.version, {
      status: to,
      outcome,
      rating: input.rating,
      confirmedAt: now,
      confirmedOn: chinaDay(now),
      confirmedBy: actor.userId,
      deliveryAttemptId: attempt?.attemptId ?? null,
    });
    if (!moved) throw AppError.versionConflict();
    const settledNote =
      content.kind === 'delivery' && row.deliveryTaskId !== null && attempt === null ? '送达任务已办结，本次结果未记入送达记录' : '';
    await trace(tx, ctx, actor, row, 'confirm', to, [input.note, settledNote].filter(Boolean).join('；'), {
      outcome,
      rating: input.rating,
      deliveryAttemptId: attempt?.attemptId ?? null,
    });
    await notify(tx, [
      {
        userId: row.assistantUserId,
        kind: 'network-task-confirmed',
        titleZh: `法院已确认：${row.title}`,
        titleEn: `The court confirmed: ${row.title}`,
        entityType: 'network-task',
        entityId: id,
      },
    ]);
  });
  // Notices of this change and of any work order the attempt fed back.
  await deliverSoon(db);
  return getCourtTask(db, actor, id);
}

export async function sendBackTask(db: Db, ctx: RequestContext, actor: Actor, id: number, input: SendBackNetworkTaskRequest) {
  const row = await findNetworkTask(db, id, courtScope(actor));
  if (!row) throw AppError.notFound();
  const to = moveOf(row, 'send-back', input.version);
  // A report sent back to someone who has left would wait for nobody: the court confirms it instead.
  const assistant = await assistantInScope(db, row.assistantId, actor.courtPath);
  if (assistant?.status === 'left')
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: 'The assistant has left the network; confirm the report (with a rating) instead of sending it back.',
      meta: { status: row.status, assistantStatus: 'left', allowed: ['confirm'] },
    });
  await db.transaction(async (tx) => {
    if (!(await updateNetworkTask(tx, id, row.version, { status: to, sendBackReason: input.reason }))) throw AppError.versionConflict();
    await trace(tx, ctx, actor, row, 'send-back', to, input.reason);
    await notify(tx, [
      {
        userId: row.assistantUserId,
        kind: 'network-task-sent-back',
        titleZh: `任务被退回，请补充反馈：${row.title}`,
        titleEn: `Report sent back, please report again: ${row.title}`,
        entityType: 'network-task',
        entityId: id,
      },
    ]);
  });
  await deliverSoon(db);
  return getCourtTask(db, actor, id);
}

export async function courtTaskPhoto(db: Db, actor: Actor, id: number, photoId: number) {
  if (!mayReadCourtTasks(actor.permissions)) throw AppError.forbidden();
  const row = await findNetworkTask(db, id, courtScope(actor));
  const photo = row ? await photoOf(db, id, photoId) : null;
  if (!photo) throw AppError.notFound();
  return photo;
}

// ---- the assistant's side ----

/** 已办: every status that is not 待办. */
const DONE_STATUSES = NETWORK_TASK_STATUSES.filter((s) => !(TODO_NETWORK_TASK_STATUSES as readonly string[]).includes(s));

export async function myTasks(db: Db, actor: Actor, query: MyNetworkTaskQuery): Promise<MyNetworkTaskPage> {
  const today = chinaDay();
  const todo = query.view === 'todo';
  // The two tabs split the statuses between them, so the tab's total is one of the counts.
  const [items, counts] = await Promise.all([
    pageOfNetworkTasks(db, assistantScope(actor), {
      statuses: todo ? TODO_NETWORK_TASK_STATUSES : DONE_STATUSES,
      cursor: query.cursor ? Number(query.cursor) : null,
      limit: query.limit,
    }),
    myTaskCounts(db, actor.userId),
  ]);
  const last = items.at(-1);
  return {
    items: items.map((r) => toTaskView(r, today, 'assistant')),
    total: todo ? counts.todo : counts.done,
    nextCursor: items.length === query.limit && last ? String(last.id) : null,
    ...counts,
  };
}

export async function getMyTask(db: Db, actor: Actor, id: number): Promise<NetworkTaskDetail> {
  const row = await findNetworkTask(db, id, assistantScope(actor));
  if (!row) throw AppError.notFound();
  return detailOf(db, row, 'assistant', actor);
}

export async function acceptTask(db: Db, ctx: RequestContext, actor: Actor, id: number, version: number) {
  const row = await findNetworkTask(db, id, assistantScope(actor));
  if (!row) throw AppError.notFound();
  const to = moveOf(row, 'accept', version);
  await db.transaction(async (tx) => {
    if (!(await updateNetworkTask(tx, id, row.version, { status: to, acceptedAt: new Date() }))) throw AppError.versionConflict();
    await trace(tx, ctx, actor, row, 'accept', to, '');
  });
  return getMyTask(db, actor, id);
}

export async function declineTask(db: Db, ctx: RequestContext, actor: Actor, id: number, input: DeclineNetworkTaskRequest) {
  const row = await findNetworkTask(db, id, assistantScope(actor));
  if (!row) throw AppError.notFound();
  const to = moveOf(row, 'decline', input.version);
  await db.transaction(async (tx) => {
    if (!(await updateNetworkTask(tx, id, row.version, { status: to, declineReason: input.reason }))) throw AppError.versionConflict();
    await trace(tx, ctx, actor, row, 'decline', to, input.reason);
    await notify(tx, [
      {
        userId: row.assignedBy,
        kind: 'network-task-declined',
        titleZh: `${row.assistantName}拒绝了任务：${row.title}`,
        titleEn: `${row.assistantName} declined: ${row.title}`,
        entityType: 'network-task',
        entityId: id,
      },
    ]);
  });
  await deliverSoon(db);
  return getMyTask(db, actor, id);
}

function decodePhotos(input: SubmitNetworkTaskReportRequest): { type: string; content: Buffer }[] {
  const problems: FieldProblem[] = [];
  const photos = input.photos.map((p, i) => {
    const content = Buffer.from(p.data, 'base64');
    const type = sniffPhotoType(content);
    if (type === null || type !== p.type) problems.push(problem(`body.photos.${i}.data`, 'photo_type'));
    if (content.length > NETWORK_TASK_PHOTO_MAX_BYTES) problems.push(problem(`body.photos.${i}.data`, 'photo_size'));
    return { type: p.type, content };
  });
  if (problems.length > 0) throw AppError.invalid(...problems);
  return photos;
}

/**
 * The assistant's report. The key made on the phone decides repeats: a report whose key was
 * stored already answers the stored result (nothing is recorded again), also when two copies
 * race — the unique index lets one through and the other reads what it stored.
 */
export async function submitReport(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: SubmitNetworkTaskReportRequest,
): Promise<SubmitNetworkTaskReportResponse> {
  const assistant = await assistantOfUser(db, actor.userId);
  if (!assistant) throw AppError.notFound();
  const replay = async (): Promise<SubmitNetworkTaskReportResponse | null> => {
    const stored = await reportByKey(db, assistant.id, input.idempotencyKey);
    if (!stored) return null;
    if (stored.taskId !== id)
      throw new AppError('DUPLICATE', 'conflict', {
        detail: 'This key was used for another task’s report.',
        meta: { taskId: stored.taskId },
      });
    return { task: await getMyTask(db, actor, id), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const row = await findNetworkTask(db, id, assistantScope(actor));
  if (!row) throw AppError.notFound();
  const to = moveOf(row, 'report', input.version);
  const problems: FieldProblem[] = [];
  if (input.content.kind !== row.kind) problems.push(problem('body.content.kind', 'report_kind'));
  if (new Date(input.occurredAt).getTime() > Date.now() + 5 * 60_000) problems.push(problem('body.occurredAt', 'occurred_in_future'));
  if (problems.length > 0) throw AppError.invalid(...problems);
  const photos = decodePhotos(input);
  const outcome = outcomeOfReport(input.content);
  try {
    await db.transaction(async (tx) => {
      const reportId = await insertReport(tx, {
        taskId: id,
        assistantId: assistant.id,
        idempotencyKey: input.idempotencyKey,
        occurredAt: new Date(input.occurredAt),
        content: input.content,
        outcome,
        submittedBy: actor.userId,
      });
      await insertPhotos(tx, reportId, photos);
      if (!(await updateNetworkTask(tx, id, row.version, { status: to, reportId, reportedAt: new Date() })))
        throw AppError.versionConflict();
      await trace(tx, ctx, actor, row, 'report', to, '', { reportId, outcome, photos: photos.length });
      await notify(tx, [
        {
          userId: row.assignedBy,
          kind: 'network-task-reported',
          titleZh: `${row.assistantName}已反馈，请确认：${row.title}`,
          titleEn: `${row.assistantName} reported, please confirm: ${row.title}`,
          entityType: 'network-task',
          entityId: id,
        },
      ]);
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'network_task_reports_key') {
      const raced = await replay();
      if (raced) return raced;
    }
    throw error;
  }
  await deliverSoon(db);
  return { task: await getMyTask(db, actor, id), replayed: false };
}

export async function myTaskPhoto(db: Db, actor: Actor, id: number, photoId: number) {
  const row = await findNetworkTask(db, id, assistantScope(actor));
  const photo = row ? await photoOf(db, id, photoId) : null;
  if (!photo) throw AppError.notFound();
  return photo;
}

// ---- reminders ----

/** The scheduled sweep: due-tomorrow notices to assistants, overdue notices to assigners, once each. */
export async function sweepNetworkTaskReminders(
  db: Db | Executor,
  now: Date = new Date(),
): Promise<{ dueTomorrow: number; overdue: number }> {
  const dueTomorrow = await remindDueTomorrow(db, chinaDay(now, 1), now);
  const overdue = await remindOverdue(db, chinaDay(now), now);
  return { dueTomorrow, overdue };
}
