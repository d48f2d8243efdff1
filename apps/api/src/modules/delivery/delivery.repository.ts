import type {
  DeliveryCallOutcome,
  DeliveryDocumentKind,
  DeliveryEndReason,
  DeliveryEvidenceType,
  DeliveryMethod,
  DeliveryOutcome,
  DeliveryStatus,
  PostalReturnStatus,
} from '@courtassist/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { deliveryAddressConfirmations, deliveryAttempts, deliveryCalls, deliveryTasks } from './delivery.table.js';

type Scope = Pick<Actor, 'courtPath'>;
export type NewTask = typeof deliveryTasks.$inferInsert;
export type NewAttempt = typeof deliveryAttempts.$inferInsert;
export type NewConfirmation = typeof deliveryAddressConfirmations.$inferInsert;
export type NewCall = typeof deliveryCalls.$inferInsert;

/** Raw queries give moments as Date (node-postgres) or text (PGlite): ISO text for both. */
export const isoOf = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

// ---- cases and parties ----

export interface CaseForDelivery {
  id: number;
  courtId: number;
  caseNumber: string;
  status: string;
  causeName: string | null;
  /** Documents go out in the name of the basic court, also for its tribunals' cases. */
  courtName: string;
  courtAddress: string;
}

export async function caseForDelivery(ex: Executor, caseId: number, scope?: Scope): Promise<CaseForDelivery | null> {
  const [row] = await rows<CaseForDelivery>(
    ex,
    sql`SELECT k.id, k.court_id AS "courtId", k.case_number AS "caseNumber", k.status, cs.name_zh AS "causeName",
               CASE WHEN c.level = 'tribunal' THEN p.name ELSE c.name END AS "courtName", c.address AS "courtAddress"
        FROM cases k JOIN courts c ON c.id = k.court_id LEFT JOIN courts p ON p.id = c.parent_id
        LEFT JOIN causes cs ON cs.code = k.cause_code
        WHERE k.id = ${caseId} ${scope ? sql`AND ${courtIdInScope(sql`k.court_id`, scope)}` : sql``}`,
  );
  return row ?? null;
}

export interface PartyRecord {
  id: number;
  caseId: number;
  name: string;
  role: string;
  address: string | null;
  phone: string | null;
}

