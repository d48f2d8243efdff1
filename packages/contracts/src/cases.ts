import { z } from 'zod';
import { caseProcedureCode, caseTypeCode, isProcedureOf, partyRoleCode } from './case-types.js';
import { dbId, dbIdParam, versionField } from './common.js';
import { unifiedCreditCode } from './credit-code.js';
import { calendarDate } from './deadlines.js';
import { idCardNumber } from './id-card.js';

// ---- vocabulary ----

/** Nodes of a case (节点责任制), in order. */
export const CASE_NODES = [
  'filing',
  'assignment',
  'delivery',
  'scheduling',
  'hearing',
  'deliberation',
  'pronouncement',
  'closure',
  'archive',
] as const;
export type CaseNode = (typeof CASE_NODES)[number];
export const CASE_NODE_NAMES: Readonly<Record<CaseNode, { zh: string; en: string }>> = {
  filing: { zh: '立案', en: 'Filing' },
  assignment: { zh: '分案', en: 'Assignment' },
  delivery: { zh: '送达', en: 'Service of documents' },
  scheduling: { zh: '排期', en: 'Scheduling' },
  hearing: { zh: '开庭', en: 'Hearing' },
  deliberation: { zh: '合议', en: 'Deliberation' },
  pronouncement: { zh: '宣判/调解', en: 'Judgment or mediation' },
  closure: { zh: '结案', en: 'Closure' },
  archive: { zh: '归档', en: 'Archiving' },
};

export const CASE_STATUSES = ['pending-assignment', 'open', 'closed', 'archived'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_NAMES: Readonly<Record<CaseStatus, { zh: string; en: string }>> = {
  'pending-assignment': { zh: '待分案', en: 'Awaiting assignment' },
  open: { zh: '审理中', en: 'Open' },
  closed: { zh: '已结案', en: 'Closed' },
  archived: { zh: '已归档', en: 'Archived' },
};

export const WARNING_LEVELS = ['none', '30', '15', '7', '3', 'overdue'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const CLOSURE_METHODS = ['judgment', 'mediation', 'withdrawal', 'dismissal', 'transfer', 'termination', 'ruling'] as const;
export type ClosureMethod = (typeof CLOSURE_METHODS)[number];
export const CLOSURE_METHOD_NAMES: Readonly<Record<ClosureMethod, { zh: string; en: string }>> = {
  judgment: { zh: '判决', en: 'Judgment' },
  mediation: { zh: '调解', en: 'Mediation' },
  withdrawal: { zh: '撤诉', en: 'Withdrawal' },
  dismissal: { zh: '驳回起诉', en: 'Dismissal of the action' },
  transfer: { zh: '移送', en: 'Transfer' },
  termination: { zh: '终结', en: 'Termination' },
  ruling: { zh: '其他裁定', en: 'Other ruling' },
};
/** Fields a closure must carry, by method: the date the judgment or mediation document took effect, the court transferred to. */
export const CLOSURE_REQUIRED: Readonly<Record<ClosureMethod, readonly ('pronouncedOn' | 'transferTo')[]>> = {
  judgment: ['pronouncedOn'],
  mediation: ['pronouncedOn'],
  withdrawal: [],
  dismissal: ['pronouncedOn'],
  transfer: ['transferTo'],
  termination: [],
  ruling: ['pronouncedOn'],
};

export const AGENT_KINDS = ['lawyer', 'legal-worker', 'citizen'] as const;
export const AGENT_KIND_NAMES = {
  lawyer: { zh: '律师', en: 'Lawyer' },
  'legal-worker': { zh: '基层法律服务工作者', en: 'Legal service worker' },
  citizen: { zh: '公民代理人', en: 'Citizen agent' },
} as const;

// ---- filing (立案) ----

const text = (max: number) => z.string().trim().max(max);
const mobileOrLandline = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/);

export const personParty = z.strictObject({
  kind: z.literal('person'),
  role: partyRoleCode,
  name: text(50).min(1),
  gender: z.enum(['male', 'female']).optional(),
  idNumber: idCardNumber.optional(),
  birthDate: calendarDate.optional(),
  phone: mobileOrLandline.optional(),
  address: text(200).optional(),
});

export const organisationParty = z.strictObject({
  kind: z.literal('organisation'),
  role: partyRoleCode,
  name: text(100).min(1),
  creditCode: unifiedCreditCode.optional(),
  legalRepresentative: text(50).optional(),
  phone: mobileOrLandline.optional(),
  address: text(200).optional(),
});

export const partyInput = z.discriminatedUnion('kind', [personParty, organisationParty]);
export type PartyInput = z.infer<typeof partyInput>;

export const agentInput = z.strictObject({
  /** Index into `parties` of the party represented. */
  partyIndex: z.number().int().min(0).max(99),
  kind: z.enum(AGENT_KINDS),
  name: text(50).min(1),
  licenseNumber: text(40).optional(),
  lawFirm: text(100).optional(),
  phone: mobileOrLandline.optional(),
});

/** Claim amounts in yuan as a decimal string (no floating point for money). */
export const moneyAmount = z
  .string()
  .trim()
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'amount in yuan, at most two decimals');

