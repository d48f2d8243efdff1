import { z } from 'zod';
import { dbId, dbIdParam, isoDate, keysetOf, pageOf, pageQuery, versionField } from './common.js';
import { calendarDate, isCalendarDate } from './deadlines.js';
import { idCardNumber } from './id-card.js';

/**
 * The grassroots judicial-assistance network (基层司法协助网络): liaison stations, assistants,
 * the composition of the network, volunteer recruitment, training and commendations. Shared by
 * the API and the web app.
 */

type Names = { zh: string; en: string };
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const STATION_KINDS = ['liaison-station', 'village-point', 'enterprise-point', 'judge-studio'] as const;
export type StationKind = (typeof STATION_KINDS)[number];
export const STATION_KIND_NAMES: Readonly<Record<StationKind, Names>> = {
  'liaison-station': { zh: '联络站', en: 'Liaison station (town/street)' },
  'village-point': { zh: '村/社区联络点', en: 'Village/community point' },
  'enterprise-point': { zh: '企业联络点', en: 'Enterprise contact point' },
  'judge-studio': { zh: '法官工作室', en: 'Judge studio' },
};

export const ASSISTANT_STATUSES = ['active', 'paused', 'left'] as const;
export type AssistantStatus = (typeof ASSISTANT_STATUSES)[number];
export const ASSISTANT_STATUS_NAMES: Readonly<Record<AssistantStatus, Names>> = {
  active: { zh: '在岗', en: 'Active' },
  paused: { zh: '暂停', en: 'Paused' },
  left: { zh: '退出', en: 'Left' },
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_NAMES: Readonly<Record<Gender, Names>> = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } };

