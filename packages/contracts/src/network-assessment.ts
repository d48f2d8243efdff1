import { z } from 'zod';
import { dbId, dbIdParam, pageOf, pageQuery, versionField } from './common.js';
import { calendarDate } from './deadlines.js';
import {
  ASSESSMENT_GRADES,
  assessmentMonth,
  assessmentRules,
  assessmentScore,
  gradeOutcome,
  NETWORK_TASK_KINDS,
  NETWORK_TASK_OUTCOMES,
  rankPlace,
  replacementRecommendation,
  subsidyLine,
  subsidyRules,
} from './network-rules.js';

/**
 * The network's monthly assessment, subsidy statements and dashboard (issue 5): the HTTP
 * shapes. The rules themselves and the pure arithmetic are in network-rules.ts.
 */

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

// ---------------------------------------------------------------------------------------------
// Rules per court

/** Working days after publication during which an assistant may object. */
export const objectionWorkingDays = z.number().int().min(1).max(30);

export const networkRulesView = z.object({
  courtId: dbId,
  /** The court whose saved rules apply (this one or a court above it); null: the built-in defaults. */
  sourceCourtId: dbId.nullable(),
  assessment: assessmentRules,
  subsidy: subsidyRules,
  objectionWorkingDays,
  /** 0 while the court has not saved rules of its own. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type NetworkRulesView = z.output<typeof networkRulesView>;

export const networkRulesQuery = z.strictObject({ courtId: dbIdParam });

export const saveNetworkRulesRequest = z.strictObject({
  courtId: dbId,
  assessment: assessmentRules,
  subsidy: subsidyRules,
  objectionWorkingDays,
  /** 0 for a court's first save. */
  version: z.number().int().min(0),
});
export type SaveNetworkRulesRequest = z.input<typeof saveNetworkRulesRequest>;

// ---------------------------------------------------------------------------------------------
// Monthly ratings and bonus/deduction items

export const rateAssistantRequest = z.strictObject({
  assistantId: dbId,
  month: assessmentMonth,
  rating: z.number().int().min(1).max(5),
  note: z.string().trim().max(500).default(''),
});
export type RateAssistantRequest = z.input<typeof rateAssistantRequest>;

export const ratingView = z.object({
  id: dbId,
  assistantId: dbId,
  assistantName: z.string(),
  month: z.string(),
  rating: z.number().int(),
  note: z.string(),
  ratedByName: z.string(),
  updatedAt: z.string(),
});
export type RatingView = z.output<typeof ratingView>;

export const recordItemRequest = z.strictObject({
  assistantId: dbId,
  code: z.string().min(1).max(40),
  recordedOn: calendarDate,
  reason: text(1, 500),
});
export type RecordItemRequest = z.input<typeof recordItemRequest>;

export const assessmentItemView = z.object({
  id: dbId,
  assistantId: dbId,
  assistantName: z.string(),
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  points: z.number(),
  recordedOn: z.string(),
  reason: z.string(),
  recordedByName: z.string(),
});
export type AssessmentItemView = z.output<typeof assessmentItemView>;

export const monthEntriesQuery = z.strictObject({
  courtId: dbIdParam,
  month: assessmentMonth,
  assistantId: dbIdParam.optional(),
  ...pageQuery,
});
export type MonthEntriesQuery = z.infer<typeof monthEntriesQuery>;
export const ratingPage = pageOf(ratingView);
export const assessmentItemPage = pageOf(assessmentItemView);

// ---------------------------------------------------------------------------------------------
// Monthly run, publication, objections

export const ASSESSMENT_RUN_STATES = ['draft', 'published', 'final'] as const;
export type AssessmentRunState = (typeof ASSESSMENT_RUN_STATES)[number];
export const ASSESSMENT_RUN_STATE_NAMES: Readonly<Record<AssessmentRunState, { zh: string; en: string }>> = {
  draft: { zh: '草稿（可重新计算）', en: 'Draft (can be re-run)' },
  published: { zh: '已公示（异议期内）', en: 'Published (objection period)' },
  final: { zh: '已生效', en: 'Final' },
};

export const runAssessmentRequest = z.strictObject({ courtId: dbId, month: assessmentMonth });
export type RunAssessmentRequest = z.input<typeof runAssessmentRequest>;