export async function partiesOf(ex: Executor, caseId: number, ids: readonly number[]): Promise<PartyRecord[]> {
  if (ids.length === 0) return [];
  return rows<PartyRecord>(
    ex,
    sql`SELECT id, case_id AS "caseId", name, role, address, phone FROM case_parties
        WHERE case_id = ${caseId} AND id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
}

export interface PartyForTask {
  id: number;
  address: string | null;
  phone: string | null;
  /** From the party's 送达地址确认书, when there is one. */
  confirmed: boolean;
  email: string | null;
  electronicAddress: string | null;
  /** The 送达 work order of the case for this party, else one for the whole case; the newest not withdrawn. */
  workOrderId: number | null;
}

/**
 * Everything task creation needs of the parties, in one statement: the address snapshot (the
 * confirmed address first, else the party's record) and the delivery work order to link.
 */
export async function partiesForTasks(ex: Executor, caseId: number, ids: readonly number[]): Promise<PartyForTask[]> {
  if (ids.length === 0) return [];
  return rows<PartyForTask>(
    ex,
    sql`SELECT p.id, coalesce(a.address, p.address) AS address, coalesce(a.phone, p.phone) AS phone, a.id IS NOT NULL AS confirmed,
               a.email, a.electronic_address AS "electronicAddress", o.id AS "workOrderId"
        FROM case_parties p
        LEFT JOIN delivery_address_confirmations a ON a.party_id = p.id
        LEFT JOIN LATERAL (
          SELECT w.id FROM work_orders w JOIN work_order_types ty ON ty.id = w.type_id
          WHERE w.case_id = p.case_id AND ty.code = 'delivery' AND (w.party_id = p.id OR w.party_id IS NULL) AND w.status <> 'withdrawn'
          ORDER BY (w.party_id IS NULL), w.id DESC LIMIT 1) o ON true
        WHERE p.case_id = ${caseId} AND p.id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        ORDER BY p.sort, p.id`,
  );
}

// ---- address confirmations ----

export interface ConfirmationRecord {
  id: number;
  courtId: number;
  caseId: number;
  partyId: number;
  partyName: string;
  address: string;
  phone: string | null;
  email: string | null;
  electronicAddress: string | null;
  signedOn: string;
  version: number;
}

const confirmationColumns = sql`a.id, a.court_id AS "courtId", a.case_id AS "caseId", a.party_id AS "partyId", p.name AS "partyName",
  a.address, a.phone, a.email, a.electronic_address AS "electronicAddress", a.signed_on::text AS "signedOn", a.version`;

export async function confirmationsOfCase(ex: Executor, caseId: number): Promise<ConfirmationRecord[]> {
  return rows<ConfirmationRecord>(
    ex,
    sql`SELECT ${confirmationColumns} FROM delivery_address_confirmations a JOIN case_parties p ON p.id = a.party_id
        WHERE a.case_id = ${caseId} ORDER BY a.id`,
  );
}

export async function findConfirmation(ex: Executor, id: number, scope: Scope): Promise<ConfirmationRecord | null> {
  const [row] = await rows<ConfirmationRecord>(
    ex,
    sql`SELECT ${confirmationColumns} FROM delivery_address_confirmations a JOIN case_parties p ON p.id = a.party_id
        WHERE a.id = ${id} AND ${courtIdInScope(sql`a.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function insertConfirmation(ex: Executor, values: NewConfirmation): Promise<number> {
  const [row] = await ex.insert(deliveryAddressConfirmations).values(values).returning({ id: deliveryAddressConfirmations.id });
  return row.id;
}

export async function updateConfirmation(ex: Executor, id: number, version: number, patch: Partial<NewConfirmation>): Promise<boolean> {
  const changed = await ex
    .update(deliveryAddressConfirmations)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(deliveryAddressConfirmations.id, id), eq(deliveryAddressConfirmations.version, version)))
    .returning({ id: deliveryAddressConfirmations.id });
  return changed.length > 0;
}

export async function deleteConfirmation(ex: Executor, id: number, version: number): Promise<boolean> {
  const gone = await ex
    .delete(deliveryAddressConfirmations)
    .where(and(eq(deliveryAddressConfirmations.id, id), eq(deliveryAddressConfirmations.version, version)))
    .returning({ id: deliveryAddressConfirmations.id });
  return gone.length > 0;
}

/** Open tasks of a party take the confirmed address (or, without one, the party's own record). */
export async function refreshOpenTasksOfParty(ex: Executor, partyId: number): Promise<void> {
  await ex.execute(sql`
    UPDATE delivery_tasks t SET
      address = coalesce(a.address, p.address), phone = coalesce(a.phone, p.phone), email = a.email,
      electronic_address = a.electronic_address, address_confirmed = a.id IS NOT NULL,
      version = t.version + 1, updated_at = now()
    FROM case_parties p LEFT JOIN delivery_address_confirmations a ON a.party_id = p.id
    WHERE t.party_id = ${partyId} AND p.id = t.party_id AND t.status IN ('pending','in-progress')`);
}

// ---- tasks ----

export interface TaskRecord {
  id: number;
  courtId: number;
  courtName: string;
  caseId: number;
  caseNumber: string;
  partyId: number;
  partyName: string;
  partyRole: string;
  documentKind: DeliveryDocumentKind;
  workOrderId: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  electronicAddress: string | null;
  addressConfirmed: boolean;
  status: DeliveryStatus;
  servedOn: string | null;
  servedMethod: DeliveryMethod | null;
  endReason: DeliveryEndReason | null;
  endDetail: string | null;
  endedAt: Date | string | null;
  endedBy: string | null;
  attemptCount: number;
  version: number;
  createdAt: Date | string;
}

const taskColumns = sql`t.id, t.court_id AS "courtId", c.name AS "courtName", t.case_id AS "caseId", k.case_number AS "caseNumber",
  t.party_id AS "partyId", p.name AS "partyName", p.role AS "partyRole", t.document_kind AS "documentKind",
  t.work_order_id AS "workOrderId", t.address, t.phone, t.email, t.electronic_address AS "electronicAddress",
  t.address_confirmed AS "addressConfirmed", t.status, t.served_on::text AS "servedOn", t.served_method AS "servedMethod",
  t.end_reason AS "endReason", t.end_detail AS "endDetail", t.ended_at AS "endedAt", t.ended_by_name AS "endedBy",
  (SELECT count(*)::int FROM delivery_attempts x WHERE x.task_id = t.id) AS "attemptCount", t.version, t.created_at AS "createdAt"`;
const taskFrom = sql`delivery_tasks t JOIN courts c ON c.id = t.court_id JOIN cases k ON k.id = t.case_id JOIN case_parties p ON p.id = t.party_id`;

export async function insertTasks(ex: Executor, values: NewTask[]): Promise<number[]> {
  if (values.length === 0) return [];
  const made = await ex.insert(deliveryTasks).values(values).onConflictDoNothing().returning({ id: deliveryTasks.id });
  return made.map((r) => r.id);
}

export async function findTask(ex: Executor, id: number, scope?: Scope): Promise<TaskRecord | null> {
  const [row] = await rows<TaskRecord>(
    ex,
    sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.id = ${id} ${scope ? sql`AND ${courtIdInScope(sql`t.court_id`, scope)}` : sql``}`,
  );
  return row ?? null;
}

export async function tasksOfCase(ex: Executor, caseId: number): Promise<TaskRecord[]> {
  return rows<TaskRecord>(ex, sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE t.case_id = ${caseId} ORDER BY t.id`);
}

export interface TaskFilter {
  caseId?: number;
  courtId?: number;
  status?: DeliveryStatus;
  method?: DeliveryMethod;
  cursor: number | null;
  limit: number;
}

/** Newest first, keyset on the id; the total counts the whole filtered list. */
export async function listTasks(ex: Executor, scope: Scope, f: TaskFilter): Promise<{ items: TaskRecord[]; total: number }> {
  const where = [courtIdInScope(sql`t.court_id`, scope)];
  if (f.caseId) where.push(sql`t.case_id = ${f.caseId}`);
  if (f.courtId) where.push(sql`t.court_id = ${f.courtId}`);
  if (f.status) where.push(sql`t.status = ${f.status}`);
  if (f.method) where.push(sql`EXISTS (SELECT 1 FROM delivery_attempts m WHERE m.task_id = t.id AND m.method = ${f.method})`);
  const filter = sql.join(where, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<TaskRecord>(
      ex,
      sql`SELECT ${taskColumns} FROM ${taskFrom} WHERE ${filter} ${f.cursor ? sql`AND t.id < ${f.cursor}` : sql``}
          ORDER BY t.id DESC LIMIT ${f.limit}`,
    ),
    rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM delivery_tasks t WHERE ${filter}`),
  ]);
  return { items, total };
}

