import {
  type DecideLimitChangeRequest,
  LIMIT_CHANGE_KIND_NAMES,
  type LimitChangeQuery,
  type LimitChangeView,
  type RequestLimitChangeRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverSoon, notify, outboxInsertSql } from '../notifications/index.js';
import type { CaseDeadlineStore, CaseForDeadline } from './case-store.js';
import {
  type Approver,
  approvedChangesOf,
  countApprovedExtensions,
  decidersOf,
  decisionsOf,
  departmentOfUser,
  findLimitChange,
  headsOfCase,
  insertDecision,
  insertLimitChange,
  type LimitChangeListRow,
  type LimitChangeRow,
  listLimitChanges,
  openChangesOf,
  presidentsOfCase,
  updateLimitChange,
  warningComputation,
  warningNotices,
} from './deadlines.repository.js';
import { allowedActions, awaitingStep, STEP_PERMISSION, statusAfter, stepsOf } from './limit-changes.policy.js';
import { storedDeadline } from './stored-deadline.js';
import { chinaToday } from './warning-levels.js';

/** What the stored-deadline services need: the database and the cases module's deadline store. */
export interface DeadlineDeps {
  db: Db;
  cases: CaseDeadlineStore;
}

export function invalidState(detail: string, allowed: string[]): AppError {
  return new AppError('INVALID_STATE', 'conflict', { detail, meta: { allowed } });
}

// ---------------------------------------------------------------------------------------------
// Recomputing a case's stored deadline

/**
 * Recomputes and stores a case's deadline from its approved changes, then its warning level
 * (the sweep's statement, for this case alone: a level it enters is notified the same way).
 * Runs inside the caller's transaction and takes the case's row lock.
 */
export async function recomputeCase(tx: Executor, cases: CaseDeadlineStore, caseId: number, today = chinaToday()) {
  const k = await cases.caseForDeadline(tx, null, caseId, { lock: true });
  if (!k) throw AppError.notFound();
  const stored = storedDeadline(k, await approvedChangesOf(tx, caseId), today);
  await cases.storeDeadline(tx, caseId, stored);
  await cases.storeWarningLevels(tx, warningComputation(today, caseId), (changed) => outboxInsertSql(warningNotices(changed)));
  return {
    before: { deadlineOn: k.deadlineOn, suspended: k.suspended },
    after: { deadlineOn: stored.deadlineOn, suspended: stored.suspended },
  };
}

// ---------------------------------------------------------------------------------------------
// Views

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

async function toViews(ex: Executor, items: LimitChangeListRow[]): Promise<LimitChangeView[]> {
  const decisions = await decisionsOf(
    ex,
    items.map((i) => i.id),
  );
  return items.map((row) => ({
    ...row,
    kind: row.kind as LimitChangeView['kind'],
    status: row.status as LimitChangeView['status'],
    awaiting: awaitingStep(row.status),
    requestedAt: iso(row.requestedAt) as string,
    decisions: decisions
      .filter((d) => d.changeId === row.id)
      .map((d) => ({
        step: d.step as 'head' | 'president',
        decision: d.decision as 'approve' | 'reject',
        comment: d.comment,
        decidedBy: d.decidedBy,
        decidedByName: d.decidedByName,
        decidedAt: iso(d.decidedAt) as string,
      })),
    allowed: allowedActions(row),
  }));
}

async function viewOf(db: Db, actor: Actor, id: number): Promise<LimitChangeView> {
  const { items } = await listLimitChanges(db, actor, { id, before: null, limit: 1 });
  if (items.length === 0) throw AppError.notFound();
  const [view] = await toViews(db, items);
  return view;
}

function describe(change: Pick<LimitChangeRow, 'kind' | 'months' | 'days' | 'fromOn' | 'toOn'>): { zh: string; en: string } {
  const name = LIMIT_CHANGE_KIND_NAMES[change.kind as keyof typeof LIMIT_CHANGE_KIND_NAMES];
  if (change.kind === 'extension') {
    const zh = change.months ? `${change.months}个月` : `${change.days}日`;
    const en = change.months ? `${change.months} month(s)` : `${change.days} day(s)`;
    return { zh: `${name.zh}${zh}`, en: `${name.en} of ${en}` };
  }
  const span = `${change.fromOn}${change.toOn ? `–${change.toOn}` : ''}`;
  return { zh: `${name.zh} ${span}`, en: `${name.en} ${span}` };
}

