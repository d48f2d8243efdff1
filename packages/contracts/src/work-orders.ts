import { z } from 'zod';
import { CASE_TYPE_CODES } from './case-types.js';
import { dbId, dbIdParam, isoDate, keysetOf, keysetQuery, versionField } from './common.js';

/**
 * Work orders (事务工单) of the intensive auxiliary-affairs centre (集约中心): types as data per
 * court, the order lifecycle, the pool, dispatch, the team board and statistics. Shared by the
 * API and the web app.
 */

const text = (max: number) => z.string().trim().max(max);
const names = { zh: z.string(), en: z.string() };

// ---------------------------------------------------------------------------------------------
// Lifecycle

/** 发起 → 受理 → 办理 → 反馈 → 完成; 退回 and 撤回 on the side. */
export const WORK_ORDER_STATUSES = ['initiated', 'accepted', 'in-progress', 'feedback', 'completed', 'returned', 'withdrawn'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_STATUS_NAMES: Readonly<Record<WorkOrderStatus, { zh: string; en: string }>> = {
  initiated: { zh: '已发起', en: 'Initiated' },
  accepted: { zh: '已受理', en: 'Accepted' },
  'in-progress': { zh: '办理中', en: 'In progress' },
  feedback: { zh: '已反馈', en: 'Feedback' },
  completed: { zh: '已完成', en: 'Completed' },
  returned: { zh: '已退回', en: 'Returned' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Statuses in which an order still waits for someone: it counts towards load and can be overdue. */
export const OPEN_WORK_ORDER_STATUSES = ['initiated', 'accepted', 'in-progress', 'feedback', 'returned'] as const;

/** What may be done to an order (INVALID_STATE problems list them as `meta.allowed`). */
export const WORK_ORDER_ACTIONS = [
  'claim',
  'dispatch',
  'redispatch',
  'start',
  'record',
  'complete',
  'return',
  'reinitiate',
  'withdraw',
] as const;
export type WorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

export const WORK_ORDER_ACTION_NAMES: Readonly<Record<WorkOrderAction, { zh: string; en: string }>> = {
  claim: { zh: '认领', en: 'Claim' },
  dispatch: { zh: '派单', en: 'Dispatch' },
  redispatch: { zh: '改派', en: 'Re-dispatch' },
  start: { zh: '开始办理', en: 'Start' },
  record: { zh: '反馈结果', en: 'Record the result' },
  complete: { zh: '确认完成', en: 'Complete' },
  return: { zh: '退回', en: 'Return' },
  reinitiate: { zh: '重新发起', en: 'Re-initiate' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

// ---------------------------------------------------------------------------------------------
// Types (工单类型)

export const RESULT_FIELD_KINDS = ['text', 'date', 'number', 'select'] as const;
export type ResultFieldKind = (typeof RESULT_FIELD_KINDS)[number];

const fieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'camelCase key')
  .refine((k) => !['__proto__', 'constructor', 'prototype'].includes(k));

/** A result field the handler must fill before the order goes back (反馈). */
export const resultField = z
  .strictObject({
    key: fieldKey,
    labelZh: text(40).min(1),
    labelEn: text(60).min(1),
    kind: z.enum(RESULT_FIELD_KINDS),
    /** The choices of a `select` field. */
    options: z.array(text(60).min(1)).max(30).optional(),
  })
  .refine((f) => f.kind !== 'select' || (f.options?.length ?? 0) > 0, {
    path: ['options'],
    message: 'A select field needs options',
    params: { code: 'select_options' },
  });
export type ResultField = z.infer<typeof resultField>;

export const checklistItem = z.strictObject({ key: fieldKey, labelZh: text(60).min(1), labelEn: text(100).min(1) });
export type ChecklistItem = z.infer<typeof checklistItem>;

const uniqueKeys = (items: readonly { key: string }[]) => new Set(items.map((i) => i.key)).size === items.length;

const typeBody = {
  nameZh: text(40).min(1),
  nameEn: text(80).min(1),
  /** A centre team of the type's court (or of its basic court, for a tribunal); null: the shared provincial centre. */
  teamId: dbId.nullable(),
  /** Exactly one of the two: a limit in clock hours, or in working days (the stored holiday calendar). */
  limitHours: z.number().int().min(1).max(720).nullable(),
  limitWorkingDays: z.number().int().min(1).max(60).nullable(),
  resultFields: z
    .array(resultField)
    .max(20)
    .refine(uniqueKeys, { message: 'Keys must be unique', params: { code: 'duplicate' } }),
  checklist: z
    .array(checklistItem)
    .max(30)
    .refine(uniqueKeys, { message: 'Keys must be unique', params: { code: 'duplicate' } }),
  /** New orders go at once to the team member with the least open orders (ties: lowest user id). */
  autoDispatch: z.boolean(),
  /** Recording the result completes the order without the initiator's confirmation. */
  autoComplete: z.boolean(),
  active: z.boolean(),
};

const oneLimit = (v: { limitHours?: number | null; limitWorkingDays?: number | null }) =>
  (v.limitHours == null) !== (v.limitWorkingDays == null);
const oneLimitIssue = { path: ['limitWorkingDays'], message: 'Give exactly one limit', params: { code: 'one_limit' } };

export const createWorkOrderTypeRequest = z
  .strictObject({
    courtId: dbId,
    code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case code'),
    ...typeBody,
  })
  .refine(oneLimit, oneLimitIssue);
export type CreateWorkOrderTypeRequest = z.infer<typeof createWorkOrderTypeRequest>;

export const updateWorkOrderTypeRequest = z.strictObject({ ...typeBody, version: versionField }).refine(oneLimit, oneLimitIssue);
export type UpdateWorkOrderTypeRequest = z.infer<typeof updateWorkOrderTypeRequest>;

export const workOrderTypeView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  limitHours: z.number().int().nullable(),
  limitWorkingDays: z.number().int().nullable(),
  resultFields: z.array(
    z.object({
      key: z.string(),
      labelZh: z.string(),
      labelEn: z.string(),
      kind: z.enum(RESULT_FIELD_KINDS),
      options: z.array(z.string()).optional(),
    }),
  ),
  checklist: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string() })),
  autoDispatch: z.boolean(),
  autoComplete: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type WorkOrderTypeView = z.infer<typeof workOrderTypeView>;

export const workOrderTypeQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export const workOrderTypeList = z.object({ items: z.array(workOrderTypeView), total: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Automatic-start rules (自动发起规则), per court and case type

export const WORK_ORDER_TRIGGERS = ['assigned', 'closed'] as const;
export type WorkOrderTrigger = (typeof WORK_ORDER_TRIGGERS)[number];
export const WORK_ORDER_TRIGGER_NAMES: Readonly<Record<WorkOrderTrigger, { zh: string; en: string }>> = {
  assigned: { zh: '分案时', en: 'On assignment' },
  closed: { zh: '结案时', en: 'On closure' },
};
/** One order for the case, or one per party of the responding side (each defendant to serve). */
export const WORK_ORDER_RULE_PER = ['case', 'defendant'] as const;
export type WorkOrderRulePer = (typeof WORK_ORDER_RULE_PER)[number];
export const WORK_ORDER_RULE_PER_NAMES: Readonly<Record<WorkOrderRulePer, { zh: string; en: string }>> = {
  case: { zh: '每案一件', en: 'One per case' },
  defendant: { zh: '每名被告（被申请人）一件', en: 'One per defendant (respondent)' },
};

export const createWorkOrderRuleRequest = z.strictObject({
  courtId: dbId,
  caseTypeCode: z.enum(CASE_TYPE_CODES),
  trigger: z.enum(WORK_ORDER_TRIGGERS),
  /** The code of a work order type of the same court. */
  typeCode: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case code'),
  per: z.enum(WORK_ORDER_RULE_PER),
  active: z.boolean().default(true),
});
export type CreateWorkOrderRuleRequest = z.infer<typeof createWorkOrderRuleRequest>;

export const updateWorkOrderRuleRequest = z.strictObject({
  per: z.enum(WORK_ORDER_RULE_PER),
  active: z.boolean(),
  version: versionField,
});
export type UpdateWorkOrderRuleRequest = z.infer<typeof updateWorkOrderRuleRequest>;

export const workOrderRuleView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  caseTypeCode: z.string(),
  trigger: z.enum(WORK_ORDER_TRIGGERS),
  typeCode: z.string(),
  /** The type's names; null when the court has no type of the code (the rule then starts nothing). */
  typeNameZh: z.string().nullable(),
  typeNameEn: z.string().nullable(),
  /** The type exists and is active: the rule takes effect. */
  effective: z.boolean(),
  per: z.enum(WORK_ORDER_RULE_PER),
  active: z.boolean(),
  version: z.number().int(),
});
export type WorkOrderRuleView = z.infer<typeof workOrderRuleView>;

export const workOrderRuleQuery = z.strictObject({
  courtId: dbIdParam,
  caseTypeCode: z.enum(CASE_TYPE_CODES).optional(),
});
export const workOrderRuleList = z.object({ items: z.array(workOrderRuleView), total: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Orders

/** A recorded result: values by field key (dates as YYYY-MM-DD). */
export const orderResult = z.record(z.string(), z.union([z.string().max(2000), z.number(), z.null()]));
export type OrderResult = z.infer<typeof orderResult>;

export const createWorkOrderRequest = z.strictObject({
  caseId: dbId,
  typeId: dbId,
  /** The party the order concerns (e.g. the defendant to serve), when it concerns one. */
  partyId: dbId.optional(),
  note: text(1000).default(''),
});
export type CreateWorkOrderRequest = z.infer<typeof createWorkOrderRequest>;

const versionOnly = z.strictObject({ version: versionField });
export const startWorkOrderRequest = versionOnly;
export const completeWorkOrderRequest = versionOnly;
export const withdrawWorkOrderRequest = z.strictObject({ version: versionField, reason: text(1000).default('') });
export const reinitiateWorkOrderRequest = z.strictObject({ version: versionField, note: text(1000).optional() });
export const returnWorkOrderRequest = z.strictObject({ version: versionField, reason: text(1000).min(2) });
export const recordResultRequest = z.strictObject({
  version: versionField,
  result: orderResult,
  /** Checklist items ticked, by key. */
  checklist: z.record(z.string(), z.boolean()).default({}),
  note: text(1000).default(''),
});
export type RecordResultRequest = z.infer<typeof recordResultRequest>;
export const redispatchWorkOrderRequest = z.strictObject({ version: versionField, assigneeId: dbId, note: text(1000).default('') });

/** A leader's bulk dispatch: every order to one member; each order succeeds or fails on its own. */
export const dispatchWorkOrdersRequest = z.strictObject({
  ids: z.array(dbId).min(1).max(200),
  assigneeId: dbId,
});
/** A leader's bulk return to the initiators. */
export const returnWorkOrdersRequest = z.strictObject({ ids: z.array(dbId).min(1).max(200), reason: text(1000).min(2) });
export const bulkWorkOrderResult = z.object({
  items: z.array(z.object({ id: z.number().int(), ok: z.boolean(), code: z.string().nullable() })),
  succeeded: z.number().int(),
});

/** Hand-over (交接) of everything a person holds open (accepted, in progress) to another member of the team. */
export const handOverRequest = z.strictObject({ fromUserId: dbId, toUserId: dbId, teamId: dbId });
export const handOverResult = z.object({ moved: z.number().int() });

export const workOrderView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  typeId: z.number().int(),
  typeCode: z.string(),
  typeNameZh: z.string(),
  typeNameEn: z.string(),
  partyId: z.number().int().nullable(),
  partyName: z.string().nullable(),
  status: z.enum(WORK_ORDER_STATUSES),
  origin: z.enum(['manual', 'rule']),
  initiatorId: z.number().int().nullable(),
  initiatorName: z.string().nullable(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  dueAt: z.string(),
  /** Still open and past its due time. */
  overdue: z.boolean(),
  note: z.string(),
  result: orderResult.nullable(),
  checklist: z.record(z.string(), z.boolean()),
  returnReason: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Actions the state allows (not whether the caller may take them). */
  allowed: z.array(z.enum(WORK_ORDER_ACTIONS)),
  version: z.number().int(),
});
export type WorkOrderView = z.infer<typeof workOrderView>;

export const workOrderEventView = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.enum(WORK_ORDER_STATUSES).nullable(),
  toStatus: z.enum(WORK_ORDER_STATUSES),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  at: z.string(),
  note: z.string(),
});

