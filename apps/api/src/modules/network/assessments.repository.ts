import type {
  AssessmentGrade,
  AssessmentQuery,
  AssessmentRunQuery,
  AssistantMonthFacts,
  GradeHistoryEntry,
  MonthEntriesQuery,
  NetworkTaskKind,
} from '@courtassist/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import {
  networkAssessmentItems,
  networkAssessmentRuns,
  networkAssessments,
  networkObjections,
  networkRatings,
  networkRules,
} from './assessments.table.js';
import { monthBounds } from './months.js';

type Scope = Pick<Actor, 'courtPath'>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

// ---- rules ----

export interface StoredRules {
  courtId: number;
  assessment: unknown;
  subsidy: unknown;
  objectionWorkingDays: number;
  version: number;
  updatedAt: string;
  updatedByName: string;
}

/** The saved rules that apply to a court: its own, else those of the nearest court above it. */
export async function rulesFor(ex: Executor, courtId: number): Promise<StoredRules | null> {
  const [row] = await rows<StoredRules & { updatedAt: Date | string }>(
    ex,
    sql`SELECT r.court_id AS "courtId", r.assessment, r.subsidy, r.objection_working_days AS "objectionWorkingDays",
               r.version, r.updated_at AS "updatedAt", r.updated_by_name AS "updatedByName"
        FROM network_rules r JOIN courts c ON c.id = r.court_id
        WHERE (SELECT path FROM courts WHERE id = ${courtId}) LIKE c.path || '%'
        ORDER BY length(c.path) DESC LIMIT 1`,
  );
  return row ? { ...row, assessment: json(row.assessment), subsidy: json(row.subsidy), updatedAt: iso(row.updatedAt) as string } : null;
}

export async function insertRules(ex: Executor, values: typeof networkRules.$inferInsert): Promise<boolean> {
  const inserted = await ex.insert(networkRules).values(values).onConflictDoNothing().returning({ id: networkRules.id });
  return inserted.length === 1;
}

export async function updateRules(
  ex: Executor,
  courtId: number,
  version: number,
  patch: Pick<typeof networkRules.$inferInsert, 'assessment' | 'subsidy' | 'objectionWorkingDays' | 'updatedBy' | 'updatedByName'>,
): Promise<boolean> {
  const updated = await ex
    .update(networkRules)
    .set({ ...patch, version: sql`${networkRules.version} + 1`, updatedAt: new Date() })
    .where(and(eq(networkRules.courtId, courtId), eq(networkRules.version, version)))
    .returning({ id: networkRules.id });
  return updated.length === 1;
}

// ---- ratings and items ----

export interface RatingRecord {
  id: number;
  courtId: number;
  assistantId: number;
  assistantName: string;
  month: string;
  rating: number;
  note: string;
  ratedByName: string;
  updatedAt: string;
}

/** Stores a judge's rating for the month, replacing that judge's earlier one. Returns the row id and what it replaced. */
export async function upsertRating(
  ex: Executor,
  values: typeof networkRatings.$inferInsert,
): Promise<{ id: number; before: number | null }> {
  const [prior] = await rows<{ rating: number }>(
    ex,
    sql`SELECT rating FROM network_ratings WHERE assistant_id = ${values.assistantId} AND month = ${values.month} AND rated_by = ${values.ratedBy}`,
  );
  const [row] = await ex
    .insert(networkRatings)
    .values(values)
    .onConflictDoUpdate({
      target: [networkRatings.assistantId, networkRatings.month, networkRatings.ratedBy],
      set: { rating: values.rating, note: values.note ?? '', ratedByName: values.ratedByName, updatedAt: new Date() },
    })
    .returning({ id: networkRatings.id });
  return { id: row.id, before: prior?.rating ?? null };
}

const entriesWhere = (alias: string, scope: Scope, q: Pick<MonthEntriesQuery, 'courtId' | 'assistantId'>) => {
  const parts = [
    courtIdInScope(sql.raw(`${alias}.court_id`), scope),
    sql`${sql.raw(`${alias}.court_id`)} IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${q.courtId}) || '%')`,
  ];
  if (q.assistantId) parts.push(sql`${sql.raw(`${alias}.assistant_id`)} = ${q.assistantId}`);
  return sql.join(parts, sql` AND `);
};

