import { z } from 'zod';
import { dbId, dbIdParam, isoDate, isoDateTime, keysetOf, keysetQuery, versionField } from './common.js';
import { MESSAGE_CHANNELS } from './notifications.js';

/**
 * Delivery (送达) of court documents: one task per document and recipient, address
 * confirmations (送达地址确认书), attempts by every method with their outcome, the suggested next
 * step, the call log of the delivery hotline and the indicators. Shared by the API and the web app.
 */

const text = (max: number) => z.string().trim().max(max);
type Names = Readonly<{ zh: string; en: string }>;

// ---------------------------------------------------------------------------------------------
// Enums

export const DELIVERY_DOCUMENT_KINDS = [
  'complaint-copy',
  'response-notice',
  'summons',
  'evidence-notice',
  'hearing-notice',
  'judgment',
  'ruling',
  'mediation-statement',
] as const;
export type DeliveryDocumentKind = (typeof DELIVERY_DOCUMENT_KINDS)[number];
export const DELIVERY_DOCUMENT_NAMES: Readonly<Record<DeliveryDocumentKind, Names>> = {
  'complaint-copy': { zh: '起诉状副本', en: 'Copy of the complaint' },
  'response-notice': { zh: '应诉通知书', en: 'Notice to respond' },
  summons: { zh: '传票', en: 'Summons' },
  'evidence-notice': { zh: '举证通知书', en: 'Notice of the evidence period' },
  'hearing-notice': { zh: '开庭通知书', en: 'Notice of hearing' },
  judgment: { zh: '判决书', en: 'Judgment' },
  ruling: { zh: '裁定书', en: 'Ruling' },
  'mediation-statement': { zh: '调解书', en: 'Mediation statement' },
};

