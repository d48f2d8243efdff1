import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// ---- reference data (defaults from @courtassist/contracts, editable by administrators) ----

/** Case types (案件类型代字), e.g. 民初; the code is what appears in case numbers. */
export const caseTypes = pgTable('case_types', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  category: text('category').notNull(),
  departmentKind: text('department_kind').notNull(),
  active: boolean('active').notNull().default(true),
  sort: smallint('sort').notNull().default(0),
});

/** Procedures within a case type, each with its trial limit (审限), which administrators may edit. */
export const procedures = pgTable(
  'procedures',
  {
    code: text('code').primaryKey(),
    caseTypeCode: text('case_type_code')
      .notNull()
      .references(() => caseTypes.code),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    limitMonths: smallint('limit_months'),
    limitDays: smallint('limit_days'),
    version: integer('version').notNull().default(1),
  },
  // A limit is months or days, never both; neither means the procedure has no trial limit.
  (t) => [check('procedures_one_length', sql`${t.limitMonths} IS NULL OR ${t.limitDays} IS NULL`)],
);

/** The cause-of-action catalogue (案由), a tree. */
export const causes = pgTable(
  'causes',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    level: smallint('level').notNull(),
    category: text('category').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('causes_parent_idx').on(t.parentCode), index('causes_name_idx').on(t.nameZh)],
);

/** Node time limits (节点时限) per case type, in days from the node's start. */
export const nodeLimits = pgTable(
  'node_limits',
  {
    caseTypeCode: text('case_type_code').notNull(),
    node: text('node').notNull(),
    days: smallint('days').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseTypeCode, t.node] })],
);

// ---- numbering ----

/**
 * The last sequence number used per court, case type and year. Filing increments it inside the
 * filing transaction: the row lock serialises concurrent filings, and a rolled-back filing
 * returns its number, so numbers have no gaps and no duplicates.
 */
export const caseSequences = pgTable(
  'case_sequences',
  {
    courtId: integer('court_id').notNull(),
    caseTypeCode: text('case_type_code').notNull(),
    year: smallint('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.caseTypeCode, t.year] })],
);

// ---- cases ----

export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id').notNull(),
    caseNumber: text('case_number').notNull(),
    year: smallint('year').notNull(),
    caseTypeCode: text('case_type_code').notNull(),
    seq: integer('seq').notNull(),
    procedureCode: text('procedure_code').notNull(),
    causeCode: text('cause_code'),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    claimAmount: numeric('claim_amount', { precision: 18, scale: 2 }),
    summary: text('summary').notNull().default(''),
    /** pending-assignment → open → closed → archived. */
    status: text('status').notNull(),
    currentNode: text('current_node').notNull(),
    departmentId: integer('department_id'),
    teamId: integer('team_id'),
    judgeId: integer('judge_id'),
    assistantId: integer('assistant_id'),
    clerkId: integer('clerk_id'),
    /** Collegial panel (合议庭) instead of a single judge. */
    collegial: boolean('collegial').notNull().default(false),
    presidingJudgeId: integer('presiding_judge_id'),
    /** The trial-limit deadline as now computed, and why (the calculator's steps). */
    deadlineOn: date('deadline_on', { mode: 'string' }),
    deadlineSteps: jsonb('deadline_steps'),
    /** Days-left band set by the warning sweep: none, 30, 15, 7, 3, overdue. */
    warningLevel: text('warning_level').notNull().default('none'),
    suspended: boolean('suspended').notNull().default(false),
    closedOn: date('closed_on', { mode: 'string' }),
    closureMethod: text('closure_method'),
    archivedOn: date('archived_on', { mode: 'string' }),
    filedBy: integer('filed_by'),
    version: integer('version').notNull().default(1),
    createdAt: stamp('created_at').notNull().defaultNow(),
    updatedAt: stamp('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('cases_status_check', sql`${t.status} IN ('pending-assignment','open','closed','archived')`),
    check('cases_closure_after_filing', sql`${t.closedOn} IS NULL OR ${t.closedOn} >= ${t.filedOn}`),
    uniqueIndex('cases_number_key').on(t.caseNumber),
    uniqueIndex('cases_sequence_key').on(t.courtId, t.caseTypeCode, t.year, t.seq),
    index('cases_court_filed_idx').on(t.courtId, t.filedOn, t.id),
    // Province-wide lists in filing or deadline order scan these and stop after one page.
    index('cases_filed_idx').on(t.filedOn, t.id),
    index('cases_deadline_idx').on(t.deadlineOn, t.id),
    index('cases_judge_status_idx').on(t.judgeId, t.status),
    index('cases_open_deadline_idx').on(t.deadlineOn).where(sql`${t.status} = 'open'`),
    index('cases_court_status_warning_idx').on(t.courtId, t.status, t.warningLevel),
    index('cases_number_trgm_idx').using('gin', sql`${t.caseNumber} gin_trgm_ops`),
    // "My cases" and division lists count their matches: without these the count reads every case.
    index('cases_department_status_idx').on(t.departmentId, t.status),
    index('cases_assistant_status_idx').on(t.assistantId, t.status),
    index('cases_clerk_status_idx').on(t.clerkId, t.status),
    // Open cases as the workbench and division lists show them: a judge's (assistant's, clerk's) by
    // deadline, a division's newest first, a court's at one warning level by deadline. In migration 0027 they also INCLUDE court_id (Drizzle's
    // index builder has none), so the scope check and the counts are answered from the index alone.
    index('cases_judge_open_idx')
      .on(t.judgeId, t.deadlineOn, t.id)
      .where(sql`${t.status} = 'open'`),
    index('cases_assistant_open_idx').on(t.assistantId, t.deadlineOn, t.id).where(sql`${t.status} = 'open'`),
    index('cases_clerk_open_idx').on(t.clerkId, t.deadlineOn, t.id).where(sql`${t.status} = 'open'`),
    index('cases_department_open_idx').on(t.departmentId, t.filedOn, t.id).where(sql`${t.status} = 'open'`),
    index('cases_court_warning_open_idx').on(t.courtId, t.warningLevel, t.deadlineOn, t.id).where(sql`${t.status} = 'open'`),
    // The warning sweep reads the open cases near their deadline and those still flagged: a small
    // part of all cases, found through these two.
    index('cases_sweep_due_idx')
      .on(t.deadlineOn)
      .where(sql`${t.status} IN ('pending-assignment','open')`),
    index('cases_warned_idx').on(t.id).where(sql`${t.warningLevel} <> 'none'`),
    index('cases_suspended_open_idx').on(t.id).where(sql`${t.suspended} AND ${t.status} IN ('pending-assignment','open')`),
  ],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** person (自然人) or organisation (法人/其他组织). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    idNumber: text('id_number'),
    birthDate: date('birth_date', { mode: 'string' }),
    phone: text('phone'),
    address: text('address'),
    creditCode: text('credit_code'),
    legalRepresentative: text('legal_representative'),
    sort: smallint('sort').notNull().default(0),
  },
  (t) => [
    check('case_parties_kind_check', sql`${t.kind} IN ('person','organisation')`),
    index('case_parties_case_idx').on(t.caseId),
    // Trigram for partial names of three characters or more; the prefix index serves exact and
    // two-character names, which a trigram index cannot.
    index('case_parties_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('case_parties_name_prefix_idx').on(t.name.op('text_pattern_ops')),
    index('case_parties_id_number_idx').on(t.idNumber),
  ],
);

export const caseAgents = pgTable(
  'case_agents',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    partyId: integer('party_id').references(() => caseParties.id, { onDelete: 'cascade' }),
    /** lawyer (律师), legal-worker (法律工作者), citizen (公民代理). */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    licenseNumber: text('license_number'),
    lawFirm: text('law_firm'),
    phone: text('phone'),
  },
  (t) => [index('case_agents_case_idx').on(t.caseId)],
);