/** An order with its type's form (result fields, checklist) and its full trace (留痕). */
export const workOrderDetail = workOrderView.extend({
  resultFields: workOrderTypeView.shape.resultFields,
  checklistItems: workOrderTypeView.shape.checklist,
  events: z.array(workOrderEventView),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetail>;

/**
 * Which list: `mine` (assigned to me; tabs todo = accepted, doing = in progress, done = fed back
 * or completed), `initiated` (orders I started), `pool` (unclaimed orders of my teams), `team`
 * (one team's orders, for leaders), `all` (every order in scope, e.g. of one case).
 */
export const WORK_ORDER_VIEWS = ['mine', 'initiated', 'pool', 'team', 'all'] as const;
export const WORK_ORDER_TABS = ['todo', 'doing', 'done'] as const;

export const workOrderQuery = z.strictObject({
  view: z.enum(WORK_ORDER_VIEWS).default('mine'),
  tab: z.enum(WORK_ORDER_TABS).optional(),
  status: z.enum(WORK_ORDER_STATUSES).optional(),
  teamId: dbIdParam.optional(),
  caseId: dbIdParam.optional(),
  typeId: dbIdParam.optional(),
  assigneeId: dbIdParam.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...keysetQuery,
});
export type WorkOrderQuery = z.infer<typeof workOrderQuery>;
/** `total` comes with the first page only (null with a cursor); above 10,000 it is the planner's estimate. */
export const workOrderPage = keysetOf(workOrderView).extend({ total: z.number().int().nullable(), totalApproximate: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Teams, board and statistics

export const centreTeamView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  name: z.string(),
  members: z.array(z.object({ userId: z.number().int(), name: z.string() })),
});
export const centreTeamList = z.object({ items: z.array(centreTeamView) });

export const teamBoardQuery = z.strictObject({ teamId: dbIdParam });
export const teamBoard = z.object({
  teamId: z.number().int(),
  teamName: z.string(),
  /** Orders of the team not yet claimed. */
  pool: z.number().int(),
  poolOverdue: z.number().int(),
  members: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      accepted: z.number().int(),
      inProgress: z.number().int(),
      /** accepted + in progress: what auto-dispatch balances. */
      load: z.number().int(),
      overdue: z.number().int(),
      /** Fed back or completed in the last 30 days. */
      doneLast30Days: z.number().int(),
    }),
  ),
});
export type TeamBoard = z.infer<typeof teamBoard>;