/** Moves a task on, if nobody changed it since `version` was read. */
export async function updateTask(ex: Executor, id: number, version: number, patch: Partial<NewTask>): Promise<boolean> {
  const changed = await ex
    .update(deliveryTasks)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(deliveryTasks.id, id), eq(deliveryTasks.version, version)))
    .returning({ id: deliveryTasks.id });
  return changed.length > 0;
}

/**
 * How the case's tasks stand: open (pending, in progress), served and ended. The case row is
 * locked first: two last tasks settled at the same time then count one after the other, and the
 * second sees the first's commit.
 */
export async function taskCountsOfCase(ex: Executor, caseId: number): Promise<{ open: number; served: number; failed: number }> {
  await ex.execute(sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`);
  const [row] = await rows<{ open: number; served: number; failed: number }>(
    ex,
    sql`SELECT count(*) FILTER (WHERE status IN ('pending','in-progress'))::int AS open,
               count(*) FILTER (WHERE status = 'served')::int AS served, count(*) FILTER (WHERE status = 'failed')::int AS failed
        FROM delivery_tasks WHERE case_id = ${caseId}`,
  );
  return row;
}

export interface SettledTaskRecord {
  taskId: number;
  partyName: string;
  documentKind: DeliveryDocumentKind;
  status: DeliveryStatus;
  servedOn: string | null;
  servedMethod: DeliveryMethod | null;
  endReason: DeliveryEndReason | null;
  /** The latest attempt: who made it and its outcome, and who recorded it (the handler of a pooled order). */
  lastOutcome: DeliveryOutcome | null;
  lastPerson: string | null;
  lastRecordedBy: number | null;
  lastRecordedAt: Date | string | null;
  endedBy: number | null;
  endedAt: Date | string | null;
}

/**
 * The tasks linked to a work order once none of them is open any more (else an empty list), with
 * what the order's result needs. The tasks of an order are of one case, whose row is locked
 * first (as for the node): two last tasks of one order settled at the same time count one after
 * the other.
 */
export async function settledTasksOfOrder(ex: Executor, orderId: number, caseId: number): Promise<SettledTaskRecord[]> {
  await ex.execute(sql`SELECT id FROM cases WHERE id = ${caseId} FOR UPDATE`);
  const found = await rows<SettledTaskRecord & { open: boolean }>(
    ex,
    sql`SELECT t.id AS "taskId", p.name AS "partyName", t.document_kind AS "documentKind", t.status, t.served_on::text AS "servedOn",
               t.served_method AS "servedMethod", t.end_reason AS "endReason", t.ended_by AS "endedBy", t.ended_at AS "endedAt",
               x.outcome AS "lastOutcome", x.person AS "lastPerson", x.recorded_by AS "lastRecordedBy", x.created_at AS "lastRecordedAt",
               t.status IN ('pending','in-progress') AS open
        FROM delivery_tasks t JOIN case_parties p ON p.id = t.party_id
        LEFT JOIN LATERAL (SELECT a.outcome, a.person, a.recorded_by, a.created_at FROM delivery_attempts a
                           WHERE a.task_id = t.id ORDER BY a.id DESC LIMIT 1) x ON true
        WHERE t.work_order_id = ${orderId} AND t.case_id = ${caseId}
        ORDER BY t.id`,
  );
  if (found.length === 0 || found.some((t) => t.open)) return [];
  return found.map(({ open: _o, ...rest }) => rest);
}

// ---- attempts ----

export interface AttemptRecord {
  id: number;
  taskId: number;
  courtId: number;
  method: DeliveryMethod;
  outcome: DeliveryOutcome;
  attemptedAt: Date | string;
  person: string;
  recordedBy: string;
  trackingNumber: string | null;
  postalReturnStatus: PostalReturnStatus | null;
  electronicAddress: string | null;
  readAt: Date | string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  entrustedCourt: string | null;
  note: string;
  evidenceType: DeliveryEvidenceType | null;
  evidenceSize: number | null;
}

const attemptColumns = sql`a.id, a.task_id AS "taskId", a.court_id AS "courtId", a.method, a.outcome, a.attempted_at AS "attemptedAt",
  a.person, a.recorded_by_name AS "recordedBy", a.tracking_number AS "trackingNumber", a.postal_return_status AS "postalReturnStatus",
  a.electronic_address AS "electronicAddress", a.read_at AS "readAt", a.published_on::text AS "publishedOn",
  a.effective_on::text AS "effectiveOn", a.entrusted_court AS "entrustedCourt", a.note, a.evidence_type AS "evidenceType",
  a.evidence_size AS "evidenceSize"`;

export async function attemptsOf(ex: Executor, taskId: number): Promise<AttemptRecord[]> {
  return rows<AttemptRecord>(ex, sql`SELECT ${attemptColumns} FROM delivery_attempts a WHERE a.task_id = ${taskId} ORDER BY a.id`);
}

export async function findAttempt(ex: Executor, id: number, scope: Scope): Promise<AttemptRecord | null> {
  const [row] = await rows<AttemptRecord>(
    ex,
    sql`SELECT ${attemptColumns} FROM delivery_attempts a WHERE a.id = ${id} AND ${courtIdInScope(sql`a.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function insertAttempt(ex: Executor, values: NewAttempt): Promise<number> {
  const [row] = await ex.insert(deliveryAttempts).values(values).returning({ id: deliveryAttempts.id });
  return row.id;
}

export async function setEvidence(ex: Executor, id: number, content: Buffer, type: DeliveryEvidenceType): Promise<void> {
  await ex
    .update(deliveryAttempts)
    .set({ evidence: content, evidenceType: type, evidenceSize: content.length })
    .where(eq(deliveryAttempts.id, id));
}

export async function evidenceOf(ex: Executor, id: number, scope: Scope): Promise<{ content: Buffer; type: string } | null> {
  const [row] = await ex
    .select({ content: deliveryAttempts.evidence, type: deliveryAttempts.evidenceType })
    .from(deliveryAttempts)
    .where(and(eq(deliveryAttempts.id, id), courtIdInScope(sql`${deliveryAttempts.courtId}`, scope)));
  return row?.content && row.type ? { content: row.content, type: row.type } : null;
}

export interface AnnouncedTask {
  taskId: number;
  caseId: number;
  courtId: number;
  workOrderId: number | null;
  effectiveOn: string;
}

/**
 * One batch of the sweep in one statement: tasks still open whose published announcement (公告)
 * has reached its effective day become served on that day. Answers the tasks it served.
 */
export async function serveDueAnnouncements(ex: Executor, today: string, batch: number): Promise<AnnouncedTask[]> {
  return rows<AnnouncedTask>(
    ex,
    sql`WITH due AS (
          SELECT DISTINCT ON (t.id) t.id, a.effective_on
          FROM delivery_attempts a JOIN delivery_tasks t ON t.id = a.task_id
          WHERE a.method = 'announcement' AND a.outcome = 'success' AND a.effective_on <= ${today}::date
            AND t.status IN ('pending','in-progress')
          ORDER BY t.id, a.effective_on
          LIMIT ${batch}
        )
        UPDATE delivery_tasks t SET status = 'served', served_on = due.effective_on, served_method = 'announcement',
               version = t.version + 1, updated_at = now()
        FROM due WHERE t.id = due.id AND t.status IN ('pending','in-progress')
        RETURNING t.id AS "taskId", t.case_id AS "caseId", t.court_id AS "courtId", t.work_order_id AS "workOrderId",
                  t.served_on::text AS "effectiveOn"`,
  );
}

// ---- calls ----

export interface CallRecord {
  id: number;
  caseId: number;
  caseNumber: string;
  partyId: number | null;
  partyName: string | null;
  calledAt: Date | string;
  outcome: DeliveryCallOutcome;
  followUp: string;
  recordedBy: string;
}

export async function insertCall(ex: Executor, values: NewCall): Promise<number> {
  const [row] = await ex.insert(deliveryCalls).values(values).returning({ id: deliveryCalls.id });
  return row.id;
}

export async function listCalls(
  ex: Executor,
  scope: Scope,
  f: { caseId?: number; id?: number; cursor: number | null; limit: number },
): Promise<{ items: CallRecord[]; total: number }> {
  const where = [courtIdInScope(sql`l.court_id`, scope)];
  if (f.caseId) where.push(sql`l.case_id = ${f.caseId}`);
  if (f.id) where.push(sql`l.id = ${f.id}`);
  const filter = sql.join(where, sql` AND `);
  const [items, [{ total }]] = await Promise.all([
    rows<CallRecord>(
      ex,
      sql`SELECT l.id, l.case_id AS "caseId", k.case_number AS "caseNumber", l.party_id AS "partyId", p.name AS "partyName",
                 l.called_at AS "calledAt", l.outcome, l.follow_up AS "followUp", l.recorded_by_name AS "recordedBy"
          FROM delivery_calls l JOIN cases k ON k.id = l.case_id LEFT JOIN case_parties p ON p.id = l.party_id
          WHERE ${filter} ${f.cursor ? sql`AND l.id < ${f.cursor}` : sql``} ORDER BY l.id DESC LIMIT ${f.limit}`,
    ),
    rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM delivery_calls l WHERE ${filter}`),
  ]);
  return { items, total };
}

