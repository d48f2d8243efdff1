import {
  type AssessmentQuery,
  type AssessmentRules,
  type AssessmentRunQuery,
  type AssessmentRunView,
  type AssessmentView,
  assessmentRules,
  type MonthEntriesQuery,
  NETWORK_ASSESSMENT_FIELD_ERRORS,
  NETWORK_RULES_FIELD_ERRORS,
  type NetworkRulesView,
  type RateAssistantRequest,
  type RecordItemRequest,
  type RunAssessmentResult,
  type SaveNetworkRulesRequest,
  type SubsidyRules,
  subsidyRules,
} from '@courtassist/contracts';
import { type AuditContext, recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { isWorkingDay } from '../calendar/index.js';
import { assessMonth, toCentipoints } from './assessment.js';
import {
  type AssessmentRecord,
  answerObjection,
  assistantOfUser,
  courtByCode,
  courtsToAssess,
  deleteItem,
  deleteRun,
  findAssessment,
  findItem,
  findObjection,
  findRun,
  findRunOf,
  gradeHistory,
  insertAssessments,
  insertItem,
  insertObjection,
  insertRules,
  insertRun,
  listAssessments,
  listItems,
  listRatings,
  listRuns,
  lockOpenObjections,
  lockRunOf,
  monthFacts,
  publishRun,
  type RunRecord,
  rulesFor,
  updateRules,
  upsertRating,
} from './assessments.repository.js';
import { chinaToday } from './assistants.service.js';
import { monthBounds, runState } from './months.js';
import { courtInScope, findAssistant } from './network.repository.js';
import { DEFAULT_ASSESSMENT_RULES, DEFAULT_SUBSIDY_RULES } from './rules-defaults.js';
import { statementsForRun } from './subsidies.service.js';

/** The objection period a court starts with: five working days after publication. */
export const DEFAULT_OBJECTION_WORKING_DAYS = 5;

export interface EffectiveRules {
  sourceCourtId: number | null;
  assessment: AssessmentRules;
  subsidy: SubsidyRules;
  objectionWorkingDays: number;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
  /** Whether the row is the court's own (its version is the one a save must name). */
  own: boolean;
}

/** The rules that apply to a court: its own, those of the nearest court above, or the defaults. */
export async function effectiveRules(ex: Executor, courtId: number): Promise<EffectiveRules> {
  const stored = await rulesFor(ex, courtId);
  if (!stored) {
    return {
      sourceCourtId: null,
      assessment: DEFAULT_ASSESSMENT_RULES,
      subsidy: DEFAULT_SUBSIDY_RULES,
      objectionWorkingDays: DEFAULT_OBJECTION_WORKING_DAYS,
      version: 0,
      updatedAt: null,
      updatedByName: null,
      own: false,
    };
  }
  return {
    sourceCourtId: stored.courtId,
    // Stored rules were validated when saved; parsing again keeps a hand-edited row from reaching the arithmetic.
    assessment: assessmentRules.parse(stored.assessment),
    subsidy: subsidyRules.parse(stored.subsidy),
    objectionWorkingDays: stored.objectionWorkingDays,
    version: stored.courtId === courtId ? stored.version : 0,
    updatedAt: stored.updatedAt,
    updatedByName: stored.updatedByName,
    own: stored.courtId === courtId,
  };
}

async function courtOrNotFound(db: Executor, actor: Actor, courtId: number) {
  const court = await courtInScope(db, courtId, actor);
  if (!court) throw AppError.notFound();
  return court;
}

export async function getRules(db: Db, actor: Actor, courtId: number): Promise<NetworkRulesView> {
  await courtOrNotFound(db, actor, courtId);
  const r = await effectiveRules(db, courtId);
  return {
    courtId,
    sourceCourtId: r.sourceCourtId,
    assessment: r.assessment,
    subsidy: r.subsidy,
    objectionWorkingDays: r.objectionWorkingDays,
    version: r.version,
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName,
  };
}

/** Saves a court's own rules: version 0 for the first save, then the current version (409 when stale). */
export async function saveRules(db: Db, ctx: RequestContext, actor: Actor, input: SaveNetworkRulesRequest): Promise<NetworkRulesView> {
  await courtOrNotFound(db, actor, input.courtId);
  await db.transaction(async (tx) => {
    const before = await effectiveRules(tx, input.courtId);
    const values = {
      assessment: input.assessment,
      subsidy: input.subsidy,
      objectionWorkingDays: input.objectionWorkingDays,
      updatedBy: actor.userId,
      updatedByName: actor.displayName,
    };
    const saved =
      input.version === 0
        ? !before.own && (await insertRules(tx, { courtId: input.courtId, ...values }))
        : before.own && (await updateRules(tx, input.courtId, input.version, values));
    if (!saved) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-rules',
      entityId: input.courtId,
      action: input.version === 0 ? 'create' : 'update',
      courtId: input.courtId,
      before: { assessment: before.assessment, subsidy: before.subsidy, objectionWorkingDays: before.objectionWorkingDays },
      after: { assessment: input.assessment, subsidy: input.subsidy, objectionWorkingDays: input.objectionWorkingDays },
    });
  });
  return getRules(db, actor, input.courtId);
}

