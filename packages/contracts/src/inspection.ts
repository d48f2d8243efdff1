import { z } from 'zod';
import { dbIdParam, isoDate, keysetOf, keysetQuery, versionField } from './common.js';

/**
 * Quality inspection (质检) of case data: rules as data (each with a code whose check lives in the
 * API), defects found by the nightly batch and on save, correction requests (信息补正 work
 * orders), waivers and the completeness rate. Shared by the API and the web app.
 */

const text = (max: number) => z.string().trim().max(max);

export const INSPECTION_SEVERITIES = ['error', 'warning', 'info'] as const;
export type InspectionSeverity = (typeof INSPECTION_SEVERITIES)[number];
export const INSPECTION_SEVERITY_NAMES: Readonly<Record<InspectionSeverity, { zh: string; en: string }>> = {
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '警告', en: 'Warning' },
  info: { zh: '提示', en: 'Notice' },
};

/** open: the data is still wrong; fixed: the data became valid (closed automatically); waived: accepted by an inspector. */
export const DEFECT_STATUSES = ['open', 'fixed', 'waived'] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];
export const DEFECT_STATUS_NAMES: Readonly<Record<DefectStatus, { zh: string; en: string }>> = {
  open: { zh: '待整改', en: 'Open' },
  fixed: { zh: '已整改', en: 'Fixed' },
  waived: { zh: '已豁免', en: 'Waived' },
};

/** The areas rules check, for grouping in lists. */
export const RULE_AREAS = ['closure', 'dates', 'parties', 'cause', 'claim', 'assignment', 'deadline', 'nodes', 'hearings'] as const;
export type RuleArea = (typeof RULE_AREAS)[number];

// ---------------------------------------------------------------------------------------------
// Rules

export const inspectionRuleView = z.object({
  code: z.string(),
  area: z.enum(RULE_AREAS),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  severity: z.enum(INSPECTION_SEVERITIES),
  /** Case types the rule applies to; null: every type. */
  caseTypes: z.array(z.string()).nullable(),
  /** Case statuses the rule applies to. */
  caseStatuses: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
  /** Open defects of the rule in the reader's scope. */
  openDefects: z.number().int(),
});
export type InspectionRuleView = z.infer<typeof inspectionRuleView>;
export const inspectionRuleList = z.object({ items: z.array(inspectionRuleView), total: z.number().int() });

export const ruleCodeParam = z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]{2,39}$/) });

export const updateInspectionRuleRequest = z
  .strictObject({
    active: z.boolean().optional(),
    severity: z.enum(INSPECTION_SEVERITIES).optional(),
    version: versionField,
  })
  .refine((v) => v.active !== undefined || v.severity !== undefined, {
    path: ['active'],
    message: 'Change at least one of active and severity',
    params: { code: 'required' },
  });
export type UpdateInspectionRuleRequest = z.infer<typeof updateInspectionRuleRequest>;

// ---------------------------------------------------------------------------------------------
// Defects

export const defectView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  courtId: z.number().int(),
  courtName: z.string(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  responsibleId: z.number().int().nullable(),
  responsibleName: z.string().nullable(),
  ruleCode: z.string(),
  ruleNameZh: z.string(),
  ruleNameEn: z.string(),
  severity: z.enum(INSPECTION_SEVERITIES),
  status: z.enum(DEFECT_STATUSES),
  firstFoundAt: z.string(),
  lastSeenAt: z.string(),
  fixedAt: z.string().nullable(),
  waivedReason: z.string().nullable(),
  correctionOrderId: z.number().int().nullable(),
  /** The status of the correction order, when one was issued. */
  correctionStatus: z.string().nullable(),
  version: z.number().int(),
});
export type DefectView = z.infer<typeof defectView>;

export const defectQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  departmentId: dbIdParam.optional(),
  responsibleId: dbIdParam.optional(),
  caseId: dbIdParam.optional(),
  ruleCode: z.string().max(40).optional(),
  status: z.enum(DEFECT_STATUSES).optional(),
  severity: z.enum(INSPECTION_SEVERITIES).optional(),
  ...keysetQuery,
});
export type DefectQuery = z.infer<typeof defectQuery>;
export const defectPage = keysetOf(defectView);

export const correctionRequest = z.strictObject({
  /** What the responsible person should correct; the rule's description is used when empty. */
  note: text(1000).default(''),
  version: versionField,
});
export type CorrectionRequest = z.infer<typeof correctionRequest>;

export const waiveDefectRequest = z.strictObject({ reason: text(1000).min(2), version: versionField });
export type WaiveDefectRequest = z.infer<typeof waiveDefectRequest>;

// ---------------------------------------------------------------------------------------------
// Summary and completeness

export const INSPECTION_GROUPS = ['court', 'department', 'person', 'rule'] as const;
export type InspectionGroup = (typeof INSPECTION_GROUPS)[number];

export const inspectionSummaryQuery = z.strictObject({
  by: z.enum(INSPECTION_GROUPS).default('court'),
  courtId: dbIdParam.optional(),
  status: z.enum(DEFECT_STATUSES).default('open'),
});
export const inspectionSummary = z.object({
  by: z.enum(INSPECTION_GROUPS),
  items: z.array(
    z.object({
      key: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      defects: z.number().int(),
      cases: z.number().int(),
      errors: z.number().int(),
    }),
  ),
  total: z.number().int(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export const COMPLETENESS_GROUPS = ['court', 'department', 'judge'] as const;
export const completenessQuery = z.strictObject({
  by: z.enum(COMPLETENESS_GROUPS).default('court'),
  courtId: dbIdParam.optional(),
});
/** Case-information completeness: the share of open and closed-this-year cases without an open defect. */
export const completenessReport = z.object({
  by: z.enum(COMPLETENESS_GROUPS),
  year: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int().nullable(),
      name: z.string(),
      cases: z.number().int(),
      complete: z.number().int(),
      /** complete / cases, 0–1; null when there are no cases. */
      rate: z.number().nullable(),
    }),
  ),
  cases: z.number().int(),
  complete: z.number().int(),
  rate: z.number().nullable(),
});
export type CompletenessReport = z.infer<typeof completenessReport>;

// ---------------------------------------------------------------------------------------------
// One case, and a batch run

export const caseFinding = z.object({
  ruleCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  severity: z.enum(INSPECTION_SEVERITIES),
});
export type CaseFinding = z.infer<typeof caseFinding>;

/** What the rules say of one case now (warnings for the person editing), and its recorded defects. */
export const caseInspection = z.object({
  caseId: z.number().int(),
  checkedOn: isoDate,
  findings: z.array(caseFinding),
  defects: z.array(defectView),
});
export type CaseInspection = z.infer<typeof caseInspection>;

export const inspectionRunResult = z.object({
  rules: z.number().int(),
  opened: z.number().int(),
  refreshed: z.number().int(),
  fixed: z.number().int(),
  open: z.number().int(),
  ms: z.number().int(),
});
export type InspectionRunResult = z.infer<typeof inspectionRunResult>;