// ---------------------------------------------------------------------------------------------
// Reading

export async function limitChangesOfCase(deps: DeadlineDeps, actor: Actor, caseId: number) {
  const k = await deps.cases.caseForDeadline(deps.db, actor, caseId);
  if (!k) throw AppError.notFound();
  const { items, total } = await listLimitChanges(deps.db, actor, { caseId, before: null, limit: 200 });
  return { items: await toViews(deps.db, items), total };
}

/** The approver a signed-in actor is: which steps, and (division heads) which department. */
async function approverOf(db: Executor, actor: Actor): Promise<Approver> {
  const steps = stepsOf(actor.permissions);
  return {
    userId: actor.userId,
    head: steps.includes('head') ? { departmentId: await departmentOfUser(db, actor.userId) } : null,
    president: steps.includes('president'),
  };
}

/** `status=pending` is the approver's queue: changes awaiting a step the caller decides, in their courts (and division). */
export async function findLimitChanges(db: Db, actor: Actor, query: LimitChangeQuery) {
  const pending = query.status === 'pending';
  const { items, total } = await listLimitChanges(db, actor, {
    caseId: query.caseId,
    kind: query.kind,
    status: pending ? undefined : query.status,
    pendingFor: pending ? await approverOf(db, actor) : undefined,
    before: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return { items: await toViews(db, items), total, nextCursor: items.length === query.limit && last ? String(last.id) : null };
}

export async function pendingApprovalCount(db: Db, actor: Actor): Promise<number> {
  const approver = await approverOf(db, actor);
  if (!approver.head && !approver.president) return 0;
  return (await listLimitChanges(db, actor, { pendingFor: approver, before: null, limit: 1 })).total;
}

// ---------------------------------------------------------------------------------------------
// Requesting

function refuseOutsideTeam(actor: Actor, k: CaseForDeadline) {
  if (![k.judgeId, k.assistantId, k.clerkId].includes(actor.userId)) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: "Only the case's judge, assistant or clerk records its limit changes." });
  }
}