// ---- ratings and items ----

const currentMonth = (): string => chinaToday().slice(0, 7);

export async function rateAssistant(db: Db, ctx: RequestContext, actor: Actor, input: RateAssistantRequest) {
  const assistant = await findAssistant(db, input.assistantId, actor);
  if (!assistant) throw AppError.notFound();
  if (input.month > currentMonth())
    throw AppError.invalid(fieldProblem('body.month', 'month_not_started', NETWORK_ASSESSMENT_FIELD_ERRORS.month_not_started));
  const ratingId = await db.transaction(async (tx) => {
    await frozenCheck(tx, assistant.courtId, input.month, 'body.month');
    const { id, before } = await upsertRating(tx, {
      courtId: assistant.courtId,
      assistantId: assistant.id,
      month: input.month,
      rating: input.rating,
      note: input.note ?? '',
      ratedBy: actor.userId,
      ratedByName: actor.displayName,
    });
    await recordAudit(tx, ctx, {
      entityType: 'network-rating',
      entityId: id,
      action: before === null ? 'create' : 'update',
      courtId: assistant.courtId,
      before: before === null ? null : { rating: before },
      after: { assistantId: assistant.id, month: input.month, rating: input.rating, note: input.note ?? '' },
    });
    return id;
  });
  const { items } = await listRatings(db, actor, {
    courtId: assistant.courtId,
    month: input.month,
    assistantId: assistant.id,
    page: 1,
    pageSize: 200,
  });
  const saved = items.find((r) => r.id === ratingId);
  if (!saved) throw AppError.notFound();
  return saved;
}

/** A published month is frozen: nothing that feeds it may change. */
async function frozenCheck(ex: Executor, courtId: number, month: string, field: string): Promise<void> {
  const run = await findRunOf(ex, courtId, month);
  if (run?.status === 'published')
    throw AppError.invalid(fieldProblem(field, 'month_frozen', NETWORK_ASSESSMENT_FIELD_ERRORS.month_frozen));
}

