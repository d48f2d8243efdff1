import {
  type CompositionQuery,
  type CompositionView,
  type ContractRecruitmentRequest,
  type CreateRecruitmentRequest,
  type CreateTrainingSessionRequest,
  type InterviewRecruitmentRequest,
  maskPhone,
  NETWORK_FIELD_ERRORS,
  OFFICIAL_SHARE_WARNING,
  RECRUITMENT_STATUS_NAMES,
  type RecruitmentQuery,
  type RecruitmentStatus,
  type RecruitmentView,
  type ReplacementRequest,
  shareOf,
  type TrainingQuery,
  type TrainingSessionDetail,
  type UpdateTrainingSessionRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { chinaToday } from './assistants.service.js';
import { mayReveal, recruitmentStepAllowed } from './network.policy.js';
import {
  assistantsOfCourtTree,
  attendeesOf,
  composition,
  courtInScope,
  findAssistant,
  findRecruitment,
  findSession,
  findStation,
  insertRecruitment,
  insertSession,
  listRecruitments,
  listSessions,
  type RecruitmentRecord,
  setAttendance,
  type TrainingSessionRecord,
  updateRecruitment,
  updateSession,
  userOfCourt,
} from './network.repository.js';

// ---- composition ----

export async function compositionOf(db: Db, actor: Actor, query: CompositionQuery): Promise<CompositionView> {
  if (query.courtId && !(await courtInScope(db, query.courtId, actor))) throw AppError.notFound();
  if (query.stationId && !(await findStation(db, query.stationId, actor))) throw AppError.notFound();
  const c = await composition(db, actor, query, chinaToday());
  const split = (r: { id: number; name: string; total: number; official: number }) => {
    const officialShare = shareOf(r.official, r.total);
    return { ...r, officialShare, warning: officialShare > OFFICIAL_SHARE_WARNING };
  };
  const officialShare = shareOf(c.totals.official, c.totals.total);
  return {
    total: c.totals.total,
    official: c.totals.official,
    officialShare,
    threshold: OFFICIAL_SHARE_WARNING,
    warning: officialShare > OFFICIAL_SHARE_WARNING,
    byCategory: c.byCategory,
    ageBands: c.ageBands,
    education: c.education,
    statuses: c.statuses,
    courts: c.courts.map(split),
    stations: c.stations.map(split),
  };
}

// ---- recruitment ----

function toRecruitmentView(row: RecruitmentRecord, reveal: boolean): RecruitmentView {
  return {
    ...(row as RecruitmentView),
    candidatePhone: reveal || !row.candidatePhone ? row.candidatePhone : maskPhone(row.candidatePhone),
  };
}

export async function findRecruitments(db: Db, actor: Actor, query: RecruitmentQuery) {
  const { items, total } = await listRecruitments(db, actor, query);
  return { items: items.map((r) => toRecruitmentView(r, false)), total, page: query.page, pageSize: query.pageSize };
}

export async function getRecruitment(db: Db, actor: Actor, id: number): Promise<RecruitmentView> {
  const row = await findRecruitment(db, id, actor);
  if (!row) throw AppError.notFound();
  return toRecruitmentView(row, mayReveal(actor.permissions));
}

export async function announceRecruitment(db: Db, ctx: RequestContext, actor: Actor, input: CreateRecruitmentRequest) {
  if (!(await courtInScope(db, input.courtId, actor))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  if (input.stationId !== null) {
    const station = await findStation(db, input.stationId, actor);
    if (!station || station.courtId !== input.courtId)
      throw AppError.invalid(fieldProblem('body.stationId', 'assistant_station', NETWORK_FIELD_ERRORS.assistant_station));
  }
  const id = await db.transaction(async (tx) => {
    const newId = await insertRecruitment(tx, input);
    await recordAudit(tx, ctx, {
      entityType: 'network-recruitment',
      entityId: newId,
      action: 'announce',
      courtId: input.courtId,
      after: input,
    });
    return newId;
  });
  return getRecruitment(db, actor, id);
}

type Step = 'interview' | 'contract' | 'replacement' | 'close';

/** Loads a recruitment for a step: 404 outside scope, 409 when stale or in the wrong state. */
async function forStep(ex: Executor, actor: Actor, id: number, version: number, step: Step): Promise<RecruitmentRecord> {
  const row = await findRecruitment(ex, id, actor);
  if (!row) throw AppError.notFound();
  if (row.version !== version) throw AppError.versionConflict(row.version);
  const status = row.status as RecruitmentStatus;
  if (!recruitmentStepAllowed(step, status))
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: `A recruitment that is ${status} cannot take the ${step} step.`,
      meta: { status, statusName: RECRUITMENT_STATUS_NAMES[status] },
    });
  return row;
}