export const DELIVERY_STATUSES = ['pending', 'in-progress', 'served', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_STATUS_NAMES: Readonly<Record<DeliveryStatus, Names>> = {
  pending: { zh: '待送达', en: 'Pending' },
  'in-progress': { zh: '送达中', en: 'In progress' },
  served: { zh: '已送达', en: 'Served' },
  failed: { zh: '终止送达', en: 'Ended as undeliverable' },
};

/**
 * Why a task is ended as undeliverable (终止送达): the recipient has died, the organisation is
 * deregistered, or the court decides to stop (e.g. the claim against that party is withdrawn).
 */
export const DELIVERY_END_REASONS = ['deceased', 'deregistered', 'court-decision'] as const;
export type DeliveryEndReason = (typeof DELIVERY_END_REASONS)[number];
export const DELIVERY_END_REASON_NAMES: Readonly<Record<DeliveryEndReason, Names>> = {
  deceased: { zh: '受送达人已死亡', en: 'The recipient has died' },
  deregistered: { zh: '法人或其他组织已注销', en: 'The organisation is deregistered' },
  'court-decision': { zh: '法院决定终止送达', en: 'The court decided to stop' },
};

export const DELIVERY_METHODS = ['electronic', 'postal', 'direct', 'left-at-residence', 'entrusted', 'assisted', 'announcement'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_NAMES: Readonly<Record<DeliveryMethod, Names>> = {
  electronic: { zh: '电子送达', en: 'Electronic' },
  postal: { zh: '邮寄送达', en: 'Postal' },
  direct: { zh: '直接送达', en: 'Direct' },
  'left-at-residence': { zh: '留置送达', en: 'Left at residence' },
  entrusted: { zh: '委托送达', en: 'Entrusted to another court' },
  assisted: { zh: '协助送达', en: 'Assisted (grassroots network)' },
  announcement: { zh: '公告送达', en: 'Public announcement' },
};

export const DELIVERY_OUTCOMES = [
  'success',
  'refused',
  'no-such-person',
  'address-unknown',
  'unsigned',
  'phone-empty',
  'send-failed',
] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];
export const DELIVERY_OUTCOME_NAMES: Readonly<Record<DeliveryOutcome, Names>> = {
  success: { zh: '成功', en: 'Success' },
  refused: { zh: '拒收', en: 'Refused' },
  'no-such-person': { zh: '查无此人', en: 'No such person' },
  'address-unknown': { zh: '地址不详', en: 'Address unknown' },
  unsigned: { zh: '无人签收', en: 'Nobody signed' },
  'phone-empty': { zh: '电话空号', en: 'Phone number not in service' },
  'send-failed': { zh: '发送失败', en: 'Sending failed' },
};

/** EMS return status of a postal attempt (邮件妥投 / 退回). */
export const POSTAL_RETURN_STATUSES = ['in-transit', 'signed', 'returned'] as const;
export type PostalReturnStatus = (typeof POSTAL_RETURN_STATUSES)[number];
export const POSTAL_RETURN_STATUS_NAMES: Readonly<Record<PostalReturnStatus, Names>> = {
  'in-transit': { zh: '投递中', en: 'In transit' },
  signed: { zh: '已妥投', en: 'Signed for' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const DELIVERY_CALL_OUTCOMES = ['answered', 'no-answer', 'wrong-number', 'refused', 'callback'] as const;
export type DeliveryCallOutcome = (typeof DELIVERY_CALL_OUTCOMES)[number];
export const DELIVERY_CALL_OUTCOME_NAMES: Readonly<Record<DeliveryCallOutcome, Names>> = {
  answered: { zh: '已接通', en: 'Answered' },
  'no-answer': { zh: '无人接听', en: 'No answer' },
  'wrong-number': { zh: '号码错误', en: 'Wrong number' },
  refused: { zh: '拒绝配合', en: 'Refused to cooperate' },
  callback: { zh: '约定回电', en: 'Call back agreed' },
};

/** Why a next step is suggested (the rules in the API's delivery.rules.ts). */
export const DELIVERY_SUGGESTION_REASONS = {
  'first-electronic': {
    zh: '当事人已确认电子送达地址，优先电子送达',
    en: 'The party confirmed an electronic address: deliver electronically first',
  },
  'first-postal': { zh: '有送达地址，首先邮寄送达', en: 'There is an address: start with postal delivery' },
  'no-address': { zh: '无可用送达地址，请基层司法协助员协助送达', en: 'No usable address: ask a grassroots assistant to help' },
  refused: { zh: '受送达人拒收，可留置送达', en: 'The recipient refused: leave the documents at the residence' },
  'address-unknown': { zh: '地址不详或查无此人，可公告送达', en: 'Address unknown or no such person: serve by public announcement' },
  'postal-twice': { zh: '两次邮寄未成功，转协助送达', en: 'Two postal attempts failed: switch to assisted delivery' },
  'postal-again': { zh: '邮寄未成功，可再次邮寄', en: 'The postal attempt failed: post again' },
  'electronic-failed': { zh: '电子送达未成功（空号或发送失败），转邮寄送达', en: 'Electronic delivery failed: post the documents' },
  'direct-unsigned': { zh: '直接送达无人签收，转协助送达', en: 'Nobody signed at direct delivery: switch to assisted delivery' },
  'assisted-failed': { zh: '协助送达未成功，由法院工作人员直接送达', en: 'Assisted delivery failed: court staff deliver in person' },
  'entrusted-failed': { zh: '委托送达未成功，转协助送达', en: 'Entrusted delivery failed: switch to assisted delivery' },
} as const satisfies Record<string, Names>;
export type DeliverySuggestionReason = keyof typeof DELIVERY_SUGGESTION_REASONS;

// ---------------------------------------------------------------------------------------------
// Tasks and attempts

export const createDeliveryTasksRequest = z.strictObject({
  partyIds: z.array(dbId).min(1).max(50),
  documentKinds: z.array(z.enum(DELIVERY_DOCUMENT_KINDS)).min(1).max(DELIVERY_DOCUMENT_KINDS.length),
});
export type CreateDeliveryTasksRequest = z.infer<typeof createDeliveryTasksRequest>;

export const recordDeliveryAttemptRequest = z.strictObject({
  version: versionField,
  method: z.enum(DELIVERY_METHODS),
  outcome: z.enum(DELIVERY_OUTCOMES),
  attemptedAt: isoDateTime,
  /** Who made the attempt (the handler, the courier, the grassroots assistant …). */
  person: text(50).min(1),
  /** Postal: the EMS tracking number. */
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{8,30}$/)
    .optional(),
  postalReturnStatus: z.enum(POSTAL_RETURN_STATUSES).optional(),
  /** Electronic: the address or phone number the link went to, and when it was read. */
  electronicAddress: text(120).min(3).optional(),
  readAt: isoDateTime.optional(),
  /** Announcement: the day of publication; the effective day comes from the deadline engine. */
  publishedOn: isoDate.optional(),
  /** Entrusted: the court asked to deliver. */
  entrustedCourt: text(60).min(2).optional(),
  note: text(1000).default(''),
});
export type RecordDeliveryAttemptRequest = z.infer<typeof recordDeliveryAttemptRequest>;

/** 终止送达: ends a task not served as undeliverable, with the reason and what it rests on. */
export const endDeliveryTaskRequest = z.strictObject({
  version: versionField,
  reason: z.enum(DELIVERY_END_REASONS),
  /** What the decision rests on (a death certificate, the registry's notice, the judge's decision …). */
  detail: text(500).min(4),
});
export type EndDeliveryTaskRequest = z.infer<typeof endDeliveryTaskRequest>;

export const deliverySuggestion = z.object({
  method: z.enum(DELIVERY_METHODS),
  reason: z.string(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type DeliverySuggestion = z.infer<typeof deliverySuggestion>;

export const deliveryAttemptView = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  method: z.enum(DELIVERY_METHODS),
  outcome: z.enum(DELIVERY_OUTCOMES),
  attemptedAt: z.string(),
  person: z.string(),
  recordedBy: z.string(),
  trackingNumber: z.string().nullable(),
  postalReturnStatus: z.enum(POSTAL_RETURN_STATUSES).nullable(),
  electronicAddress: z.string().nullable(),
  readAt: z.string().nullable(),
  publishedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  entrustedCourt: z.string().nullable(),
  note: z.string(),
  evidenceType: z.string().nullable(),
  evidenceSize: z.number().int().nullable(),
});
export type DeliveryAttemptView = z.infer<typeof deliveryAttemptView>;

export const deliveryTaskView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  partyId: z.number().int(),
  partyName: z.string(),
  partyRole: z.string(),
  documentKind: z.enum(DELIVERY_DOCUMENT_KINDS),
  workOrderId: z.number().int().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  electronicAddress: z.string().nullable(),
  /** The address comes from a signed 送达地址确认书. */
  addressConfirmed: z.boolean(),
  status: z.enum(DELIVERY_STATUSES),
  servedOn: z.string().nullable(),
  servedMethod: z.enum(DELIVERY_METHODS).nullable(),
  /** Set when the task was ended as undeliverable (status failed). */
  endReason: z.enum(DELIVERY_END_REASONS).nullable(),
  endDetail: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  attemptCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type DeliveryTaskView = z.infer<typeof deliveryTaskView>;

// ---------------------------------------------------------------------------------------------
// Electronic delivery through the outbox (SMS or e-mail with a read link)

/**
 * An electronic send: `awaiting` while the message waits in the outbox (no attempt yet), then
 * `sent` (an attempt of outcome success exists) or `failed` (a dead letter: outcome send-failed).
 */
export const ELECTRONIC_SEND_STATUSES = ['awaiting', 'sent', 'failed'] as const;
export type ElectronicSendStatus = (typeof ELECTRONIC_SEND_STATUSES)[number];
export const ELECTRONIC_SEND_STATUS_NAMES: Readonly<Record<ElectronicSendStatus, Names>> = {
  awaiting: { zh: '已发送，待回执', en: 'Sent, awaiting result' },
  sent: { zh: '已发出', en: 'Sent' },
  failed: { zh: '发送失败', en: 'Sending failed' },
};

export const sendElectronicRequest = z.strictObject({
  version: versionField,
  channel: z.enum(MESSAGE_CHANNELS),
  /** A mainland mobile number (sms) or an e-mail address (mail); checked by the notifications validators. */
  address: text(254).min(1),
});
export type SendElectronicRequest = z.infer<typeof sendElectronicRequest>;

export const deliveryElectronicSendView = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  channel: z.enum(MESSAGE_CHANNELS),
  address: z.string(),
  status: z.enum(ELECTRONIC_SEND_STATUSES),
  /** The attempt the send became once the message settled; null while awaiting (or sent after the task was settled otherwise). */
  attemptId: z.number().int().nullable(),
  error: z.string().nullable(),
  sentBy: z.string(),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
  /** When the recipient first opened the link. */
  readAt: z.string().nullable(),
});
export type DeliveryElectronicSendView = z.infer<typeof deliveryElectronicSendView>;

export const deliveryTaskDetail = deliveryTaskView.extend({
  attempts: z.array(deliveryAttemptView),
  /** Electronic sends through the outbox, oldest first. */
  electronicSends: z.array(deliveryElectronicSendView),
  suggestion: deliverySuggestion.nullable(),
});
export type DeliveryTaskDetail = z.infer<typeof deliveryTaskDetail>;

export const deliveryTaskList = z.object({ items: z.array(deliveryTaskView) });

export const deliveryTaskQuery = z.strictObject({
  caseId: dbIdParam.optional(),
  courtId: dbIdParam.optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  /** Tasks with at least one attempt by this method. */
  method: z.enum(DELIVERY_METHODS).optional(),
  ...keysetQuery,
});
export type DeliveryTaskQuery = z.infer<typeof deliveryTaskQuery>;
export const deliveryTaskPage = keysetOf(deliveryTaskView);

// ---------------------------------------------------------------------------------------------
// Address confirmations (送达地址确认书)

const confirmationBody = {
  address: text(200).min(4),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{5,20}$/)
    .nullable(),
  email: z.email().max(120).nullable(),
  /** Where electronic delivery may go (an e-mail address or a mobile number the party confirmed). */
  electronicAddress: text(120).min(3).nullable(),
  signedOn: isoDate,
};

