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
import { daysInMonth, TRIAL_LIMITS } from '@courtassist/contracts/deadlines';
import {
  civilFromDay,
  compileCalendar,
  type DayNumber,
  dayFromCivil,
  formatDay,
  isCompiledCalendar,
  isWeekend,
  nextWorkingDay,
  parseDay,
  type RestDayCalendar,
} from './calendar-rules.js';

/**
 * The deadline calculator: trial limits (审限) and party periods (期间), rules 1–4 of the issue.
 * Pure functions over day numbers.
 *
 * Each step names the rule that produced its date. The texts are terse on purpose: a batch
 * prints them 100,000 times, and serializing the output is most of the cost.
 *   1 adding days: the day of the triggering event is not counted (01-05 + 30 days = 02-04);
 *   2 adding months: same day of the month, else the target month's last day (01-31 + 1 = 02-28);
 *   3 trial limit: filing date + limit, then each extension in order, then the union of the
 *     deducted periods (each inclusive, overlaps once) as days; never moved for holidays;
 *   4 party period: trigger date + length; an end on a rest day moves to the next working day.
 */
export const RULES = {
  addDays: '规则1 加日：当日不计入 (rule 1: the event day is not counted)',
  addMonths: '规则2 加月：对应日，无则月末 (rule 2: same day of month, else month end)',
  deduction: '规则3 扣除期间并集按日加算 (rule 3: union of deducted days added)',
  restDay: '规则4 休息日顺延至工作日 (rule 4: a rest day moves to the next working day)',
} as const;

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

// Details repeat a handful of lengths across a batch, so each text is built once. Only
// validated-range lengths are cached: direct calls with odd numbers cannot grow the caches.
const CACHE_SLOTS = 4096;
type TextCache = string[];
const limitTexts: [TextCache, TextCache] = [[], []];
const extensionTexts: [TextCache, TextCache] = [[], []];
const periodTexts: [TextCache, TextCache] = [[], []];

/** `审限 6个月 (limit: 6 months)`, with the label pair given. */
function describeLength(caches: [TextCache, TextCache], zh: string, en: string, length: Length): string {
  const months = length.months !== undefined;
  const n = months ? (length.months as number) : (length.days ?? 0);
  const cache = caches[months ? 1 : 0];
  const cached = cache[n];
  if (cached !== undefined) return cached;
  const unit = months ? `${n}个月 (${en}: ${n} month${n === 1 ? '' : 's'})` : `${n}日 (${en}: ${n} day${n === 1 ? '' : 's'})`;
  const text = `${zh} ${unit}`;
  if (Number.isInteger(n) && n >= 0 && n < CACHE_SLOTS) cache[n] = text;
  return text;
}

function lengthStep(date: string, length: Length, detail: string): DeadlineStep {
  return { rule: length.months !== undefined ? RULES.addMonths : RULES.addDays, date, detail };
}

// ---------------------------------------------------------------------------------------------
// Rule 3: deductions

/** The deducted periods merged into disjoint runs, with the number of days they cover. */
export interface MergedDeductions {
  days: number;
  /** Flat [from, to, from, to, …]: day numbers, inclusive, ascending, neither overlapping nor adjacent. */
  runs: number[];
}

// Sort key = from * 1024 + index: plain numbers sort without comparing objects.
const INDEX_SLOTS = 1024;
const DAY_OFFSET = 1_000_000;

/** Sort keys of the deductions by start day. Insertion sort: lists are short (usually 1–3). */
function byStart(from: readonly number[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < from.length; i++) {
    const key = (from[i] + DAY_OFFSET) * INDEX_SLOTS + i;
    let j = keys.push(key) - 1;
    for (; j > 0 && keys[j - 1] > key; j--) keys[j] = keys[j - 1];
    keys[j] = key;
  }
  return keys;
}

/**
 * Union of inclusive intervals: 02-01..02-20 is 20 days; overlapping or nested days count once;
 * adjacent intervals (02-01..02-10, 02-11..02-20) join into one run (same count, clearer detail).
 */