export async function findRatings(db: Db, actor: Actor, q: MonthEntriesQuery) {
  await courtOrNotFound(db, actor, q.courtId);
  const { items, total } = await listRatings(db, actor, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function recordItem(db: Db, ctx: RequestContext, actor: Actor, input: RecordItemRequest) {
  const assistant = await findAssistant(db, input.assistantId, actor);
  if (!assistant) throw AppError.notFound();
  const rules = await effectiveRules(db, assistant.courtId);
  const item = rules.assessment.items.find((i) => i.code === input.code);
  if (!item) throw AppError.invalid(fieldProblem('body.code', 'unknown_item', NETWORK_RULES_FIELD_ERRORS.unknown_item));
  if (input.recordedOn > chinaToday())
    throw AppError.invalid(fieldProblem('body.recordedOn', 'future_day', NETWORK_ASSESSMENT_FIELD_ERRORS.future_day));
  const id = await db.transaction(async (tx) => {
    await frozenCheck(tx, assistant.courtId, input.recordedOn.slice(0, 7), 'body.recordedOn');
    const newId = await insertItem(tx, {
      courtId: assistant.courtId,
      assistantId: assistant.id,
      code: item.code,
      nameZh: item.zh,
      nameEn: item.en,
      pointsCenti: toCentipoints(item.points),
      recordedOn: input.recordedOn,
      reason: input.reason,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await recordAudit(tx, ctx, { entityType: 'network-item', entityId: newId, action: 'create', courtId: assistant.courtId, after: input });
    return newId;
  });
  return (await findItem(db, id, actor))!;
}

export async function removeItem(db: Db, ctx: RequestContext, actor: Actor, id: number) {
  const item = await findItem(db, id, actor);
  if (!item) throw AppError.notFound();
  await db.transaction(async (tx) => {
    await frozenCheck(tx, item.courtId, item.recordedOn.slice(0, 7), 'id');
    await deleteItem(tx, id);
    await recordAudit(tx, ctx, { entityType: 'network-item', entityId: id, action: 'delete', courtId: item.courtId, before: { ...item } });
  });
  return { ok: true as const };
}

export async function findItems(db: Db, actor: Actor, q: MonthEntriesQuery) {
  await courtOrNotFound(db, actor, q.courtId);
  const { items, total } = await listItems(db, actor, q);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

// ---- runs ----

function toRunView(run: RunRecord, today: string): AssessmentRunView {
  return {
    id: run.id,
    courtId: run.courtId,
    courtName: run.courtName,
    month: run.month,
    state: runState(run.status, run.objectionUntil, today),
    assistants: run.assistants,
    grades: { excellent: 0, qualified: 0, basic: 0, unqualified: 0, ...run.grades },
    replacements: run.replacements,
    runAt: run.runAt,
    runByName: run.runByName,
    publishedAt: run.publishedAt,
    objectionUntil: run.objectionUntil,
    version: run.version,
  };
}

export interface RunBy {
  userId: number | null;
  displayName: string;
}

/**
 * The monthly run for a court and every court below it that has assistants (a higher court's
 * administrator runs the whole province at once). Per court: the facts in one statement, the
 * pure rules in memory, the results and the subsidy statements in batch inserts, one audit record.
 * A draft month is replaced; a published month is left as it is (frozen).
 */
export async function runMonth(db: Db, ctx: AuditContext, by: RunBy, courtId: number, month: string): Promise<RunAssessmentResult> {
  const started = Date.now();
  if (month > currentMonth())
    throw AppError.invalid(fieldProblem('body.month', 'month_not_started', NETWORK_ASSESSMENT_FIELD_ERRORS.month_not_started));
  const courts = await courtsToAssess(db, courtId, month);
  const done: number[] = [];
  let frozen = 0;
  for (const court of courts) {
    const ran = await db.transaction(async (tx) => {
      const existing = await lockRunOf(tx, court.id, month);
      if (existing?.status === 'published') return null;
      const rules = await effectiveRules(tx, court.id);
      if (existing) await deleteRun(tx, existing.id);
      const runId = await insertRun(tx, {
        courtId: court.id,
        month,
        rules: { assessment: rules.assessment, subsidy: rules.subsidy, objectionWorkingDays: rules.objectionWorkingDays },
        runBy: by.userId,
        runByName: by.displayName,
      });
      const facts = await monthFacts(tx, [court.id], month);
      const known = new Set(rules.assessment.items.map((i) => i.code));
      // An item recorded under rules that no longer list it is not counted (the rules decide what counts).
      for (const f of facts) f.items = f.items.filter((i) => known.has(i.code));
      const history = await gradeHistory(tx, [court.id], month);
      const results = assessMonth({ month, rules: rules.assessment, assistants: facts, history });
      await insertAssessments(
        tx,
        results.map((r) => ({
          runId,
          courtId: r.courtId,
          assistantId: r.assistantId,
          month,
          scoreCenti: toCentipoints(r.score.score),
          grade: r.grade.grade,
          courtRank: r.courtRank.rank,
          courtOf: r.courtRank.of,
          stationRanks: r.stationRanks,
          explanation: { score: r.score, grade: r.grade, replacement: r.replacement },
          replacement: r.replacement.recommended,
        })),
      );
      const statements = await statementsForRun(tx, runId, court.id, month, results, rules.subsidy);
      const grades: Record<string, number> = {};
      for (const r of results) grades[r.grade.grade] = (grades[r.grade.grade] ?? 0) + 1;
      await recordAudit(tx, ctx, {
        entityType: 'network-assessment-run',
        entityId: runId,
        action: existing ? 'rerun' : 'run',
        courtId: court.id,
        after: { month, assistants: results.length, grades, statements: statements.count, totalFen: statements.totalFen },
      });
      return runId;
    });
    if (ran === null) frozen++;
    else done.push(ran);
  }
  if (done.length === 0 && frozen > 0)
    throw AppError.invalid(fieldProblem('body.month', 'month_frozen', NETWORK_ASSESSMENT_FIELD_ERRORS.month_frozen));
  const today = chinaToday();
  const runs: AssessmentRunView[] = [];
  for (const id of done) {
    const run = await findRun(db, id, { courtPath: '/' });
    if (run) runs.push(toRunView(run, today));
  }
  return { runs, ms: Date.now() - started };
}

/** The command line's run: a court by its code (吉 for the whole province); null when there is none. */
export async function runMonthOfCourtCode(db: Db, ctx: AuditContext, code: string, month: string): Promise<RunAssessmentResult | null> {
  const court = await courtByCode(db, code);
  if (!court) return null;
  return runMonth(db, ctx, { userId: null, displayName: 'courtassist network assess' }, court.id, month);
}

export async function runForCourt(db: Db, ctx: RequestContext, actor: Actor, courtId: number, month: string) {
  await courtOrNotFound(db, actor, courtId);
  return runMonth(db, ctx, { userId: actor.userId, displayName: actor.displayName }, courtId, month);
}

export async function findRuns(db: Db, actor: Actor, q: AssessmentRunQuery) {
  await courtOrNotFound(db, actor, q.courtId);
  const { items, total } = await listRuns(db, actor, q);
  const today = chinaToday();
  return { items: items.map((r) => toRunView(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** `n` working days after `day` (the stored holiday calendar; weekends otherwise). */
async function workingDaysAfter(db: Db, day: string, n: number): Promise<string> {
  let current = day;
  for (let counted = 0; counted < n; ) {
    const next = new Date(`${current}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    current = next.toISOString().slice(0, 10);
    if ((await isWorkingDay(db, current)).working) counted++;
  }
  return current;
}

/** Publishes a month to the court: frozen from now on; objections until the end of the period. */
export async function publishMonth(db: Db, ctx: RequestContext, actor: Actor, runId: number, version: number) {
  const run = await findRun(db, runId, actor);
  if (!run) throw AppError.notFound();
  if (run.version !== version) throw AppError.versionConflict(run.version);
  if (run.status !== 'draft')
    throw new AppError('INVALID_STATE', 'conflict', { detail: 'The month is already published.', meta: { status: run.status } });
  const today = chinaToday();
  if (monthBounds(run.month).last >= today)
    throw AppError.invalid(fieldProblem('month', 'month_not_ended', NETWORK_ASSESSMENT_FIELD_ERRORS.month_not_ended));
  const days = (run.rules as { objectionWorkingDays?: number }).objectionWorkingDays ?? DEFAULT_OBJECTION_WORKING_DAYS;
  const until = await workingDaysAfter(db, today, days);
  await db.transaction(async (tx) => {
    if (!(await publishRun(tx, run.id, version, actor.userId, until))) throw AppError.versionConflict(run.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-assessment-run',
      entityId: run.id,
      action: 'publish',
      courtId: run.courtId,
      before: { status: 'draft' },
      after: { status: 'published', objectionUntil: until },
    });
  });
  return toRunView((await findRun(db, run.id, actor))!, today);
}

// ---- assessments ----

function toAssessmentView(row: AssessmentRecord, today: string): AssessmentView {
  return {
    id: row.id,
    runId: row.runId,
    courtId: row.courtId,
    courtName: row.courtName,
    assistantId: row.assistantId,
    assistantName: row.assistantName,
    stationNames: row.stationNames,
    month: row.month,
    state: runState(row.status, row.objectionUntil, today),
    objectionUntil: row.objectionUntil,
    score: row.scoreCenti / 100,
    grade: row.grade,
    courtRank: { rank: row.courtRank, of: row.courtOf },
    stationRanks: row.stationRanks,
    replacement: row.replacement,
    explanation: row.explanation as AssessmentView['explanation'],
    objections: row.objections,
  };
}

export async function findAssessments(db: Db, actor: Actor, q: AssessmentQuery) {
  if (q.courtId) await courtOrNotFound(db, actor, q.courtId);
  const { items, total } = await listAssessments(db, actor, q);
  const today = chinaToday();
  return { items: items.map((r) => toAssessmentView(r, today)), total, page: q.page, pageSize: q.pageSize };
}

export async function getAssessment(db: Db, actor: Actor, id: number) {
  const row = await findAssessment(db, id, actor);
  if (!row) throw AppError.notFound();
  return toAssessmentView(row, chinaToday());
}

/** The assistant's own assessments: published months only. */
export async function myAssessments(db: Db, actor: Actor, q: Pick<AssessmentQuery, 'page' | 'pageSize' | 'month'>) {
  const { items, total } = await listAssessments(db, actor, { ...q, ownUserId: actor.userId });
  const today = chinaToday();
  return { items: items.map((r) => toAssessmentView(r, today)), total, page: q.page, pageSize: q.pageSize };
}

/** One of the assistant's own published assessments; anyone else's answers 404. */
export async function getMyAssessment(db: Db, actor: Actor, id: number) {
  const row = await findAssessment(db, id, { ownUserId: actor.userId });
  if (!row) throw AppError.notFound();
  return toAssessmentView(row, chinaToday());
}

/**
 * An assistant objects to their own published assessment within the objection period; one
 * objection at a time: another only once the court has answered the last.
 */
export async function raiseObjection(db: Db, ctx: RequestContext, actor: Actor, assessmentId: number, reason: string) {
  const row = await findAssessment(db, assessmentId, { ownUserId: actor.userId });
  if (!row || !(await assistantOfUser(db, actor.userId))) throw AppError.notFound();
  if (runState(row.status, row.objectionUntil, chinaToday()) !== 'published')
    throw AppError.invalid(fieldProblem('id', 'objection_closed', NETWORK_ASSESSMENT_FIELD_ERRORS.objection_closed));
  await db.transaction(async (tx) => {
    if ((await lockOpenObjections(tx, assessmentId)) > 0)
      throw AppError.invalid(fieldProblem('id', 'objection_pending', NETWORK_ASSESSMENT_FIELD_ERRORS.objection_pending));
    const id = await insertObjection(tx, {
      assessmentId,
      courtId: row.courtId,
      reason,
      raisedBy: actor.userId,
      raisedByName: actor.displayName,
    });
    await recordAudit(tx, ctx, {
      entityType: 'network-objection',
      entityId: id,
      action: 'raise',
      courtId: row.courtId,
      after: { assessmentId, reason },
    });
  });
  return toAssessmentView((await findAssessment(db, assessmentId, { ownUserId: actor.userId }))!, chinaToday());
}

export async function answerObjectionOf(db: Db, ctx: RequestContext, actor: Actor, id: number, answer: string, version: number) {
  const objection = await findObjection(db, id, actor);
  if (!objection) throw AppError.notFound();
  if (objection.version !== version) throw AppError.versionConflict(objection.version);
  await db.transaction(async (tx) => {
    if (!(await answerObjection(tx, id, version, answer, actor.userId, actor.displayName)))
      throw AppError.versionConflict(objection.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-objection',
      entityId: id,
      action: 'answer',
      courtId: objection.courtId,
      before: { answer: objection.answer },
      after: { answer },
    });
  });
  return getAssessment(db, actor, objection.assessmentId);
}