export const createAddressConfirmationRequest = z.strictObject({ partyId: dbId, ...confirmationBody });
export type CreateAddressConfirmationRequest = z.infer<typeof createAddressConfirmationRequest>;
export const updateAddressConfirmationRequest = z.strictObject({ ...confirmationBody, version: versionField });
export type UpdateAddressConfirmationRequest = z.infer<typeof updateAddressConfirmationRequest>;

export const addressConfirmationView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  partyId: z.number().int(),
  partyName: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  electronicAddress: z.string().nullable(),
  signedOn: z.string(),
  version: z.number().int(),
});
export type AddressConfirmationView = z.infer<typeof addressConfirmationView>;
export const addressConfirmationList = z.object({ items: z.array(addressConfirmationView) });

// ---------------------------------------------------------------------------------------------
// Call log of the delivery hotline

export const createDeliveryCallRequest = z.strictObject({
  caseId: dbId,
  partyId: dbId.nullable(),
  calledAt: isoDateTime,
  outcome: z.enum(DELIVERY_CALL_OUTCOMES),
  followUp: text(1000).default(''),
});
export type CreateDeliveryCallRequest = z.infer<typeof createDeliveryCallRequest>;

export const deliveryCallView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  partyId: z.number().int().nullable(),
  partyName: z.string().nullable(),
  calledAt: z.string(),
  outcome: z.enum(DELIVERY_CALL_OUTCOMES),
  followUp: z.string(),
  recordedBy: z.string(),
});
export type DeliveryCallView = z.infer<typeof deliveryCallView>;

