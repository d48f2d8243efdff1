import { type ChecklistItem, type OrderResult, type ResultField, WORK_ORDER_STATUSES, type WorkOrderStatus } from '@courtassist/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { cappedCount, type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { workOrderEvents, workOrderRules, workOrders, workOrderTypes } from './work-orders.table.js';

type Scope = Pick<Actor, 'courtPath'>;
export type NewOrder = typeof workOrders.$inferInsert;
export type NewEvent = typeof workOrderEvents.$inferInsert;
export type NewType = typeof workOrderTypes.$inferInsert;
export type NewRule = typeof workOrderRules.$inferInsert;

/** Raw queries give moments as Date (node-postgres) or text (PGlite): ISO text for both. */
export const isoOf = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function idList(ids: readonly number[]): SQL {
  return sql`(${sql.join(
    (ids.length > 0 ? ids : [0]).map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

// ---- people and teams ----

/** Teams a user belongs to. */
export async function teamsOfUser(ex: Executor, userId: number): Promise<number[]> {
  const found = await rows<{ teamId: number }>(ex, sql`SELECT team_id AS "teamId" FROM team_members WHERE user_id = ${userId}`);
  return found.map((r) => r.teamId);
}

export interface TeamRecord {
  id: number;
  courtId: number;
  courtName: string;
  name: string;
  members: { userId: number; name: string }[];
}

/** Teams of centre departments (集约中心) in scope, with their active members. */
export async function centreTeams(ex: Executor, scope: Scope, teamId?: number): Promise<TeamRecord[]> {
  return rows<TeamRecord>(
    ex,
    sql`SELECT t.id, t.court_id AS "courtId", c.name AS "courtName", t.name,
               coalesce((SELECT json_agg(json_build_object('userId', u.id, 'name', u.display_name) ORDER BY u.id)
                         FROM team_members m JOIN users u ON u.id = m.user_id
                         WHERE m.team_id = t.id AND u.status = 'active'), '[]'::json) AS members
        FROM teams t JOIN departments d ON d.id = t.department_id JOIN courts c ON c.id = t.court_id
        WHERE d.kind = 'centre' AND c.path LIKE ${`${scope.courtPath}%`} ${teamId ? sql`AND t.id = ${teamId}` : sql``}
        ORDER BY c.path, t.id`,
  );
}

/** A team that may handle orders of a court: a team of the court itself or, for a tribunal, of its basic court. */
export async function teamServesCourt(ex: Executor, teamId: number, courtId: number): Promise<boolean> {
  const found = await rows<{ ok: boolean }>(
    ex,
    sql`SELECT true AS ok FROM teams t JOIN courts c ON c.id = ${courtId}
        WHERE t.id = ${teamId} AND (t.court_id = c.id OR (c.level = 'tribunal' AND t.court_id = c.parent_id))`,
  );
  return found.length > 0;
}

/** An active member of a team, or (team null) an active holder of order.handle whose scope covers the court. */
export async function mayHold(ex: Executor, userId: number, teamId: number | null, courtId: number): Promise<boolean> {
  const found =
    teamId === null
      ? await rows<{ ok: boolean }>(
          ex,
          sql`SELECT true AS ok FROM users u JOIN courts uc ON uc.id = u.court_id JOIN courts oc ON oc.id = ${courtId}
              WHERE u.id = ${userId} AND u.status = 'active' AND oc.path LIKE uc.path || '%'
                AND EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                            WHERE ur.user_id = u.id AND rp.permission = 'order.handle')`,
        )
      : await rows<{ ok: boolean }>(
          ex,
          sql`SELECT true AS ok FROM team_members m JOIN users u ON u.id = m.user_id
              WHERE m.team_id = ${teamId} AND m.user_id = ${userId} AND u.status = 'active'`,
        );
  return found.length > 0;
}

/** The team member with the fewest held orders (accepted, in progress); ties go to the lowest user id. */
export async function leastLoadedMember(ex: Executor, teamId: number): Promise<number | null> {
  const [row] = await rows<{ userId: number }>(
    ex,
    sql`SELECT m.user_id AS "userId" FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = ${teamId} AND u.status = 'active'
        ORDER BY (SELECT count(*) FROM work_orders o WHERE o.assignee_id = m.user_id AND o.status IN ('accepted','in-progress')), m.user_id
        LIMIT 1`,
  );
  return row?.userId ?? null;
}

export async function userName(ex: Executor, userId: number): Promise<string | null> {
  const [row] = await rows<{ name: string }>(ex, sql`SELECT display_name AS name FROM users WHERE id = ${userId}`);
  return row?.name ?? null;
}

// ---- cases ----

export interface CaseForOrder {
  id: number;
  courtId: number;
  caseNumber: string;
  caseTypeCode: string;
  status: string;
  judgeId: number | null;
  assistantId: number | null;
  clerkId: number | null;
}

/** A case for ordering work, within the scope when one is given. */
export async function caseForOrder(ex: Executor, caseId: number, scope?: Scope): Promise<CaseForOrder | null> {
  const [row] = await rows<CaseForOrder>(
    ex,
    sql`SELECT k.id, k.court_id AS "courtId", k.case_number AS "caseNumber", k.case_type_code AS "caseTypeCode", k.status,
               k.judge_id AS "judgeId", k.assistant_id AS "assistantId", k.clerk_id AS "clerkId"
        FROM cases k WHERE k.id = ${caseId} ${scope ? sql`AND ${courtIdInScope(sql`k.court_id`, scope)}` : sql``}`,
  );
  return row ?? null;
}

export async function partyOfCase(ex: Executor, caseId: number, partyId: number): Promise<boolean> {
  const found = await rows<{ id: number }>(ex, sql`SELECT id FROM case_parties WHERE id = ${partyId} AND case_id = ${caseId}`);
  return found.length > 0;
}

/** The parties of a case whose roles are listed (the responding side, to be served). */
export async function partiesInRoles(ex: Executor, caseId: number, roles: readonly string[]): Promise<number[]> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM case_parties WHERE case_id = ${caseId} AND role IN (${sql.join(
      roles.map((r) => sql`${r}`),
      sql`, `,
    )}) ORDER BY sort, id`,
  );
  return found.map((r) => r.id);
}