export async function listRatings(ex: Executor, scope: Scope, q: MonthEntriesQuery): Promise<{ items: RatingRecord[]; total: number }> {
  const where = sql`${entriesWhere('r', scope, q)} AND r.month = ${q.month}`;
  const items = await rows<RatingRecord & { updatedAt: Date | string }>(
    ex,
    sql`SELECT r.id, r.court_id AS "courtId", r.assistant_id AS "assistantId", a.name AS "assistantName", r.month, r.rating, r.note,
               r.rated_by_name AS "ratedByName", r.updated_at AS "updatedAt"
        FROM network_ratings r JOIN network_assistants a ON a.id = r.assistant_id
        WHERE ${where} ORDER BY a.name, r.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_ratings r WHERE ${where}`);
  return { items: items.map((r) => ({ ...r, updatedAt: iso(r.updatedAt) as string })), total };
}

export async function insertItem(ex: Executor, values: typeof networkAssessmentItems.$inferInsert): Promise<number> {
  const [row] = await ex.insert(networkAssessmentItems).values(values).returning({ id: networkAssessmentItems.id });
  return row.id;
}

export interface ItemRecord {
  id: number;
  courtId: number;
  assistantId: number;
  assistantName: string;
  code: string;
  zh: string;
  en: string;
  points: number;
  recordedOn: string;
  reason: string;
  recordedByName: string;
}

const itemColumns = sql`i.id, i.court_id AS "courtId", i.assistant_id AS "assistantId", a.name AS "assistantName", i.code,
  i.name_zh AS zh, i.name_en AS en, i.points_centi AS "pointsCenti", i.recorded_on::text AS "recordedOn", i.reason,
  i.recorded_by_name AS "recordedByName"`;

const toItem = ({ pointsCenti, ...r }: Omit<ItemRecord, 'points'> & { pointsCenti: number }): ItemRecord => ({
  ...r,
  points: pointsCenti / 100,
});

export async function findItem(ex: Executor, id: number, scope: Scope): Promise<ItemRecord | null> {
  const [row] = await rows<Omit<ItemRecord, 'points'> & { pointsCenti: number }>(
    ex,
    sql`SELECT ${itemColumns} FROM network_assessment_items i JOIN network_assistants a ON a.id = i.assistant_id
        WHERE i.id = ${id} AND ${courtIdInScope(sql`i.court_id`, scope)}`,
  );
  return row ? toItem(row) : null;
}

export async function deleteItem(ex: Executor, id: number): Promise<void> {
  await ex.delete(networkAssessmentItems).where(eq(networkAssessmentItems.id, id));
}

export async function listItems(ex: Executor, scope: Scope, q: MonthEntriesQuery): Promise<{ items: ItemRecord[]; total: number }> {
  const { first, last } = monthBounds(q.month);
  const where = sql`${entriesWhere('i', scope, q)} AND i.recorded_on BETWEEN ${first} AND ${last}`;
  const items = await rows<Omit<ItemRecord, 'points'> & { pointsCenti: number }>(
    ex,
    sql`SELECT ${itemColumns} FROM network_assessment_items i JOIN network_assistants a ON a.id = i.assistant_id
        WHERE ${where} ORDER BY i.recorded_on DESC, i.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_assessment_items i WHERE ${where}`);
  return { items: items.map(toItem), total };
}

/** A court by its code: the basic court, not one of the tribunals filing under its code. */
export async function courtByCode(ex: Executor, code: string): Promise<{ id: number; name: string } | null> {
  const [row] = await rows<{ id: number; name: string }>(
    ex,
    sql`SELECT id, name FROM courts WHERE code = ${code} ORDER BY length(path), path LIMIT 1`,
  );
  return row ?? null;
}

// ---- the monthly run: facts ----

export interface CourtOfRun {
  id: number;
  name: string;
}

/** The courts of the subtree of `courtId` that have assistants who could be assessed in the month. */
export async function courtsToAssess(ex: Executor, courtId: number, month: string): Promise<CourtOfRun[]> {
  const { last } = monthBounds(month);
  return rows<CourtOfRun>(
    ex,
    sql`SELECT c.id, c.name FROM courts c
        WHERE c.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${courtId}) || '%'
          AND EXISTS (SELECT 1 FROM network_assistants a WHERE a.court_id = c.id AND a.start_on <= ${last})
        ORDER BY c.path`,
  );
}