// ---- indicators ----

export interface IndicatorFilter {
  courtId?: number;
  from?: string;
  to?: string;
}

export interface RateRecord {
  key: string;
  name: string;
  attempts: number;
  successes: number;
}

function attemptFilter(scope: Scope, f: IndicatorFilter): SQL {
  const where = [courtIdInScope(sql`a.court_id`, scope)];
  if (f.courtId) where.push(sql`a.court_id = ${f.courtId}`);
  if (f.from) where.push(sql`(a.attempted_at AT TIME ZONE 'Asia/Shanghai')::date >= ${f.from}::date`);
  if (f.to) where.push(sql`(a.attempted_at AT TIME ZONE 'Asia/Shanghai')::date <= ${f.to}::date`);
  return sql.join(where, sql` AND `);
}

/** Attempts and successes grouped by method, court or person (who made the attempt). */
export async function successRates(
  ex: Executor,
  scope: Scope,
  f: IndicatorFilter,
  by: 'method' | 'court' | 'person',
): Promise<RateRecord[]> {
  const key = by === 'method' ? sql`a.method` : by === 'court' ? sql`a.court_id::text` : sql`a.person`;
  const name = by === 'court' ? sql`min(c.name)` : key;
  return rows<RateRecord>(
    ex,
    sql`SELECT ${key} AS key, ${name} AS name, count(*)::int AS attempts, count(*) FILTER (WHERE a.outcome = 'success')::int AS successes
        FROM delivery_attempts a JOIN courts c ON c.id = a.court_id
        WHERE ${attemptFilter(scope, f)} GROUP BY ${key} ORDER BY attempts DESC, key LIMIT 100`,
  );
}