export interface RuleType {
  typeId: number;
  typeCode: string;
  per: 'case' | 'defendant';
  teamId: number | null;
  limitHours: number | null;
  limitWorkingDays: number | null;
  autoDispatch: boolean;
}

/** The court's active types that a case event starts, per the rules of its case type. */
export async function typesForTrigger(ex: Executor, courtId: number, caseTypeCode: string, trigger: 'assigned' | 'closed') {
  return rows<RuleType>(
    ex,
    sql`SELECT t.id AS "typeId", t.code AS "typeCode", r.per, t.team_id AS "teamId", t.limit_hours AS "limitHours",
               t.limit_working_days AS "limitWorkingDays", t.auto_dispatch AS "autoDispatch"
        FROM work_order_rules r JOIN work_order_types t ON t.code = r.type_code AND t.court_id = r.court_id AND t.active
        WHERE r.court_id = ${courtId} AND r.case_type_code = ${caseTypeCode} AND r.trigger = ${trigger} AND r.active
        ORDER BY r.id`,
  );
}

// ---- rules ----

export interface RuleRecord {
  id: number;
  courtId: number;
  caseTypeCode: string;
  trigger: 'assigned' | 'closed';
  typeCode: string;
  typeNameZh: string | null;
  typeNameEn: string | null;
  effective: boolean;
  per: 'case' | 'defendant';
  active: boolean;
  version: number;
}