export const EDUCATION_LEVELS = ['primary', 'junior-high', 'senior-high', 'college', 'bachelor', 'postgraduate'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_NAMES: Readonly<Record<EducationLevel, Names>> = {
  primary: { zh: '小学', en: 'Primary school' },
  'junior-high': { zh: '初中', en: 'Junior high school' },
  'senior-high': { zh: '高中/中专', en: 'Senior high / vocational' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: "Bachelor's degree" },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
};

/**
 * Age bands of the composition view, `[from, to)` in whole years; the last band is open. The API
 * builds its SQL from this table, so the chart and the rule agree.
 */
export const AGE_BANDS = [
  { code: 'under-30', from: 0, to: 30, zh: '30 岁以下', en: 'Under 30' },
  { code: '30-39', from: 30, to: 40, zh: '30–39 岁', en: '30–39' },
  { code: '40-49', from: 40, to: 50, zh: '40–49 岁', en: '40–49' },
  { code: '50-59', from: 50, to: 60, zh: '50–59 岁', en: '50–59' },
  { code: '60-plus', from: 60, to: null, zh: '60 岁及以上', en: '60 and over' },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['code'] | 'unknown';

/**
 * Above this share of "official" categories (村干部, 司法所工作人员, 网格员) the composition view
 * warns: the reports say a network of officials only loses the public's trust.
 */
export const OFFICIAL_SHARE_WARNING = 0.7;

export const TRAINING_KINDS = ['lecture', 'trial-observation', 'mediation-practice'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_NAMES: Readonly<Record<TrainingKind, Names>> = {
  lecture: { zh: '讲座', en: 'Lecture' },
  'trial-observation': { zh: '庭审观摩', en: 'Trial observation' },
  'mediation-practice': { zh: '调解实训', en: 'Mediation practice' },
};

export const COMMENDATION_KINDS = ['commendation', 'criticism'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
export const COMMENDATION_KIND_NAMES: Readonly<Record<CommendationKind, Names>> = {
  commendation: { zh: '表扬', en: 'Commendation' },
  criticism: { zh: '批评', en: 'Criticism' },
};

/** 发布公告 → 法官面试 → 签约 (or 未通过) → 申请替换 → 结束. */
export const RECRUITMENT_STATUSES = ['announced', 'interviewed', 'rejected', 'contracted', 'replacement-requested', 'closed'] as const;
export type RecruitmentStatus = (typeof RECRUITMENT_STATUSES)[number];
export const RECRUITMENT_STATUS_NAMES: Readonly<Record<RecruitmentStatus, Names>> = {
  announced: { zh: '已发布公告', en: 'Announced' },
  interviewed: { zh: '面试通过', en: 'Interview passed' },
  rejected: { zh: '面试未通过', en: 'Interview failed' },
  contracted: { zh: '已签约', en: 'Contracted' },
  'replacement-requested': { zh: '申请替换', en: 'Replacement requested' },
  closed: { zh: '已结束', en: 'Closed' },
};
export const INTERVIEW_RESULTS = ['passed', 'failed'] as const;
export const INTERVIEW_RESULT_NAMES: Readonly<Record<(typeof INTERVIEW_RESULTS)[number], Names>> = {
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
};
/** What each recruitment step needs the record to be in. */
export const RECRUITMENT_STEPS = {
  interview: ['announced'],
  contract: ['interviewed'],
  replacement: ['contracted'],
  close: ['announced', 'interviewed', 'rejected', 'contracted', 'replacement-requested'],
} as const satisfies Record<string, readonly RecruitmentStatus[]>;

export const NETWORK_FIELD_ERRORS = {
  station_parent: { zh: '上级联络站须属于同一法院', en: 'The parent station must belong to the same court' },
  station_cycle: { zh: '不能把联络站放到它自己的下级之下', en: 'A station cannot sit under itself or one of its children' },
  station_court: { zh: '联络站须属于您管辖范围内的法院或人民法庭', en: 'The station must belong to a court or tribunal in your scope' },
  coordinates_pair: { zh: '经度和纬度须同时填写', en: 'Give both longitude and latitude, or neither' },
  assistant_station: { zh: '联络站不存在或不属于该法院', en: 'The station does not exist or belongs to another court' },
  assistant_category: { zh: '未知的协助员类别', en: 'Unknown assistant category' },
  birth_date_mismatch: { zh: '出生日期与身份证号码不一致', en: 'The birth date does not match the identity card number' },
  gender_mismatch: { zh: '性别与身份证号码不一致', en: 'The gender does not match the identity card number' },
  id_card_taken: { zh: '本院已有该身份证号码的协助员', en: 'An assistant with this identity card number exists in this court' },
  assistant_left: { zh: '已退出的协助员不能再参加培训', en: 'An assistant who has left cannot attend training' },
  judge_not_in_court: { zh: '面试法官须为本院人员', en: 'The interviewing judge must belong to this court' },
  same_status: { zh: '新状态与当前状态相同', en: 'The new status is the current status' },
  hours_decimal: { zh: '学时最多保留一位小数', en: 'Hours take at most one decimal' },
  area_name_length: { zh: '区域名称须为 2–40 个字', en: 'An area name needs 2 to 40 characters' },
  area_names_count: { zh: '服务区域最多 100 个', en: 'A station serves at most 100 areas' },
} as const satisfies Record<string, Names>;

// ---------------------------------------------------------------------------------------------
// Pure rules shared by the API and the web app

/** 138****1234: the first three and last four digits stay. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 2201**********1234: the first four and last four characters stay. */
export function maskIdCard(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}

/** Whole years between a birth date and `today` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBandOf(birthDate: string | null, today: string): AgeBand {
  if (!birthDate) return 'unknown';
  const age = ageOn(birthDate, today);
  const band = AGE_BANDS.find((b) => age >= b.from && (b.to === null || age < b.to));
  return band?.code ?? 'unknown';
}

/** A share in [0, 1] with four decimals; 0 of nothing is 0. */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000;
}

/** Hours with at most one decimal (0.5, 2, 3.5). */
export function isTenthOfHour(hours: number): boolean {
  return Number.isFinite(hours) && Math.abs(hours * 10 - Math.round(hours * 10)) < 1e-9;
}

// ---------------------------------------------------------------------------------------------
// Categories

export const assistantCategoryView = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  official: z.boolean(),
  sort: z.number().int(),
});
export type AssistantCategoryView = z.infer<typeof assistantCategoryView>;
export const assistantCategoryList = z.object({ items: z.array(assistantCategoryView) });

// ---------------------------------------------------------------------------------------------
// Stations

const mobileOrFixed = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/);
const longitude = z.number().min(73).max(136);
const latitude = z.number().min(3).max(54);

/** Limits of a station's explicit list of areas served (镇街、村社区名称). */
export const AREA_NAME_MIN = 2;
export const AREA_NAME_MAX = 40;
export const AREA_NAMES_MAX = 100;

/** The form an area name is compared in: NFKC (full-width → ordinary) without white space. */
export function areaNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Trimmed, empty entries dropped, duplicates removed (the first spelling stays; "红旗村" and
 * "红旗村 " or a full-width variant are the same place), order kept.
 */
export function normaliseAreaNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const key = areaNameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}

