import { z } from 'zod';
import { MAX_INT, versionField } from './common.js';
import { calendarDate, MAX_DATE_YEAR, MIN_DATE_YEAR } from './deadlines.js';

/**
 * The holiday calendar (节假日安排): per year, the statutory holidays (法定节假日) and the adjusted
 * working days (调休上班日) of the State Council's annual notice. Every other Saturday and Sunday is
 * a rest day, every other weekday a working day. Shared by the API and the admin page.
 */

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export const CALENDAR_DAY_KIND_NAMES: Readonly<Record<CalendarDayKind, { zh: string; en: string }>> = {
  holiday: { zh: '法定节假日', en: 'Statutory holiday' },
  workday: { zh: '调休上班日', en: 'Adjusted working day' },
};

/** Why a day is or is not a working day. */
export const WORKING_DAY_REASONS = ['holiday', 'adjusted-workday', 'weekend', 'weekday'] as const;
export type WorkingDayReason = (typeof WORKING_DAY_REASONS)[number];

export const WORKING_DAY_REASON_NAMES: Readonly<Record<WorkingDayReason, { zh: string; en: string }>> = {
  holiday: { zh: '法定节假日', en: 'Statutory holiday' },
  'adjusted-workday': { zh: '调休上班日', en: 'Adjusted working day' },
  weekend: { zh: '周末休息日', en: 'Weekend' },
  weekday: { zh: '工作日', en: 'Weekday' },
};

/** A holiday's name, e.g. 国庆节, or for an adjusted working day the holiday it makes up for (国庆节调休). */
export const CALENDAR_NAME_MAX = 40;
const dayName = z.string().trim().min(1).max(CALENDAR_NAME_MAX);

/** One year can list every one of its days at most once. */
export const MAX_IMPORT_DAYS = 366;
/** The text format: one line per day plus comments; bounded so that a paste cannot be huge. */
export const MAX_IMPORT_TEXT = 50_000;

export const calendarYear = z.coerce.number().int().min(MIN_DATE_YEAR).max(MAX_DATE_YEAR);

// ---- responses ----

export const calendarDay = z.object({
  day: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  version: z.number().int(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarYearView = z.object({
  year: z.number().int(),
  /** The year's holidays and adjusted working days, in date order. */
  days: z.array(calendarDay),
  /** Rest days of the year: holidays plus the weekend days not worked. */
  restDayCount: z.number().int(),
});
export type CalendarYearView = z.infer<typeof calendarYearView>;

export const calendarYears = z.object({ years: z.array(z.number().int()) });
export type CalendarYears = z.infer<typeof calendarYears>;

export const workingDayAnswer = z.object({
  day: z.string(),
  working: z.boolean(),
  reason: z.enum(WORKING_DAY_REASONS),
  /** The holiday's name for a holiday or an adjusted working day, otherwise null. */
  name: z.string().nullable(),
  /** Whether the calendar holds any day of this year: if not, only weekends count as rest days. */
  yearLoaded: z.boolean(),
});
export type WorkingDayAnswer = z.infer<typeof workingDayAnswer>;

export const calendarImportResult = z.object({
  year: z.number().int(),
  replace: z.boolean(),
  /** Days listed in the import. */
  count: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});
export type CalendarImportResult = z.infer<typeof calendarImportResult>;

// ---- requests ----

export const calendarYearQuery = z.strictObject({ year: calendarYear });
export const calendarDayParam = z.strictObject({ day: calendarDate });
export const calendarDayQuery = z.strictObject({ day: calendarDate });
export const calendarDeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).max(MAX_INT) });

/** Create a day (no version) or change it (the version read). */
export const putCalendarDayRequest = z.strictObject({
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: dayName,
  version: versionField.optional(),
});
export type PutCalendarDayRequest = z.infer<typeof putCalendarDayRequest>;

export const calendarImportDay = z.strictObject({
  day: calendarDate,
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: dayName,
});
export type CalendarImportDay = z.infer<typeof calendarImportDay>;

/**
 * A year's entries, given either as JSON `days` or as `text`, one day a line —
 * `2026-10-01 holiday 国庆节`, `2026-09-20 workday 国庆节调休` (休 / 班 may stand for holiday /
 * workday; blank lines and `#` comments are ignored). Exactly one of the two; the API checks that,
 * and reports text errors per line (`body.text.line3`). `replace`: the year's other entries are
 * removed, all in one transaction.
 */
export const calendarImportRequest = z.strictObject({
  year: calendarYear,
  days: z.array(calendarImportDay).max(MAX_IMPORT_DAYS).optional(),
  text: z.string().max(MAX_IMPORT_TEXT).optional(),
  replace: z.boolean().default(false),
});
export type CalendarImportRequest = z.infer<typeof calendarImportRequest>;
export type CalendarImportInput = z.input<typeof calendarImportRequest>;

// ---- field errors of the calendar (messages for the per-field problems the API sends) ----

export const CALENDAR_FIELD_ERRORS = {
  calendar_line: {
    zh: '格式应为“日期 类型 名称”，如 2026-10-01 holiday 国庆节',
    en: 'Expected “date kind name”, e.g. 2026-10-01 holiday 国庆节',
  },
  calendar_kind: {
    zh: '类型应为 holiday（休）或 workday（班）',
    en: 'The kind must be holiday (休) or workday (班)',
  },
  calendar_other_year: { zh: '日期不属于所导入的年份', en: 'The date is not in the year being imported' },
  calendar_duplicate: { zh: '同一日期重复列出', en: 'The same date is listed twice' },
  calendar_workday_weekday: {
    zh: '调休上班日只能是星期六或星期日',
    en: 'An adjusted working day must fall on a Saturday or Sunday',
  },
  calendar_name: {
    zh: `名称须为 1–${CALENDAR_NAME_MAX} 个字符`,
    en: `The name must have 1–${CALENDAR_NAME_MAX} characters`,
  },
  calendar_empty: { zh: '没有可导入的日期', en: 'There are no days to import' },
  calendar_days_or_text: { zh: '请提供 days 或 text 其中之一', en: 'Give exactly one of days or text' },
} as const;
export type CalendarFieldErrorCode = keyof typeof CALENDAR_FIELD_ERRORS;
