import { z } from 'zod';
import type { WarningLevel } from './cases.js';
import { dbId, dbIdParam, keysetOf, keysetQuery, versionField } from './common.js';
import { calendarDate, type DeductionKind } from './deadlines.js';

/**
 * Trial-limit supervision (审限监管): changes to a case's trial limit and their approval
 * (延长 / 扣除 / 中止), near-deadline warnings (审限预警) and their thresholds, the warning board
 * (预警看板), supervision orders (督办) and in-app notifications. Shared by the API and the web app.
 */

const text = (max: number) => z.string().trim().max(max);

// ---------------------------------------------------------------------------------------------
// Limit changes (审限变更)

export const LIMIT_CHANGE_KINDS = ['extension', 'deduction', 'suspension'] as const;
export type LimitChangeKind = (typeof LIMIT_CHANGE_KINDS)[number];

export const LIMIT_CHANGE_KIND_NAMES: Readonly<Record<LimitChangeKind, { zh: string; en: string }>> = {
  extension: { zh: '延长审限', en: 'Extension' },
  deduction: { zh: '扣除审限', en: 'Deduction' },
  suspension: { zh: '中止审理', en: 'Suspension' },
};

/** requested → head-approved (an extension beyond the first) → approved | rejected | withdrawn. */
export const LIMIT_CHANGE_STATUSES = ['requested', 'head-approved', 'approved', 'rejected', 'withdrawn'] as const;
export type LimitChangeStatus = (typeof LIMIT_CHANGE_STATUSES)[number];

export const LIMIT_CHANGE_STATUS_NAMES: Readonly<Record<LimitChangeStatus, { zh: string; en: string }>> = {
  requested: { zh: '待庭长审批', en: 'Awaiting the division head' },
  'head-approved': { zh: '待院长审批', en: 'Awaiting the president' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Approval steps: the division head (庭长) always; the president (院长) for extensions beyond the first. */
export const LIMIT_DECISION_STEPS = ['head', 'president'] as const;
export type LimitDecisionStep = (typeof LIMIT_DECISION_STEPS)[number];

/** What may be done to a limit change (listed in INVALID_STATE problems as `meta.allowed`). */
export const LIMIT_CHANGE_ACTIONS = ['decide', 'withdraw', 'resume'] as const;
export type LimitChangeAction = (typeof LIMIT_CHANGE_ACTIONS)[number];

/** Deductions exclude `suspension`: a suspension is its own kind of change, ended by resumption. */
export const LIMIT_DEDUCTION_KINDS = [
  'announcement',
  'appraisal',
  'jurisdiction-objection',
  'settlement',
  'awaiting-reply',
  'supplementary-investigation',
  'other',
] as const satisfies readonly Exclude<DeductionKind, 'suspension'>[];

export const MAX_EXTENSION_MONTHS = 12;
export const MAX_EXTENSION_DAYS = 366;

const reason = text(1000).min(2);

function dateOrderIssue(v: { fromOn?: string; toOn?: string }): boolean {
  return !v.fromOn || !v.toOn || v.toOn >= v.fromOn;
}

export const requestLimitChangeRequest = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('extension'),
      months: z.number().int().min(1).max(MAX_EXTENSION_MONTHS).optional(),
      days: z.number().int().min(1).max(MAX_EXTENSION_DAYS).optional(),
      reason,
    })
    .refine((v) => (v.months === undefined) !== (v.days === undefined), {
      path: ['days'],
      message: 'Give exactly one of days or months',
      params: { code: 'one_length' },
    }),
  z
    .strictObject({
      kind: z.literal('deduction'),
      deductionKind: z.enum(LIMIT_DEDUCTION_KINDS),
      fromOn: calendarDate,
      toOn: calendarDate,
      reason,
    })
    .refine(dateOrderIssue, { path: ['toOn'], message: 'The end date is before the start date', params: { code: 'date_order' } }),
  /** A suspension runs from `fromOn` until it is resumed (POST /limit-changes/:id/resume). */
  z.strictObject({ kind: z.literal('suspension'), fromOn: calendarDate, reason }),
]);
export type RequestLimitChangeRequest = z.infer<typeof requestLimitChangeRequest>;

export const decideLimitChangeRequest = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: text(1000).default(''),
  version: versionField,
});
export type DecideLimitChangeRequest = z.infer<typeof decideLimitChangeRequest>;

