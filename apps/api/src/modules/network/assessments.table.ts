import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { networkAssistants, networkStations } from './network.table.js';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const GRADES = sql.raw(`'excellent','qualified','basic','unqualified'`);

/**
 * The network rules a court saved (assessment, subsidies, objection period). A court without a row
 * uses the nearest court above it that has one, else the built-in defaults.
 */
export const networkRules = pgTable(
  'network_rules',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    assessment: jsonb('assessment').notNull(),
    subsidy: jsonb('subsidy').notNull(),
    objectionWorkingDays: smallint('objection_working_days').notNull().default(5),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('network_rules_court_key').on(t.courtId)],
);

/** A judge's rating (1–5) of an assistant for a month: one per judge, assistant and month. */
export const networkRatings = pgTable(
  'network_ratings',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    rating: smallint('rating').notNull(),
    note: text('note').notNull().default(''),
    ratedBy: integer('rated_by').notNull(),
    ratedByName: text('rated_by_name').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_ratings_rating_check', sql`${t.rating} BETWEEN 1 AND 5`),
    check('network_ratings_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    uniqueIndex('network_ratings_key').on(t.assistantId, t.month, t.ratedBy),
    index('network_ratings_court_month_idx').on(t.courtId, t.month),
  ],
);

/** A bonus or deduction item recorded for an assistant (the item's code is one of the court's rules). */
export const networkAssessmentItems = pgTable(
  'network_assessment_items',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    /** The item's names and points when it was recorded (the rules may change later). */
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    pointsCenti: integer('points_centi').notNull(),
    recordedOn: day('recorded_on').notNull(),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by').notNull(),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('network_assessment_items_assistant_idx').on(t.assistantId, t.recordedOn),
    index('network_assessment_items_court_idx').on(t.courtId, t.recordedOn),
  ],
);

/** One court's assessment of one month: a draft until published, then frozen. */
export const networkAssessmentRuns = pgTable(
  'network_assessment_runs',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    month: text('month').notNull(),
    status: text('status').notNull().default('draft'),
    /** The rules the run applied (assessment, subsidy, objection period), kept to reproduce it. */
    rules: jsonb('rules').notNull(),
    runAt: stamp('run_at').notNull().defaultNow(),
    runBy: integer('run_by'),
    runByName: text('run_by_name').notNull(),
    publishedAt: stamp('published_at'),
    publishedBy: integer('published_by'),
    objectionUntil: day('objection_until'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('network_assessment_runs_status_check', sql`${t.status} IN ('draft','published')`),
    check('network_assessment_runs_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    uniqueIndex('network_assessment_runs_key').on(t.courtId, t.month),
  ],
);

/** One assistant's result of a run: score in hundredths, grade, ranks and the full explanation. */
export const networkAssessments = pgTable(
  'network_assessments',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => networkAssessmentRuns.id, { onDelete: 'cascade' }),
    courtId: integer('court_id').notNull(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    scoreCenti: integer('score_centi').notNull(),
    grade: text('grade').notNull(),
    courtRank: integer('court_rank').notNull(),
    courtOf: integer('court_of').notNull(),
    stationRanks: jsonb('station_ranks').notNull(),
    explanation: jsonb('explanation').notNull(),
    replacement: boolean('replacement').notNull().default(false),
  },
  (t) => [
    check('network_assessments_grade_check', sql`${t.grade} IN (${GRADES})`),
    uniqueIndex('network_assessments_key').on(t.assistantId, t.month),
    index('network_assessments_run_idx').on(t.runId, t.courtRank, t.id),
    // A court's grade history (the monthly run): the key above leads with the assistant.
    index('network_assessments_court_month_idx').on(t.courtId, t.month),
  ],
);

/** An assistant's objection to a published assessment, and the court's answer. */
export const networkObjections = pgTable(
  'network_objections',
  {
    id: serial('id').primaryKey(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => networkAssessments.id, { onDelete: 'cascade' }),
    courtId: integer('court_id').notNull(),
    reason: text('reason').notNull(),
    raisedBy: integer('raised_by').notNull(),
    raisedByName: text('raised_by_name').notNull(),
    raisedAt: stamp('raised_at').notNull().defaultNow(),
    answer: text('answer'),
    answeredBy: integer('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: stamp('answered_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('network_objections_assessment_idx').on(t.assessmentId, t.id)],
);

/** The monthly subsidy statement of one assistant (以案定补), amounts in fen. */
export const networkSubsidyStatements = pgTable(
  'network_subsidy_statements',
  {
    id: serial('id').primaryKey(),
    runId: integer('run_id')
      .notNull()
      .references(() => networkAssessmentRuns.id, { onDelete: 'cascade' }),
    courtId: integer('court_id').notNull(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    stationId: integer('station_id').references(() => networkStations.id),
    month: text('month').notNull(),
    grade: text('grade').notNull(),
    lines: jsonb('lines').notNull(),
    steps: jsonb('steps').notNull(),
    subtotalFen: integer('subtotal_fen').notNull(),
    coefficientPermille: integer('coefficient_permille').notNull(),
    adjustedFen: integer('adjusted_fen').notNull(),
    capFen: integer('cap_fen').notNull(),
    capReductionFen: integer('cap_reduction_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    status: text('status').notNull().default('draft'),
    returnReason: text('return_reason'),
    submittedBy: integer('submitted_by'),
    submittedByName: text('submitted_by_name'),
    submittedAt: stamp('submitted_at'),
    approvedBy: integer('approved_by'),
    approvedByName: text('approved_by_name'),
    approvedAt: stamp('approved_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('network_subsidy_statements_status_check', sql`${t.status} IN ('draft','submitted','approved','returned')`),
    check('network_subsidy_statements_grade_check', sql`${t.grade} IN (${GRADES})`),
    check('network_subsidy_statements_total_check', sql`${t.totalFen} >= 0 AND ${t.totalFen} <= ${t.capFen}`),
    uniqueIndex('network_subsidy_statements_key').on(t.assistantId, t.month),
    index('network_subsidy_statements_court_idx').on(t.courtId, t.month, t.status),
    // A re-run deletes the draft run; its statements go with it (ON DELETE CASCADE looks them up by run).
    index('network_subsidy_statements_run_idx').on(t.runId),
  ],
);