/** Nodes (节点责任制): each has a responsible person, a due date and a trace of who finished it. */
export const caseNodes = pgTable(
  'case_nodes',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    node: text('node').notNull(),
    status: text('status').notNull(),
    responsibleId: integer('responsible_id'),
    startedAt: stamp('started_at'),
    dueOn: date('due_on', { mode: 'string' }),
    completedAt: stamp('completed_at'),
    completedBy: integer('completed_by'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    check('case_nodes_status_check', sql`${t.status} IN ('pending','active','done')`),
    uniqueIndex('case_nodes_case_node_key').on(t.caseId, t.node),
    index('case_nodes_responsible_idx').on(t.responsibleId, t.status),
  ],
);

/** Assignment history (分案): automatic draws and manual assignments with their reason. */
export const caseAssignments = pgTable(
  'case_assignments',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    judgeId: integer('judge_id').notNull(),
    teamId: integer('team_id'),
    method: text('method').notNull(),
    reason: text('reason').notNull().default(''),
    assignedBy: integer('assigned_by'),
    assignedAt: stamp('assigned_at').notNull().defaultNow(),
  },
  (t) => [check('case_assignments_method_check', sql`${t.method} IN ('auto','manual')`), index('case_assignments_case_idx').on(t.caseId)],
);

export const casePanelMembers = pgTable(
  'case_panel_members',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_panel_members_user_idx').on(t.userId)],
);

/** Judges who must not hear a case (回避). */
export const caseRecusals = pgTable(
  'case_recusals',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    judgeId: integer('judge_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.judgeId] })],
);

/** A judge's specialisations: case types (and optionally cause subtrees) they are drawn for. */
export const judgeSpecialisations = pgTable(
  'judge_specialisations',
  {
    userId: integer('user_id').notNull(),
    caseTypeCode: text('case_type_code').notNull(),
    causePrefix: text('cause_prefix').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.userId, t.caseTypeCode, t.causePrefix] })],
);

/**
 * Export jobs (XLSX of a case list): the request, its progress and, when done, the file. Kept in
 * the database so that any API instance can report progress and serve the file.
 */
export const caseExports = pgTable(
  'case_exports',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull(),
    query: jsonb('query').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    error: text('error'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    finishedAt: stamp('finished_at'),
  },
  (t) => [
    check('case_exports_status_check', sql`${t.status} IN ('running','done','failed')`),
    index('case_exports_user_idx').on(t.userId, t.createdAt),
  ],
);