export const assessmentRunView = z.object({
  id: dbId,
  courtId: dbId,
  courtName: z.string(),
  month: z.string(),
  state: z.enum(ASSESSMENT_RUN_STATES),
  assistants: z.number().int(),
  grades: z.record(z.enum(ASSESSMENT_GRADES), z.number().int()),
  replacements: z.number().int(),
  runAt: z.string(),
  runByName: z.string(),
  publishedAt: z.string().nullable(),
  objectionUntil: z.string().nullable(),
  version: z.number().int(),
});
export type AssessmentRunView = z.output<typeof assessmentRunView>;

export const runAssessmentResult = z.object({ runs: z.array(assessmentRunView), ms: z.number().int() });
export type RunAssessmentResult = z.output<typeof runAssessmentResult>;

export const assessmentRunQuery = z.strictObject({ courtId: dbIdParam, month: assessmentMonth.optional(), ...pageQuery });
export type AssessmentRunQuery = z.infer<typeof assessmentRunQuery>;
export const assessmentRunPage = pageOf(assessmentRunView);

export const publishRunRequest = z.strictObject({ version: versionField });

export const objectionView = z.object({
  id: dbId,
  assessmentId: dbId,
  reason: z.string(),
  raisedByName: z.string(),
  raisedAt: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number().int(),
});
export type ObjectionView = z.output<typeof objectionView>;

export const assessmentView = z.object({
  id: dbId,
  runId: dbId,
  courtId: dbId,
  courtName: z.string(),
  assistantId: dbId,
  assistantName: z.string(),
  stationNames: z.array(z.string()),
  month: z.string(),
  state: z.enum(ASSESSMENT_RUN_STATES),
  objectionUntil: z.string().nullable(),
  score: z.number(),
  grade: z.enum(ASSESSMENT_GRADES),
  courtRank: rankPlace,
  stationRanks: z.array(rankPlace.extend({ stationId: dbId })),
  replacement: z.boolean(),
  explanation: z.object({ score: assessmentScore, grade: gradeOutcome, replacement: replacementRecommendation }),
  objections: z.array(objectionView),
});
export type AssessmentView = z.output<typeof assessmentView>;

export const assessmentQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  month: assessmentMonth.optional(),
  assistantId: dbIdParam.optional(),
  grade: z.enum(ASSESSMENT_GRADES).optional(),
  replacement: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type AssessmentQuery = z.infer<typeof assessmentQuery>;
export const assessmentPage = pageOf(assessmentView);

export const raiseObjectionRequest = z.strictObject({ reason: text(2, 1000) });
export const answerObjectionRequest = z.strictObject({ answer: text(2, 1000), version: versionField });

// ---------------------------------------------------------------------------------------------
// Subsidy statements

