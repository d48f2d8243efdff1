import type { DeliveryDocumentKind, NetworkTaskKind, NetworkTaskOutcome, NetworkTaskStatus } from '@courtassist/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { outboxInsertSql } from '../notifications/index.js';
import { networkTaskEvents, networkTaskPhotos, networkTaskReports, networkTasks } from './tasks.table.js';

/**
 * All SQL of assistants' tasks. Every read takes a scope, enforced here:
 *   - a court user sees the tasks whose court lies in their court's subtree;
 *   - an assistant (signed in with their own account) sees the tasks given to them, and only the
 *     parts of the case the task needs (party name, address, phone, document kind, case number).
 */
export type TaskScope = { kind: 'court'; courtPath: string } | { kind: 'assistant'; userId: number };

export type NewNetworkTask = typeof networkTasks.$inferInsert;

function scoped(scope: TaskScope): SQL {
  return scope.kind === 'court'
    ? courtIdInScope(sql`t.court_id`, { courtPath: scope.courtPath })
    : sql`t.assistant_id = (SELECT ma.id FROM network_assistants ma WHERE ma.user_id = ${scope.userId})`;
}

export interface NetworkTaskRecord {
  id: number;
  courtId: number;
  courtName: string;
  kind: NetworkTaskKind;
  status: NetworkTaskStatus;
  assistantId: number;
  assistantName: string;
  assistantUserId: number | null;
  stationId: number | null;
  stationName: string | null;
  caseId: number | null;
  partyId: number | null;
  deliveryTaskId: number | null;
  title: string;
  instructions: string;
  dueOn: string;
  caseNumber: string | null;
  partyName: string | null;
  address: string | null;
  phone: string | null;
  documentKind: DeliveryDocumentKind | null;
  declineReason: string | null;
  sendBackReason: string | null;
  reportId: number | null;
  outcome: NetworkTaskOutcome | null;
  rating: number | null;
  deliveryAttemptId: number | null;
  assignedBy: number;
  assignedByName: string;
  reportedAt: Date | string | null;
  confirmedOn: string | null;
  createdAt: Date | string;
  version: number;
}

const taskColumns = sql`t.id, t.court_id AS "courtId", c.name AS "courtName", t.kind, t.status, t.assistant_id AS "assistantId",
  a.name AS "assistantName", a.user_id AS "assistantUserId", t.station_id AS "stationId", s.name AS "stationName",
  t.case_id AS "caseId", t.party_id AS "partyId", t.delivery_task_id AS "deliveryTaskId", t.title, t.instructions,
  t.due_on::text AS "dueOn", k.case_number AS "caseNumber", p.name AS "partyName",
  coalesce(dt.address, p.address) AS address, coalesce(dt.phone, p.phone) AS phone, dt.document_kind AS "documentKind",
  t.decline_reason AS "declineReason", t.send_back_reason AS "sendBackReason", t.report_id AS "reportId", t.outcome,
  t.rating::int AS rating, t.delivery_attempt_id AS "deliveryAttemptId", t.assigned_by AS "assignedBy",
  t.assigned_by_name AS "assignedByName", t.reported_at AS "reportedAt", t.confirmed_on::text AS "confirmedOn",
  t.created_at AS "createdAt", t.version`;
const taskJoins = sql`JOIN courts c ON c.id = t.court_id JOIN network_assistants a ON a.id = t.assistant_id
  LEFT JOIN network_stations s ON s.id = t.station_id LEFT JOIN cases k ON k.id = t.case_id
  LEFT JOIN case_parties p ON p.id = t.party_id LEFT JOIN delivery_tasks dt ON dt.id = t.delivery_task_id`;
const taskFrom = sql`network_tasks t ${taskJoins}`;