function checkDates(k: CaseForDeadline, input: RequestLimitChangeRequest, today: string) {
  if (input.kind === 'extension') return;
  const problems = [];
  if (input.fromOn < k.filedOn) {
    problems.push(
      fieldProblem('body.fromOn', 'invalid_value', { zh: '开始日期不能早于立案日期', en: 'The start date cannot be before filing' }),
    );
  }
  if (input.kind === 'suspension' && input.fromOn > today) {
    problems.push(
      fieldProblem('body.fromOn', 'invalid_value', { zh: '中止日期不能晚于今天', en: 'A suspension cannot start after today' }),
    );
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
}

/**
 * A limit change requested by the case's team: an extension (by months or days), a deduction
 * (公告, 鉴定, 管辖异议 … with its dates) or a suspension (from a date until resumed). Nothing
 * moves until it is approved. One extension and one suspension may be pending at a time.
 */
export async function requestLimitChange(
  deps: DeadlineDeps,
  ctx: RequestContext,
  actor: Actor,
  caseId: number,
  input: RequestLimitChangeRequest,
): Promise<LimitChangeView> {
  const { db, cases } = deps;
  const k = await cases.caseForDeadline(db, actor, caseId);
  if (!k) throw AppError.notFound();
  refuseOutsideTeam(actor, k);
  if (k.status !== 'open') throw invalidState('Limit changes are requested for an open (assigned) case.', []);
  if (k.limitMonths === null && k.limitDays === null) throw invalidState("The case's procedure has no trial limit.", []);
  const today = chinaToday();
  checkDates(k, input, today);
  const id = await db.transaction(async (tx) => {
    await cases.caseForDeadline(tx, null, caseId, { lock: true });
    const open = await openChangesOf(tx, caseId);
    const clash = open.find((c) => c.kind === input.kind && input.kind !== 'deduction');
    if (clash) {
      throw new AppError('INVALID_STATE', 'conflict', {
        detail:
          clash.status === 'approved'
            ? 'The case is already suspended; resume it first.'
            : `A ${input.kind} request of this case is already awaiting a decision.`,
        meta: { allowed: [], changeId: clash.id },
      });
    }
    const values = {
      caseId,
      courtId: k.courtId,
      kind: input.kind,
      months: input.kind === 'extension' ? (input.months ?? null) : null,
      days: input.kind === 'extension' ? (input.days ?? null) : null,
      deductionKind: input.kind === 'deduction' ? input.deductionKind : input.kind === 'suspension' ? 'suspension' : null,
      fromOn: input.kind === 'extension' ? null : input.fromOn,
      toOn: input.kind === 'deduction' ? input.toOn : null,
      reason: input.reason,
      status: 'requested',
      requestedBy: actor.userId,
    };
    const changeId = await insertLimitChange(tx, values);
    const what = describe(values);
    await notify(
      tx,
      (await headsOfCase(tx, caseId)).map((userId) => ({
        userId,
        kind: 'limit-change-requested',
        titleZh: `${k.caseNumber} ${what.zh} 待审批`,
        titleEn: `${k.caseNumber}: ${what.en} awaits approval`,
        entityType: 'limit-change',
        entityId: changeId,
      })),
    );
    await recordAudit(tx, ctx, {
      entityType: 'limit-change',
      entityId: changeId,
      action: 'request',
      courtId: k.courtId,
      after: { ...values, status: 'requested' },
    });
    return changeId;
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Deciding

/**
 * A decision at the step the change awaits: the division head (of the case's division, when the
 * head belongs to one), then — for an extension beyond the case's first — the president. No one
 * decides their own request or two steps of one change. The deadline moves on final approval.
 */
export async function decideLimitChange(
  deps: DeadlineDeps,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: DecideLimitChangeRequest,
): Promise<LimitChangeView> {
  const { db, cases } = deps;
  const change = await findLimitChange(db, actor, id);
  if (!change) throw AppError.notFound();
  const step = awaitingStep(change.status);
  if (!step) throw invalidState(`The change is ${change.status}; it awaits no decision.`, allowedActions(change));
  if (!actor.permissions.has(STEP_PERMISSION[step])) {
    throw new AppError('FORBIDDEN', 'forbidden', {
      detail: step === 'head' ? 'The division head decides this step.' : 'The president decides this step.',
    });
  }
  if (change.requestedBy === actor.userId) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'No one decides their own request.' });
  }
  if (change.version !== input.version) throw AppError.versionConflict(change.version);
  const today = chinaToday();
  await db.transaction(async (tx) => {
    const k = await cases.caseForDeadline(tx, null, change.caseId, { lock: true });
    if (!k) throw AppError.notFound();
    if (step === 'head') {
      const department = await departmentOfUser(tx, actor.userId);
      if (department !== null && department !== k.departmentId) {
        throw new AppError('FORBIDDEN', 'forbidden', { detail: "The head of the case's division decides this step." });
      }
    }
    if ((await decidersOf(tx, id)).includes(actor.userId)) {
      throw new AppError('FORBIDDEN', 'forbidden', { detail: 'One person decides one step of a change.' });
    }
    if (k.status !== 'open') throw invalidState('The case is no longer open.', ['withdraw']);
    const status = statusAfter(change, step, input.decision, await countApprovedExtensions(tx, change.caseId));
    if (!(await updateLimitChange(tx, id, input.version, { status }))) throw AppError.versionConflict();
    await insertDecision(tx, { changeId: id, step, decision: input.decision, comment: input.comment, decidedBy: actor.userId });
    const moved = status === 'approved' ? await recomputeCase(tx, cases, change.caseId, today) : null;
    const what = describe(change);
    const team = [change.requestedBy, k.judgeId, k.assistantId, k.clerkId];
    const outcome =
      status === 'approved'
        ? { zh: `已批准，审限届满日 ${moved?.after.deadlineOn ?? '—'}`, en: `approved; the deadline is ${moved?.after.deadlineOn ?? '—'}` }
        : status === 'rejected'
          ? { zh: '未获批准', en: 'rejected' }
          : { zh: '庭长已同意，待院长审批', en: 'approved by the division head; awaits the president' };
    const notices = team.map((userId) => ({
      userId,
      kind: `limit-change-${status}`,
      titleZh: `${k.caseNumber} ${what.zh} ${outcome.zh}`,
      titleEn: `${k.caseNumber}: ${what.en} ${outcome.en}`,
      entityType: 'limit-change',
      entityId: id,
    }));
    if (status === 'head-approved') {
      for (const userId of await presidentsOfCase(tx, change.caseId)) {
        notices.push({
          userId,
          kind: 'limit-change-requested',
          titleZh: `${k.caseNumber} ${what.zh} 待院长审批`,
          titleEn: `${k.caseNumber}: ${what.en} awaits the president`,
          entityType: 'limit-change',
          entityId: id,
        });
      }
    }
    await notify(tx, notices);
    await recordAudit(tx, ctx, {
      entityType: 'limit-change',
      entityId: id,
      action: input.decision === 'reject' ? 'reject' : status === 'head-approved' ? 'approve-head' : 'approve',
      courtId: change.courtId,
      before: { status: change.status, deadlineOn: moved?.before.deadlineOn, suspended: moved?.before.suspended },
      after: { status, step, comment: input.comment, deadlineOn: moved?.after.deadlineOn, suspended: moved?.after.suspended },
    });
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}

// ---------------------------------------------------------------------------------------------
// Withdrawing and resuming

export async function withdrawLimitChange(
  deps: DeadlineDeps,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { version?: number },
): Promise<LimitChangeView> {
  const { db } = deps;
  const change = await findLimitChange(db, actor, id);
  if (!change) throw AppError.notFound();
  if (change.requestedBy !== actor.userId) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'Only the requester withdraws a request.' });
  }
  if (!awaitingStep(change.status))
    throw invalidState(`The change is ${change.status}; only a pending one is withdrawn.`, allowedActions(change));
  const version = input.version ?? change.version;
  if (change.version !== version) throw AppError.versionConflict(change.version);
  await db.transaction(async (tx) => {
    if (!(await updateLimitChange(tx, id, version, { status: 'withdrawn' }))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'limit-change',
      entityId: id,
      action: 'withdraw',
      courtId: change.courtId,
      before: { status: change.status },
      after: { status: 'withdrawn' },
    });
  });
  return viewOf(db, actor, id);
}