export const workOrderStatsQuery = z
  .strictObject({
    courtId: dbIdParam.optional(),
    teamId: dbIdParam.optional(),
    /** Orders created on or after `from` and on or before `to` (China Standard Time). */
    from: isoDate,
    to: isoDate,
  })
  .refine((v) => v.to >= v.from, { path: ['to'], message: 'The end date is before the start date', params: { code: 'date_order' } });
export type WorkOrderStatsQuery = z.infer<typeof workOrderStatsQuery>;

export const workOrderStatsRow = z.object({
  key: z.number().int().nullable(),
  ...names,
  total: z.number().int(),
  open: z.number().int(),
  completed: z.number().int(),
  /** Open past due, or completed after due. */
  overdue: z.number().int(),
  /** Hours from creation to completion, averaged over completed orders; null when none. */
  avgHandlingHours: z.number().nullable(),
  /** Share of orders due by now that were completed by their due time (0–1); null when none was due. */
  slaRate: z.number().nullable(),
  /** overdue / total (0–1); null when there is none. */
  overdueRate: z.number().nullable(),
});
export type WorkOrderStatsRow = z.infer<typeof workOrderStatsRow>;

export const workOrderStats = z.object({
  totals: workOrderStatsRow,
  byType: z.array(workOrderStatsRow),
  byTeam: z.array(workOrderStatsRow),
  byPerson: z.array(workOrderStatsRow),
});
export type WorkOrderStats = z.infer<typeof workOrderStats>;

