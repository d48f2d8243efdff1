import { z } from 'zod';
import { dbId, dbIdParam, isoDate, isoDateTime, keysetOf, keysetQuery, versionField } from './common.js';
import { DELIVERY_DOCUMENT_KINDS, type DeliveryOutcome } from './delivery.js';
import { NETWORK_TASK_KINDS, NETWORK_TASK_OUTCOMES, type NetworkTaskOutcome, suggestionResult } from './network-rules.js';

/**
 * Tasks for grassroots assistants (issue 5, "Tasks for assistants"): a court user gives a task
 * to an assistant (assisted delivery, mediation, investigation, petition-risk feedback, dispute
 * early report, circuit-trial liaison); the assistant accepts or declines it on the phone and
 * reports; the court confirms the report or sends it back. Shared by the API and the web app.
 */

type Names = { zh: string; en: string };
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Lifecycle

export const NETWORK_TASK_STATUSES = ['assigned', 'accepted', 'declined', 'reported', 'confirmed'] as const;
export type NetworkTaskStatus = (typeof NETWORK_TASK_STATUSES)[number];
export const NETWORK_TASK_STATUS_NAMES: Readonly<Record<NetworkTaskStatus, Names>> = {
  assigned: { zh: '待接收', en: 'Assigned' },
  accepted: { zh: '办理中', en: 'Accepted' },
  declined: { zh: '已拒绝', en: 'Declined' },
  reported: { zh: '待确认', en: 'Reported' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
};

/** What can happen to a task; `send-back` returns a report to the assistant (→ accepted). */
export const NETWORK_TASK_ACTIONS = ['accept', 'decline', 'report', 'confirm', 'send-back'] as const;
export type NetworkTaskAction = (typeof NETWORK_TASK_ACTIONS)[number];
export const NETWORK_TASK_ACTION_NAMES: Readonly<Record<NetworkTaskAction | 'assign', Names>> = {
  assign: { zh: '派发', en: 'Assigned' },
  accept: { zh: '接收', en: 'Accepted' },
  decline: { zh: '拒绝', en: 'Declined' },
  report: { zh: '反馈', en: 'Reported' },
  confirm: { zh: '确认', en: 'Confirmed' },
  'send-back': { zh: '退回', en: 'Sent back' },
};

/** The state machine: for each status, the actions allowed and where they lead. */
export const NETWORK_TASK_TRANSITIONS: Readonly<Record<NetworkTaskStatus, Partial<Record<NetworkTaskAction, NetworkTaskStatus>>>> = {
  assigned: { accept: 'accepted', decline: 'declined' },
  accepted: { report: 'reported' },
  declined: {},
  reported: { confirm: 'confirmed', 'send-back': 'accepted' },
  confirmed: {},
};

/** Tasks still waiting for someone (the assistant, or the court's confirmation). */
export const OPEN_NETWORK_TASK_STATUSES = ['assigned', 'accepted', 'reported'] as const satisfies readonly NetworkTaskStatus[];

/** The statuses where the assistant has something to do: 待办. The others are 已办. */
export const TODO_NETWORK_TASK_STATUSES = ['assigned', 'accepted'] as const satisfies readonly NetworkTaskStatus[];

// ---------------------------------------------------------------------------------------------
// Report contents, per kind

/** An assistant can report these delivery outcomes (the delivery module's codes legal for `assisted`). */
export const ASSISTED_DELIVERY_OUTCOMES = [
  'success',
  'refused',
  'no-such-person',
  'address-unknown',
  'unsigned',
  'phone-empty',
] as const satisfies readonly DeliveryOutcome[];

export const MEDIATION_RESULTS = ['settled', 'partly-settled', 'not-settled'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];
export const MEDIATION_RESULT_NAMES: Readonly<Record<MediationResult, Names>> = {
  settled: { zh: '达成调解', en: 'Settled' },
  'partly-settled': { zh: '部分达成', en: 'Partly settled' },
  'not-settled': { zh: '未达成', en: 'Not settled' },
};

export const FINDING_KINDS = ['whereabouts', 'real-estate', 'vehicle', 'business', 'income'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_NAMES: Readonly<Record<FindingKind, Names>> = {
  whereabouts: { zh: '下落', en: 'Whereabouts' },
  'real-estate': { zh: '不动产', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicle' },
  business: { zh: '经营', en: 'Business' },
  income: { zh: '收入', en: 'Income' },
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LEVEL_NAMES: Readonly<Record<RiskLevel, Names>> = {
  low: { zh: '低', en: 'Low' },
  medium: { zh: '中', en: 'Medium' },
  high: { zh: '高', en: 'High' },
};

export const deliveryReport = z.strictObject({
  kind: z.literal('delivery'),
  outcome: z.enum(ASSISTED_DELIVERY_OUTCOMES),
  /** Who received the documents, when served. */
  receiver: text(50).default(''),
  place: required(200),
  note: text(1000).default(''),
});
export const mediationReport = z.strictObject({
  kind: z.literal('mediation'),
  result: z.enum(MEDIATION_RESULTS),
  note: required(1000),
});
export const investigationReport = z.strictObject({
  kind: z.literal('investigation'),
  findings: z.array(z.strictObject({ kind: z.enum(FINDING_KINDS), text: required(500) })).max(30),
  note: text(1000).default(''),
});
export const petitionRiskReport = z.strictObject({
  kind: z.literal('petition-risk'),
  attitude: required(500),
  riskLevel: z.enum(RISK_LEVELS),
  note: text(1000).default(''),
});
export const disputeReport = z.strictObject({
  kind: z.literal('dispute-report'),
  parties: required(300),
  summary: required(1000),
  place: required(200),
});
export const circuitLiaisonReport = z.strictObject({
  kind: z.literal('circuit-liaison'),
  venue: required(200),
  notified: z.array(required(50)).min(1).max(50),
  note: text(1000).default(''),
});

export const networkTaskReportContent = z.discriminatedUnion('kind', [
  deliveryReport,
  mediationReport,
  investigationReport,
  petitionRiskReport,
  disputeReport,
  circuitLiaisonReport,
]);
export type NetworkTaskReportContent = z.infer<typeof networkTaskReportContent>;

/** Whether a report achieved what the task was for (the subsidies and the assessment count this). */
export function outcomeOfReport(content: NetworkTaskReportContent): NetworkTaskOutcome {
  switch (content.kind) {
    case 'delivery':
      return content.outcome === 'success' ? 'success' : 'failure';
    case 'mediation':
      return content.result === 'not-settled' ? 'failure' : 'success';
    case 'investigation':
      return content.findings.length > 0 ? 'success' : 'failure';
    default:
      return 'success';
  }
}

export const NETWORK_TASK_PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
/** A photo as sent from the phone (already compressed there): at most this many bytes decoded. */
export const NETWORK_TASK_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const NETWORK_TASK_PHOTO_MAX_COUNT = 4;
/** The report route's body limit: the photos in base64 plus the text. */
export const NETWORK_TASK_REPORT_BODY_LIMIT = 18 * 1024 * 1024;

export const reportPhoto = z.strictObject({
  type: z.enum(NETWORK_TASK_PHOTO_TYPES),
  /** Base64 of the image bytes (no data: prefix). */
  data: z
    .string()
    .max(Math.ceil((NETWORK_TASK_PHOTO_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/),
});

export const submitNetworkTaskReportRequest = z.strictObject({
  version: versionField,
  /** Made on the phone when the report is written; a repeat with the same key answers the stored result. */
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  /** When it happened (the delivery, the visit …), as the assistant says. */
  occurredAt: isoDateTime,
  content: networkTaskReportContent,
  photos: z.array(reportPhoto).max(NETWORK_TASK_PHOTO_MAX_COUNT).default([]),
});
export type SubmitNetworkTaskReportRequest = z.infer<typeof submitNetworkTaskReportRequest>;

// ---------------------------------------------------------------------------------------------
// Requests

export const createNetworkTaskRequest = z.strictObject({
  kind: z.enum(NETWORK_TASK_KINDS),
  assistantId: dbId,
  stationId: dbId.nullable().default(null),
  /** An assisted delivery comes from a delivery task (its case and party come along). */
  deliveryTaskId: dbId.nullable().default(null),
  caseId: dbId.nullable().default(null),
  partyId: dbId.nullable().default(null),
  title: required(100),
  instructions: text(2000).default(''),
  dueOn: isoDate,
});
export type CreateNetworkTaskRequest = z.infer<typeof createNetworkTaskRequest>;

export const acceptNetworkTaskRequest = z.strictObject({ version: versionField });
export const declineNetworkTaskRequest = z.strictObject({ version: versionField, reason: required(500) });
export const confirmNetworkTaskRequest = z.strictObject({
  version: versionField,
  /** The confirming judge's rating of the work, 1–5 (the assessment's quality indicator). */
  rating: z.number().int().min(1).max(5),
  note: text(500).default(''),
});
export const sendBackNetworkTaskRequest = z.strictObject({ version: versionField, reason: required(500) });
export type DeclineNetworkTaskRequest = z.infer<typeof declineNetworkTaskRequest>;
export type ConfirmNetworkTaskRequest = z.infer<typeof confirmNetworkTaskRequest>;
export type SendBackNetworkTaskRequest = z.infer<typeof sendBackNetworkTaskRequest>;

export const networkTaskQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  kind: z.enum(NETWORK_TASK_KINDS).optional(),
  status: z.enum(NETWORK_TASK_STATUSES).optional(),
  assistantId: dbIdParam.optional(),
  stationId: dbIdParam.optional(),
  deliveryTaskId: dbIdParam.optional(),
  caseId: dbIdParam.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ...keysetQuery,
});
export type NetworkTaskQuery = z.infer<typeof networkTaskQuery>;

export const myNetworkTaskQuery = z.strictObject({ view: z.enum(['todo', 'done']).default('todo'), ...keysetQuery });
export type MyNetworkTaskQuery = z.infer<typeof myNetworkTaskQuery>;

export const networkTaskSuggestionQuery = z.strictObject({
  kind: z.enum(NETWORK_TASK_KINDS).default('delivery'),
  deliveryTaskId: dbIdParam.optional(),
  partyId: dbIdParam.optional(),
  stationId: dbIdParam.optional(),
  /** The court whose assistants are candidates (default: the delivery task's court, else the actor's). */
  courtId: dbIdParam.optional(),
  address: text(200).optional(),
  /** How many suggestions (the first few carry the reasons the dialog shows; the rest fill the chooser). */
  limit: z.coerce.number().int().min(1).max(100).default(5),
});
export type NetworkTaskSuggestionQuery = z.infer<typeof networkTaskSuggestionQuery>;

export const photoParams = z.strictObject({ id: dbIdParam, photoId: dbIdParam });

// ---------------------------------------------------------------------------------------------
// Views

export const networkTaskEventView = z.object({
  id: z.number().int(),
  action: z.enum(['assign', ...NETWORK_TASK_ACTIONS]),
  fromStatus: z.enum(NETWORK_TASK_STATUSES).nullable(),
  toStatus: z.enum(NETWORK_TASK_STATUSES),
  note: z.string(),
  actorName: z.string(),
  at: z.string(),
});
export type NetworkTaskEventView = z.infer<typeof networkTaskEventView>;

export const networkTaskReportView = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  submittedAt: z.string(),
  content: networkTaskReportContent,
  outcome: z.enum(NETWORK_TASK_OUTCOMES),
  photos: z.array(z.object({ id: z.number().int(), type: z.string(), size: z.number().int() })),
});
export type NetworkTaskReportView = z.infer<typeof networkTaskReportView>;

/** What the task needs to be done, and nothing more of the case: for the assistant and the court alike. */
export const networkTaskTarget = z.object({
  caseNumber: z.string().nullable(),
  partyName: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  documentKind: z.enum(DELIVERY_DOCUMENT_KINDS).nullable(),
});
export type NetworkTaskTarget = z.infer<typeof networkTaskTarget>;

export const networkTaskView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  kind: z.enum(NETWORK_TASK_KINDS),
  status: z.enum(NETWORK_TASK_STATUSES),
  assistantId: z.number().int(),
  assistantName: z.string(),
  stationId: z.number().int().nullable(),
  stationName: z.string().nullable(),
  caseId: z.number().int().nullable(),
  partyId: z.number().int().nullable(),
  deliveryTaskId: z.number().int().nullable(),
  title: z.string(),
  instructions: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  target: networkTaskTarget,
  declineReason: z.string().nullable(),
  sendBackReason: z.string().nullable(),
  outcome: z.enum(NETWORK_TASK_OUTCOMES).nullable(),
  rating: z.number().int().nullable(),
  deliveryAttemptId: z.number().int().nullable(),
  assignedByName: z.string(),
  reportedAt: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type NetworkTaskView = z.infer<typeof networkTaskView>;

export const networkTaskDetail = networkTaskView.extend({
  trace: z.array(networkTaskEventView),
  report: networkTaskReportView.nullable(),
  /** The actions the caller may take now. */
  allowed: z.array(z.enum(NETWORK_TASK_ACTIONS)),
});
export type NetworkTaskDetail = z.infer<typeof networkTaskDetail>;

export const networkTaskPage = keysetOf(networkTaskView);
export type NetworkTaskPage = z.infer<typeof networkTaskPage>;

/** The assistant's list: their own tasks, with counts of both tabs. */
export const myNetworkTaskPage = keysetOf(networkTaskView).extend({ todo: z.number().int(), done: z.number().int() });
export type MyNetworkTaskPage = z.infer<typeof myNetworkTaskPage>;

export const submitNetworkTaskReportResponse = z.object({
  task: networkTaskDetail,
  /** True when this key was sent before: nothing was recorded again. */
  replayed: z.boolean(),
});
export type SubmitNetworkTaskReportResponse = z.infer<typeof submitNetworkTaskReportResponse>;

export const networkTaskSuggestions = suggestionResult.extend({
  address: z.string().nullable(),
  candidates: z.number().int(),
  /** The stations of the candidates, to assign by station. */
  stations: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type NetworkTaskSuggestions = z.infer<typeof networkTaskSuggestions>;

export const NETWORK_TASK_FIELD_ERRORS = {
  assistant_not_active: { zh: '该协助员不在岗，不能派发任务', en: 'The assistant is not active' },
  assistant_station: { zh: '协助员不属于该联络站', en: 'The assistant does not belong to this station' },
  delivery_task_kind: { zh: '关联送达任务的只能是协助送达任务', en: 'Only an assisted delivery links to a delivery task' },
  delivery_task_settled: { zh: '该送达任务已办结', en: 'The delivery task is settled already' },
  delivery_task_required: { zh: '协助送达须关联送达任务', en: 'An assisted delivery needs a delivery task' },
  party_not_in_case: { zh: '当事人不属于该案件', en: 'The party is not in this case' },
  report_kind: { zh: '反馈内容与任务类型不符', en: 'The report does not match the task kind' },
  photo_type: { zh: '照片须为 JPEG 或 PNG 图片', en: 'A photo must be a JPEG or PNG image' },
  photo_size: { zh: '照片过大（压缩后不超过 3 MB）', en: 'The photo is too large (3 MB at most)' },
  due_in_past: { zh: '期限不能早于今天', en: 'The due date cannot be before today' },
  occurred_in_future: { zh: '时间不能晚于现在', en: 'The time cannot be in the future' },
  not_in_scope: { zh: '不存在或不在您的管辖范围内', en: 'Not found, or outside your scope' },
} as const satisfies Record<string, Names>;