const ruleSelect = sql`SELECT r.id, r.court_id AS "courtId", r.case_type_code AS "caseTypeCode", r.trigger, r.type_code AS "typeCode",
    t.name_zh AS "typeNameZh", t.name_en AS "typeNameEn", coalesce(t.active, false) AS effective, r.per, r.active, r.version
  FROM work_order_rules r JOIN courts c ON c.id = r.court_id
  LEFT JOIN work_order_types t ON t.court_id = r.court_id AND t.code = r.type_code`;

/** The rules of a court in scope, by case type, event and the order they were made in. */
export async function listRules(ex: Executor, scope: Scope, filter: { courtId: number; caseTypeCode?: string }): Promise<RuleRecord[]> {
  const parts: SQL[] = [sql`c.path LIKE ${`${scope.courtPath}%`}`, sql`r.court_id = ${filter.courtId}`];
  if (filter.caseTypeCode) parts.push(sql`r.case_type_code = ${filter.caseTypeCode}`);
  return rows<RuleRecord>(ex, sql`${ruleSelect} WHERE ${sql.join(parts, sql` AND `)} ORDER BY r.case_type_code, r.trigger, r.id`);
}

export async function findRule(ex: Executor, id: number, scope: Scope): Promise<RuleRecord | null> {
  const [row] = await rows<RuleRecord>(ex, sql`${ruleSelect} WHERE r.id = ${id} AND c.path LIKE ${`${scope.courtPath}%`}`);
  return row ?? null;
}

export async function insertRule(ex: Executor, values: NewRule): Promise<number> {
  const [row] = await ex.insert(workOrderRules).values(values).returning({ id: workOrderRules.id });
  return row.id;
}

export async function updateRule(ex: Executor, id: number, version: number, patch: Partial<NewRule>): Promise<boolean> {
  const updated = await ex
    .update(workOrderRules)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workOrderRules.version} + 1` })
    .where(and(eq(workOrderRules.id, id), eq(workOrderRules.version, version)))
    .returning({ id: workOrderRules.id });
  return updated.length === 1;
}

export async function typeCodeOfCourt(ex: Executor, courtId: number, code: string): Promise<boolean> {
  const found = await rows<{ id: number }>(ex, sql`SELECT id FROM work_order_types WHERE court_id = ${courtId} AND code = ${code}`);
  return found.length > 0;
}

// ---- types ----

export interface TypeRecord {
  id: number;
  courtId: number;
  courtName: string;
  code: string;
  nameZh: string;
  nameEn: string;
  teamId: number | null;
  teamName: string | null;
  limitHours: number | null;
  limitWorkingDays: number | null;
  resultFields: ResultField[];
  checklist: ChecklistItem[];
  autoDispatch: boolean;
  autoComplete: boolean;
  active: boolean;
  version: number;
}

const typeColumns = sql`t.id, t.court_id AS "courtId", c.name AS "courtName", t.code, t.name_zh AS "nameZh", t.name_en AS "nameEn",
  t.team_id AS "teamId", tm.name AS "teamName", t.limit_hours AS "limitHours", t.limit_working_days AS "limitWorkingDays",
  t.result_fields AS "resultFields", t.checklist, t.auto_dispatch AS "autoDispatch", t.auto_complete AS "autoComplete",
  t.active, t.version`;
const typeFrom = sql`work_order_types t JOIN courts c ON c.id = t.court_id LEFT JOIN teams tm ON tm.id = t.team_id`;

export async function listTypes(ex: Executor, scope: Scope, filter: { courtId?: number; active?: boolean }): Promise<TypeRecord[]> {
  const parts: SQL[] = [sql`c.path LIKE ${`${scope.courtPath}%`}`];
  if (filter.courtId) parts.push(sql`t.court_id = ${filter.courtId}`);
  if (filter.active !== undefined) parts.push(sql`t.active = ${filter.active}`);
  return rows<TypeRecord>(ex, sql`SELECT ${typeColumns} FROM ${typeFrom} WHERE ${sql.join(parts, sql` AND `)} ORDER BY c.path, t.id`);
}

export async function findType(ex: Executor, id: number, scope?: Scope): Promise<TypeRecord | null> {
  const [row] = await rows<TypeRecord>(
    ex,
    sql`SELECT ${typeColumns} FROM ${typeFrom} WHERE t.id = ${id} ${scope ? sql`AND c.path LIKE ${`${scope.courtPath}%`}` : sql``}`,
  );
  return row ?? null;
}

export async function insertType(ex: Executor, values: NewType): Promise<number> {
  const [row] = await ex.insert(workOrderTypes).values(values).returning({ id: workOrderTypes.id });
  return row.id;
}

export async function updateType(ex: Executor, id: number, version: number, patch: Partial<NewType>): Promise<boolean> {
  const updated = await ex
    .update(workOrderTypes)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workOrderTypes.version} + 1` })
    .where(and(eq(workOrderTypes.id, id), eq(workOrderTypes.version, version)))
    .returning({ id: workOrderTypes.id });
  return updated.length === 1;
}

