import { z } from 'zod';

/**
 * Deadline contracts: trial limits (审限) and party periods (期间). Shared by the API
 * (`POST /api/deadlines/compute`, `courtassist deadline`) and the web form, so everything here is
 * pure data and pure validation.
 */

// ---------------------------------------------------------------------------------------------
// Calendar dates

/** Dates of law outside this range are almost certainly typing errors (0202 for 2026 …). */
export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digitsAt(s: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * True for a real calendar date `YYYY-MM-DD` within MIN_DATE_YEAR..MAX_DATE_YEAR:
 * rejects 2026-02-30, 2026-13-01, 2027-02-29. Hand-rolled (no regex, no Date) because it runs
 * for every date of every request in a batch.
 */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') return false;
  const y = digitsAt(s, 0, 4);
  const m = digitsAt(s, 5, 2);
  const d = digitsAt(s, 8, 2);
  if (y < MIN_DATE_YEAR || y > MAX_DATE_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

/** A calendar date of law, `YYYY-MM-DD`, checked to exist. */
export const calendarDate = z.string().refine(isCalendarDate, {
  message: 'Not a real calendar date (YYYY-MM-DD)',
  params: { code: 'invalid_date' },
});

// ---------------------------------------------------------------------------------------------
// Trial limits (审限)

export const PROCEDURE_CODES = [
  'civil-first-ordinary',
  'civil-first-simple',
  'civil-small-claims',
  'civil-second-judgment',
  'civil-second-ruling',
  'civil-special',
  'criminal-first-ordinary',
  'criminal-first-simple',
  'criminal-fast-track',
  'criminal-second',
  'admin-first-ordinary',
  'admin-first-simple',
  'admin-second',
  'enforcement',
  'pre-filing-mediation',
] as const;
export type ProcedureCode = (typeof PROCEDURE_CODES)[number];

/** A statutory length: exactly one of months or days. */
export type LimitLength = { months: number; days?: undefined } | { days: number; months?: undefined };
export type TrialLimit = LimitLength & { zh: string; en: string };
export type TrialLimits = Readonly<Record<ProcedureCode, TrialLimit>>;

/** Default trial limits by procedure (the issue's table). Courts may pass their own table. */
export const TRIAL_LIMITS: TrialLimits = {
  'civil-first-ordinary': { months: 6, zh: '民事一审普通程序', en: 'Civil first instance, ordinary procedure' },
  'civil-first-simple': { months: 3, zh: '民事一审简易程序', en: 'Civil first instance, simplified procedure' },
  'civil-small-claims': { months: 2, zh: '小额诉讼程序', en: 'Small-claims procedure' },
  'civil-second-judgment': { months: 3, zh: '民事二审（对判决的上诉）', en: 'Civil second instance, appeal against a judgment' },
  'civil-second-ruling': { days: 30, zh: '民事二审（对裁定的上诉）', en: 'Civil second instance, appeal against a ruling' },
  'civil-special': { days: 30, zh: '民事特别程序', en: 'Civil special procedure' },
  'criminal-first-ordinary': { months: 2, zh: '刑事一审普通程序', en: 'Criminal first instance, ordinary procedure' },
  'criminal-first-simple': { days: 20, zh: '刑事一审简易程序', en: 'Criminal first instance, summary procedure' },
  'criminal-fast-track': { days: 10, zh: '刑事速裁程序', en: 'Criminal fast-track procedure' },
  'criminal-second': { months: 2, zh: '刑事二审', en: 'Criminal second instance' },
  'admin-first-ordinary': { months: 6, zh: '行政一审普通程序', en: 'Administrative first instance, ordinary procedure' },
  'admin-first-simple': { days: 45, zh: '行政一审简易程序', en: 'Administrative first instance, simplified procedure' },
  'admin-second': { months: 3, zh: '行政二审', en: 'Administrative second instance' },
  enforcement: { months: 6, zh: '执行案件', en: 'Enforcement' },
  'pre-filing-mediation': { days: 30, zh: '诉前调解', en: 'Pre-filing mediation' },
};

export const DEDUCTION_KINDS = [
  'announcement',
  'appraisal',
  'jurisdiction-objection',
  'suspension',
  'settlement',
  'awaiting-reply',
  'supplementary-investigation',
  'other',
] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];

/** Names of the deduction kinds (审限扣除事由). */
export const DEDUCTION_KIND_NAMES: Readonly<Record<DeductionKind, { zh: string; en: string }>> = {
  announcement: { zh: '公告', en: 'announcement' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  'jurisdiction-objection': { zh: '管辖异议', en: 'jurisdiction objection' },
  suspension: { zh: '中止', en: 'suspension' },
  settlement: { zh: '当事人申请和解', en: 'settlement at the parties’ request' },
  'awaiting-reply': { zh: '请示上级法院答复', en: 'awaiting a higher court’s reply' },
  'supplementary-investigation': { zh: '补充侦查', en: 'supplementary investigation' },
  other: { zh: '其他', en: 'other' },
};

/** Common party periods (期间), as presets for the web form. */
export const PARTY_PERIODS = {
  defence: { days: 15, zh: '答辩期', en: 'Defence period' },
  'appeal-judgment': { days: 15, zh: '上诉期（判决）', en: 'Appeal period (judgment)' },
  'appeal-ruling': { days: 10, zh: '上诉期（裁定）', en: 'Appeal period (ruling)' },
  announcement: { days: 30, zh: '公告期', en: 'Announcement period' },
} as const satisfies Record<string, LimitLength & { zh: string; en: string }>;

// ---------------------------------------------------------------------------------------------
// Request schemas

/** Caps keep every result a four-digit-year date and bound the work per request. */
export const MAX_LENGTH_DAYS = 3650;
export const MAX_LENGTH_MONTHS = 120;
export const MAX_EXTENSIONS = 20;
export const MAX_DEDUCTIONS = 1000;
export const MAX_CALENDAR_DATES = 5000;

const lengthDays = z.number().int().min(1).max(MAX_LENGTH_DAYS);
const lengthMonths = z.number().int().min(1).max(MAX_LENGTH_MONTHS);

/** Exactly one of days / months; reported on `days` so a form can mark the field. */
function hasExactlyOneLength(v: { days?: number; months?: number }): boolean {
  return (v.days === undefined) !== (v.months === undefined);
}
const oneLengthIssue = { path: ['days'], message: 'Give exactly one of days or months', params: { code: 'one_length' } };

export const deadlineExtension = z
  .strictObject({ months: lengthMonths.optional(), days: lengthDays.optional() })
  .refine(hasExactlyOneLength, oneLengthIssue);
export type DeadlineExtension = z.infer<typeof deadlineExtension>;

export const deadlineDeduction = z
  .strictObject({ kind: z.enum(DEDUCTION_KINDS), from: calendarDate, to: calendarDate })
  // Object refinements run even when a field failed, so compare only two real dates.
  // Same-format ISO dates compare correctly as strings.
  .refine((v) => !isCalendarDate(v.from) || !isCalendarDate(v.to) || v.to >= v.from, {
    path: ['to'],
    message: 'The end date is before the start date',
    params: { code: 'date_order' },
  });
export type DeadlineDeduction = z.infer<typeof deadlineDeduction>;

function firstConflict(v: { holidays: string[]; workdays: string[] }): number {
  // Checks also run after a field failed, when either list may not even be an array.
  if (!Array.isArray(v.holidays) || !Array.isArray(v.workdays)) return -1;
  if (v.holidays.length === 0 || v.workdays.length === 0) return -1;
  const holidays = new Set(v.holidays);
  return v.workdays.findIndex((d) => holidays.has(d));
}

/**
 * The complete holiday arrangement a computation uses: statutory holidays (法定节假日, including
 * bridged days) and adjusted working days (调休上班日). A date cannot be both.
 */
export const deadlineCalendar = z
  .strictObject({
    holidays: z
      .array(calendarDate)
      .max(MAX_CALENDAR_DATES)
      .default(() => []),
    workdays: z
      .array(calendarDate)
      .max(MAX_CALENDAR_DATES)
      .default(() => []),
  })
  .check((ctx) => {
    const i = firstConflict(ctx.value);
    if (i >= 0) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.workdays[i],
        path: ['workdays', i],
        message: 'A date cannot be both a holiday and an adjusted working day',
        params: { code: 'calendar_conflict' },
      });
    }
  });