interface FactsRow {
  assistantId: number;
  courtId: number;
  stationIds: unknown;
  tasks: unknown;
  ratings: unknown;
  items: unknown;
  trainingTenths: number;
}

/**
 * The month's facts of every assistant of the given courts, in ONE statement: confirmed tasks by
 * kind (completed, reported by the due date, successes), the judges' ratings (of each confirmed task
 * and the monthly ratings), the bonus and deduction items, and training hours of the year up to
 * the month's end. Assessed: assistants who started by the month's end and had not left, plus any
 * who had tasks confirmed in the month.
 */
export async function monthFacts(ex: Executor, courtIds: readonly number[], month: string): Promise<AssistantMonthFacts[]> {
  if (courtIds.length === 0) return [];
  const { first, last } = monthBounds(month);
  const yearStart = `${month.slice(0, 4)}-01-01`;
  const courts = sql.join(
    courtIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const result = await rows<FactsRow>(
    ex,
    sql`WITH confirmed AS (
          SELECT t.assistant_id, t.kind, t.outcome, t.rating,
                 (t.reported_at IS NULL OR (t.reported_at AT TIME ZONE 'Asia/Shanghai')::date <= t.due_on) AS in_time
          FROM network_tasks t JOIN network_assistants a ON a.id = t.assistant_id
          WHERE a.court_id IN (${courts}) AND t.status = 'confirmed' AND t.confirmed_on BETWEEN ${first} AND ${last}
        ),
        assessed AS (
          SELECT a.id, a.court_id FROM network_assistants a
          WHERE a.court_id IN (${courts}) AND a.start_on <= ${last}
            AND (a.status <> 'left' OR a.id IN (SELECT assistant_id FROM confirmed))
        ),
        by_kind AS (
          SELECT assistant_id, json_object_agg(kind, json_build_object('completed', n, 'withinDue', in_time, 'successes', ok)) AS tasks
          FROM (SELECT assistant_id, kind, count(*)::int AS n, count(*) FILTER (WHERE in_time)::int AS in_time,
                       count(*) FILTER (WHERE outcome = 'success')::int AS ok
                FROM confirmed GROUP BY assistant_id, kind) k
          GROUP BY assistant_id
        ),
        ratings AS (
          SELECT assistant_id, json_agg(rating ORDER BY rating) AS ratings FROM (
            SELECT assistant_id, rating::int AS rating FROM confirmed WHERE rating IS NOT NULL
            UNION ALL
            SELECT r.assistant_id, r.rating::int FROM network_ratings r JOIN assessed x ON x.id = r.assistant_id WHERE r.month = ${month}
          ) u GROUP BY assistant_id
        ),
        items AS (
          SELECT assistant_id, json_agg(json_build_object('code', code, 'count', n) ORDER BY code) AS items FROM (
            SELECT i.assistant_id, i.code, count(*)::int AS n FROM network_assessment_items i JOIN assessed x ON x.id = i.assistant_id
            WHERE i.recorded_on BETWEEN ${first} AND ${last} GROUP BY i.assistant_id, i.code
          ) g GROUP BY assistant_id
        ),
        training AS (
          SELECT ta.assistant_id, sum(round(s.hours * 10))::int AS tenths
          FROM network_training_attendance ta JOIN network_training_sessions s ON s.id = ta.session_id
          JOIN assessed x ON x.id = ta.assistant_id
          WHERE s.held_on BETWEEN ${yearStart} AND ${last} GROUP BY ta.assistant_id
        ),
        stations AS (
          SELECT st.assistant_id, json_agg(st.station_id ORDER BY st.station_id) AS ids
          FROM network_assistant_stations st JOIN assessed x ON x.id = st.assistant_id GROUP BY st.assistant_id
        )
        SELECT x.id AS "assistantId", x.court_id AS "courtId", coalesce(s.ids, '[]') AS "stationIds",
               coalesce(k.tasks, '{}') AS tasks, coalesce(r.ratings, '[]') AS ratings, coalesce(i.items, '[]') AS items,
               coalesce(tr.tenths, 0) AS "trainingTenths"
        FROM assessed x
        LEFT JOIN by_kind k ON k.assistant_id = x.id
        LEFT JOIN ratings r ON r.assistant_id = x.id
        LEFT JOIN items i ON i.assistant_id = x.id
        LEFT JOIN training tr ON tr.assistant_id = x.id
        LEFT JOIN stations s ON s.assistant_id = x.id
        ORDER BY x.id`,
  );
  return result.map((r) => ({
    assistantId: r.assistantId,
    courtId: r.courtId,
    stationIds: json<number[]>(r.stationIds),
    tasks: json<Partial<Record<NetworkTaskKind, { completed: number; withinDue: number; successes: number }>>>(r.tasks),
    ratings: json<number[]>(r.ratings),
    items: json<{ code: string; count: number }[]>(r.items),
    trainingHoursThisYear: r.trainingTenths / 10,
  }));
}

/** Grades of earlier months (up to two years back) of the assistants of the given courts. */
export async function gradeHistory(ex: Executor, courtIds: readonly number[], month: string): Promise<GradeHistoryEntry[]> {
  if (courtIds.length === 0) return [];
  const from = `${Number(month.slice(0, 4)) - 2}${month.slice(4)}`;
  return rows<GradeHistoryEntry>(
    ex,
    sql`SELECT s.assistant_id AS "assistantId", s.month, s.grade FROM network_assessments s
        WHERE s.court_id IN (${sql.join(
          courtIds.map((id) => sql`${id}`),
          sql`, `,
        )}) AND s.month < ${month} AND s.month >= ${from}`,
  );
}

// ---- runs ----

export interface RunRecord {
  id: number;
  courtId: number;
  courtName: string;
  month: string;
  status: 'draft' | 'published';
  rules: unknown;
  assistants: number;
  grades: Partial<Record<AssessmentGrade, number>>;
  replacements: number;
  runAt: string;
  runByName: string;
  publishedAt: string | null;
  objectionUntil: string | null;
  version: number;
}

const runColumns = sql`r.id, r.court_id AS "courtId", c.name AS "courtName", r.month, r.status, r.rules, r.run_at AS "runAt",
  r.run_by_name AS "runByName", r.published_at AS "publishedAt", r.objection_until::text AS "objectionUntil", r.version,
  (SELECT count(*)::int FROM network_assessments s WHERE s.run_id = r.id) AS assistants,
  (SELECT count(*)::int FROM network_assessments s WHERE s.run_id = r.id AND s.replacement) AS replacements,
  coalesce((SELECT json_object_agg(g.grade, g.n) FROM (SELECT grade, count(*)::int AS n FROM network_assessments s
    WHERE s.run_id = r.id GROUP BY grade) g), '{}') AS grades`;

function toRun(row: RunRecord & { runAt: Date | string; publishedAt: Date | string | null }): RunRecord {
  return { ...row, rules: json(row.rules), grades: json(row.grades), runAt: iso(row.runAt) as string, publishedAt: iso(row.publishedAt) };
}

export async function findRun(ex: Executor, id: number, scope: Scope): Promise<RunRecord | null> {
  const [row] = await rows<RunRecord>(
    ex,
    sql`SELECT ${runColumns} FROM network_assessment_runs r JOIN courts c ON c.id = r.court_id
        WHERE r.id = ${id} AND ${courtIdInScope(sql`r.court_id`, scope)}`,
  );
  return row ? toRun(row) : null;
}

export async function findRunOf(ex: Executor, courtId: number, month: string): Promise<RunRecord | null> {
  const [row] = await rows<RunRecord>(
    ex,
    sql`SELECT ${runColumns} FROM network_assessment_runs r JOIN courts c ON c.id = r.court_id WHERE r.court_id = ${courtId} AND r.month = ${month}`,
  );
  return row ? toRun(row) : null;
}

/** Runs of the courts of a subtree (in the actor's scope). */
export async function listRuns(ex: Executor, scope: Scope, q: AssessmentRunQuery): Promise<{ items: RunRecord[]; total: number }> {
  const parts = [
    courtIdInScope(sql`r.court_id`, scope),
    sql`r.court_id IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${q.courtId}) || '%')`,
  ];
  if (q.month) parts.push(sql`r.month = ${q.month}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<RunRecord>(
    ex,
    sql`SELECT ${runColumns} FROM network_assessment_runs r JOIN courts c ON c.id = r.court_id WHERE ${where}
        ORDER BY r.month DESC, c.path LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_assessment_runs r WHERE ${where}`);
  return { items: items.map(toRun), total };
}

/** Locks the run row of a court and month, if any, for the rest of the transaction. */
export async function lockRunOf(
  ex: Executor,
  courtId: number,
  month: string,
): Promise<{ id: number; status: string; version: number } | null> {
  const [row] = await rows<{ id: number; status: string; version: number }>(
    ex,
    sql`SELECT id, status, version FROM network_assessment_runs WHERE court_id = ${courtId} AND month = ${month} FOR UPDATE`,
  );
  return row ?? null;
}

/** Drops a draft run (its assessments and statements go with it). */
export async function deleteRun(ex: Executor, id: number): Promise<void> {
  await ex.delete(networkAssessmentRuns).where(eq(networkAssessmentRuns.id, id));
}

export async function insertRun(ex: Executor, values: typeof networkAssessmentRuns.$inferInsert): Promise<number> {
  const [row] = await ex.insert(networkAssessmentRuns).values(values).returning({ id: networkAssessmentRuns.id });
  return row.id;
}

/** All results of a run in one statement. */
export async function insertAssessments(ex: Executor, values: (typeof networkAssessments.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 2000) await ex.insert(networkAssessments).values(values.slice(i, i + 2000));
}

export async function publishRun(ex: Executor, id: number, version: number, by: number, objectionUntil: string): Promise<boolean> {
  const updated = await ex
    .update(networkAssessmentRuns)
    .set({
      status: 'published',
      publishedAt: new Date(),
      publishedBy: by,
      objectionUntil,
      version: sql`${networkAssessmentRuns.version} + 1`,
    })
    .where(and(eq(networkAssessmentRuns.id, id), eq(networkAssessmentRuns.version, version), eq(networkAssessmentRuns.status, 'draft')))
    .returning({ id: networkAssessmentRuns.id });
  return updated.length === 1;
}

// ---- assessments ----

export interface AssessmentRecord {
  id: number;
  runId: number;
  courtId: number;
  courtName: string;
  assistantId: number;
  assistantName: string;
  assistantUserId: number | null;
  stationNames: string[];
  month: string;
  status: 'draft' | 'published';
  objectionUntil: string | null;
  scoreCenti: number;
  grade: AssessmentGrade;
  courtRank: number;
  courtOf: number;
  stationRanks: { stationId: number; rank: number; of: number }[];
  explanation: unknown;
  replacement: boolean;
  objections: {
    id: number;
    assessmentId: number;
    reason: string;
    raisedByName: string;
    raisedAt: string;
    answer: string | null;
    answeredByName: string | null;
    answeredAt: string | null;
    version: number;
  }[];
}

const assessmentColumns = sql`s.id, s.run_id AS "runId", s.court_id AS "courtId", sc.name AS "courtName", s.assistant_id AS "assistantId",
  a.name AS "assistantName", a.user_id AS "assistantUserId", s.month, r.status, r.objection_until::text AS "objectionUntil", s.score_centi AS "scoreCenti", s.grade,
  s.court_rank AS "courtRank", s.court_of AS "courtOf", s.station_ranks AS "stationRanks", s.explanation, s.replacement,
  coalesce((SELECT json_agg(ns.name ORDER BY ns.id) FROM network_assistant_stations x JOIN network_stations ns ON ns.id = x.station_id
    WHERE x.assistant_id = a.id), '[]') AS "stationNames",
  coalesce((SELECT json_agg(json_build_object('id', o.id, 'assessmentId', o.assessment_id, 'reason', o.reason, 'raisedByName', o.raised_by_name,
    'raisedAt', o.raised_at, 'answer', o.answer, 'answeredByName', o.answered_by_name, 'answeredAt', o.answered_at, 'version', o.version) ORDER BY o.id)
    FROM network_objections o WHERE o.assessment_id = s.id), '[]') AS objections`;
const assessmentFrom = sql`network_assessments s JOIN network_assessment_runs r ON r.id = s.run_id JOIN network_assistants a ON a.id = s.assistant_id
  JOIN courts sc ON sc.id = s.court_id`;

function toAssessment(row: AssessmentRecord): AssessmentRecord {
  const objections = json<AssessmentRecord['objections']>(row.objections).map((o) => ({
    ...o,
    raisedAt: iso(o.raisedAt) as string,
    answeredAt: iso(o.answeredAt),
  }));
  return {
    ...row,
    stationNames: json(row.stationNames),
    stationRanks: json(row.stationRanks),
    explanation: json(row.explanation),
    objections,
  };
}

export interface AssessmentFilter extends Omit<AssessmentQuery, 'courtId'> {
  courtId?: number;
  /** The assistant's own view: only their assessments of published months. */
  ownUserId?: number;
}

export async function listAssessments(
  ex: Executor,
  scope: Scope,
  q: AssessmentFilter,
): Promise<{ items: AssessmentRecord[]; total: number }> {
  const parts: SQL[] = [];
  if (q.ownUserId !== undefined) parts.push(sql`a.user_id = ${q.ownUserId} AND r.status = 'published'`);
  else parts.push(courtIdInScope(sql`s.court_id`, scope));
  if (q.courtId)
    parts.push(
      sql`s.court_id IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${q.courtId}) || '%')`,
    );
  if (q.month) parts.push(sql`s.month = ${q.month}`);
  if (q.assistantId) parts.push(sql`s.assistant_id = ${q.assistantId}`);
  if (q.grade) parts.push(sql`s.grade = ${q.grade}`);
  if (q.replacement) parts.push(sql`s.replacement = ${q.replacement === 'true'}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<AssessmentRecord>(
    ex,
    sql`SELECT ${assessmentColumns} FROM ${assessmentFrom} WHERE ${where}
        ORDER BY s.month DESC, s.court_id, s.court_rank, s.assistant_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM ${assessmentFrom} WHERE ${where}`);
  return { items: items.map(toAssessment), total };
}

