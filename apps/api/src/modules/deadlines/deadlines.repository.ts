import { DEFAULT_WARNING_THRESHOLDS, WARNING_BANDS, WARNING_LEVELS } from '@courtassist/contracts';
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { limitChanges, limitDecisions, supervisionOrders, warningSettings } from './deadlines.table.js';
import type { ApprovedChange } from './stored-deadline.js';

/**
 * All SQL of the deadlines module. Other modules' tables (cases, courts, users, roles) are read
 * here by name, as the cases repository reads courts and users; cases' columns are written only
 * through the cases module (`CaseDeadlineStore`), and the outbox through `notifications`.
 */

type Scope = Pick<Actor, 'courtPath'>;

function idList(ids: readonly number[]): SQL {
  return sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

const OPEN_STATUSES = sql`('pending-assignment', 'open')`;

// ---------------------------------------------------------------------------------------------
// Office holders: the division heads and presidents a case answers to

/**
 * Active division heads, with the department they head — or, for the heads of people's
 * tribunals, who belong to no department, the court they head.
 */
const HEADS = sql`SELECT hu.id AS user_id, hu.department_id, hu.court_id FROM users hu
                  JOIN user_roles hur ON hur.user_id = hu.id JOIN roles hr ON hr.id = hur.role_id AND hr.code = 'division-head'
                  WHERE hu.status = 'active'`;

/** Active presidents and their court (a tribunal's cases answer to its basic court's president). */
const PRESIDENTS = sql`SELECT pu.id AS user_id, pu.court_id FROM users pu
                       JOIN user_roles pur ON pur.user_id = pu.id JOIN roles pr ON pr.id = pur.role_id AND pr.code = 'president'
                       WHERE pu.status = 'active'`;

/** The court whose president a case answers to. */
const PRESIDENT_COURT = sql`CASE WHEN ct.level = 'tribunal' THEN ct.parent_id ELSE ct.id END`;

export async function headsOfCase(ex: Executor, caseId: number): Promise<number[]> {
  const found = await rows<{ userId: number }>(
    ex,
    sql`SELECT DISTINCT h.user_id AS "userId" FROM cases k JOIN (${HEADS}) h
          ON h.department_id = k.department_id OR (h.department_id IS NULL AND h.court_id = k.court_id)
        WHERE k.id = ${caseId} ORDER BY 1`,
  );
  return found.map((r) => r.userId);
}

export async function presidentsOfCase(ex: Executor, caseId: number): Promise<number[]> {
  const found = await rows<{ userId: number }>(
    ex,
    sql`SELECT DISTINCT p.user_id AS "userId" FROM cases k JOIN courts ct ON ct.id = k.court_id
        JOIN (${PRESIDENTS}) p ON p.court_id = ${PRESIDENT_COURT}
        WHERE k.id = ${caseId} ORDER BY 1`,
  );
  return found.map((r) => r.userId);
}

export async function departmentOfUser(ex: Executor, userId: number): Promise<number | null> {
  const [row] = await rows<{ departmentId: number | null }>(
    ex,
    sql`SELECT department_id AS "departmentId" FROM users WHERE id = ${userId}`,
  );
  return row?.departmentId ?? null;
}

// ---------------------------------------------------------------------------------------------
// Limit changes

export type LimitChangeRow = typeof limitChanges.$inferSelect;
export type NewLimitChange = typeof limitChanges.$inferInsert;

export async function insertLimitChange(ex: Executor, values: NewLimitChange): Promise<number> {
  const [row] = await ex.insert(limitChanges).values(values).returning({ id: limitChanges.id });
  return row.id;
}

export async function findLimitChange(
  ex: Executor,
  scope: Scope,
  id: number,
  options: { lock?: boolean } = {},
): Promise<LimitChangeRow | null> {
  const query = ex
    .select()
    .from(limitChanges)
    .where(and(eq(limitChanges.id, id), courtIdInScope(limitChanges.courtId, scope)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Compare-and-set on `version`; false when the change moved on since it was read. */
export async function updateLimitChange(ex: Executor, id: number, version: number, patch: Partial<NewLimitChange>): Promise<boolean> {
  const updated = await ex
    .update(limitChanges)
    .set({ ...patch, version: sql`${limitChanges.version} + 1` })
    .where(and(eq(limitChanges.id, id), eq(limitChanges.version, version)))
    .returning({ id: limitChanges.id });
  return updated.length === 1;
}

export async function insertDecision(ex: Executor, values: typeof limitDecisions.$inferInsert): Promise<void> {
  await ex.insert(limitDecisions).values(values);
}

/** The case's approved changes in the order they were requested: what the stored deadline is computed from. */
export function approvedChangesOf(ex: Executor, caseId: number): Promise<ApprovedChange[]> {
  return rows<ApprovedChange>(
    ex,
    sql`SELECT kind, months, days, deduction_kind AS "deductionKind", to_char(from_on, 'YYYY-MM-DD') AS "fromOn",
               to_char(to_on, 'YYYY-MM-DD') AS "toOn"
        FROM limit_changes WHERE case_id = ${caseId} AND status = 'approved' ORDER BY id`,
  );
}

/** Changes of a case still awaiting a decision, and suspensions still running. */
export function openChangesOf(ex: Executor, caseId: number): Promise<{ id: number; kind: string; status: string }[]> {
  return rows(
    ex,
    sql`SELECT id, kind, status FROM limit_changes
        WHERE case_id = ${caseId}
          AND (status IN ('requested', 'head-approved') OR (status = 'approved' AND kind = 'suspension' AND to_on IS NULL))
        ORDER BY id`,
  );
}

export async function countApprovedExtensions(ex: Executor, caseId: number): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM limit_changes WHERE case_id = ${caseId} AND kind = 'extension' AND status = 'approved'`,
  );
  return row.n;
}

export async function decidersOf(ex: Executor, changeId: number): Promise<number[]> {
  const found = await rows<{ id: number }>(ex, sql`SELECT decided_by AS id FROM limit_decisions WHERE change_id = ${changeId}`);
  return found.map((r) => r.id);
}

export interface LimitChangeListRow {
  id: number;
  caseId: number;
  caseNumber: string;
  courtId: number;
  kind: string;
  months: number | null;
  days: number | null;
  deductionKind: string | null;
  fromOn: string | null;
  toOn: string | null;
  reason: string;
  status: string;
  requestedBy: number;
  requestedByName: string;
  requestedAt: Date | string;
  version: number;
}

/** Who is asking for the queue of changes awaiting their decision. */
export interface Approver {
  userId: number;
  /** May decide the division-head step; limited to this department when the approver has one. */
  head: { departmentId: number | null } | null;
  president: boolean;
}

export interface LimitChangeFilter {
  id?: number;
  caseId?: number;
  kind?: string;
  status?: string;
  /** Only changes awaiting a decision this approver may take. */
  pendingFor?: Approver;
  /** Keyset: ids below this one (newest first). */
  before: number | null;
  limit: number;
}

function pendingCondition(approver: Approver): SQL {
  const steps: SQL[] = [];
  if (approver.head) {
    const department = approver.head.departmentId;
    steps.push(sql`(lc.status = 'requested' ${department === null ? sql`` : sql`AND k.department_id = ${department}`})`);
  }
  if (approver.president) steps.push(sql`lc.status = 'head-approved'`);
  if (steps.length === 0) return sql`false`;
  return sql`(${sql.join(steps, sql` OR `)})
             AND lc.requested_by <> ${approver.userId}
             AND NOT EXISTS (SELECT 1 FROM limit_decisions d WHERE d.change_id = lc.id AND d.decided_by = ${approver.userId})`;
}

export async function listLimitChanges(
  ex: Executor,
  scope: Scope,
  filter: LimitChangeFilter,
): Promise<{ items: LimitChangeListRow[]; total: number }> {
  const parts: SQL[] = [courtIdInScope(sql`lc.court_id`, scope)];
  if (filter.id) parts.push(sql`lc.id = ${filter.id}`);
  if (filter.caseId) parts.push(sql`lc.case_id = ${filter.caseId}`);
  if (filter.kind) parts.push(sql`lc.kind = ${filter.kind}`);
  if (filter.status) parts.push(sql`lc.status = ${filter.status}`);
  if (filter.pendingFor) parts.push(pendingCondition(filter.pendingFor));
  const where = sql.join(parts, sql` AND `);
  const items = await rows<LimitChangeListRow>(
    ex,
    sql`SELECT lc.id, lc.case_id AS "caseId", k.case_number AS "caseNumber", lc.court_id AS "courtId", lc.kind, lc.months, lc.days,
               lc.deduction_kind AS "deductionKind", to_char(lc.from_on, 'YYYY-MM-DD') AS "fromOn",
               to_char(lc.to_on, 'YYYY-MM-DD') AS "toOn", lc.reason, lc.status, lc.requested_by AS "requestedBy",
               u.display_name AS "requestedByName", lc.requested_at AS "requestedAt", lc.version
        FROM limit_changes lc JOIN cases k ON k.id = lc.case_id JOIN users u ON u.id = lc.requested_by
        WHERE ${where} ${filter.before ? sql`AND lc.id < ${filter.before}` : sql``}
        ORDER BY lc.id DESC LIMIT ${filter.limit}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    ex,
    sql`SELECT count(*)::int AS total FROM limit_changes lc JOIN cases k ON k.id = lc.case_id WHERE ${where}`,
  );
  return { items, total };
}

export interface DecisionRow {
  changeId: number;
  step: string;
  decision: string;
  comment: string;
  decidedBy: number;
  decidedByName: string;
  decidedAt: Date | string;
}

export async function decisionsOf(ex: Executor, changeIds: readonly number[]): Promise<DecisionRow[]> {
  if (changeIds.length === 0) return [];
  return rows<DecisionRow>(
    ex,
    sql`SELECT d.change_id AS "changeId", d.step, d.decision, d.comment, d.decided_by AS "decidedBy", u.display_name AS "decidedByName",
               d.decided_at AS "decidedAt"
        FROM limit_decisions d JOIN users u ON u.id = d.decided_by
        WHERE d.change_id IN ${idList(changeIds)} ORDER BY d.id`,
  );
}

// ---------------------------------------------------------------------------------------------
// Warning settings

export type WarningSettingRow = typeof warningSettings.$inferSelect;

export function listWarningSettings(ex: Executor, scope: Scope) {
  return rows<WarningSettingRow & { courtName: string | null }>(
    ex,
    sql`SELECT ws.id, ws.court_id AS "courtId", c.name AS "courtName", ws.thresholds, ws.escalate_head_at AS "escalateHeadAt",
               ws.escalate_president_when_overdue AS "escalatePresidentWhenOverdue", ws.version
        FROM warning_settings ws LEFT JOIN courts c ON c.id = ws.court_id
        WHERE ws.court_id IS NULL OR c.path LIKE ${`${scope.courtPath}%`}
        ORDER BY c.path NULLS FIRST`,
  );
}

export async function findWarningSetting(ex: Executor, courtId: number | null): Promise<WarningSettingRow | null> {
  const [row] = await ex
    .select()
    .from(warningSettings)
    .where(courtId === null ? isNull(warningSettings.courtId) : eq(warningSettings.courtId, courtId))
    .for('update');
  return row ?? null;
}

/** Serialises creating the default setting (a NULL court is not caught by the unique constraint). */
export async function lockWarningSettings(ex: Executor): Promise<void> {
  await ex.execute(sql`SELECT pg_advisory_xact_lock(7240031)`);
}

export async function insertWarningSetting(ex: Executor, values: typeof warningSettings.$inferInsert): Promise<void> {
  await ex.insert(warningSettings).values(values);
}

export async function updateWarningSetting(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<typeof warningSettings.$inferInsert>,
): Promise<boolean> {
  const updated = await ex
    .update(warningSettings)
    .set({ ...patch, version: sql`${warningSettings.version} + 1` })
    .where(and(eq(warningSettings.id, id), eq(warningSettings.version, version)))
    .returning({ id: warningSettings.id });
  return updated.length === 1;
}

export async function courtInScope(ex: Executor, scope: Scope, courtId: number): Promise<{ id: number; name: string } | null> {
  const [row] = await rows<{ id: number; name: string }>(
    ex,
    sql`SELECT id, name FROM courts WHERE id = ${courtId} AND path LIKE ${`${scope.courtPath}%`}`,
  );
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Warning levels: computed set-based

/** The level of `days` days left under thresholds `th` (jsonb), generated from the band list as `levelFor`. */
function levelSql(days: SQL, th: SQL): SQL {
  const branches = WARNING_BANDS.map((band, i) => sql`WHEN ${days} <= (${th}->>${sql.raw(String(i))})::int THEN ${sql.raw(`'${band}'`)}`);
  return sql`CASE WHEN ${days} IS NULL THEN 'none' WHEN ${days} < 0 THEN 'overdue' ${sql.join(branches.reverse(), sql` `)} ELSE 'none' END`;
}

/** 0 (none) … 5 (overdue), as `severity`. */
function severitySql(level: SQL): SQL {
  return sql`CASE ${level} ${sql.raw(WARNING_LEVELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(' '))} ELSE 0 END`;
}

/**
 * Each court with the warning setting that applies to it: its own, else the nearest ancestor's,
 * else the province default (court NULL), else the built-in one.
 */
const courtSettings = sql`
  SELECT ct.id AS court_id, ${PRESIDENT_COURT} AS president_court_id,
         coalesce(ws.thresholds, '[30,15,7,3]'::jsonb) AS thresholds,
         coalesce(ws.escalate_head_at, 7) AS escalate_head_at,
         coalesce(ws.escalate_president_when_overdue, 1) = 1 AS escalate_president
  FROM courts ct
  LEFT JOIN LATERAL (
    SELECT w.thresholds, w.escalate_head_at, w.escalate_president_when_overdue
    FROM warning_settings w LEFT JOIN courts wc ON wc.id = w.court_id
    WHERE w.court_id IS NULL OR ct.path LIKE wc.path || '%'
    ORDER BY length(wc.path) DESC NULLS LAST LIMIT 1
  ) ws ON true`;

/**
 * The level every case should have today (or one case's): open cases by days left and their
 * court's thresholds; suspended cases and cases without a deadline `none`; closed cases back to
 * `none`. The columns feed the UPDATE and the notifications of the cases that changed.
 */
export function warningComputation(today: string, caseId?: number): SQL {
  const days = sql`(k.deadline_on - ${today}::date)`;
  return sql`
    SELECT k.id, k.warning_level AS previous,
           CASE WHEN k.status NOT IN ${OPEN_STATUSES} OR k.suspended THEN 'none' ELSE ${levelSql(days, sql`cs.thresholds`)} END AS level,
           ${days} AS days_left, k.case_number, k.court_id, k.department_id, k.judge_id, k.assistant_id, k.clerk_id,
           cs.president_court_id, cs.escalate_head_at, cs.escalate_president
    FROM cases k JOIN (${courtSettings}) cs ON cs.court_id = k.court_id
    WHERE ${caseId === undefined ? sweepCandidates(today) : sql`(k.status IN ${OPEN_STATUSES} OR k.warning_level <> 'none') AND k.id = ${caseId}`}`;
}

/**
 * The cases whose level can differ from the stored one: those still flagged, and the open ones
 * whose deadline is within the widest threshold of any setting (the built-in 30 days at least).
 * An open case further away must be `none` and, unflagged, already is; skipping those leaves a
 * recurring sweep a fraction of the open cases to read.
 */
function sweepCandidates(today: string): SQL {
  return sql`((k.status IN ${OPEN_STATUSES} AND k.deadline_on <= ${today}::date + ${WARNING_HORIZON}) OR k.warning_level <> 'none')`;
}

/** The widest threshold of any court's setting, in days (the built-in 30 at least). */
export const WARNING_HORIZON = sql`(SELECT greatest(${sql.raw(String(Math.max(...DEFAULT_WARNING_THRESHOLDS)))}, max(t.value::int))
                             FROM warning_settings w CROSS JOIN LATERAL jsonb_array_elements_text(w.thresholds) t)`;

/**
 * Messages for the cases that entered a more urgent level: to the judge, assistant and clerk;
 * to the division heads once the days left reach their court's `escalate_head_at`; to the
 * president once overdue, where the setting says so. One per person and case. The office
 * holders (a few hundred people) are materialised once and joined as sets, so that a sweep of
 * many changes never re-reads users and roles per case, whatever the planner's estimates.
 */
export function warningNotices(changed: SQL): SQL {
  const entered = sql`(SELECT * FROM ${changed} WHERE ${severitySql(sql`level`)} > ${severitySql(sql`previous`)})`;
  const escalated = sql`(SELECT * FROM ${entered} e WHERE e.days_left <= e.escalate_head_at)`;
  return sql`
    WITH heads AS MATERIALIZED (${HEADS}), presidents AS MATERIALIZED (${PRESIDENTS})
    SELECT DISTINCT ON (r.id, r.user_id) r.user_id,
           CASE WHEN r.prio = 0 THEN 'deadline-warning' ELSE 'deadline-escalation' END AS kind,
           r.case_number || CASE WHEN r.level = 'overdue' THEN ' 已超审限 ' || (-r.days_left) || ' 日'
                                 ELSE ' 审限剩余 ' || r.days_left || ' 日' END AS title_zh,
           r.case_number || CASE WHEN r.level = 'overdue' THEN ': ' || (-r.days_left) || ' day(s) past the trial limit'
                                 ELSE ': ' || r.days_left || ' day(s) left of the trial limit' END AS title_en,
           'case' AS entity_type, r.id::text AS entity_id
    FROM (
      SELECT ch.id, ch.case_number, ch.level, ch.days_left, t.user_id, 0 AS prio
        FROM ${entered} ch CROSS JOIN LATERAL (VALUES (ch.judge_id), (ch.assistant_id), (ch.clerk_id)) t(user_id)
      UNION ALL
      SELECT ch.id, ch.case_number, ch.level, ch.days_left, h.user_id, 1
        FROM ${escalated} ch JOIN heads h ON h.department_id = ch.department_id
      UNION ALL
      SELECT ch.id, ch.case_number, ch.level, ch.days_left, h.user_id, 1
        FROM ${escalated} ch JOIN heads h ON h.department_id IS NULL AND h.court_id = ch.court_id
      UNION ALL
      SELECT ch.id, ch.case_number, ch.level, ch.days_left, p.user_id, 2
        FROM ${entered} ch JOIN presidents p ON p.court_id = ch.president_court_id
        WHERE ch.level = 'overdue' AND ch.escalate_president
    ) r
    WHERE r.user_id IS NOT NULL
    ORDER BY r.id, r.user_id, r.prio`;
}

/** Open cases that are suspended: their running suspension counts up to today, so their deadline moves daily. */
export async function suspendedOpenCases(ex: Executor): Promise<number[]> {
  const found = await rows<{ id: number }>(ex, sql`SELECT id FROM cases WHERE suspended AND status IN ${OPEN_STATUSES} ORDER BY id`);
  return found.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Warning board

export interface BoardRow {
  grouping: 'all' | 'court' | 'department' | 'judge';
  key: number | null;
  name: string | null;
  none: number;
  '30': number;
  '15': number;
  '7': number;
  '3': number;
  overdue: number;
  suspended: number;
  total: number;
}

/** Counts per level over the open cases in scope, overall and per court, department and judge (one grouping-sets query). */
export function warningBoardRows(
  ex: Executor,
  scope: Scope,
  filter: { courtId?: number; departmentId?: number; judgeId?: number },
): Promise<BoardRow[]> {
  const parts: SQL[] = [sql`k.status IN ${OPEN_STATUSES}`, courtIdInScope(sql`k.court_id`, scope)];
  if (filter.courtId) parts.push(sql`k.court_id = ${filter.courtId}`);
  if (filter.departmentId) parts.push(sql`k.department_id = ${filter.departmentId}`);
  if (filter.judgeId) parts.push(sql`k.judge_id = ${filter.judgeId}`);
  const counts = sql.raw(
    [
      ...WARNING_LEVELS.map((l) => `count(*) FILTER (WHERE k.warning_level = '${l}')::int AS "${l}"`),
      'count(*) FILTER (WHERE k.suspended)::int AS suspended',
      'count(*)::int AS total',
    ].join(', '),
  );
  return rows<BoardRow>(
    ex,
    sql`WITH grouped AS (
          SELECT CASE WHEN GROUPING(k.court_id) = 0 THEN 'court' WHEN GROUPING(k.department_id) = 0 THEN 'department'
                      WHEN GROUPING(k.judge_id) = 0 THEN 'judge' ELSE 'all' END AS grp,
                 k.court_id, k.department_id, k.judge_id, ${counts}
          FROM cases k
          WHERE ${sql.join(parts, sql` AND `)}
          GROUP BY GROUPING SETS ((), (k.court_id), (k.department_id), (k.judge_id))
        )
        SELECT g.grp AS "grouping",
               CASE g.grp WHEN 'court' THEN g.court_id WHEN 'department' THEN g.department_id WHEN 'judge' THEN g.judge_id END AS "key",
               CASE g.grp WHEN 'court' THEN c.name WHEN 'department' THEN d.name WHEN 'judge' THEN u.display_name END AS name,
               ${sql.raw(WARNING_LEVELS.map((l) => `g."${l}"`).join(', '))}, g.suspended, g.total
        FROM grouped g
        LEFT JOIN courts c ON g.grp = 'court' AND c.id = g.court_id
        LEFT JOIN departments d ON g.grp = 'department' AND d.id = g.department_id
        LEFT JOIN users u ON g.grp = 'judge' AND u.id = g.judge_id
        ORDER BY g.grp, g.overdue DESC, g."3" DESC, g."7" DESC, g.total DESC, 2`,
  );
}

/** My open cases (as judge, assistant or clerk) by level. */
export async function myCaseLevels(ex: Executor, userId: number): Promise<Omit<BoardRow, 'grouping' | 'key' | 'name'>> {
  const counts = sql.raw(
    [
      ...WARNING_LEVELS.map((l) => `count(*) FILTER (WHERE k.warning_level = '${l}')::int AS "${l}"`),
      'count(*) FILTER (WHERE k.suspended)::int AS suspended',
      'count(*)::int AS total',
    ].join(', '),
  );
  const [row] = await rows<Omit<BoardRow, 'grouping' | 'key' | 'name'>>(
    ex,
    sql`SELECT ${counts} FROM cases k
        WHERE k.status IN ${OPEN_STATUSES} AND (k.judge_id = ${userId} OR k.assistant_id = ${userId} OR k.clerk_id = ${userId})`,
  );
  return row;
}

// ---------------------------------------------------------------------------------------------
// Supervision orders

export type SupervisionRow = typeof supervisionOrders.$inferSelect;

export async function insertSupervisionOrder(ex: Executor, values: typeof supervisionOrders.$inferInsert): Promise<number> {
  const [row] = await ex.insert(supervisionOrders).values(values).returning({ id: supervisionOrders.id });
  return row.id;
}

export async function findSupervisionOrder(
  ex: Executor,
  scope: Scope,
  id: number,
  options: { lock?: boolean } = {},
): Promise<SupervisionRow | null> {
  const query = ex
    .select()
    .from(supervisionOrders)
    .where(and(eq(supervisionOrders.id, id), courtIdInScope(supervisionOrders.courtId, scope)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateSupervisionOrder(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<typeof supervisionOrders.$inferInsert>,
): Promise<boolean> {
  const updated = await ex
    .update(supervisionOrders)
    .set({ ...patch, version: sql`${supervisionOrders.version} + 1` })
    .where(and(eq(supervisionOrders.id, id), eq(supervisionOrders.version, version)))
    .returning({ id: supervisionOrders.id });
  return updated.length === 1;
}

/** An active user who can see the case: their court is the case's court or one above it. */
export async function recipientForCase(ex: Executor, caseCourtId: number, userId: number): Promise<{ id: number } | null> {
  const [row] = await rows<{ id: number }>(
    ex,
    sql`SELECT u.id FROM users u JOIN courts uc ON uc.id = u.court_id JOIN courts cc ON cc.id = ${caseCourtId}
        WHERE u.id = ${userId} AND u.status = 'active' AND cc.path LIKE uc.path || '%'`,
  );
  return row ?? null;
}

export interface SupervisionListRow {
  id: number;
  caseId: number;
  caseNumber: string;
  courtId: number;
  issuedBy: number;
  issuedByName: string;
  recipientId: number;
  recipientName: string;
  dueOn: string;
  text: string;
  status: string;
  overdue: boolean;
  response: string | null;
  respondedAt: Date | string | null;
  closedAt: Date | string | null;
  createdAt: Date | string;
  version: number;
}

export interface SupervisionFilter {
  role: 'issued' | 'received' | 'all';
  userId: number;
  status?: 'open' | 'overdue' | 'responded' | 'closed';
  caseId?: number;
  id?: number;
  today: string;
  before: number | null;
  limit: number;
}

export async function listSupervisionOrders(
  ex: Executor,
  scope: Scope,
  filter: SupervisionFilter,
): Promise<{ items: SupervisionListRow[]; total: number }> {
  const parts: SQL[] = [courtIdInScope(sql`so.court_id`, scope)];
  if (filter.role === 'issued') parts.push(sql`so.issued_by = ${filter.userId}`);
  if (filter.role === 'received') parts.push(sql`so.recipient_id = ${filter.userId}`);
  if (filter.status === 'overdue') parts.push(sql`so.status = 'open' AND so.due_on < ${filter.today}::date`);
  else if (filter.status) parts.push(sql`so.status = ${filter.status}`);
  if (filter.caseId) parts.push(sql`so.case_id = ${filter.caseId}`);
  if (filter.id) parts.push(sql`so.id = ${filter.id}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<SupervisionListRow>(
    ex,
    sql`SELECT so.id, so.case_id AS "caseId", k.case_number AS "caseNumber", so.court_id AS "courtId",
               so.issued_by AS "issuedBy", iu.display_name AS "issuedByName", so.recipient_id AS "recipientId",
               ru.display_name AS "recipientName", to_char(so.due_on, 'YYYY-MM-DD') AS "dueOn", so.text, so.status,
               (so.status = 'open' AND so.due_on < ${filter.today}::date) AS overdue, so.response,
               so.responded_at AS "respondedAt", so.closed_at AS "closedAt", so.created_at AS "createdAt", so.version
        FROM supervision_orders so JOIN cases k ON k.id = so.case_id
        JOIN users iu ON iu.id = so.issued_by JOIN users ru ON ru.id = so.recipient_id
        WHERE ${where} ${filter.before ? sql`AND so.id < ${filter.before}` : sql``}
        ORDER BY so.id DESC LIMIT ${filter.limit}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM supervision_orders so WHERE ${where}`);
  return { items, total };
}

/** Open orders addressed to a user, the most urgent first. */
export async function openOrdersReceived(
  ex: Executor,
  userId: number,
  today: string,
  limit: number,
): Promise<{ items: SupervisionListRow[]; total: number }> {
  const where = sql`so.recipient_id = ${userId} AND so.status = 'open'`;
  const items = await rows<SupervisionListRow>(
    ex,
    sql`SELECT so.id, so.case_id AS "caseId", k.case_number AS "caseNumber", so.court_id AS "courtId",
               so.issued_by AS "issuedBy", iu.display_name AS "issuedByName", so.recipient_id AS "recipientId",
               ru.display_name AS "recipientName", to_char(so.due_on, 'YYYY-MM-DD') AS "dueOn", so.text, so.status,
               (so.due_on < ${today}::date) AS overdue, so.response,
               so.responded_at AS "respondedAt", so.closed_at AS "closedAt", so.created_at AS "createdAt", so.version
        FROM supervision_orders so JOIN cases k ON k.id = so.case_id
        JOIN users iu ON iu.id = so.issued_by JOIN users ru ON ru.id = so.recipient_id
        WHERE ${where} ORDER BY so.due_on, so.id LIMIT ${limit}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM supervision_orders so WHERE ${where}`);
  return { items, total };
}