async function applyStep(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  row: RecruitmentRecord,
  action: string,
  patch: Parameters<typeof updateRecruitment>[3],
) {
  await db.transaction(async (tx) => {
    if (!(await updateRecruitment(tx, row.id, row.version, patch))) throw AppError.versionConflict(row.version);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, (row as unknown as Record<string, unknown>)[k] ?? null]));
    await recordAudit(tx, ctx, { entityType: 'network-recruitment', entityId: row.id, action, courtId: row.courtId, before, after: patch });
  });
  return getRecruitment(db, actor, row.id);
}

function notBefore(field: string, value: string, earliest: string | null, names: { zh: string; en: string }) {
  return earliest && value < earliest ? [fieldProblem(field, 'invalid_value', names)] : [];
}

export async function interview(db: Db, ctx: RequestContext, actor: Actor, id: number, input: InterviewRecruitmentRequest) {
  const row = await forStep(db, actor, id, input.version, 'interview');
  const problems = [
    ...((await userOfCourt(db, input.judgeId, row.courtId))
      ? []
      : [fieldProblem('body.judgeId', 'judge_not_in_court', NETWORK_FIELD_ERRORS.judge_not_in_court)]),
    ...notBefore('body.interviewedOn', input.interviewedOn, row.announcedOn, {
      zh: '面试日期不能早于公告日期',
      en: 'The interview cannot precede the announcement',
    }),
  ];
  if (problems.length > 0) throw AppError.invalid(...problems);
  return applyStep(db, ctx, actor, row, 'interview', {
    judgeId: input.judgeId,
    interviewedOn: input.interviewedOn,
    interviewResult: input.result,
    interviewNote: input.note,
    status: input.result === 'passed' ? 'interviewed' : 'rejected',
  });
}