export async function findAssessment(ex: Executor, id: number, scope: Scope | { ownUserId: number }): Promise<AssessmentRecord | null> {
  const guard =
    'ownUserId' in scope ? sql`a.user_id = ${scope.ownUserId} AND r.status = 'published'` : courtIdInScope(sql`s.court_id`, scope);
  const [row] = await rows<AssessmentRecord>(ex, sql`SELECT ${assessmentColumns} FROM ${assessmentFrom} WHERE s.id = ${id} AND ${guard}`);
  return row ? toAssessment(row) : null;
}

// ---- objections ----

/**
 * Locks the assessment (so two objections sent at once are counted one after the other) and
 * counts its objections still waiting for the court's answer.
 */
export async function lockOpenObjections(ex: Executor, assessmentId: number): Promise<number> {
  await ex.execute(sql`SELECT id FROM network_assessments WHERE id = ${assessmentId} FOR UPDATE`);
  const [row] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM network_objections WHERE assessment_id = ${assessmentId} AND answer IS NULL`,
  );
  return row.n;
}

export async function insertObjection(ex: Executor, values: typeof networkObjections.$inferInsert): Promise<number> {
  const [row] = await ex.insert(networkObjections).values(values).returning({ id: networkObjections.id });
  return row.id;
}

export async function findObjection(
  ex: Executor,
  id: number,
  scope: Scope,
): Promise<{ id: number; assessmentId: number; courtId: number; answer: string | null; version: number } | null> {
  const [row] = await rows<{ id: number; assessmentId: number; courtId: number; answer: string | null; version: number }>(
    ex,
    sql`SELECT o.id, o.assessment_id AS "assessmentId", o.court_id AS "courtId", o.answer, o.version FROM network_objections o
        WHERE o.id = ${id} AND ${courtIdInScope(sql`o.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function answerObjection(
  ex: Executor,
  id: number,
  version: number,
  answer: string,
  by: number,
  byName: string,
): Promise<boolean> {
  const updated = await ex
    .update(networkObjections)
    .set({ answer, answeredBy: by, answeredByName: byName, answeredAt: new Date(), version: sql`${networkObjections.version} + 1` })
    .where(and(eq(networkObjections.id, id), eq(networkObjections.version, version)))
    .returning({ id: networkObjections.id });
  return updated.length === 1;
}

/** The assistant record linked to a sign-in, if any. */
export async function assistantOfUser(ex: Executor, userId: number): Promise<{ id: number; courtId: number } | null> {
  const [row] = await rows<{ id: number; courtId: number }>(
    ex,
    sql`SELECT id, court_id AS "courtId" FROM network_assistants WHERE user_id = ${userId}`,
  );
  return row ?? null;
}