export const fileCaseRequest = z
  .strictObject({
    courtId: dbId,
    caseTypeCode,
    procedureCode: caseProcedureCode,
    causeCode: z.string().max(40).optional(),
    filedOn: calendarDate,
    claimAmount: moneyAmount.optional(),
    summary: text(2000).default(''),
    parties: z.array(partyInput).min(1).max(100),
    agents: z.array(agentInput).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    if (!isProcedureOf(value.caseTypeCode, value.procedureCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['procedureCode'],
        message: 'procedure of another case type',
        params: { code: 'invalid_value' },
      });
    }
    value.agents.forEach((agent, i) => {
      if (agent.partyIndex >= value.parties.length) {
        ctx.addIssue({ code: 'custom', path: ['agents', i, 'partyIndex'], message: 'no such party', params: { code: 'invalid_value' } });
      }
    });
  });
export type FileCaseRequest = z.infer<typeof fileCaseRequest>;

// ---- reading ----

export const party = z.object({
  id: z.number().int(),
  role: z.string(),
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  gender: z.string().nullable(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  creditCode: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
});

export const agent = z.object({
  id: z.number().int(),
  partyId: z.number().int().nullable(),
  kind: z.string(),
  name: z.string(),
  licenseNumber: z.string().nullable(),
  lawFirm: z.string().nullable(),
  phone: z.string().nullable(),
});

export const caseNodeView = z.object({
  node: z.enum(CASE_NODES),
  status: z.enum(['pending', 'active', 'done']),
  responsibleId: z.number().int().nullable(),
  responsibleName: z.string().nullable(),
  startedAt: z.string().nullable(),
  dueOn: z.string().nullable(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  note: z.string(),
});

export const assignmentView = z.object({
  judgeId: z.number().int(),
  judgeName: z.string(),
  method: z.enum(['auto', 'manual']),
  reason: z.string(),
  assignedByName: z.string().nullable(),
  assignedAt: z.string(),
});

export const caseSummary = z.object({
  id: z.number().int(),
  caseNumber: z.string(),
  courtId: z.number().int(),
  courtName: z.string(),
  caseTypeCode: z.string(),
  procedureCode: z.string(),
  causeCode: z.string().nullable(),
  filedOn: z.string(),
  status: z.enum(CASE_STATUSES),
  currentNode: z.enum(CASE_NODES),
  judgeId: z.number().int().nullable(),
  judgeName: z.string().nullable(),
  deadlineOn: z.string().nullable(),
  warningLevel: z.enum(WARNING_LEVELS),
  /** e.g. 张三 诉 李四 — the first party of each side. */
  title: z.string(),
  version: z.number().int(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const deadlineStepView = z.object({ rule: z.string(), date: z.string(), detail: z.string().optional() });

export const caseDetail = caseSummary.extend({
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  assistantId: z.number().int().nullable(),
  assistantName: z.string().nullable(),
  clerkId: z.number().int().nullable(),
  clerkName: z.string().nullable(),
  collegial: z.boolean(),
  presidingJudgeId: z.number().int().nullable(),
  panel: z.array(z.object({ userId: z.number().int(), name: z.string(), role: z.enum(['presiding', 'member']) })),
  claimAmount: z.string().nullable(),
  summary: z.string(),
  suspended: z.boolean(),
  deadlineSteps: z.array(deadlineStepView),
  closedOn: z.string().nullable(),
  closureMethod: z.string().nullable(),
  archivedOn: z.string().nullable(),
  parties: z.array(party),
  agents: z.array(agent),
  nodes: z.array(caseNodeView),
  assignments: z.array(assignmentView),
  recusals: z.array(z.object({ judgeId: z.number().int(), judgeName: z.string(), reason: z.string() })),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const CASE_SORTS = ['filedOn', 'deadlineOn', 'caseNumber'] as const;

export const caseQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  departmentId: dbIdParam.optional(),
  judgeId: dbIdParam.optional(),
  caseTypeCode: caseTypeCode.optional(),
  causeCode: z.string().max(40).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  warningLevel: z.enum(WARNING_LEVELS).optional(),
  filedFrom: calendarDate.optional(),
  filedTo: calendarDate.optional(),
  /** A party's name, whole or in part. */
  party: z.string().trim().min(1).max(50).optional(),
  /** A case number, whole or in part (e.g. 民初123). */
  caseNumber: z.string().trim().min(1).max(40).optional(),
  /** Only cases where I am the judge, assistant or clerk. */
  mine: z.enum(['true', 'false']).optional(),
  sort: z.enum(CASE_SORTS).default('filedOn'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseQuery = z.infer<typeof caseQuery>;

export const casePage = z.object({
  items: z.array(caseSummary),
  /** Counted with the first page; null on the pages after it (a cursor was given). */
  total: z.number().int().nullable(),
  /** True when the total is the planner's estimate (lists of more than 10,000 cases). */
  totalApproximate: z.boolean(),
  nextCursor: z.string().nullable(),
});

// ---- changes ----

export const editCaseRequest = z.strictObject({
  causeCode: z.string().max(40).nullable().optional(),
  claimAmount: moneyAmount.nullable().optional(),
  summary: text(2000).optional(),
  version: versionField,
});

export const assignCaseRequest = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('auto'), version: versionField }),
  z.strictObject({ mode: z.literal('manual'), judgeId: dbId, reason: text(500).min(2), version: versionField }),
]);
export type AssignCaseRequest = z.infer<typeof assignCaseRequest>;

export const recusalRequest = z.strictObject({ judgeId: dbId, reason: text(500).min(2) });

export const panelRequest = z.strictObject({
  collegial: z.boolean(),
  /** Members besides the judge; the presiding judge is one of judge + members. */
  memberIds: z.array(dbId).max(8).default([]),
  presidingJudgeId: dbId,
  version: versionField,
});

export const completeNodeRequest = z.strictObject({ note: text(500).default(''), version: versionField });

export const closeCaseRequest = z.strictObject({
  method: z.enum(CLOSURE_METHODS),
  closedOn: calendarDate,
  pronouncedOn: calendarDate.optional(),
  transferTo: text(100).optional(),
  version: versionField,
});
export type CloseCaseRequest = z.infer<typeof closeCaseRequest>;

export const archiveCaseRequest = z.strictObject({ archivedOn: calendarDate, version: versionField });

export const caseTypeView = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.string(),
  departmentKind: z.string(),
  procedures: z.array(
    z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      limitMonths: z.number().nullable(),
      limitDays: z.number().nullable(),
      version: z.number(),
    }),
  ),
});
export const caseTypeList = z.object({ items: z.array(caseTypeView) });