/** One area name: 2–40 characters once trimmed (an empty one is dropped by the list). */
const areaName = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const length = [...value.trim()].length;
    if (length > 0 && (length < AREA_NAME_MIN || length > AREA_NAME_MAX))
      ctx.addIssue({ code: 'custom', message: NETWORK_FIELD_ERRORS.area_name_length.en, params: { code: 'area_name_length' } });
  });

/** The explicit areas a station serves: each entry checked where it stands, then trimmed and deduplicated. */
export const stationAreaNames = z
  .array(areaName)
  .max(500)
  .overwrite(normaliseAreaNames)
  .superRefine((names, ctx) => {
    if (names.length > AREA_NAMES_MAX)
      ctx.addIssue({ code: 'custom', message: NETWORK_FIELD_ERRORS.area_names_count.en, params: { code: 'area_names_count' } });
  });

const stationFields = {
  kind: z.enum(STATION_KINDS),
  name: required(100),
  address: text(200).default(''),
  lng: longitude.nullable().default(null),
  lat: latitude.nullable().default(null),
  contactName: text(50).default(''),
  contactPhone: mobileOrFixed.default(''),
  parentId: dbId.nullable().default(null),
  areaNames: stationAreaNames.default([]),
};

export const createStationRequest = z.strictObject({ courtId: dbId, ...stationFields, active: z.boolean().default(true) });
export type CreateStationRequest = z.infer<typeof createStationRequest>;

export const updateStationRequest = z.strictObject({
  kind: stationFields.kind.optional(),
  name: stationFields.name.optional(),
  address: text(200).optional(),
  lng: longitude.nullable().optional(),
  lat: latitude.nullable().optional(),
  contactName: text(50).optional(),
  contactPhone: mobileOrFixed.optional(),
  parentId: dbId.nullable().optional(),
  areaNames: stationAreaNames.optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export type UpdateStationRequest = z.infer<typeof updateStationRequest>;

export const stationView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  parentId: z.number().int().nullable(),
  kind: z.enum(STATION_KINDS),
  name: z.string(),
  address: z.string(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  /** The areas served as the station lists them (the suggestion also reads names from its name and address). */
  areaNames: z.array(z.string()),
  active: z.boolean(),
  assistantCount: z.number().int(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type StationView = z.infer<typeof stationView>;

export const stationQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  kind: z.enum(STATION_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
  q: text(50).optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
});
export type StationQuery = z.infer<typeof stationQuery>;
export const stationPage = pageOf(stationView);

export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

// ---------------------------------------------------------------------------------------------
// Assistants

const assistantFields = {
  name: required(50),
  gender: z.enum(GENDERS).nullable().default(null),
  phone: mobileOrFixed.default(''),
  idNumber: idCardNumber.nullable().default(null),
  education: z.enum(EDUCATION_LEVELS).nullable().default(null),
  birthDate: calendarDate.nullable().default(null),
  employer: text(100).default(''),
  post: text(50).default(''),
  categoryCodes: z.array(z.string().min(1).max(40)).min(1).max(12),
  stationIds: z.array(dbId).min(1).max(20),
  startOn: calendarDate,
};

export const createAssistantRequest = z.strictObject({ courtId: dbId, ...assistantFields });
export type CreateAssistantRequest = z.infer<typeof createAssistantRequest>;

export const updateAssistantRequest = z.strictObject({
  name: assistantFields.name.optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  phone: mobileOrFixed.optional(),
  idNumber: idCardNumber.nullable().optional(),
  education: z.enum(EDUCATION_LEVELS).nullable().optional(),
  birthDate: calendarDate.nullable().optional(),
  employer: text(100).optional(),
  post: text(50).optional(),
  categoryCodes: assistantFields.categoryCodes.optional(),
  stationIds: assistantFields.stationIds.optional(),
  startOn: calendarDate.optional(),
  version: versionField,
});
export type UpdateAssistantRequest = z.infer<typeof updateAssistantRequest>;

export const changeAssistantStatusRequest = z.strictObject({
  status: z.enum(ASSISTANT_STATUSES),
  reason: required(500),
  version: versionField,
});
export type ChangeAssistantStatusRequest = z.infer<typeof changeAssistantStatusRequest>;

export const createAssistantAccountRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,40}$/),
  password: z.string().min(1).max(128),
  version: versionField,
});
export type CreateAssistantAccountRequest = z.infer<typeof createAssistantAccountRequest>;