/**
 * Ends an approved suspension (恢复审理): `on` becomes its last suspended day (deducted periods
 * are inclusive), the case is no longer suspended and its deadline is recomputed. Recorded by the
 * case's team or a division head.
 */
export async function resumeSuspension(
  deps: DeadlineDeps,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { on: string; version?: number },
): Promise<LimitChangeView> {
  const { db, cases } = deps;
  const change = await findLimitChange(db, actor, id);
  if (!change) throw AppError.notFound();
  const k = await cases.caseForDeadline(db, actor, change.caseId);
  if (!k) throw AppError.notFound();
  const mayResume =
    (actor.permissions.has('limit.request') && [k.judgeId, k.assistantId, k.clerkId].includes(actor.userId)) ||
    actor.permissions.has('limit.approve');
  if (!mayResume) throw AppError.forbidden();
  if (!allowedActions(change).includes('resume')) {
    throw invalidState('Only an approved suspension still running can be resumed.', allowedActions(change));
  }
  const today = chinaToday();
  if (input.on < (change.fromOn as string) || input.on > today) {
    throw AppError.invalid(
      fieldProblem('body.on', 'invalid_value', {
        zh: '恢复日期须在中止开始之后且不晚于今天',
        en: 'The resumption date must be on or after the start of the suspension and not after today',
      }),
    );
  }
  const version = input.version ?? change.version;
  if (change.version !== version) throw AppError.versionConflict(change.version);
  await db.transaction(async (tx) => {
    if (!(await updateLimitChange(tx, id, version, { toOn: input.on }))) throw AppError.versionConflict();
    const moved = await recomputeCase(tx, cases, change.caseId, today);
    await recordAudit(tx, ctx, {
      entityType: 'limit-change',
      entityId: id,
      action: 'resume',
      courtId: change.courtId,
      before: { toOn: null, ...moved.before },
      after: { toOn: input.on, ...moved.after },
    });
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}