export async function courtInScope(ex: Executor, courtId: number, scope: Scope): Promise<boolean> {
  const found = await rows<{ id: number }>(ex, sql`SELECT id FROM courts WHERE id = ${courtId} AND path LIKE ${`${scope.courtPath}%`}`);
  return found.length > 0;
}

// ---- orders ----

export interface OrderRecord {
  id: number;
  courtId: number;
  courtName: string;
  caseId: number;
  caseNumber: string;
  typeId: number;
  typeCode: string;
  typeNameZh: string;
  typeNameEn: string;
  partyId: number | null;
  partyName: string | null;
  status: WorkOrderStatus;
  origin: 'manual' | 'rule';
  initiatorId: number | null;
  initiatorName: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  teamId: number | null;
  teamName: string | null;
  dueAt: Date | string;
  overdue: boolean;
  note: string;
  result: OrderResult | null;
  checklist: Record<string, boolean>;
  returnReason: string | null;
  createdAt: Date | string;
  acceptedAt: Date | string | null;
  startedAt: Date | string | null;
  feedbackAt: Date | string | null;
  completedAt: Date | string | null;
  autoComplete: boolean;
  version: number;
}

const OPEN = sql`('initiated','accepted','in-progress','feedback','returned')`;

/**
 * An order's columns with the names it refers to. The names are looked up by scalar subqueries,
 * and only the type is joined: with all eight relations joined the planner weighed join orders
 * for 3–14 ms per statement (a list page runs in under 2 ms), and a kept plan did not help.
 */
const orderColumns = sql`o.id, o.court_id AS "courtId", (SELECT c.name FROM courts c WHERE c.id = o.court_id) AS "courtName",
  o.case_id AS "caseId", (SELECT k.case_number FROM cases k WHERE k.id = o.case_id) AS "caseNumber",
  o.type_id AS "typeId", t.code AS "typeCode", t.name_zh AS "typeNameZh", t.name_en AS "typeNameEn",
  o.party_id AS "partyId", (SELECT p.name FROM case_parties p WHERE p.id = o.party_id) AS "partyName", o.status, o.origin,
  o.initiator_id AS "initiatorId", (SELECT i.display_name FROM users i WHERE i.id = o.initiator_id) AS "initiatorName",
  o.assignee_id AS "assigneeId", (SELECT a.display_name FROM users a WHERE a.id = o.assignee_id) AS "assigneeName",
  o.team_id AS "teamId", (SELECT tm.name FROM teams tm WHERE tm.id = o.team_id) AS "teamName", o.due_at AS "dueAt",
  (o.status IN ${OPEN} AND o.due_at < now()) AS overdue, o.note, o.result, o.checklist, o.return_reason AS "returnReason",
  o.created_at AS "createdAt", o.accepted_at AS "acceptedAt", o.started_at AS "startedAt", o.feedback_at AS "feedbackAt",
  o.completed_at AS "completedAt", t.auto_complete AS "autoComplete", o.version`;