export const causeView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  category: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});
export const causeQuery = z.strictObject({
  parent: z.string().max(40).optional(),
  q: z.string().trim().min(1).max(30).optional(),
  category: z.enum(['civil', 'criminal', 'administrative']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const causeList = z.object({ items: z.array(causeView), total: z.number().int() });

// ---- reference data administration (reference.manage) ----

export const editProcedureRequest = z
  .strictObject({
    nameZh: text(60).min(1).optional(),
    nameEn: text(100).min(1).optional(),
    limitMonths: z.number().int().min(1).max(120).nullable().optional(),
    limitDays: z.number().int().min(1).max(3650).nullable().optional(),
    version: versionField,
  })
  .refine((v) => !(v.limitMonths != null && v.limitDays != null), {
    path: ['limitDays'],
    message: 'months or days, not both',
    params: { code: 'one_length' },
  });

export const nodeLimitList = z.object({
  items: z.array(z.object({ caseTypeCode: z.string(), node: z.enum(CASE_NODES), days: z.number().int() })),
});
export const setNodeLimitRequest = z.strictObject({ days: z.number().int().min(1).max(3650) });

export const createCauseRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9A-Z]*(\.[0-9A-Z]+)*$/),
  parentCode: z.string().trim().max(40).nullable(),
  category: z.enum(['civil', 'criminal', 'administrative']),
  nameZh: text(60).min(1),
  nameEn: text(200).min(1),
});
export const editCauseRequest = z.strictObject({
  nameZh: text(60).min(1).optional(),
  nameEn: text(200).min(1).optional(),
  active: z.boolean().optional(),
  version: versionField,
});

// ---- exports (XLSX) ----

export const caseExportRequest = caseQuery.omit({ cursor: true, limit: true }).extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
export type CaseExportRequest = z.infer<typeof caseExportRequest>;

export const caseExportStatus = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  /** Cases to write; 0 while an approximate list is still being counted. */
  total: z.number().int(),
  done: z.number().int(),
  fileName: z.string(),
  error: z.string().nullable(),
});