export async function taskTotals(
  ex: Executor,
  scope: Scope,
  f: IndicatorFilter,
): Promise<{ tasks: number; served: number; failed: number; electronic: number; averageDays: number | null }> {
  const where = [courtIdInScope(sql`t.court_id`, scope)];
  if (f.courtId) where.push(sql`t.court_id = ${f.courtId}`);
  if (f.from) where.push(sql`(t.created_at AT TIME ZONE 'Asia/Shanghai')::date >= ${f.from}::date`);
  if (f.to) where.push(sql`(t.created_at AT TIME ZONE 'Asia/Shanghai')::date <= ${f.to}::date`);
  const [row] = await rows<{ tasks: number; served: number; failed: number; electronic: number; averageDays: string | number | null }>(
    ex,
    sql`SELECT count(*)::int AS tasks, count(*) FILTER (WHERE t.status = 'served')::int AS served,
               count(*) FILTER (WHERE t.status = 'failed')::int AS failed,
               count(*) FILTER (WHERE t.status = 'served' AND t.served_method = 'electronic')::int AS electronic,
               avg(t.served_on - (t.created_at AT TIME ZONE 'Asia/Shanghai')::date) FILTER (WHERE t.status = 'served') AS "averageDays"
        FROM delivery_tasks t WHERE ${sql.join(where, sql` AND `)}`,
  );
  return { ...row, averageDays: row.averageDays === null ? null : Number(row.averageDays) };
}