export type Calendar = z.output<typeof deadlineCalendar>;

export const trialRequest = z.strictObject({
  type: z.literal('trial'),
  procedure: z.enum(PROCEDURE_CODES),
  filedOn: calendarDate,
  extensions: z.array(deadlineExtension).max(MAX_EXTENSIONS).optional(),
  deductions: z.array(deadlineDeduction).max(MAX_DEDUCTIONS).optional(),
});
export type TrialRequest = z.output<typeof trialRequest>;

export const periodRequest = z
  .strictObject({
    type: z.literal('period'),
    from: calendarDate,
    days: lengthDays.optional(),
    months: lengthMonths.optional(),
    calendar: deadlineCalendar.optional(),
  })
  .refine(hasExactlyOneLength, oneLengthIssue);
export type PeriodRequest = z.output<typeof periodRequest>;

export const deadlineRequest = z.discriminatedUnion('type', [trialRequest, periodRequest]);
export type DeadlineRequest = z.output<typeof deadlineRequest>;
export type DeadlineRequestInput = z.input<typeof deadlineRequest>;

// ---------------------------------------------------------------------------------------------
// Fast check

// Batches of 100,000 requests cannot afford a schema walk per item. This hand-written check
// accepts only what `deadlineRequest` accepts (a property test holds it to that); callers run the
// schema when it says no, to get the field errors, so it may be stricter but never looser.