export async function findNetworkTask(ex: Executor, id: number, scope: TaskScope): Promise<NetworkTaskRecord | null> {
  const [row] = await rows<NetworkTaskRecord>(ex, sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.id = ${id} AND ${scoped(scope)}`);
  return row ?? null;
}

export interface NetworkTaskFilter {
  courtId?: number;
  kind?: NetworkTaskKind;
  status?: NetworkTaskStatus;
  statuses?: readonly NetworkTaskStatus[];
  assistantId?: number;
  stationId?: number;
  deliveryTaskId?: number;
  caseId?: number;
  /** Overdue on `today`: still with the assistant after the due day. */
  overdue?: { today: string; value: boolean };
  cursor: number | null;
  limit: number;
}

/** The WHERE of a task list: the scope and the filters, without the page's cursor. */
function taskFilter(scope: TaskScope, f: NetworkTaskFilter): SQL {
  const parts: SQL[] = [scoped(scope)];
  if (f.courtId) parts.push(sql`t.court_id = ${f.courtId}`);
  if (f.kind) parts.push(sql`t.kind = ${f.kind}`);
  if (f.status) parts.push(sql`t.status = ${f.status}`);
  if (f.statuses)
    parts.push(
      sql`t.status IN (${sql.join(
        f.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (f.assistantId) parts.push(sql`t.assistant_id = ${f.assistantId}`);
  if (f.stationId) parts.push(sql`t.station_id = ${f.stationId}`);
  if (f.deliveryTaskId) parts.push(sql`t.delivery_task_id = ${f.deliveryTaskId}`);
  if (f.caseId) parts.push(sql`t.case_id = ${f.caseId}`);
  if (f.overdue) {
    const late = sql`(t.status IN ('assigned','accepted') AND t.due_on < ${f.overdue.today}::date)`;
    parts.push(f.overdue.value ? late : sql`NOT ${late}`);
  }
  return sql.join(parts, sql` AND `);
}

/** One page of tasks, newest first (keyset on id), without the total. */
export async function pageOfNetworkTasks(ex: Executor, scope: TaskScope, f: NetworkTaskFilter): Promise<NetworkTaskRecord[]> {
  const where = taskFilter(scope, f);
  const page = f.cursor === null ? where : sql`${where} AND t.id < ${f.cursor}`;
  // The page's tasks first, then what they refer to: joined before the LIMIT, the planner
  // weighs every join order and hashes whole lookup tables (4.5 ms of PostgreSQL per phone
  // list at 100,000 tasks, against 1 ms this way; scripts/bench network-phone-list).
  return rows<NetworkTaskRecord>(
    ex,
    sql`SELECT ${taskColumns}
        FROM (SELECT * FROM network_tasks t WHERE ${page} ORDER BY t.id DESC LIMIT ${f.limit}) t ${taskJoins}
        ORDER BY t.id DESC`,
  );
}

export async function listNetworkTasks(
  ex: Executor,
  scope: TaskScope,
  f: NetworkTaskFilter,
): Promise<{ items: NetworkTaskRecord[]; total: number }> {
  const [items, [{ total }]] = await Promise.all([
    pageOfNetworkTasks(ex, scope, f),
    rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_tasks t WHERE ${taskFilter(scope, f)}`),
  ]);
  return { items, total };
}

/** The assistant's two tabs: to do (assigned, accepted) and done (the rest). */
export async function myTaskCounts(ex: Executor, userId: number): Promise<{ todo: number; done: number }> {
  const [row] = await rows<{ todo: number; done: number }>(
    ex,
    sql`SELECT count(*) FILTER (WHERE t.status IN ('assigned','accepted'))::int AS todo,
               count(*) FILTER (WHERE t.status NOT IN ('assigned','accepted'))::int AS done
        FROM network_tasks t WHERE ${scoped({ kind: 'assistant', userId })}`,
  );
  return row;
}

export async function insertNetworkTask(ex: Executor, values: NewNetworkTask): Promise<number> {
  const [row] = await ex.insert(networkTasks).values(values).returning({ id: networkTasks.id });
  return row.id;
}

/** Optimistic update: answers false when the version moved on. */
export async function updateNetworkTask(ex: Executor, id: number, version: number, patch: Partial<NewNetworkTask>): Promise<boolean> {
  const done = await ex
    .update(networkTasks)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(networkTasks.id, id), eq(networkTasks.version, version)))
    .returning({ id: networkTasks.id });
  return done.length === 1;
}

// ---- trace ----

export interface TaskEventRecord {
  id: number;
  action: string;
  fromStatus: NetworkTaskStatus | null;
  toStatus: NetworkTaskStatus;
  note: string;
  actorName: string;
  at: Date | string;
}

export async function insertTaskEvent(ex: Executor, values: typeof networkTaskEvents.$inferInsert): Promise<void> {
  await ex.insert(networkTaskEvents).values(values);
}

export async function eventsOf(ex: Executor, taskId: number): Promise<TaskEventRecord[]> {
  return rows<TaskEventRecord>(
    ex,
    sql`SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", note, actor_name AS "actorName", at
        FROM network_task_events WHERE task_id = ${taskId} ORDER BY id`,
  );
}

// ---- reports and photos ----

export interface ReportRecord {
  id: number;
  taskId: number;
  occurredAt: Date | string;
  submittedAt: Date | string;
  content: unknown;
  outcome: NetworkTaskOutcome;
  photos: { id: number; type: string; size: number }[];
}

const reportColumns = sql`r.id, r.task_id AS "taskId", r.occurred_at AS "occurredAt", r.submitted_at AS "submittedAt", r.content, r.outcome,
  coalesce((SELECT json_agg(json_build_object('id', ph.id, 'type', ph.type, 'size', ph.size) ORDER BY ph.id)
            FROM network_task_photos ph WHERE ph.report_id = r.id), '[]') AS photos`;

function parsed(row: ReportRecord | undefined): ReportRecord | null {
  if (!row) return null;
  return {
    ...row,
    content: typeof row.content === 'string' ? JSON.parse(row.content) : row.content,
    photos: typeof row.photos === 'string' ? JSON.parse(row.photos) : row.photos,
  };
}

export async function findReport(ex: Executor, id: number): Promise<ReportRecord | null> {
  const [row] = await rows<ReportRecord>(ex, sql`SELECT ${reportColumns} FROM network_task_reports r WHERE r.id = ${id}`);
  return parsed(row);
}

export async function reportByKey(ex: Executor, assistantId: number, key: string): Promise<ReportRecord | null> {
  const [row] = await rows<ReportRecord>(
    ex,
    sql`SELECT ${reportColumns} FROM network_task_reports r WHERE r.assistant_id = ${assistantId} AND r.idempotency_key = ${key}`,
  );
  return parsed(row);
}

export async function insertReport(ex: Executor, values: typeof networkTaskReports.$inferInsert): Promise<number> {
  const [row] = await ex.insert(networkTaskReports).values(values).returning({ id: networkTaskReports.id });
  return row.id;
}

export async function insertPhotos(ex: Executor, reportId: number, photos: { type: string; content: Buffer }[]): Promise<void> {
  if (photos.length === 0) return;
  await ex.insert(networkTaskPhotos).values(photos.map((p) => ({ reportId, type: p.type, size: p.content.length, content: p.content })));
}

/** A photo of a report of the task (the caller has checked the task is in scope). */
export async function photoOf(ex: Executor, taskId: number, photoId: number): Promise<{ content: Buffer; type: string } | null> {
  const [row] = await ex
    .select({ content: networkTaskPhotos.content, type: networkTaskPhotos.type, taskId: networkTaskReports.taskId })
    .from(networkTaskPhotos)
    .innerJoin(networkTaskReports, eq(networkTaskReports.id, networkTaskPhotos.reportId))
    .where(eq(networkTaskPhotos.id, photoId));
  return row && row.taskId === taskId ? { content: row.content, type: row.type } : null;
}

export async function firstPhotoOf(ex: Executor, reportId: number): Promise<{ content: Buffer; type: string } | null> {
  const [row] = await ex
    .select({ content: networkTaskPhotos.content, type: networkTaskPhotos.type })
    .from(networkTaskPhotos)
    .where(eq(networkTaskPhotos.reportId, reportId))
    .orderBy(networkTaskPhotos.id)
    .limit(1);
  return row ?? null;
}

// ---- assistants, stations, cases ----

export interface TaskAssistant {
  id: number;
  courtId: number;
  name: string;
  status: string;
  userId: number | null;
  stationIds: number[];
}

const assistantColumns = sql`a.id, a.court_id AS "courtId", a.name, a.status, a.user_id AS "userId",
  coalesce((SELECT json_agg(x.station_id ORDER BY x.station_id) FROM network_assistant_stations x WHERE x.assistant_id = a.id), '[]') AS "stationIds"`;

const withStations = (row: TaskAssistant | undefined): TaskAssistant | null =>
  row ? { ...row, stationIds: typeof row.stationIds === 'string' ? JSON.parse(row.stationIds) : row.stationIds } : null;

export async function assistantInScope(ex: Executor, id: number, courtPath: string): Promise<TaskAssistant | null> {
  const [row] = await rows<TaskAssistant>(
    ex,
    sql`SELECT ${assistantColumns} FROM network_assistants a WHERE a.id = ${id} AND ${courtIdInScope(sql`a.court_id`, { courtPath: courtPath })}`,
  );
  return withStations(row);
}

/** The assistant a signed-in user is (their own account), if any. */
export async function assistantOfUser(ex: Executor, userId: number): Promise<TaskAssistant | null> {
  const [row] = await rows<TaskAssistant>(ex, sql`SELECT ${assistantColumns} FROM network_assistants a WHERE a.user_id = ${userId}`);
  return withStations(row);
}

export async function courtPathOf(ex: Executor, courtId: number, courtPath: string): Promise<string | null> {
  const [row] = await rows<{ path: string }>(ex, sql`SELECT path FROM courts WHERE id = ${courtId} AND path LIKE ${`${courtPath}%`}`);
  return row?.path ?? null;
}

export interface CaseRef {
  caseId: number;
  courtId: number;
  partyId: number | null;
  address: string | null;
}

/** The case (in scope) and, when given, its party. Null when the case is not in scope; partyId null when the party is not the case's. */
export async function caseAndParty(ex: Executor, caseId: number, partyId: number | null, courtPath: string): Promise<CaseRef | null> {
  const [row] = await rows<CaseRef>(
    ex,
    sql`SELECT k.id AS "caseId", k.court_id AS "courtId", p.id AS "partyId", p.address
        FROM cases k LEFT JOIN case_parties p ON p.case_id = k.id AND p.id = ${partyId ?? 0}
        WHERE k.id = ${caseId} AND ${courtIdInScope(sql`k.court_id`, { courtPath: courtPath })}`,
  );
  return row ?? null;
}

export async function partyAddress(ex: Executor, partyId: number, courtPath: string): Promise<string | null> {
  const [row] = await rows<{ address: string | null }>(
    ex,
    sql`SELECT p.address FROM case_parties p JOIN cases k ON k.id = p.case_id WHERE p.id = ${partyId} AND ${courtIdInScope(sql`k.court_id`, { courtPath: courtPath })}`,
  );
  return row?.address ?? null;
}

/** The open assisted-delivery task of a delivery task, if one exists (one at a time). */
export async function openTaskOfDelivery(ex: Executor, deliveryTaskId: number): Promise<number | null> {
  const [row] = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM network_tasks WHERE delivery_task_id = ${deliveryTaskId} AND status IN ('assigned','accepted','reported') LIMIT 1`,
  );
  return row?.id ?? null;
}

export interface ReturnedTask {
  id: number;
  courtId: number;
  fromStatus: NetworkTaskStatus;
  version: number;
  title: string;
  assignedBy: number;
}

/**
 * The tasks still waiting for an assistant who leaves (assigned or accepted) go back to the court:
 * declined, with the reason, so the court sees them among the declined tasks and assigns them
 * again (a declined assisted delivery no longer blocks a new one). One statement moves them and
 * writes their trace rows; reported tasks stay for the court to confirm.
 */
export async function returnOpenTasksOf(
  ex: Executor,
  assistantId: number,
  reason: string,
  actor: { userId: number; displayName: string },
): Promise<ReturnedTask[]> {
  const moved = await rows<ReturnedTask>(
    ex,
    sql`WITH old AS (
          SELECT id, status FROM network_tasks WHERE assistant_id = ${assistantId} AND status IN ('assigned','accepted') FOR UPDATE
        ), moved AS (
          UPDATE network_tasks t SET status = 'declined', decline_reason = ${reason}, version = t.version + 1, updated_at = now()
          FROM old WHERE t.id = old.id
          RETURNING t.id, t.court_id, old.status AS from_status, t.version, t.title, t.assigned_by
        ), traced AS (
          INSERT INTO network_task_events (task_id, action, from_status, to_status, note, actor_id, actor_name)
          SELECT id, 'decline', from_status, 'declined', ${reason}, ${actor.userId}, ${actor.displayName} FROM moved
        )
        SELECT id, court_id AS "courtId", from_status AS "fromStatus", version, title, assigned_by AS "assignedBy" FROM moved ORDER BY id`,
  );
  return moved;
}

// ---- suggestion ----

export interface CandidateRecord {
  assistantId: number;
  name: string;
  status: 'active' | 'paused' | 'left';
  stations: { id: number; name: string; address: string; areaNames: string[] }[];
  openTasks: number;
  pastCompleted: number;
  pastSuccesses: number;
}

/**
 * The assistants of a court and its tribunals, with their stations, their open tasks (load) and
 * their confirmed tasks of the kind with the successes among them (past record). One statement.
 */
export async function candidatesOf(ex: Executor, courtPath: string, kind: NetworkTaskKind, stationId?: number): Promise<CandidateRecord[]> {
  const list = await rows<CandidateRecord>(
    ex,
    sql`SELECT a.id AS "assistantId", a.name, a.status,
          coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'address', s.address, 'areaNames', s.area_names) ORDER BY s.id)
                    FROM network_assistant_stations x JOIN network_stations s ON s.id = x.station_id
                    WHERE x.assistant_id = a.id AND s.active), '[]') AS stations,
          (SELECT count(*)::int FROM network_tasks o WHERE o.assistant_id = a.id AND o.status IN ('assigned','accepted','reported')) AS "openTasks",
          (SELECT count(*)::int FROM network_tasks o WHERE o.assistant_id = a.id AND o.status = 'confirmed' AND o.kind = ${kind}) AS "pastCompleted",
          (SELECT count(*)::int FROM network_tasks o WHERE o.assistant_id = a.id AND o.status = 'confirmed' AND o.kind = ${kind}
             AND o.outcome = 'success') AS "pastSuccesses"
        FROM network_assistants a
        WHERE ${courtIdInScope(sql`a.court_id`, { courtPath: courtPath })} AND a.status <> 'left'
          ${stationId ? sql`AND EXISTS (SELECT 1 FROM network_assistant_stations y WHERE y.assistant_id = a.id AND y.station_id = ${stationId})` : sql``}
        ORDER BY a.id LIMIT 5000`,
  );
  return list.map((c) => ({ ...c, stations: typeof c.stations === 'string' ? JSON.parse(c.stations) : c.stations }));
}

// ---- reminders ----

/**
 * The day before the due date, the assistant (their own account) hears of each task still with
 * them, once; after the due date, the person who assigned it hears it is overdue, once. Each is
 * one statement: mark the tasks and queue the notices in the outbox together.
 */
export async function remindDueTomorrow(ex: Executor, tomorrow: string, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`WITH marked AS (
          UPDATE network_tasks t SET reminded_due_at = ${at}
          WHERE t.status IN ('assigned','accepted') AND t.due_on = ${tomorrow}::date AND t.reminded_due_at IS NULL
          RETURNING t.id, t.assistant_id, t.title, t.due_on
        ), sent AS (
          ${outboxInsertSql(sql`
            SELECT a.user_id, 'network-task-due' AS kind,
                   '协助任务明天到期：' || m.title || '（' || to_char(m.due_on, 'YYYY-MM-DD') || '）' AS title_zh,
                   'Task due tomorrow: ' || m.title || ' (' || to_char(m.due_on, 'YYYY-MM-DD') || ')' AS title_en,
                   'network-task' AS entity_type, m.id::text AS entity_id
            FROM marked m JOIN network_assistants a ON a.id = m.assistant_id WHERE a.user_id IS NOT NULL`)}
        )
        SELECT (SELECT count(*) FROM marked)::int AS n, (SELECT count(*) FROM sent)::int AS sent`,
  );
  return n;
}

export async function remindOverdue(ex: Executor, today: string, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`WITH marked AS (
          UPDATE network_tasks t SET reminded_overdue_at = ${at}
          WHERE t.status IN ('assigned','accepted') AND t.due_on < ${today}::date AND t.reminded_overdue_at IS NULL
          RETURNING t.id, t.assigned_by, t.assistant_id, t.title, t.due_on
        ), sent AS (
          ${outboxInsertSql(sql`
            SELECT m.assigned_by AS user_id, 'network-task-overdue' AS kind,
                   '协助任务已超期：' || a.name || ' · ' || m.title || '（' || to_char(m.due_on, 'YYYY-MM-DD') || '）' AS title_zh,
                   'Assistant task overdue: ' || a.name || ' · ' || m.title || ' (' || to_char(m.due_on, 'YYYY-MM-DD') || ')' AS title_en,
                   'network-task' AS entity_type, m.id::text AS entity_id
            FROM marked m JOIN network_assistants a ON a.id = m.assistant_id
            JOIN users u ON u.id = m.assigned_by AND u.status = 'active'`)}
        )
        SELECT (SELECT count(*) FROM marked)::int AS n, (SELECT count(*) FROM sent)::int AS sent`,
  );
  return n;
}
