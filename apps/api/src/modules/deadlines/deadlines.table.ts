import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Events that move a case's trial limit: extensions (延长), deductions (扣除), suspensions (中止)
 * and resumptions. Extensions and suspensions are requested and take effect only when approved;
 * the stored deadline is recomputed from the approved events with the pure calculator.
 */
export const limitChanges = pgTable(
  'limit_changes',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    courtId: integer('court_id').notNull(),
    /** extension, deduction, suspension. */
    kind: text('kind').notNull(),
    months: smallint('months'),
    days: smallint('days'),
    /** Deduction kind (announcement, appraisal …) for deductions and suspensions. */
    deductionKind: text('deduction_kind'),
    fromOn: date('from_on', { mode: 'string' }),
    toOn: date('to_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    /** requested → head-approved (extensions beyond the first) → approved | rejected | withdrawn. */
    status: text('status').notNull(),
    requestedBy: integer('requested_by').notNull(),
    requestedAt: stamp('requested_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('limit_changes_kind_check', sql`${t.kind} IN ('extension','deduction','suspension')`),
    check('limit_changes_status_check', sql`${t.status} IN ('requested','head-approved','approved','rejected','withdrawn')`),
    index('limit_changes_case_idx').on(t.caseId),
    index('limit_changes_pending_idx').on(t.courtId, t.status),
  ],
);

/** Each approval decision, in order: division head, then president where required. */
export const limitDecisions = pgTable(
  'limit_decisions',
  {
    id: serial('id').primaryKey(),
    changeId: integer('change_id')
      .notNull()
      .references(() => limitChanges.id, { onDelete: 'cascade' }),
    step: text('step').notNull(),
    decision: text('decision').notNull(),
    comment: text('comment').notNull().default(''),
    decidedBy: integer('decided_by').notNull(),
    decidedAt: stamp('decided_at').notNull().defaultNow(),
  },
  (t) => [index('limit_decisions_change_idx').on(t.changeId)],
);

/** Warning thresholds per court (null court: the province default), set by administrators. */
export const warningSettings = pgTable('warning_settings', {
  id: serial('id').primaryKey(),
  courtId: integer('court_id').unique(),
  /** Days-left thresholds, descending, e.g. [30, 15, 7, 3]. */
  thresholds: jsonb('thresholds').$type<number[]>().notNull(),
  /** Escalate to the division head at this many days left. */
  escalateHeadAt: smallint('escalate_head_at').notNull().default(7),
  /** Escalate to the president once overdue. */
  escalatePresidentWhenOverdue: smallint('escalate_president_when_overdue').notNull().default(1),
  version: integer('version').notNull().default(1),
});

/** Supervision orders (督办): a supervisor orders a person to act on a case by a date. */
export const supervisionOrders = pgTable(
  'supervision_orders',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id').notNull(),
    courtId: integer('court_id').notNull(),
    issuedBy: integer('issued_by').notNull(),
    recipientId: integer('recipient_id').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    status: text('status').notNull().default('open'),
    response: text('response'),
    respondedAt: stamp('responded_at'),
    closedAt: stamp('closed_at'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('supervision_orders_status_check', sql`${t.status} IN ('open','responded','closed')`),
    index('supervision_orders_recipient_idx').on(t.recipientId, t.status),
    index('supervision_orders_issuer_idx').on(t.issuedBy, t.status),
    index('supervision_orders_case_idx').on(t.caseId),
  ],
);