const PROCEDURE_SET: ReadonlySet<string> = new Set(PROCEDURE_CODES);
const DEDUCTION_KIND_SET: ReadonlySet<string> = new Set(DEDUCTION_KINDS);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOnlyKeys(v: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key in v) if (!allowed.has(key)) return false;
  return true;
}

function isLength(n: unknown, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
}

/** Exactly one of days / months, each absent or a valid length. */
function isOneLength(v: Record<string, unknown>): boolean {
  const hasDays = v.days !== undefined;
  const hasMonths = v.months !== undefined;
  if (hasDays === hasMonths) return false;
  return hasDays ? isLength(v.days, MAX_LENGTH_DAYS) : isLength(v.months, MAX_LENGTH_MONTHS);
}

function isArrayOf(v: unknown, max: number, item: (x: unknown) => boolean): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}

const EXTENSION_KEYS: ReadonlySet<string> = new Set(['months', 'days']);
const isExtension = (v: unknown) => isPlainObject(v) && hasOnlyKeys(v, EXTENSION_KEYS) && isOneLength(v);

const DEDUCTION_KEYS: ReadonlySet<string> = new Set(['kind', 'from', 'to']);
function isDeduction(v: unknown): boolean {
  if (!isPlainObject(v) || !hasOnlyKeys(v, DEDUCTION_KEYS)) return false;
  return DEDUCTION_KIND_SET.has(v.kind as string) && isCalendarDate(v.from) && isCalendarDate(v.to) && v.to >= v.from;
}

const CALENDAR_KEYS: ReadonlySet<string> = new Set(['holidays', 'workdays']);