const orderFrom = sql`work_orders o JOIN work_order_types t ON t.id = o.type_id`;

export async function findOrder(ex: Executor, id: number, scope: Scope): Promise<OrderRecord | null> {
  const [row] = await rows<OrderRecord>(
    ex,
    sql`SELECT ${orderColumns} FROM ${orderFrom} WHERE o.id = ${id} AND ${courtIdInScope(sql`o.court_id`, scope)}`,
  );
  return row ?? null;
}

/** An order's page in one read: the order, its type's result fields and checklist, its trace. */
export interface OrderDetailRecord extends OrderRecord {
  resultFields: ResultField[];
  checklistItems: ChecklistItem[];
  events: EventRecord[];
}

export async function findOrderDetail(ex: Executor, id: number, scope: Scope): Promise<OrderDetailRecord | null> {
  const [row] = await rows<OrderDetailRecord>(
    ex,
    sql`SELECT ${orderColumns}, t.result_fields AS "resultFields", t.checklist AS "checklistItems",
          (SELECT coalesce(json_agg(json_build_object('id', e.id, 'action', e.action, 'fromStatus', e.from_status, 'toStatus', e.to_status,
                    'actorId', e.actor_id, 'actorName', e.actor_name, 'at', e.at, 'note', e.note) ORDER BY e.id), '[]')
             FROM work_order_events e WHERE e.order_id = o.id) AS events
        FROM ${orderFrom} WHERE o.id = ${id} AND ${courtIdInScope(sql`o.court_id`, scope)}`,
  );
  return row ?? null;
}

/** An order with the teams of the one acting on it, read together (every action needs both). */
export async function findOrderAndTeams(
  ex: Executor,
  id: number,
  scope: Scope & { userId: number },
): Promise<{ order: OrderRecord | null; teamIds: number[] }> {
  const [row] = await rows<OrderRecord & { found: boolean; actorTeamIds: number[] }>(
    ex,
    sql`SELECT o.id IS NOT NULL AS found, o.*, array(SELECT tm.team_id FROM team_members tm WHERE tm.user_id = ${scope.userId}) AS "actorTeamIds"
        FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT ${orderColumns} FROM ${orderFrom} WHERE o.id = ${id} AND ${courtIdInScope(sql`o.court_id`, scope)}) o ON true`,
  );
  const { found, actorTeamIds, ...order } = row;
  return { order: found ? (order as OrderRecord) : null, teamIds: actorTeamIds };
}

export interface OrderFilter {
  view: 'mine' | 'initiated' | 'pool' | 'team' | 'all';
  tab?: 'todo' | 'doing' | 'done';
  userId: number;
  /** Teams whose pool the caller sees; `sharedPool`: also orders of the shared provincial centre. */
  teamIds: readonly number[];
  sharedPool: boolean;
  teamId?: number;
  status?: WorkOrderStatus;
  caseId?: number;
  typeId?: number;
  assigneeId?: number;
  overdue?: boolean;
  cursor: number | null;
  limit: number;
}

const TAB_STATUSES: Record<'mine' | 'initiated', Record<'todo' | 'doing' | 'done', WorkOrderStatus[]>> = {
  mine: { todo: ['accepted'], doing: ['in-progress'], done: ['feedback', 'completed'] },
  initiated: { todo: ['feedback', 'returned'], doing: ['initiated', 'accepted', 'in-progress'], done: ['completed', 'withdrawn'] },
};

/**
 * Statuses written into the statement, not passed as parameters: a kept (prepared) plan can use
 * the partial indexes on done orders only if it sees their statuses. Only known statuses get here.
 */
const statusIn = (statuses: readonly WorkOrderStatus[]) => {
  for (const status of statuses) if (!WORK_ORDER_STATUSES.includes(status)) throw new Error(`unknown status ${status}`);
  return sql.raw(`o.status IN (${statuses.map((status) => `'${status}'`).join(', ')})`);
};