/** The version is checked when given. */
export const withdrawLimitChangeRequest = z.strictObject({ version: versionField.optional() });
export const resumeLimitChangeRequest = z.strictObject({ on: calendarDate, version: versionField.optional() });

export const limitDecisionView = z.object({
  step: z.enum(LIMIT_DECISION_STEPS),
  decision: z.enum(['approve', 'reject']),
  comment: z.string(),
  decidedBy: z.number().int(),
  decidedByName: z.string(),
  decidedAt: z.string(),
});

export const limitChangeView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  courtId: z.number().int(),
  kind: z.enum(LIMIT_CHANGE_KINDS),
  months: z.number().int().nullable(),
  days: z.number().int().nullable(),
  deductionKind: z.string().nullable(),
  fromOn: z.string().nullable(),
  toOn: z.string().nullable(),
  reason: z.string(),
  status: z.enum(LIMIT_CHANGE_STATUSES),
  /** The step whose decision is awaited, or null once decided. */
  awaiting: z.enum(LIMIT_DECISION_STEPS).nullable(),
  requestedBy: z.number().int(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decisions: z.array(limitDecisionView),
  /** Actions the state allows (not whether the caller holds the permission). */
  allowed: z.array(z.enum(LIMIT_CHANGE_ACTIONS)),
  version: z.number().int(),
});
export type LimitChangeView = z.infer<typeof limitChangeView>;

export const limitChangeList = z.object({ items: z.array(limitChangeView), total: z.number().int() });

export const limitChangeQuery = z.strictObject({
  /** `pending`: awaiting a decision the caller may take (the approver's queue). */
  status: z.enum(['pending', ...LIMIT_CHANGE_STATUSES]).optional(),
  kind: z.enum(LIMIT_CHANGE_KINDS).optional(),
  caseId: dbIdParam.optional(),
  ...keysetQuery,
});
export type LimitChangeQuery = z.infer<typeof limitChangeQuery>;
export const limitChangePage = keysetOf(limitChangeView);

// ---------------------------------------------------------------------------------------------
// Warning levels (审限预警)

/**
 * The four warning bands, least to most urgent, named by their default thresholds; an
 * administrator may move each band's threshold (warning_settings) but the bands stay four.
 */
export const WARNING_BANDS = ['30', '15', '7', '3'] as const satisfies readonly WarningLevel[];
export const DEFAULT_WARNING_THRESHOLDS = [30, 15, 7, 3] as const;

export const WARNING_LEVEL_NAMES: Readonly<Record<WarningLevel, { zh: string; en: string }>> = {
  none: { zh: '正常', en: 'Normal' },
  '30': { zh: '一级预警', en: 'Warning 1' },
  '15': { zh: '二级预警', en: 'Warning 2' },
  '7': { zh: '三级预警', en: 'Warning 3' },
  '3': { zh: '四级预警', en: 'Warning 4' },
  overdue: { zh: '已超审限', en: 'Overdue' },
};

const thresholdDays = z.number().int().min(0).max(365);

export const warningSettingView = z.object({
  /** null: the province-wide default; otherwise the court (and the courts below it) it applies to. */
  courtId: z.number().int().nullable(),
  courtName: z.string().nullable(),
  thresholds: z.array(z.number().int()),
  escalateHeadAt: z.number().int(),
  escalatePresidentWhenOverdue: z.boolean(),
  /** 0 for the built-in default that no one has saved yet. */
  version: z.number().int(),
});
export type WarningSettingView = z.infer<typeof warningSettingView>;
export const warningSettingList = z.object({ items: z.array(warningSettingView) });

export const putWarningSettingRequest = z.strictObject({
  courtId: dbId.nullable(),
  /** Days left at which each band starts, strictly descending, one per band. */
  thresholds: z
    .array(thresholdDays)
    .length(WARNING_BANDS.length)
    .refine((t) => t.every((d, i) => i === 0 || d < t[i - 1]), {
      message: 'Thresholds must be strictly descending',
      params: { code: 'thresholds_descending' },
    }),
  escalateHeadAt: thresholdDays,
  escalatePresidentWhenOverdue: z.boolean(),
  /** 0 to create the setting; otherwise the version read. */
  version: z.number().int().min(0).max(2_147_483_647),
});
export type PutWarningSettingRequest = z.infer<typeof putWarningSettingRequest>;

