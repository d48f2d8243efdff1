import { DEDUCTION_KIND_NAMES, DEDUCTION_KINDS, TRIAL_LIMITS, daysInMonth } from '@courtassist/contracts';
import type {
  Calendar,
  DeadlineDeduction,
  DeadlineRequest,
  DeadlineResult,
  DeadlineStep,
  PeriodRequest,
  TrialLimits,
  TrialRequest,
} from '@courtassist/contracts';
import {
  type DayNumber,
  type RestDayCalendar,
  civilFromDay,
  compileCalendar,
  dayFromCivil,
  formatDay,
  isCompiledCalendar,
  isWeekend,
  nextWorkingDay,
  parseDay,
} from './calendar-rules.js';

/**
 * The deadline calculator: trial limits (审限) and party periods (期间), rules 1–4 of the issue.
 * Pure functions over day numbers; the rule texts below are what the explanation steps show.
 */

export const RULES = {
  addDays: '规则1 加日：期间开始的当日不计入，自次日起算 (rule 1, adding days: the day of the triggering event is not counted)',
  addMonths:
    '规则2 加月：以到期月的对应日为末日，该月无对应日的以该月最后一日为末日 (rule 2, adding months: the same day of the month in the target month, or its last day if the month has no such day)',
  trialStart: '规则3 审限自立案之日起算 (rule 3: the trial limit runs from the filing date)',
  trialLimit: '规则3 审限：立案之日加法定审限 (rule 3, trial limit: the filing date plus the statutory limit)',
  trialExtension:
    '规则3 延长审限：经批准的延长期限依次加于当前届满日 (rule 3, extension: each approved extension, in order, is added to the running deadline)',
  trialDeduction:
    '规则3 审限扣除：各扣除期间首尾两日均计入，重叠日只计一次，合计日数加于届满日；审限不因节假日顺延 (rule 3, deductions: the union of the deducted periods, each counted inclusively and overlapping days once, is added as days; trial limits are not moved for holidays)',
  periodStart: '规则4 期间自引起期间的事实发生之日起算 (rule 4: a party period runs from its triggering event)',
  periodEnd: '规则4 期间：起算日加期间长度 (rule 4, party period: the trigger date plus the length)',
  periodRestDay:
    '规则4 期间届满日是休息日（未调休上班的周六、周日或法定节假日）的，以其后第一个工作日为届满日 (rule 4: an end on a rest day — a weekend day that is not an adjusted working day, or a statutory holiday — moves to the next working day)',
} as const;

// Built once: a step's rule names the rule applied and the adding rule it used.
const TRIAL_LIMIT_DAYS = `${RULES.trialLimit}；${RULES.addDays}`;
const TRIAL_LIMIT_MONTHS = `${RULES.trialLimit}；${RULES.addMonths}`;
const EXTENSION_DAYS = `${RULES.trialExtension}；${RULES.addDays}`;
const EXTENSION_MONTHS = `${RULES.trialExtension}；${RULES.addMonths}`;
const PERIOD_DAYS = `${RULES.periodEnd}；${RULES.addDays}`;
const PERIOD_MONTHS = `${RULES.periodEnd}；${RULES.addMonths}`;

/** A length as requests carry it: exactly one of days / months (validated by the contracts). */
interface Length {
  days?: number;
  months?: number;
}

// ---------------------------------------------------------------------------------------------
// Rules 1 and 2

/** Rule 1: n days after the event, the event's own day not counted — plain day-number addition. */
export function addDays(date: DayNumber, n: number): DayNumber;
export function addDays(date: string, n: number): string;
export function addDays(date: DayNumber | string, n: number): DayNumber | string {
  return typeof date === 'number' ? date + n : formatDay(parseDay(date) + n);
}

function addMonthsToDay(date: DayNumber, n: number): DayNumber {
  const ymd = civilFromDay(date);
  const months = Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1 + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(ymd % 100, daysInMonth(year, month)));
}