// ---------------------------------------------------------------------------------------------
// XLSX exports of the centre screens (started, watched, downloaded like the case export)

const exportLang = { lang: z.enum(['zh-CN', 'en']).default('zh-CN') };

/**
 * What to export: `orders` — a list with the same filters as the screen (my orders, the pool, a
 * team's orders, the overdue lists); `board` — a team's load per person and its overdue orders;
 * `statistics` — the centre statistics of a period.
 */
export const workOrderExportRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('orders'), ...workOrderQuery.omit({ cursor: true, limit: true }).shape, ...exportLang }),
  z.strictObject({ kind: z.literal('board'), teamId: dbId, ...exportLang }),
  z.strictObject({
    kind: z.literal('statistics'),
    courtId: dbId.optional(),
    teamId: dbId.optional(),
    from: isoDate,
    to: isoDate,
    ...exportLang,
  }),
]);
export type WorkOrderExportRequest = z.infer<typeof workOrderExportRequest>;
/** What a client sends (defaults such as the language and view may be left out). */
export type WorkOrderExportInput = z.input<typeof workOrderExportRequest>;

export const exportJobStatus = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Rows to write; 0 while unknown. */
  total: z.number().int(),
  done: z.number().int(),
  fileName: z.string(),
  error: z.string().nullable(),
});
export type ExportJobStatus = z.infer<typeof exportJobStatus>;