export const SUBSIDY_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];
export const SUBSIDY_STATUS_NAMES: Readonly<Record<SubsidyStatus, { zh: string; en: string }>> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审批', en: 'Submitted' },
  approved: { zh: '已审批', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const statementView = z.object({
  id: dbId,
  courtId: dbId,
  assistantId: dbId,
  assistantName: z.string(),
  stationId: dbId.nullable(),
  stationName: z.string().nullable(),
  month: z.string(),
  grade: z.enum(ASSESSMENT_GRADES),
  status: z.enum(SUBSIDY_STATUSES),
  lines: z.array(subsidyLine),
  subtotalFen: z.number().int(),
  coefficientPermille: z.number().int(),
  adjustedFen: z.number().int(),
  capFen: z.number().int(),
  capReductionFen: z.number().int(),
  totalFen: z.number().int(),
  steps: z.array(z.object({ rule: z.string(), amountFen: z.number().int(), detail: z.string() })),
  returnReason: z.string().nullable(),
  submittedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number().int(),
});
export type StatementView = z.output<typeof statementView>;

export const statementQuery = z.strictObject({
  courtId: dbIdParam,
  month: assessmentMonth.optional(),
  status: z.enum(SUBSIDY_STATUSES).optional(),
  stationId: dbIdParam.optional(),
  assistantId: dbIdParam.optional(),
  ...pageQuery,
});
export type StatementQuery = z.infer<typeof statementQuery>;

const totals = z.object({
  statements: z.number().int(),
  tasks: z.number().int(),
  subtotalFen: z.number().int(),
  adjustedFen: z.number().int(),
  capReductionFen: z.number().int(),
  totalFen: z.number().int(),
});
export const statementPage = pageOf(statementView).extend({
  courtTotals: totals,
  stationTotals: z.array(z.object({ stationId: dbId.nullable(), stationName: z.string().nullable(), totals })),
});
export type StatementPage = z.output<typeof statementPage>;
export const myStatementPage = pageOf(statementView);

export const statementExportQuery = z.strictObject({
  courtId: dbIdParam,
  month: assessmentMonth,
  status: z.enum(SUBSIDY_STATUSES).optional(),
});

export const statementStepRequest = z.strictObject({ version: versionField });
export const returnStatementRequest = z.strictObject({ reason: text(2, 500), version: versionField });

export const statementCheck = z.object({
  statementId: dbId,
  /** Recomputed from the recorded tasks (kind, outcome, confirmation day) and the rules kept with the statement. */
  reproducible: z.boolean(),
  differences: z.array(z.object({ field: z.string(), stored: z.number(), recomputed: z.number() })),
  /** Tasks confirmed in the month now that are missing from the statement, or lines whose task changed since. */
  taskDifferences: z.array(z.object({ taskId: dbId, problem: z.enum(['missing', 'changed', 'gone']) })),
});
export type StatementCheck = z.output<typeof statementCheck>;

// ---------------------------------------------------------------------------------------------
// Dashboard

export const networkDashboardQuery = z.strictObject({
  courtId: dbIdParam,
  /** The last month shown; the dashboard covers the twelve months ending with it. */
  month: assessmentMonth,
});
export type NetworkDashboardQuery = z.infer<typeof networkDashboardQuery>;

const named = z.object({ code: z.string(), zh: z.string(), en: z.string(), count: z.number().int() });
export const networkDashboard = z.object({
  courtId: dbId,
  months: z.array(z.string()),
  activeAssistants: z.number().int(),
  byCategory: z.array(named),
  byStation: z.array(z.object({ stationId: dbId, name: z.string(), count: z.number().int() })),
  tasksByMonth: z.array(
    z.object({
      month: z.string(),
      kind: z.enum(NETWORK_TASK_KINDS),
      outcome: z.enum(NETWORK_TASK_OUTCOMES),
      count: z.number().int(),
    }),
  ),
  delivery: z.array(
    z.object({
      month: z.string(),
      assistedAttempts: z.number().int(),
      assistedSuccesses: z.number().int(),
      directAttempts: z.number().int(),
      directSuccesses: z.number().int(),
    }),
  ),
  /** Average hours from assignment to report, per month of report; null where no task was reported. */
  responseHours: z.array(z.object({ month: z.string(), tasks: z.number().int(), averageHours: z.number().nullable() })),
  subsidiesPaid: z.array(z.object({ month: z.string(), statements: z.number().int(), totalFen: z.number().int() })),
  trainingHours: z.array(z.object({ month: z.string(), sessions: z.number().int(), attendeeHours: z.number() })),
});
export type NetworkDashboard = z.output<typeof networkDashboard>;

export const NETWORK_ASSESSMENT_FIELD_ERRORS = {
  objection_closed: { zh: '异议期已过或考核尚未公示', en: 'The objection period is over or the month is not published' },
  objection_pending: {
    zh: '您对本月考核的异议尚待法院答复，答复后才能再次提出',
    en: 'Your objection to this month is still waiting for the court’s answer; you can object again once it is answered',
  },
  month_not_published: { zh: '该月考核尚未公示，不能提交补贴', en: 'The month’s assessment is not published yet' },
  month_frozen: { zh: '该月考核已公示，不能重新计算', en: 'The month is published and frozen' },
  month_not_started: { zh: '该月尚未开始，不能考核', en: 'The month has not started yet' },
  month_not_ended: { zh: '该月尚未结束，不能公示', en: 'A month can be published only once it has ended' },
  future_day: { zh: '不能晚于今天', en: 'Cannot be later than today' },
} as const;