function viewConditions(filter: OrderFilter): SQL[] {
  switch (filter.view) {
    case 'mine':
      return [
        sql`o.assignee_id = ${filter.userId}`,
        statusIn(filter.tab ? TAB_STATUSES.mine[filter.tab] : ['accepted', 'in-progress', 'feedback', 'completed']),
      ];
    case 'initiated':
      return [sql`o.initiator_id = ${filter.userId}`, ...(filter.tab ? [statusIn(TAB_STATUSES.initiated[filter.tab])] : [])];
    case 'pool':
      return [
        sql`o.status = 'initiated'`,
        filter.sharedPool
          ? sql`(o.team_id IN ${idList(filter.teamIds)} OR o.team_id IS NULL)`
          : sql`o.team_id IN ${idList(filter.teamIds)}`,
      ];
    case 'team':
      return [sql`o.team_id = ${filter.teamId ?? 0}`];
    case 'all':
      return [];
  }
}

/** Orders that stay in a list once done are newest first; open work is in due order. */
function newestFirst(filter: OrderFilter): boolean {
  return filter.tab === 'done';
}

/**
 * A page of orders; the total (capped: exact up to 10,000, then estimated) only with the first
 * page, which is the only one a list shows it with — a member's 已办 can hold 200,000 orders.
 */
export async function listOrders(
  ex: Executor,
  scope: Scope,
  filter: OrderFilter,
): Promise<{ items: OrderRecord[]; total: number | null; totalApproximate: boolean }> {
  const parts: SQL[] = [courtIdInScope(sql`o.court_id`, scope), ...viewConditions(filter)];
  if (filter.status) parts.push(statusIn([filter.status]));
  if (filter.caseId) parts.push(sql`o.case_id = ${filter.caseId}`);
  if (filter.typeId) parts.push(sql`o.type_id = ${filter.typeId}`);
  if (filter.assigneeId) parts.push(sql`o.assignee_id = ${filter.assigneeId}`);
  if (filter.teamId && filter.view !== 'team') parts.push(sql`o.team_id = ${filter.teamId}`);
  if (filter.overdue !== undefined)
    parts.push(filter.overdue ? sql`(o.status IN ${OPEN} AND o.due_at < now())` : sql`NOT (o.status IN ${OPEN} AND o.due_at < now())`);
  const where = sql.join(parts, sql` AND `);
  const desc = newestFirst(filter);
  const after =
    filter.cursor === null
      ? sql``
      : desc
        ? sql`AND o.id < ${filter.cursor}`
        : sql`AND (o.due_at, o.id) > (SELECT w.due_at, w.id FROM work_orders w WHERE w.id = ${filter.cursor})`;
  const order = desc ? sql`o.id DESC` : sql`o.due_at, o.id`;
  // The page's orders first, then what they refer to (see orderColumns).
  const items = await rows<OrderRecord>(
    ex,
    sql`SELECT ${orderColumns}
        FROM (SELECT o.* FROM work_orders o WHERE ${where} ${after}
              ORDER BY ${order} LIMIT ${filter.limit}) o JOIN work_order_types t ON t.id = o.type_id
        ORDER BY ${order}`,
  );
  if (filter.cursor !== null) return { items, total: null, totalApproximate: false };
  return { items, ...(await cappedCount(ex, sql`work_orders o WHERE ${where}`)) };
}

export async function insertOrders(ex: Executor, values: NewOrder[]): Promise<number[]> {
  if (values.length === 0) return [];
  const inserted = await ex.insert(workOrders).values(values).onConflictDoNothing().returning({ id: workOrders.id });
  return inserted.map((r) => r.id);
}