// ---------------------------------------------------------------------------------------------
// Result checks, shared by the API and the result form

/** Per-field problems of a result against its type's fields: field key → error code. */
export function resultProblems(fields: readonly ResultField[], result: OrderResult): { key: string; code: WorkOrderFieldError }[] {
  const problems: { key: string; code: WorkOrderFieldError }[] = [];
  for (const field of fields) {
    const value = Object.hasOwn(result, field.key) ? result[field.key] : null;
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      problems.push({ key: field.key, code: 'result_required' });
      continue;
    }
    if (!valueFits(field, value)) problems.push({ key: field.key, code: `result_${field.kind}` as WorkOrderFieldError });
  }
  return problems;
}

function valueFits(field: ResultField, value: string | number): boolean {
  switch (field.kind) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(\.\d+)?$/.test(value.trim());
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    case 'select':
      return typeof value === 'string' && (field.options ?? []).includes(value);
  }
}

export const WORK_ORDER_FIELD_ERRORS = {
  result_required: { zh: '请填写该项办理结果', en: 'Fill in this result' },
  result_text: { zh: '须为文字', en: 'Must be text' },
  result_number: { zh: '须为数字', en: 'Must be a number' },
  result_date: { zh: '须为日期（YYYY-MM-DD）', en: 'Must be a date (YYYY-MM-DD)' },
  result_select: { zh: '须为给定选项之一', en: 'Must be one of the options' },
  result_unknown: { zh: '该工单类型没有此结果项', en: 'This order type has no such result field' },
  select_options: { zh: '下拉项须给出选项', en: 'A select field needs options' },
  one_limit: { zh: '时限须填写小时数或工作日数（二选一）', en: 'Give the limit in hours or in working days, not both' },
  assignee_not_member: {
    zh: '只能派给承办团队的在职成员',
    en: 'Orders go only to active members of the handling team',
  },
} as const;
export type WorkOrderFieldError = keyof typeof WORK_ORDER_FIELD_ERRORS;
