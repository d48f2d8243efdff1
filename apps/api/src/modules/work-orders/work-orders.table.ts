import type { ChecklistItem, OrderResult, ResultField } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Work order types (工单类型), per court: editable data, not code. */
export const workOrderTypes = pgTable(
  'work_order_types',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** A centre team; null: the shared provincial centre (anyone holding order.handle whose scope covers the court). */
    teamId: integer('team_id'),
    limitHours: integer('limit_hours'),
    limitWorkingDays: integer('limit_working_days'),
    resultFields: jsonb('result_fields').$type<ResultField[]>().notNull().default([]),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
    autoDispatch: boolean('auto_dispatch').notNull().default(false),
    autoComplete: boolean('auto_complete').notNull().default(false),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_order_types_court_code_key').on(t.courtId, t.code),
    check('work_order_types_one_limit', sql`(${t.limitHours} IS NULL) <> (${t.limitWorkingDays} IS NULL)`),
  ],
);

export const workOrders = pgTable(
  'work_orders',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseId: integer('case_id').notNull(),
    typeId: integer('type_id')
      .notNull()
      .references(() => workOrderTypes.id),
    /** The party the order concerns (one order per defendant for service, for example). */
    partyId: integer('party_id'),
    status: text('status').notNull().default('initiated'),
    /** manual (someone initiated it) or rule (started automatically by a case event). */
    origin: text('origin').notNull().default('manual'),
    initiatorId: integer('initiator_id'),
    assigneeId: integer('assignee_id'),
    teamId: integer('team_id'),
    dueAt: stamp('due_at').notNull(),
    note: text('note').notNull().default(''),
    result: jsonb('result').$type<OrderResult>(),
    checklist: jsonb('checklist').$type<Record<string, boolean>>().notNull().default({}),
    returnReason: text('return_reason'),
    acceptedAt: stamp('accepted_at'),
    startedAt: stamp('started_at'),
    feedbackAt: stamp('feedback_at'),
    completedAt: stamp('completed_at'),
    /** When the near-due and overdue warnings went out: each once per order. */
    warnedNearAt: stamp('warned_near_at'),
    warnedOverdueAt: stamp('warned_overdue_at'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'work_orders_status_check',
      sql`${t.status} IN ('initiated','accepted','in-progress','feedback','completed','returned','withdrawn')`,
    ),
    check('work_orders_origin_check', sql`${t.origin} IN ('manual','rule')`),
    // An order someone holds has an assignee; an order in the pool has none.
    check(
      'work_orders_assignee_check',
      sql`(${t.status} <> 'initiated' OR ${t.assigneeId} IS NULL) AND (${t.status} NOT IN ('accepted','in-progress') OR ${t.assigneeId} IS NOT NULL)`,
    ),
    // The pool of a team, and "my orders", in due order. These list indexes also carry court_id
    // (INCLUDE, added by the hand-written migration 0025: Drizzle cannot express it), so the data
    // scope and the capped counts are answered from the index.
    index('work_orders_pool_idx').on(t.teamId, t.status, t.dueAt, t.id),
    index('work_orders_assignee_idx').on(t.assigneeId, t.status, t.dueAt, t.id),
    index('work_orders_initiator_idx').on(t.initiatorId, t.status, t.dueAt, t.id),
    index('work_orders_case_idx').on(t.caseId),
    index('work_orders_court_created_idx').on(t.courtId, t.createdAt),
    // The warning sweep reads only open orders.
    index('work_orders_open_due_idx')
      .on(t.dueAt)
      .where(sql`${t.status} IN ('initiated','accepted','in-progress')`),
    // Lists that must not sort a person's or a team's whole history (5,000,000 orders measured):
    // the 已办 tabs, newest first, and a team's open orders past due in due order.
    index('work_orders_assignee_done_idx')
      .on(t.assigneeId, t.id)
      .where(sql`${t.status} IN ('feedback','completed')`),
    index('work_orders_initiator_done_idx').on(t.initiatorId, t.id).where(sql`${t.status} IN ('completed','withdrawn')`),
    index('work_orders_team_open_due_idx')
      .on(t.teamId, t.dueAt, t.id)
      .where(sql`${t.status} IN ('initiated','accepted','in-progress','feedback','returned')`),
    // An automatic start creates an order once per case, type and party, whoever calls it twice.
    uniqueIndex('work_orders_rule_once_key')
      .on(t.caseId, t.typeId, sql`coalesce(${t.partyId}, 0)`)
      .where(sql`${t.origin} = 'rule'`),
  ],
);

/** The trace (留痕) of an order: every transition, who, when, and a note. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    at: stamp('at').notNull().defaultNow(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('work_order_events_order_idx').on(t.orderId, t.id)],
);

/**
 * Which orders a case event starts (自动发起), per court and case type: on `assigned` or
 * `closed`, one order of the court's type `type_code` for the case, or one per defendant. Data
 * per court, like the types, so that a court's administrator changes only their own court's.
 */
export const workOrderRules = pgTable(
  'work_order_rules',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseTypeCode: text('case_type_code').notNull(),
    trigger: text('trigger').notNull(),
    typeCode: text('type_code').notNull(),
    per: text('per').notNull().default('case'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('work_order_rules_trigger_check', sql`${t.trigger} IN ('assigned','closed')`),
    check('work_order_rules_per_check', sql`${t.per} IN ('case','defendant')`),
    uniqueIndex('work_order_rules_court_key').on(t.courtId, t.caseTypeCode, t.trigger, t.typeCode),
  ],
);
