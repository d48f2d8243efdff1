import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { networkAssistants, networkStations } from './network.table.js';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const KINDS = list(['delivery', 'mediation', 'investigation', 'petition-risk', 'dispute-report', 'circuit-liaison']);
const STATUSES = list(['assigned', 'accepted', 'declined', 'reported', 'confirmed']);

/** PostgreSQL bytea as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * A task given to a grassroots assistant. `court_id` is the court that gave it (the case's court
 * for an assisted delivery): court users see the tasks of their subtree; the assistant sees the
 * tasks whose `assistant_id` is theirs, and nothing else.
 */
export const networkTasks = pgTable(
  'network_tasks',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('assigned'),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id),
    stationId: integer('station_id').references(() => networkStations.id),
    caseId: integer('case_id'),
    partyId: integer('party_id'),
    deliveryTaskId: integer('delivery_task_id'),
    title: text('title').notNull(),
    instructions: text('instructions').notNull().default(''),
    dueOn: day('due_on').notNull(),
    declineReason: text('decline_reason'),
    sendBackReason: text('send_back_reason'),
    /** The report the court is looking at (the latest one). */
    reportId: integer('report_id'),
    outcome: text('outcome'),
    rating: smallint('rating'),
    deliveryAttemptId: integer('delivery_attempt_id'),
    assignedBy: integer('assigned_by').notNull(),
    assignedByName: text('assigned_by_name').notNull(),
    acceptedAt: stamp('accepted_at'),
    reportedAt: stamp('reported_at'),
    confirmedAt: stamp('confirmed_at'),
    /** The CST day of the confirmation: the month the subsidy statement pays it in. */
    confirmedOn: day('confirmed_on'),
    confirmedBy: integer('confirmed_by'),
    /** When the assistant was reminded the day before the due date; when the assigner was told it was overdue. */
    remindedDueAt: stamp('reminded_due_at'),
    remindedOverdueAt: stamp('reminded_overdue_at'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_tasks_kind_check', sql`${t.kind} IN (${KINDS})`),
    check('network_tasks_status_check', sql`${t.status} IN (${STATUSES})`),
    check('network_tasks_outcome_check', sql`${t.outcome} IS NULL OR ${t.outcome} IN ('success','failure')`),
    check('network_tasks_rating_check', sql`${t.rating} IS NULL OR ${t.rating} BETWEEN 1 AND 5`),
    check('network_tasks_delivery_kind_check', sql`${t.deliveryTaskId} IS NULL OR ${t.kind} = 'delivery'`),
    index('network_tasks_assistant_idx').on(t.assistantId, t.status, t.id),
    index('network_tasks_court_idx').on(t.courtId, t.id),
    index('network_tasks_court_status_idx').on(t.courtId, t.status, t.id),
    index('network_tasks_delivery_task_idx').on(t.deliveryTaskId),
    index('network_tasks_due_idx').on(t.dueOn).where(sql`${t.status} IN ('assigned','accepted')`),
    // The monthly run reads each assistant's tasks confirmed in one month (assessment facts and
    // subsidy lines): without it every court's run scans the whole table.
    index('network_tasks_confirmed_idx')
      .on(t.assistantId, t.confirmedOn)
      .where(sql`${t.status} = 'confirmed'`),
  ],
);

/** The trace of a task: who did what, when, with what note. Append-only. */
export const networkTaskEvents = pgTable(
  'network_task_events',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => networkTasks.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note').notNull().default(''),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: stamp('at').notNull().defaultNow(),
  },
  (t) => [index('network_task_events_task_idx').on(t.taskId, t.id)],
);

/**
 * A report of the assistant, with the key the phone made when it was written: a report sent
 * twice (the phone came back online and retried) is stored once.
 */
export const networkTaskReports = pgTable(
  'network_task_reports',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => networkTasks.id, { onDelete: 'cascade' }),
    assistantId: integer('assistant_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    occurredAt: stamp('occurred_at').notNull(),
    content: jsonb('content').notNull(),
    outcome: text('outcome').notNull(),
    submittedBy: integer('submitted_by').notNull(),
    submittedAt: stamp('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('network_task_reports_key').on(t.assistantId, t.idempotencyKey),
    index('network_task_reports_task_idx').on(t.taskId, t.id),
  ],
);

export const networkTaskPhotos = pgTable(
  'network_task_photos',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => networkTaskReports.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    check('network_task_photos_type_check', sql`${t.type} IN ('image/jpeg','image/png')`),
    index('network_task_photos_report_idx').on(t.reportId, t.id),
  ],
);