export function mergeDeductions(deductions: readonly DeadlineDeduction[]): MergedDeductions {
  const n = deductions.length;
  if (n > INDEX_SLOTS) throw new RangeError(`At most ${INDEX_SLOTS} deductions`);
  const from: number[] = [];
  for (let i = 0; i < n; i++) from.push(parseDay(deductions[i].from));
  const keys = byStart(from);
  const runs: number[] = [];
  let days = 0;
  for (let k = 0; k < n; k++) {
    const i = keys[k] % INDEX_SLOTS;
    const start = from[i];
    const end = parseDay(deductions[i].to);
    const last = runs.length - 1;
    if (last > 0 && start <= runs[last] + 1) {
      if (end > runs[last]) {
        days += end - runs[last];
        runs[last] = end;
      }
    } else {
      days += end - start + 1;
      runs.push(start, end);
    }
  }
  return { days, runs };
}

/** `扣除 30日：2026-02-01至2026-03-02 (30 days deducted)`. */
function describeDeductions(merged: MergedDeductions): string {
  let intervals = '';
  for (let r = 0; r < merged.runs.length; r += 2) {
    const from = formatDay(merged.runs[r]);
    const run = merged.runs[r] === merged.runs[r + 1] ? from : `${from}至${formatDay(merged.runs[r + 1])}`;
    intervals += r === 0 ? run : `、${run}`;
  }
  return `扣除 ${merged.days}日：${intervals} (${merged.days} day${merged.days === 1 ? '' : 's'} deducted)`;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: trial limits

/** Trial limit: filing date + limit, then each extension in order, then the deducted days. */
export function computeTrialLimit(request: TrialRequest, limits: TrialLimits = TRIAL_LIMITS): DeadlineResult {
  const limit = limits[request.procedure];
  if (!limit) throw new RangeError(`Unknown procedure: ${request.procedure}`);
  let day = addLength(parseDay(request.filedOn), limit);
  let date = formatDay(day);
  const steps: DeadlineStep[] = [lengthStep(date, limit, describeLength(limitTexts, '审限', 'limit', limit))];
  const extensions = request.extensions;
  if (extensions) {
    for (let i = 0; i < extensions.length; i++) {
      day = addLength(day, extensions[i]);
      date = formatDay(day);
      steps.push(lengthStep(date, extensions[i], describeLength(extensionTexts, '延长', 'extension', extensions[i])));
    }
  }
  if (request.deductions && request.deductions.length > 0) {
    const merged = mergeDeductions(request.deductions);
    day += merged.days;
    date = formatDay(day);
    steps.push({ rule: RULES.deduction, date, detail: describeDeductions(merged) });
  }
  return { deadline: date, steps };
}

// ---------------------------------------------------------------------------------------------
// Rule 4: party periods

const ADJUSTED_WORKDAY = '调休上班日，不顺延 (adjusted working day; not moved)';

/**
 * Party period: trigger date + length; an end on a rest day moves to the next working day.
 * A rule-4 step appears when the end moved, or when it is a weekend day that is an adjusted
 * working day (the one case where "why not moved?" needs an answer).
 */
export function computePeriod(request: PeriodRequest, calendar: Calendar | RestDayCalendar): DeadlineResult {
  const rest = isCompiledCalendar(calendar) ? calendar : compileCalendar(calendar);
  const raw = addLength(parseDay(request.from), request);
  const rawDate = formatDay(raw);
  const steps: DeadlineStep[] = [lengthStep(rawDate, request, describeLength(periodTexts, '期间', 'period', request))];
  const end = nextWorkingDay(raw, rest);
  if (end === raw) {
    if (isWeekend(raw) && rest.workdays.has(raw)) steps.push({ rule: RULES.restDay, date: rawDate, detail: ADJUSTED_WORKDAY });
    return { deadline: rawDate, steps };
  }
  const date = formatDay(end);
  const detail = `${rawDate}至${formatDay(end - 1)}为休息日 (rest days)`;
  steps.push({ rule: RULES.restDay, date, detail });
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