const namedRef = z.object({ id: z.number().int(), name: z.string() });

export const assistantSummary = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  /** Masked (138****1234) unless the reader manages the network and reads one profile. */
  phone: z.string(),
  idNumber: z.string().nullable(),
  education: z.enum(EDUCATION_LEVELS).nullable(),
  birthDate: isoDate.nullable(),
  employer: z.string(),
  post: z.string(),
  startOn: isoDate,
  status: z.enum(ASSISTANT_STATUSES),
  categories: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), official: z.boolean() })),
  stations: z.array(namedRef),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  /** The linked account's state: disabled while the assistant has left (null: no account). */
  accountStatus: z.enum(['active', 'disabled']).nullable(),
  version: z.number().int(),
});
export type AssistantSummary = z.infer<typeof assistantSummary>;

export const ASSISTANT_SORTS = ['name', 'startOn', 'id'] as const;
export const assistantQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  stationId: dbIdParam.optional(),
  category: z.string().min(1).max(40).optional(),
  status: z.enum(ASSISTANT_STATUSES).optional(),
  q: text(50).optional(),
  sort: z.enum(ASSISTANT_SORTS).default('id'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export type AssistantQuery = z.infer<typeof assistantQuery>;
export const assistantPage = keysetOf(assistantSummary);

export const statusChangeView = z.object({
  id: z.number().int(),
  fromStatus: z.enum(ASSISTANT_STATUSES).nullable(),
  toStatus: z.enum(ASSISTANT_STATUSES),
  reason: z.string(),
  changedByName: z.string(),
  changedAt: z.string(),
});

export const commendationView = z.object({
  id: z.number().int(),
  assistantId: z.number().int(),
  kind: z.enum(COMMENDATION_KINDS),
  recordedOn: isoDate,
  reason: z.string(),
  recordedByName: z.string(),
});
export type CommendationView = z.infer<typeof commendationView>;

export const createCommendationRequest = z.strictObject({
  kind: z.enum(COMMENDATION_KINDS),
  recordedOn: calendarDate,
  reason: required(500),
});
export type CreateCommendationRequest = z.infer<typeof createCommendationRequest>;

export const assistantTrainingView = z.object({
  sessions: z.array(
    z.object({
      id: z.number().int(),
      topic: z.string(),
      heldOn: isoDate,
      hours: z.number(),
      kind: z.enum(TRAINING_KINDS),
      trainer: z.string(),
    }),
  ),
  hoursByYear: z.array(z.object({ year: z.number().int(), hours: z.number(), sessions: z.number().int() })),
});

export const assistantProfile = assistantSummary.extend({
  /** True when phone and identity card number are shown in full (readers with network.manage). */
  revealed: z.boolean(),
  statusHistory: z.array(statusChangeView),
  training: assistantTrainingView,
  commendations: z.array(commendationView),
});
export type AssistantProfile = z.infer<typeof assistantProfile>;

// ---------------------------------------------------------------------------------------------
// Composition

/** `courtId` takes the court and the courts below it (a basic court with its tribunals). */
export const compositionQuery = z.strictObject({ courtId: dbIdParam.optional(), stationId: dbIdParam.optional() });
export type CompositionQuery = z.infer<typeof compositionQuery>;

const countOf = <T extends z.ZodTypeAny>(key: T) => z.array(z.object({ key, count: z.number().int() }));
const officialSplit = z.object({
  id: z.number().int(),
  name: z.string(),
  total: z.number().int(),
  official: z.number().int(),
  officialShare: z.number(),
  warning: z.boolean(),
});

export const compositionView = z.object({
  /** Active assistants only: the network as it works today. */
  total: z.number().int(),
  official: z.number().int(),
  officialShare: z.number(),
  threshold: z.number(),
  warning: z.boolean(),
  byCategory: z.array(
    z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), official: z.boolean(), count: z.number().int() }),
  ),
  ageBands: countOf(z.string()),
  education: countOf(z.string()),
  /** All statuses, left included. */
  statuses: countOf(z.enum(ASSISTANT_STATUSES)),
  courts: z.array(officialSplit),
  stations: z.array(officialSplit),
});
export type CompositionView = z.infer<typeof compositionView>;

// ---------------------------------------------------------------------------------------------
// Recruitment of judicial volunteers

const hours = z.number().min(0).max(999.9);

