import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });
const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(','));
const ASSISTANT_STATUSES = list(['active', 'paused', 'left']);

/** Categories of assistants as data; `official` marks the categories that count as "official". */
export const networkCategories = pgTable(
  'network_categories',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    official: boolean('official').notNull().default(false),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [uniqueIndex('network_categories_code_key').on(t.code)],
);

/** A liaison station, village point, enterprise point or judge studio: a tree under a court or tribunal. */
export const networkStations = pgTable(
  'network_stations',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => networkStations.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    /** The areas served as the court lists them (镇街、村社区): trimmed, deduplicated, 2–40 characters each. */
    areaNames: text('area_names').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_stations_area_names_check', sql`cardinality(${t.areaNames}) <= 100`),
    check('network_stations_kind_check', sql`${t.kind} IN ('liaison-station','village-point','enterprise-point','judge-studio')`),
    check('network_stations_coordinates_check', sql`(${t.lng} IS NULL) = (${t.lat} IS NULL)`),
    uniqueIndex('network_stations_court_name_key').on(t.courtId, t.name),
    index('network_stations_parent_idx').on(t.parentId),
  ],
);

/** A grassroots assistant (司法协助员): a person serving one court, attached to one or more stations. */
export const networkAssistants = pgTable(
  'network_assistants',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    phone: text('phone').notNull().default(''),
    idNumber: text('id_number'),
    education: text('education'),
    birthDate: day('birth_date'),
    employer: text('employer').notNull().default(''),
    post: text('post').notNull().default(''),
    startOn: day('start_on').notNull(),
    status: text('status').notNull().default('active'),
    /** The assistant's own sign-in (role grassroots-assistant), when one was made. */
    userId: integer('user_id'),
    createdBy: integer('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_assistants_status_check', sql`${t.status} IN (${ASSISTANT_STATUSES})`),
    check('network_assistants_gender_check', sql`${t.gender} IS NULL OR ${t.gender} IN ('male','female')`),
    uniqueIndex('network_assistants_court_id_number_key').on(t.courtId, t.idNumber).where(sql`${t.idNumber} IS NOT NULL`),
    uniqueIndex('network_assistants_user_key').on(t.userId).where(sql`${t.userId} IS NOT NULL`),
    index('network_assistants_court_idx').on(t.courtId, t.id),
    index('network_assistants_court_name_idx').on(t.courtId, t.name, t.id),
    index('network_assistants_court_start_idx').on(t.courtId, t.startOn, t.id),
  ],
);

export const networkAssistantCategories = pgTable(
  'network_assistant_categories',
  {
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => networkCategories.id),
  },
  (t) => [primaryKey({ columns: [t.assistantId, t.categoryId] }), index('network_assistant_categories_category_idx').on(t.categoryId)],
);

export const networkAssistantStations = pgTable(
  'network_assistant_stations',
  {
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    stationId: integer('station_id')
      .notNull()
      .references(() => networkStations.id),
  },
  (t) => [primaryKey({ columns: [t.assistantId, t.stationId] }), index('network_assistant_stations_station_idx').on(t.stationId)],
);

/** Every change of an assistant's status (the first row is the start), with who, when and why. */
export const networkStatusChanges = pgTable(
  'network_status_changes',
  {
    id: serial('id').primaryKey(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by'),
    changedByName: text('changed_by_name').notNull(),
    changedAt: stamp('changed_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_status_changes_to_check', sql`${t.toStatus} IN (${ASSISTANT_STATUSES})`),
    index('network_status_changes_assistant_idx').on(t.assistantId, t.id),
  ],
);

/** A commendation or criticism on an assistant's record. */
export const networkCommendations = pgTable(
  'network_commendations',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    recordedOn: day('recorded_on').notNull(),
    reason: text('reason').notNull(),
    recordedBy: integer('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_commendations_kind_check', sql`${t.kind} IN ('commendation','criticism')`),
    index('network_commendations_assistant_idx').on(t.assistantId, t.recordedOn),
  ],
);

/** The recruitment of one judicial volunteer: announcement, interview, contract, replacement. */
export const networkRecruitments = pgTable(
  'network_recruitments',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    stationId: integer('station_id').references(() => networkStations.id),
    announcedOn: day('announced_on').notNull(),
    announcement: text('announcement').notNull(),
    candidateName: text('candidate_name').notNull(),
    candidatePhone: text('candidate_phone').notNull().default(''),
    status: text('status').notNull().default('announced'),
    judgeId: integer('judge_id'),
    interviewedOn: day('interviewed_on'),
    interviewResult: text('interview_result'),
    interviewNote: text('interview_note').notNull().default(''),
    contractParty: text('contract_party'),
    payBand: text('pay_band'),
    insurance: text('insurance'),
    annualTrainingHours: numeric('annual_training_hours', { precision: 4, scale: 1 }),
    contractedOn: day('contracted_on'),
    assistantId: integer('assistant_id').references(() => networkAssistants.id),
    replacementRequestedOn: day('replacement_requested_on'),
    replacementReason: text('replacement_reason'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'network_recruitments_status_check',
      sql`${t.status} IN ('announced','interviewed','rejected','contracted','replacement-requested','closed')`,
    ),
    check('network_recruitments_result_check', sql`${t.interviewResult} IS NULL OR ${t.interviewResult} IN ('passed','failed')`),
    index('network_recruitments_court_idx').on(t.courtId, t.id),
  ],
);

/** A training session: lecture, trial observation or mediation practice. Hours keep one decimal. */
export const networkTrainingSessions = pgTable(
  'network_training_sessions',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    topic: text('topic').notNull(),
    heldOn: day('held_on').notNull(),
    hours: numeric('hours', { precision: 4, scale: 1 }).notNull(),
    trainer: text('trainer').notNull(),
    kind: text('kind').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('network_training_sessions_kind_check', sql`${t.kind} IN ('lecture','trial-observation','mediation-practice')`),
    check('network_training_sessions_hours_check', sql`${t.hours} >= 0`),
    index('network_training_sessions_court_idx').on(t.courtId, t.heldOn, t.id),
  ],
);

export const networkTrainingAttendance = pgTable(
  'network_training_attendance',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => networkTrainingSessions.id, { onDelete: 'cascade' }),
    assistantId: integer('assistant_id')
      .notNull()
      .references(() => networkAssistants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.assistantId] }), index('network_training_attendance_assistant_idx').on(t.assistantId)],
);