export const deliveryCallQuery = z.strictObject({ caseId: dbIdParam.optional(), ...keysetQuery });
export type DeliveryCallQuery = z.infer<typeof deliveryCallQuery>;
export const deliveryCallPage = keysetOf(deliveryCallView);

// ---------------------------------------------------------------------------------------------
// Indicators

export const deliveryIndicatorQuery = z
  .strictObject({ courtId: dbIdParam.optional(), from: isoDate.optional(), to: isoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'to before from', params: { code: 'invalid_value' } });
export type DeliveryIndicatorQuery = z.infer<typeof deliveryIndicatorQuery>;

const rateRow = z.object({ key: z.string(), name: z.string(), attempts: z.number().int(), successes: z.number().int(), rate: z.number() });
export type DeliveryRateRow = z.infer<typeof rateRow>;

export const deliveryIndicators = z.object({
  tasks: z.number().int(),
  served: z.number().int(),
  /** Tasks ended as undeliverable (终止送达). */
  failed: z.number().int(),
  /** Average calendar days from a task's creation to its service, of the served tasks; null when none. */
  averageDaysToServed: z.number().nullable(),
  /** Share of served tasks served electronically, 0–1; null when none is served. */
  electronicShare: z.number().nullable(),
  byMethod: z.array(rateRow),
  byCourt: z.array(rateRow),
  byPerson: z.array(rateRow),
});
export type DeliveryIndicators = z.infer<typeof deliveryIndicators>;

/** Evidence (a photo or scan of the signed proof): the types accepted, checked by content, and the size limit. */
export const DELIVERY_EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type DeliveryEvidenceType = (typeof DELIVERY_EVIDENCE_TYPES)[number];
export const DELIVERY_EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const DELIVERY_FIELD_ERRORS = {
  outcome_not_legal: { zh: '该送达方式不能有此结果', en: 'This outcome is not possible for the method' },
  party_not_in_case: { zh: '当事人不属于本案', en: 'The party does not belong to this case' },
  evidence_type: {
    zh: '文件内容不是 JPEG、PNG 或 PDF，或与声明的类型不符',
    en: 'The file is not a JPEG, PNG or PDF, or not of the type declared',
  },
} as const;