export const createRecruitmentRequest = z.strictObject({
  courtId: dbId,
  stationId: dbId.nullable().default(null),
  announcedOn: calendarDate,
  announcement: required(2000),
  candidateName: required(50),
  candidatePhone: mobileOrFixed.default(''),
});
export type CreateRecruitmentRequest = z.infer<typeof createRecruitmentRequest>;

export const interviewRecruitmentRequest = z.strictObject({
  judgeId: dbId,
  interviewedOn: calendarDate,
  result: z.enum(INTERVIEW_RESULTS),
  note: text(500).default(''),
  version: versionField,
});
export type InterviewRecruitmentRequest = z.infer<typeof interviewRecruitmentRequest>;

export const contractRecruitmentRequest = z.strictObject({
  contractParty: required(100),
  payBand: required(50),
  insurance: required(100),
  annualTrainingHours: hours,
  contractedOn: calendarDate,
  assistantId: dbId.nullable().default(null),
  version: versionField,
});
export type ContractRecruitmentRequest = z.infer<typeof contractRecruitmentRequest>;

export const replacementRequest = z.strictObject({ requestedOn: calendarDate, reason: required(500), version: versionField });
export type ReplacementRequest = z.infer<typeof replacementRequest>;
export const closeRecruitmentRequest = z.strictObject({ version: versionField });

export const recruitmentView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  stationId: z.number().int().nullable(),
  stationName: z.string().nullable(),
  announcedOn: isoDate,
  announcement: z.string(),
  candidateName: z.string(),
  candidatePhone: z.string(),
  status: z.enum(RECRUITMENT_STATUSES),
  judgeId: z.number().int().nullable(),
  judgeName: z.string().nullable(),
  interviewedOn: isoDate.nullable(),
  interviewResult: z.enum(INTERVIEW_RESULTS).nullable(),
  interviewNote: z.string(),
  contractParty: z.string().nullable(),
  payBand: z.string().nullable(),
  insurance: z.string().nullable(),
  annualTrainingHours: z.number().nullable(),
  contractedOn: isoDate.nullable(),
  assistantId: z.number().int().nullable(),
  assistantName: z.string().nullable(),
  replacementRequestedOn: isoDate.nullable(),
  replacementReason: z.string().nullable(),
  version: z.number().int(),
});
export type RecruitmentView = z.infer<typeof recruitmentView>;

export const recruitmentQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  status: z.enum(RECRUITMENT_STATUSES).optional(),
  ...pageQuery,
});
export type RecruitmentQuery = z.infer<typeof recruitmentQuery>;
export const recruitmentPage = pageOf(recruitmentView);

// ---------------------------------------------------------------------------------------------
// Training

const trainingFields = {
  topic: required(200),
  heldOn: calendarDate,
  hours: hours.refine(isTenthOfHour, { message: 'At most one decimal', params: { code: 'hours_decimal' } }),
  trainer: required(100),
  kind: z.enum(TRAINING_KINDS),
};

export const createTrainingSessionRequest = z.strictObject({
  courtId: dbId,
  ...trainingFields,
  assistantIds: z.array(dbId).max(500).default([]),
});
export type CreateTrainingSessionRequest = z.infer<typeof createTrainingSessionRequest>;

export const updateTrainingSessionRequest = z.strictObject({
  topic: trainingFields.topic.optional(),
  heldOn: trainingFields.heldOn.optional(),
  hours: trainingFields.hours.optional(),
  trainer: trainingFields.trainer.optional(),
  kind: trainingFields.kind.optional(),
  assistantIds: z.array(dbId).max(500).optional(),
  version: versionField,
});
export type UpdateTrainingSessionRequest = z.infer<typeof updateTrainingSessionRequest>;

export const trainingSessionView = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  topic: z.string(),
  heldOn: isoDate,
  hours: z.number(),
  trainer: z.string(),
  kind: z.enum(TRAINING_KINDS),
  attendeeCount: z.number().int(),
  version: z.number().int(),
});
export type TrainingSessionView = z.infer<typeof trainingSessionView>;

export const trainingSessionDetail = trainingSessionView.extend({ attendees: z.array(namedRef) });
export type TrainingSessionDetail = z.infer<typeof trainingSessionDetail>;

export const trainingQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  kind: z.enum(TRAINING_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});
export type TrainingQuery = z.infer<typeof trainingQuery>;
export const trainingSessionPage = pageOf(trainingSessionView);

/** Whether a birth date given on a form agrees with the identity card number. */
export function birthDateOfIdCard(idNumber: string): string | null {
  const value = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return isCalendarDate(value) ? value : null;
}