export async function contract(db: Db, ctx: RequestContext, actor: Actor, id: number, input: ContractRecruitmentRequest) {
  const row = await forStep(db, actor, id, input.version, 'contract');
  const problems = notBefore('body.contractedOn', input.contractedOn, row.interviewedOn, {
    zh: '签约日期不能早于面试日期',
    en: 'The contract cannot precede the interview',
  });
  if (input.assistantId !== null) {
    const assistant = await findAssistant(db, input.assistantId, actor);
    if (!assistant || assistant.courtId !== row.courtId) problems.push(fieldProblem('body.assistantId', 'invalid_value'));
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
  return applyStep(db, ctx, actor, row, 'contract', {
    contractParty: input.contractParty,
    payBand: input.payBand,
    insurance: input.insurance,
    annualTrainingHours: String(input.annualTrainingHours),
    contractedOn: input.contractedOn,
    assistantId: input.assistantId,
    status: 'contracted',
  });
}

export async function requestReplacement(db: Db, ctx: RequestContext, actor: Actor, id: number, input: ReplacementRequest) {
  const row = await forStep(db, actor, id, input.version, 'replacement');
  const problems = notBefore('body.requestedOn', input.requestedOn, row.contractedOn, {
    zh: '申请日期不能早于签约日期',
    en: 'The request cannot precede the contract',
  });
  if (problems.length > 0) throw AppError.invalid(...problems);
  return applyStep(db, ctx, actor, row, 'request-replacement', {
    replacementRequestedOn: input.requestedOn,
    replacementReason: input.reason,
    status: 'replacement-requested',
  });
}

export async function closeRecruitment(db: Db, ctx: RequestContext, actor: Actor, id: number, version: number) {
  const row = await forStep(db, actor, id, version, 'close');
  return applyStep(db, ctx, actor, row, 'close', { status: 'closed' });
}

// ---- training ----

function toSessionView(row: TrainingSessionRecord) {
  return row as TrainingSessionDetail;
}

export async function findSessions(db: Db, actor: Actor, query: TrainingQuery) {
  const { items, total } = await listSessions(db, actor, query);
  return { items: items.map(toSessionView), total, page: query.page, pageSize: query.pageSize };
}

export async function getSession(db: Db, actor: Actor, id: number): Promise<TrainingSessionDetail> {
  const row = await findSession(db, id, actor);
  if (!row) throw AppError.notFound();
  return { ...toSessionView(row), attendees: await attendeesOf(db, id) };
}

/** Attendees must be assistants of the session's court (or a court below it) who have not left. */
async function attendanceProblems(ex: Executor, courtId: number, assistantIds: readonly number[]) {
  const wanted = [...new Set(assistantIds)];
  const found = await assistantsOfCourtTree(ex, courtId, wanted);
  return wanted.flatMap((id, i) => {
    const a = found.find((f) => f.id === id);
    if (!a) return [fieldProblem(`body.assistantIds.${i}`, 'invalid_value')];
    if (a.status === 'left') return [fieldProblem(`body.assistantIds.${i}`, 'assistant_left', NETWORK_FIELD_ERRORS.assistant_left)];
    return [];
  });
}

export async function createSession(db: Db, ctx: RequestContext, actor: Actor, input: CreateTrainingSessionRequest) {
  if (!(await courtInScope(db, input.courtId, actor))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  const problems = await attendanceProblems(db, input.courtId, input.assistantIds);
  if (problems.length > 0) throw AppError.invalid(...problems);
  const { assistantIds, ...values } = input;
  const id = await db.transaction(async (tx) => {
    const newId = await insertSession(tx, { ...values, hours: String(values.hours) });
    await setAttendance(tx, newId, [...new Set(assistantIds)]);
    await recordAudit(tx, ctx, { entityType: 'network-training', entityId: newId, action: 'create', courtId: input.courtId, after: input });
    return newId;
  });
  return getSession(db, actor, id);
}

export async function editSession(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateTrainingSessionRequest) {
  const before = await getSession(db, actor, id);
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  const { version, assistantIds, ...patch } = input;
  if (assistantIds) {
    // Someone who attended and has left since stays on the record; only new attendees are checked.
    const added = assistantIds.filter((a) => !before.attendees.some((x) => x.id === a));
    const problems = (await attendanceProblems(db, before.courtId, added)).map((p) => ({
      ...p,
      field: `body.assistantIds.${assistantIds.indexOf(added[Number(p.field.split('.').at(-1))])}`,
    }));
    if (problems.length > 0) throw AppError.invalid(...problems);
  }
  await db.transaction(async (tx) => {
    const values = { ...patch, hours: patch.hours === undefined ? undefined : String(patch.hours) };
    if (!(await updateSession(tx, id, version, values))) throw AppError.versionConflict(before.version);
    if (assistantIds) await setAttendance(tx, id, [...new Set(assistantIds)]);
    const { attendees, attendeeCount: _n, courtName: _c, ...rest } = before;
    await recordAudit(tx, ctx, {
      entityType: 'network-training',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: { ...rest, assistantIds: attendees.map((a) => a.id) },
      after: { ...rest, ...patch, assistantIds: assistantIds ?? attendees.map((a) => a.id) },
      omit: ['version'],
    });
  });
  return getSession(db, actor, id);
}