/** Rule 2: the same day of the month n months on, or that month's last day if it is shorter. */
export function addMonths(date: DayNumber, n: number): DayNumber;
export function addMonths(date: string, n: number): string;
export function addMonths(date: DayNumber | string, n: number): DayNumber | string {
  return typeof date === 'number' ? addMonthsToDay(date, n) : formatDay(addMonthsToDay(parseDay(date), n));
}

function addLength(date: DayNumber, length: Length): DayNumber {
  return length.months !== undefined ? addMonthsToDay(date, length.months) : date + (length.days ?? 0);
}

function describeLength(length: Length): string {
  return length.months !== undefined
    ? `${length.months}个月 (${length.months} month${length.months === 1 ? '' : 's'})`
    : `${length.days}日 (${length.days} day${length.days === 1 ? '' : 's'})`;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: deductions

/** The deducted periods merged into disjoint runs, with the number of days they cover. */
export interface MergedDeductions {
  days: number;
  /** Flat [from, to, kindMask, from, to, kindMask, …]: day numbers, inclusive, ascending. */
  runs: number[];
}

const KIND_BIT = new Map<string, number>(DEDUCTION_KINDS.map((k, i) => [k, 1 << i]));
// Sort key = from * 1024 + index: one numeric sort of a typed array, no comparator objects.
const INDEX_SLOTS = 1024;
const DAY_OFFSET = 1_000_000;

function sortedByStart(deductions: readonly DeadlineDeduction[], from: Float64Array): Float64Array {
  const keys = new Float64Array(deductions.length);
  for (let i = 0; i < deductions.length; i++) keys[i] = (from[i] + DAY_OFFSET) * INDEX_SLOTS + i;
  return keys.sort();
}

/**
 * Union of inclusive intervals: 02-01..02-20 is 20 days; overlapping or nested days count once;
 * adjacent intervals (02-01..02-10, 02-11..02-20) join into one run (same count, clearer detail).
 */
export function mergeDeductions(deductions: readonly DeadlineDeduction[]): MergedDeductions {
  const n = deductions.length;
  if (n > INDEX_SLOTS) throw new RangeError(`At most ${INDEX_SLOTS} deductions`);
  const from = new Float64Array(n);
  for (let i = 0; i < n; i++) from[i] = parseDay(deductions[i].from);
  const runs: number[] = [];
  let days = 0;
  for (const key of sortedByStart(deductions, from)) {
    const i = key % INDEX_SLOTS;
    const start = from[i];
    const end = parseDay(deductions[i].to);
    const bit = KIND_BIT.get(deductions[i].kind) ?? 0;
    const last = runs.length - 3;
    if (last >= 0 && start <= runs[last + 1] + 1) {
      if (end > runs[last + 1]) {
        days += end - runs[last + 1];
        runs[last + 1] = end;
      }
      runs[last + 2] |= bit;
    } else {
      days += end - start + 1;
      runs.push(start, end, bit);
    }
  }
  return { days, runs };
}

function kindNames(mask: number, lang: 'zh' | 'en'): string {
  const names: string[] = [];
  for (let i = 0; i < DEDUCTION_KINDS.length; i++) {
    if (mask & (1 << i)) names.push(DEDUCTION_KIND_NAMES[DEDUCTION_KINDS[i]][lang]);
  }
  return names.join(lang === 'zh' ? '、' : ', ');
}

function describeDeductions(merged: MergedDeductions): string {
  const zh: string[] = [];
  const en: string[] = [];
  const { runs } = merged;
  for (let r = 0; r < runs.length; r += 3) {
    const from = formatDay(runs[r]);
    const to = formatDay(runs[r + 1]);
    const days = runs[r + 1] - runs[r] + 1;
    zh.push(`${from} 至 ${to}（${days}日，${kindNames(runs[r + 2], 'zh')}）`);
    en.push(`${from} to ${to} (${days} days, ${kindNames(runs[r + 2], 'en')})`);
  }
  return `扣除 ${merged.days} 日：${zh.join('；')} (deducted ${merged.days} days: ${en.join('; ')})`;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: trial limits

/** Trial limit: filing date + limit, then each extension in order, then the deducted days. */
export function computeTrialLimit(request: TrialRequest, limits: TrialLimits = TRIAL_LIMITS): DeadlineResult {
  const limit = limits[request.procedure];
  if (!limit) throw new RangeError(`Unknown procedure: ${request.procedure}`);
  const steps: DeadlineStep[] = [{ rule: RULES.trialStart, date: request.filedOn, detail: '立案日 (filing date)' }];
  let day = addLength(parseDay(request.filedOn), limit);
  let date = formatDay(day);
  const rule = limit.months !== undefined ? TRIAL_LIMIT_MONTHS : TRIAL_LIMIT_DAYS;
  steps.push({ rule, date, detail: `${limit.zh} ${describeLength(limit)} — ${limit.en}` });
  for (const extension of request.extensions ?? []) {
    day = addLength(day, extension);
    date = formatDay(day);
    const extensionRule = extension.months !== undefined ? EXTENSION_MONTHS : EXTENSION_DAYS;
    steps.push({ rule: extensionRule, date, detail: `延长 ${describeLength(extension)}` });
  }
  if (request.deductions && request.deductions.length > 0) {
    const merged = mergeDeductions(request.deductions);
    day += merged.days;
    date = formatDay(day);
    steps.push({ rule: RULES.trialDeduction, date, detail: describeDeductions(merged) });
  }
  return { deadline: date, steps };
}

// ---------------------------------------------------------------------------------------------
// Rule 4: party periods

function describeRestDayCheck(end: DayNumber, raw: DayNumber, rawDate: string, calendar: RestDayCalendar): string {
  if (end !== raw) {
    const skipped = end - raw;
    const last = formatDay(end - 1);
    return `${rawDate} 至 ${last} 为休息日，顺延 ${skipped} 日 (${rawDate} to ${last} are rest days; moved ${skipped} day${skipped === 1 ? '' : 's'})`;
  }
  if (isWeekend(raw) && calendar.workdays.has(raw)) {
    return `${rawDate} 为调休上班日，不顺延 (${rawDate} is an adjusted working day; not moved)`;
  }
  return `${rawDate} 为工作日，不顺延 (${rawDate} is a working day; not moved)`;
}

/** Party period: trigger date + length; an end on a rest day moves to the next working day. */
export function computePeriod(request: PeriodRequest, calendar: Calendar | RestDayCalendar): DeadlineResult {
  const rest = isCompiledCalendar(calendar) ? calendar : compileCalendar(calendar);
  const raw = addLength(parseDay(request.from), request);
  const rawDate = formatDay(raw);
  const end = nextWorkingDay(raw, rest);
  const date = end === raw ? rawDate : formatDay(end);
  const steps: DeadlineStep[] = [
    { rule: RULES.periodStart, date: request.from, detail: '起算日 (trigger date)' },
    { rule: request.months !== undefined ? PERIOD_MONTHS : PERIOD_DAYS, date: rawDate, detail: describeLength(request) },
    { rule: RULES.periodRestDay, date, detail: describeRestDayCheck(end, raw, rawDate, rest) },
  ];
  return { deadline: date, steps };
}

// ---------------------------------------------------------------------------------------------
// Either kind

/** Thrown when a period has no calendar of its own and none is stored. */
export class CalendarRequiredError extends Error {
  readonly code = 'CALENDAR_REQUIRED';
  constructor() {
    super('A period needs a holiday calendar: none in the request and none stored');
  }
}

/** True when the request can only be computed with the stored calendar. */
export function needsStoredCalendar(request: DeadlineRequest): boolean {
  return request.type === 'period' && request.calendar === undefined;
}

/**
 * Compute one validated request. A request's own calendar is the complete calendar for it;
 * otherwise the stored one is used (pass it compiled when computing many requests).
 */
export function compute(
  request: DeadlineRequest,
  storedCalendar?: Calendar | RestDayCalendar,
  limits: TrialLimits = TRIAL_LIMITS,
): DeadlineResult {
  if (request.type === 'trial') return computeTrialLimit(request, limits);
  const calendar = request.calendar ?? storedCalendar;
  if (!calendar) throw new CalendarRequiredError();
  return computePeriod(request, calendar);
}