export async function ordersOfTypeAmong(ex: Executor, ids: readonly number[], typeId: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM work_orders WHERE id IN ${idList(ids)} AND type_id = ${typeId} ORDER BY id`,
  );
  return found.map((r) => r.id);
}

export async function insertEvents(ex: Executor, values: NewEvent[]): Promise<void> {
  if (values.length > 0) await ex.insert(workOrderEvents).values(values);
}

/** Compare-and-set on `version`; false when the order moved on since it was read. */
export async function updateOrder(ex: Executor, id: number, version: number, patch: Partial<NewOrder>): Promise<boolean> {
  const updated = await ex
    .update(workOrders)
    .set({ ...patch, updatedAt: new Date(), version: sql`${workOrders.version} + 1` })
    .where(and(eq(workOrders.id, id), eq(workOrders.version, version)))
    .returning({ id: workOrders.id });
  return updated.length === 1;
}

/**
 * The claim: one conditional statement, so that of any number of concurrent claimers exactly
 * one finds the order still unclaimed; the others update nothing.
 */
export async function claimOrder(ex: Executor, id: number, userId: number): Promise<boolean> {
  const claimed = await rows<{ id: number }>(
    ex,
    sql`UPDATE work_orders SET status = 'accepted', assignee_id = ${userId}, accepted_at = now(), updated_at = now(), version = version + 1
        WHERE id = ${id} AND status = 'initiated' AND assignee_id IS NULL
        RETURNING id`,
  );
  return claimed.length === 1;
}

export interface HeldOrder {
  id: number;
  courtId: number;
  status: WorkOrderStatus;
}

/** Moves every order a person holds in a team to another member; answers the orders moved. */
export async function handOverOrders(ex: Executor, teamId: number, fromUserId: number, toUserId: number): Promise<HeldOrder[]> {
  return rows<HeldOrder>(
    ex,
    sql`UPDATE work_orders o SET assignee_id = ${toUserId}, status = 'accepted', accepted_at = now(), started_at = NULL,
               updated_at = now(), version = version + 1
        FROM (SELECT id, status AS before FROM work_orders
              WHERE team_id = ${teamId} AND assignee_id = ${fromUserId} AND status IN ('accepted','in-progress') FOR UPDATE) h
        WHERE o.id = h.id
        RETURNING o.id, o.court_id AS "courtId", h.before AS status`,
  );
}

export interface EventRecord {
  id: number;
  action: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus;
  actorId: number | null;
  actorName: string;
  at: Date | string;
  note: string;
}

export function eventsOf(ex: Executor, orderId: number): Promise<EventRecord[]> {
  return rows<EventRecord>(
    ex,
    sql`SELECT id, action, from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId", actor_name AS "actorName", at, note
        FROM work_order_events WHERE order_id = ${orderId} ORDER BY id`,
  );
}

// ---- board and statistics ----

export interface BoardRecord {
  pool: number;
  poolOverdue: number;
  members: { userId: number; name: string; accepted: number; inProgress: number; overdue: number; doneLast30Days: number }[];
}

export async function teamBoard(ex: Executor, teamId: number): Promise<BoardRecord> {
  const [pool] = await rows<{ pool: number; poolOverdue: number }>(
    ex,
    sql`SELECT count(*)::int AS pool, count(*) FILTER (WHERE due_at < now())::int AS "poolOverdue"
        FROM work_orders WHERE team_id = ${teamId} AND status = 'initiated'`,
  );
  const members = await rows<BoardRecord['members'][number]>(
    ex,
    sql`SELECT u.id AS "userId", u.display_name AS name,
               count(o.id) FILTER (WHERE o.status = 'accepted')::int AS accepted,
               count(o.id) FILTER (WHERE o.status = 'in-progress')::int AS "inProgress",
               count(o.id) FILTER (WHERE o.status IN ('accepted','in-progress') AND o.due_at < now())::int AS overdue,
               count(o.id) FILTER (WHERE o.status IN ('feedback','completed') AND o.feedback_at > now() - interval '30 days')::int AS "doneLast30Days"
        FROM team_members m JOIN users u ON u.id = m.user_id AND u.status = 'active'
        LEFT JOIN work_orders o ON o.assignee_id = u.id AND o.team_id = m.team_id
        WHERE m.team_id = ${teamId}
        GROUP BY u.id, u.display_name ORDER BY u.id`,
  );
  return { ...pool, members };
}

export interface StatsFilter {
  courtId?: number;
  teamId?: number;
  from: string;
  to: string;
}

export interface StatsRecord {
  key: number | null;
  zh: string | null;
  en: string | null;
  total: number;
  open: number;
  completed: number;
  overdue: number;
  avgHandlingHours: number | null;
  dueByNow: number;
  onTime: number;
}

const GROUPS = {
  totals: { key: sql`NULL::int`, zh: sql`'全部'`, en: sql`'All'`, by: sql`` },
  type: { key: sql`min(o.type_id)`, zh: sql`t.name_zh`, en: sql`t.name_en`, by: sql`GROUP BY t.name_zh, t.name_en` },
  team: {
    key: sql`o.team_id`,
    zh: sql`coalesce(tm.name, '全省共享中心')`,
    en: sql`coalesce(tm.name, 'Shared provincial centre')`,
    by: sql`GROUP BY o.team_id, tm.name`,
  },
  person: {
    key: sql`o.assignee_id`,
    zh: sql`coalesce(a.display_name, '未认领')`,
    en: sql`coalesce(a.display_name, 'Unclaimed')`,
    by: sql`GROUP BY o.assignee_id, a.display_name`,
  },
} as const;

/**
 * Counts per group of the orders created in [from, to] (China Standard Time). Types group by
 * name, so that the same type of several courts is one row. On time: completed (or fed back, when
 * the initiator has not confirmed yet) by the due time.
 */
export async function orderStats(ex: Executor, scope: Scope, filter: StatsFilter, group: keyof typeof GROUPS): Promise<StatsRecord[]> {
  const g = GROUPS[group];
  const parts: SQL[] = [
    sql`c.path LIKE ${`${scope.courtPath}%`}`,
    sql`o.created_at >= ${`${filter.from}T00:00:00+08:00`}::timestamptz`,
    sql`o.created_at < (${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
  ];
  if (filter.courtId) parts.push(sql`c.path LIKE (SELECT f.path FROM courts f WHERE f.id = ${filter.courtId}) || '%'`);
  if (filter.teamId) parts.push(sql`o.team_id = ${filter.teamId}`);
  const done = sql`coalesce(o.completed_at, o.feedback_at)`;
  return rows<StatsRecord>(
    ex,
    sql`SELECT ${g.key} AS key, ${g.zh} AS zh, ${g.en} AS en, count(*)::int AS total,
               count(*) FILTER (WHERE o.status IN ${OPEN})::int AS open,
               count(*) FILTER (WHERE o.status = 'completed')::int AS completed,
               count(*) FILTER (WHERE (o.status IN ${OPEN} AND o.due_at < now()) OR ${done} > o.due_at)::int AS overdue,
               round((avg(extract(epoch FROM o.completed_at - o.created_at)) FILTER (WHERE o.status = 'completed') / 3600)::numeric, 1)::float8 AS "avgHandlingHours",
               count(*) FILTER (WHERE o.status <> 'withdrawn' AND o.due_at < now())::int AS "dueByNow",
               count(*) FILTER (WHERE o.status <> 'withdrawn' AND o.due_at < now() AND ${done} <= o.due_at)::int AS "onTime"
        FROM work_orders o JOIN courts c ON c.id = o.court_id JOIN work_order_types t ON t.id = o.type_id
        LEFT JOIN teams tm ON tm.id = o.team_id LEFT JOIN users a ON a.id = o.assignee_id
        WHERE ${sql.join(parts, sql` AND `)}
        ${g.by} ORDER BY total DESC, key NULLS LAST LIMIT 200`,
  );
}