/** True only for a valid `calendar` (either list may be missing: the schema defaults it to []). */
export function isDeadlineCalendar(v: unknown): boolean {
  if (!isPlainObject(v) || !hasOnlyKeys(v, CALENDAR_KEYS)) return false;
  if (!isArrayOf(v.holidays, MAX_CALENDAR_DATES, isCalendarDate)) return false;
  if (!isArrayOf(v.workdays, MAX_CALENDAR_DATES, isCalendarDate)) return false;
  return firstConflict({ holidays: (v.holidays as string[]) ?? [], workdays: (v.workdays as string[]) ?? [] }) < 0;
}

const TRIAL_KEYS: ReadonlySet<string> = new Set(['type', 'procedure', 'filedOn', 'extensions', 'deductions']);
const PERIOD_KEYS: ReadonlySet<string> = new Set(['type', 'from', 'days', 'months', 'calendar']);

/**
 * True only for a valid deadline request (never for one `deadlineRequest` would reject).
 * A period's calendar may still lack `holidays` or `workdays` (the schema defaults them to []).
 * `isCalendar` lets a batch check each distinct calendar once; it must agree with the default.
 */
export function isDeadlineRequest(v: unknown, isCalendar: (calendar: unknown) => boolean = isDeadlineCalendar): v is DeadlineRequestInput {
  if (!isPlainObject(v)) return false;
  if (v.type === 'trial') {
    if (!hasOnlyKeys(v, TRIAL_KEYS) || !PROCEDURE_SET.has(v.procedure as string) || !isCalendarDate(v.filedOn)) return false;
    return isArrayOf(v.extensions, MAX_EXTENSIONS, isExtension) && isArrayOf(v.deductions, MAX_DEDUCTIONS, isDeduction);
  }
  if (v.type !== 'period' || !hasOnlyKeys(v, PERIOD_KEYS) || !isCalendarDate(v.from) || !isOneLength(v)) return false;
  return v.calendar === undefined || isCalendar(v.calendar);
}

// ---------------------------------------------------------------------------------------------
// Result schemas

const resultDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One explanation step: the rule applied (Chinese, English in parentheses) and the date after it. */
export const deadlineStep = z.strictObject({
  rule: z.string(),
  date: resultDate,
  detail: z.string().optional(),
});
export type DeadlineStep = z.infer<typeof deadlineStep>;

export const deadlineResult = z.strictObject({
  deadline: resultDate,
  steps: z.array(deadlineStep),
});
export type DeadlineResult = z.infer<typeof deadlineResult>;

// ---------------------------------------------------------------------------------------------
// Errors specific to deadlines (to be merged into the ERRORS / FIELD_ERRORS catalogues)

export const DEADLINE_ERRORS = {
  CALENDAR_REQUIRED: {
    status: 400,
    zh: '计算期间需要节假日安排：请在请求中提供 calendar，或配置数据库以使用已存储的节假日安排',
    en: 'Computing a period needs a holiday calendar: give one in the request or configure a database for the stored calendar',
  },
} as const;
export type DeadlineErrorCode = keyof typeof DEADLINE_ERRORS;

export const DEADLINE_FIELD_ERRORS = {
  invalid_date: {
    zh: `不是有效的日历日期（格式 YYYY-MM-DD，年份 ${MIN_DATE_YEAR}–${MAX_DATE_YEAR}）`,
    en: `Not a real calendar date (YYYY-MM-DD, years ${MIN_DATE_YEAR}–${MAX_DATE_YEAR})`,
  },
  one_length: { zh: '天数和月数须填写且只能填写其中一项', en: 'Give exactly one of days or months' },
  date_order: { zh: '结束日期不得早于开始日期', en: 'The end date must not be before the start date' },
  calendar_conflict: { zh: '同一日期不能既是节假日又是调休工作日', en: 'A date cannot be both a holiday and an adjusted working day' },
  calendar_required: { zh: '此期间计算需要节假日安排', en: 'This period needs a holiday calendar' },
} as const;
export type DeadlineFieldErrorCode = keyof typeof DEADLINE_FIELD_ERRORS;