// ---- demo data ----

export interface SeedOrderRecord {
  orderId: number;
  orderStatus: string;
  courtId: number;
  courtName: string;
  caseId: number;
  caseTypeCode: string;
  partyId: number;
  partyKind: string;
  partyPhone: string | null;
  handlerId: number | null;
  handlerName: string | null;
  createdAt: Date | string;
}

/** Whether any delivery task exists: the demo data is loaded once. */
export async function hasTasks(ex: Executor): Promise<boolean> {
  return (await rows(ex, sql`SELECT 1 FROM delivery_tasks LIMIT 1`)).length > 0;
}

/**
 * The demo cases' 送达 work orders per party (not returned or withdrawn) of one case in `share`
 * out of ten, with the handler who would do the delivery: the assignee, else the initiator.
 */
export async function seedDeliveryOrders(ex: Executor, share: number): Promise<SeedOrderRecord[]> {
  return rows<SeedOrderRecord>(
    ex,
    sql`SELECT o.id AS "orderId", o.status AS "orderStatus", o.court_id AS "courtId", c.name AS "courtName", o.case_id AS "caseId",
               k.case_type_code AS "caseTypeCode", p.id AS "partyId", p.kind AS "partyKind", p.phone AS "partyPhone",
               coalesce(o.assignee_id, o.initiator_id) AS "handlerId", u.display_name AS "handlerName", o.created_at AS "createdAt"
        FROM work_orders o JOIN work_order_types ty ON ty.id = o.type_id AND ty.code = 'delivery'
        JOIN cases k ON k.id = o.case_id JOIN courts c ON c.id = o.court_id JOIN case_parties p ON p.id = o.party_id
        LEFT JOIN users u ON u.id = coalesce(o.assignee_id, o.initiator_id)
        WHERE o.status NOT IN ('returned','withdrawn') AND o.case_id % 10 < ${share}
        ORDER BY o.id`,
  );
}