export const SUPERVISION_FIELD_ERRORS = {
  thresholds_descending: { zh: '预警阈值须从大到小排列且不重复', en: 'Thresholds must be strictly descending' },
} as const;

// ---------------------------------------------------------------------------------------------
// Warning board (预警看板)

export const warningCounts = z.object({
  none: z.number().int(),
  '30': z.number().int(),
  '15': z.number().int(),
  '7': z.number().int(),
  '3': z.number().int(),
  overdue: z.number().int(),
  suspended: z.number().int(),
  total: z.number().int(),
});
export type WarningCounts = z.infer<typeof warningCounts>;

export const warningBoardQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  departmentId: dbIdParam.optional(),
  judgeId: dbIdParam.optional(),
});
export type WarningBoardQuery = z.infer<typeof warningBoardQuery>;

export const warningBoard = z.object({
  /** Cases not yet closed (awaiting assignment or open) in scope and matching the filters. */
  counts: warningCounts,
  byCourt: z.array(z.object({ courtId: z.number().int(), courtName: z.string(), counts: warningCounts })),
  byDepartment: z.array(
    z.object({ departmentId: z.number().int().nullable(), departmentName: z.string().nullable(), counts: warningCounts }),
  ),
  byJudge: z.array(z.object({ judgeId: z.number().int().nullable(), judgeName: z.string().nullable(), counts: warningCounts })),
});
export type WarningBoard = z.infer<typeof warningBoard>;

// ---------------------------------------------------------------------------------------------
// Supervision orders (督办)

export const SUPERVISION_STATUSES = ['open', 'responded', 'closed'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const SUPERVISION_ACTIONS = ['respond', 'close'] as const;

export const issueSupervisionRequest = z.strictObject({
  recipientId: dbId,
  dueOn: calendarDate,
  text: text(2000).min(2),
});
export type IssueSupervisionRequest = z.infer<typeof issueSupervisionRequest>;

export const respondSupervisionRequest = z.strictObject({ response: text(2000).min(2), version: versionField });
export const closeSupervisionRequest = z.strictObject({ version: versionField.optional() });

export const supervisionOrderView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  courtId: z.number().int(),
  issuedBy: z.number().int(),
  issuedByName: z.string(),
  recipientId: z.number().int(),
  recipientName: z.string(),
  dueOn: z.string(),
  text: z.string(),
  status: z.enum(SUPERVISION_STATUSES),
  /** Open and due before today (China Standard Time). */
  overdue: z.boolean(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  allowed: z.array(z.enum(SUPERVISION_ACTIONS)),
  version: z.number().int(),
});
export type SupervisionOrderView = z.infer<typeof supervisionOrderView>;

export const supervisionQuery = z.strictObject({
  /** issued: orders I issued; received: orders addressed to me; all: every order in scope (needs supervision.issue). */
  role: z.enum(['issued', 'received', 'all']).default('received'),
  status: z.enum(['open', 'overdue', 'responded', 'closed']).optional(),
  caseId: dbIdParam.optional(),
  ...keysetQuery,
});
export type SupervisionQuery = z.infer<typeof supervisionQuery>;
export const supervisionPage = keysetOf(supervisionOrderView);

// ---------------------------------------------------------------------------------------------
// Notifications (站内通知)

export const notificationView = z.object({
  id: z.number().int(),
  kind: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationQuery = z.strictObject({ unread: z.enum(['true', 'false']).optional(), ...keysetQuery });
export type NotificationQuery = z.infer<typeof notificationQuery>;
export const notificationPage = keysetOf(notificationView).extend({ unread: z.number().int() });
export const unreadCount = z.object({ unread: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Workbench items (optional fields of `workbench`)

export const workbenchDeadlines = z.object({
  /** My open cases (as judge, assistant or clerk) by warning level. */
  myCasesByLevel: warningCounts,
  /** Open supervision orders addressed to me, most urgent first (at most 10), and their count. */
  supervisionReceived: z.array(supervisionOrderView),
  supervisionReceivedCount: z.number().int(),
  /** Limit changes awaiting a decision I may take. */
  pendingApprovals: z.number().int(),
  unreadNotifications: z.number().int(),
});
export type WorkbenchDeadlines = z.infer<typeof workbenchDeadlines>;
