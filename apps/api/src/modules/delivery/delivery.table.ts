import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/** PostgreSQL bytea as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const METHODS = list(['electronic', 'postal', 'direct', 'left-at-residence', 'entrusted', 'assisted', 'announcement']);

/**
 * 送达地址确认书: the address a party confirmed in writing, one per party. It takes precedence over
 * the address in the party's record when a task takes its address snapshot.
 */
export const deliveryAddressConfirmations = pgTable(
  'delivery_address_confirmations',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseId: integer('case_id').notNull(),
    partyId: integer('party_id').notNull(),
    address: text('address').notNull(),
    phone: text('phone'),
    email: text('email'),
    electronicAddress: text('electronic_address'),
    signedOn: day('signed_on').notNull(),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('delivery_address_confirmations_party_key').on(t.partyId),
    index('delivery_address_confirmations_case_idx').on(t.caseId),
  ],
);

/** One document to serve on one party of a case. */
export const deliveryTasks = pgTable(
  'delivery_tasks',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseId: integer('case_id').notNull(),
    partyId: integer('party_id').notNull(),
    documentKind: text('document_kind').notNull(),
    /** The case's 送达 work order for this party (or for the whole case), when there is one. */
    workOrderId: integer('work_order_id'),
    /** Snapshot of where to deliver, refreshed while the task is open when a confirmation changes. */
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    electronicAddress: text('electronic_address'),
    addressConfirmed: boolean('address_confirmed').notNull().default(false),
    status: text('status').notNull().default('pending'),
    servedOn: day('served_on'),
    servedMethod: text('served_method'),
    /** 终止送达: why and on what the task was ended as undeliverable (status failed), by whom and when. */
    endReason: text('end_reason'),
    endDetail: text('end_detail'),
    endedAt: stamp('ended_at'),
    endedBy: integer('ended_by'),
    endedByName: text('ended_by_name'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('delivery_tasks_status_check', sql`${t.status} IN ('pending','in-progress','served','failed')`),
    check('delivery_tasks_served_check', sql`(${t.status} = 'served') = (${t.servedOn} IS NOT NULL)`),
    check('delivery_tasks_method_check', sql`${t.servedMethod} IS NULL OR ${t.servedMethod} IN (${METHODS})`),
    check(
      'delivery_tasks_ended_check',
      sql`(${t.status} = 'failed') = (${t.endReason} IS NOT NULL) AND (${t.endReason} IS NULL OR ${t.endReason} IN ('deceased','deregistered','court-decision'))`,
    ),
    // The tasks of a work order, to see whether all of them are settled.
    index('delivery_tasks_work_order_idx')
      .on(t.workOrderId)
      .where(sql`${t.workOrderId} IS NOT NULL`),
    uniqueIndex('delivery_tasks_case_party_kind_key').on(t.caseId, t.partyId, t.documentKind),
    index('delivery_tasks_court_status_idx').on(t.courtId, t.status, t.id),
    index('delivery_tasks_party_idx').on(t.partyId),
  ],
);

/** An attempt to deliver a task, by one method, with its outcome and evidence. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => deliveryTasks.id, { onDelete: 'cascade' }),
    courtId: integer('court_id').notNull(),
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    attemptedAt: stamp('attempted_at').notNull(),
    person: text('person').notNull(),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    trackingNumber: text('tracking_number'),
    postalReturnStatus: text('postal_return_status'),
    electronicAddress: text('electronic_address'),
    readAt: stamp('read_at'),
    publishedOn: day('published_on'),
    effectiveOn: day('effective_on'),
    entrustedCourt: text('entrusted_court'),
    note: text('note').notNull().default(''),
    /** The uploaded photo or scan, kept in the database: out of the web root, served only through the scope check. */
    evidence: bytea('evidence'),
    evidenceType: text('evidence_type'),
    evidenceSize: integer('evidence_size'),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('delivery_attempts_method_check', sql`${t.method} IN (${METHODS})`),
    check(
      'delivery_attempts_outcome_check',
      sql`${t.outcome} IN ('success','refused','no-such-person','address-unknown','unsigned','phone-empty','send-failed')`,
    ),
    check(
      'delivery_attempts_evidence_type_check',
      sql`${t.evidenceType} IS NULL OR ${t.evidenceType} IN ('image/jpeg','image/png','application/pdf')`,
    ),
    index('delivery_attempts_task_idx').on(t.taskId, t.id),
    index('delivery_attempts_court_method_idx').on(t.courtId, t.method),
    // The sweep that serves announcements on their effective day reads only these.
    index('delivery_attempts_announcement_idx')
      .on(t.effectiveOn)
      .where(sql`${t.method} = 'announcement'`),
  ],
);

/** The call log of the unified delivery hotline. */
export const deliveryCalls = pgTable(
  'delivery_calls',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseId: integer('case_id').notNull(),
    partyId: integer('party_id'),
    calledAt: stamp('called_at').notNull(),
    outcome: text('outcome').notNull(),
    followUp: text('follow_up').notNull().default(''),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('delivery_calls_outcome_check', sql`${t.outcome} IN ('answered','no-answer','wrong-number','refused','callback')`),
    index('delivery_calls_case_idx').on(t.caseId, t.id),
    index('delivery_calls_court_idx').on(t.courtId, t.id),
  ],
);