/** A batch of columns as single array parameters (a plain array would expand to a list). */
const col = <T>(batch: readonly T[], key: keyof T) => sql.param(batch.map((r) => r[key] ?? null));

/** Ids for rows about to be inserted, so that attempts can name their task in the same batch. */
export async function nextTaskIds(ex: Executor, count: number): Promise<number[]> {
  if (count === 0) return [];
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT nextval(pg_get_serial_sequence('delivery_tasks', 'id'))::int AS id FROM generate_series(1, ${count}) ORDER BY 1`,
  );
  return found.map((r) => r.id);
}

export interface SeedTask {
  id: number;
  courtId: number;
  caseId: number;
  partyId: number;
  documentKind: string;
  workOrderId: number;
  address: string;
  phone: string | null;
  electronicAddress: string | null;
  addressConfirmed: boolean;
  status: string;
  servedOn: string | null;
  servedMethod: string | null;
  endReason: string | null;
  endDetail: string | null;
  endedAt: string | null;
  endedBy: number | null;
  endedByName: string | null;
  createdBy: number | null;
  version: number;
  createdAt: string;
}

export interface SeedAttempt {
  taskId: number;
  courtId: number;
  method: string;
  outcome: string;
  attemptedAt: string;
  person: string;
  recordedBy: number | null;
  recordedByName: string;
  trackingNumber: string | null;
  postalReturnStatus: string | null;
  electronicAddress: string | null;
  readAt: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  entrustedCourt: string | null;
  note: string;
}

export interface SeedConfirmation {
  courtId: number;
  caseId: number;
  partyId: number;
  address: string;
  phone: string | null;
  electronicAddress: string | null;
  signedOn: string;
  createdBy: number | null;
}

export interface SeedCall {
  courtId: number;
  caseId: number;
  partyId: number;
  calledAt: string;
  outcome: string;
  followUp: string;
  recordedBy: number | null;
  recordedByName: string;
}

/** The demo rows, each table in one statement. */
export async function insertSeedRows(
  ex: Executor,
  data: { tasks: SeedTask[]; attempts: SeedAttempt[]; confirmations: SeedConfirmation[]; calls: SeedCall[] },
): Promise<void> {
  const { tasks, attempts, confirmations, calls } = data;
  if (confirmations.length > 0)
    await ex.execute(sql`
      INSERT INTO delivery_address_confirmations (court_id, case_id, party_id, address, phone, electronic_address, signed_on, created_by, created_at, updated_at)
      SELECT c, k, p, a, ph, e, s, b, s::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', s::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours'
      FROM unnest(${col(confirmations, 'courtId')}::int[], ${col(confirmations, 'caseId')}::int[], ${col(confirmations, 'partyId')}::int[],
                  ${col(confirmations, 'address')}::text[], ${col(confirmations, 'phone')}::text[], ${col(confirmations, 'electronicAddress')}::text[],
                  ${col(confirmations, 'signedOn')}::date[], ${col(confirmations, 'createdBy')}::int[]) AS x(c, k, p, a, ph, e, s, b)
      ON CONFLICT DO NOTHING`);
  if (tasks.length > 0)
    await ex.execute(sql`
      INSERT INTO delivery_tasks (id, court_id, case_id, party_id, document_kind, work_order_id, address, phone, electronic_address,
                                  address_confirmed, status, served_on, served_method, end_reason, end_detail, ended_at, ended_by,
                                  ended_by_name, created_by, version, created_at, updated_at)
      SELECT *, x.created FROM unnest(${col(tasks, 'id')}::int[], ${col(tasks, 'courtId')}::int[], ${col(tasks, 'caseId')}::int[],
        ${col(tasks, 'partyId')}::int[], ${col(tasks, 'documentKind')}::text[], ${col(tasks, 'workOrderId')}::int[],
        ${col(tasks, 'address')}::text[], ${col(tasks, 'phone')}::text[], ${col(tasks, 'electronicAddress')}::text[],
        ${col(tasks, 'addressConfirmed')}::boolean[], ${col(tasks, 'status')}::text[], ${col(tasks, 'servedOn')}::date[],
        ${col(tasks, 'servedMethod')}::text[], ${col(tasks, 'endReason')}::text[], ${col(tasks, 'endDetail')}::text[],
        ${col(tasks, 'endedAt')}::timestamptz[], ${col(tasks, 'endedBy')}::int[], ${col(tasks, 'endedByName')}::text[],
        ${col(tasks, 'createdBy')}::int[], ${col(tasks, 'version')}::int[], ${col(tasks, 'createdAt')}::timestamptz[]) AS x(
          id, court, kase, party, kind, wo, address, phone, electronic, confirmed, status, served_on, served_method, end_reason,
          end_detail, ended_at, ended_by, ended_by_name, created_by, version, created)`);
  if (attempts.length > 0)
    await ex.execute(sql`
      INSERT INTO delivery_attempts (task_id, court_id, method, outcome, attempted_at, person, recorded_by, recorded_by_name,
                                     tracking_number, postal_return_status, electronic_address, read_at, published_on, effective_on, entrusted_court, note, created_at)
      SELECT *, x.at FROM unnest(${col(attempts, 'taskId')}::int[], ${col(attempts, 'courtId')}::int[], ${col(attempts, 'method')}::text[],
        ${col(attempts, 'outcome')}::text[], ${col(attempts, 'attemptedAt')}::timestamptz[], ${col(attempts, 'person')}::text[],
        ${col(attempts, 'recordedBy')}::int[], ${col(attempts, 'recordedByName')}::text[], ${col(attempts, 'trackingNumber')}::text[],
        ${col(attempts, 'postalReturnStatus')}::text[], ${col(attempts, 'electronicAddress')}::text[], ${col(attempts, 'readAt')}::timestamptz[],
        ${col(attempts, 'publishedOn')}::date[], ${col(attempts, 'effectiveOn')}::date[], ${col(attempts, 'entrustedCourt')}::text[],
        ${col(attempts, 'note')}::text[]) AS x(
          task, court, method, outcome, at, person, by, by_name, tracking, postal, electronic, read_at, published_on, effective_on,
          entrusted, note)`);
  if (calls.length > 0)
    await ex.execute(sql`
      INSERT INTO delivery_calls (court_id, case_id, party_id, called_at, outcome, follow_up, recorded_by, recorded_by_name, created_at)
      SELECT *, x.at FROM unnest(${col(calls, 'courtId')}::int[], ${col(calls, 'caseId')}::int[], ${col(calls, 'partyId')}::int[],
        ${col(calls, 'calledAt')}::timestamptz[], ${col(calls, 'outcome')}::text[], ${col(calls, 'followUp')}::text[],
        ${col(calls, 'recordedBy')}::int[], ${col(calls, 'recordedByName')}::text[]) AS x(court, kase, party, at, outcome, follow_up, by, by_name)`);
}
