import { DEDUCTION_KIND_NAMES, DEDUCTION_KINDS, TRIAL_LIMITS, daysInMonth } from '@courtassist/contracts';
import type {
  Calendar,
  DeadlineDeduction,
  DeadlineRequest,
  DeadlineResult,
  DeadlineStep,
  PeriodRequest,
  TrialLimit,
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
  addDays: '规则1 加日：起算日不计入 (rule 1: the day of the event is not counted)',
  addMonths: '规则2 加月：到期月的对应日，无对应日取月末 (rule 2: same day of the month, else the month’s last day)',
  trialStart: '规则3 审限自立案之日起算 (rule 3: the limit runs from the filing date)',
  trialLimit: '规则3 立案日加法定审限 (rule 3: filing date + statutory limit)',
  trialExtension: '规则3 延长审限依次加于届满日 (rule 3: each extension, in order, added to the running deadline)',
  trialDeduction:
    '规则3 审限扣除：各期间首尾计入、重叠只计一次，按日加算；审限不因节假日顺延 (rule 3: the union of deducted periods, inclusive, added as days; no holiday moves)',
  periodStart: '规则4 期间自事实发生之日起算 (rule 4: the period runs from the triggering event)',
  periodEnd: '规则4 起算日加期间 (rule 4: trigger date + length)',
  periodRestDay:
    '规则4 届满日为休息日（非调休的周末或法定节假日）的，顺延至下一工作日 (rule 4: an end on a rest day — a weekend day not worked, or a holiday — moves to the next working day)',
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

// Step details repeat a handful of lengths across a batch: each text is built once. Only
// validated-range lengths are cached, so direct calls with odd numbers cannot grow the caches.
const CACHE_SLOTS = 4096;
const monthTexts: string[] = [];
const dayTexts: string[] = [];
const extensionMonthTexts: string[] = [];
const extensionDayTexts: string[] = [];

function remember(cache: string[], n: number, text: string): string {
  if (Number.isInteger(n) && n >= 0 && n < CACHE_SLOTS) cache[n] = text;
  return text;
}

function describeLength(length: Length): string {
  if (length.months !== undefined) {
    const n = length.months;
    return monthTexts[n] ?? remember(monthTexts, n, `${n}个月 (${n} month${n === 1 ? '' : 's'})`);
  }
  const n = length.days ?? 0;
  return dayTexts[n] ?? remember(dayTexts, n, `${n}日 (${n} day${n === 1 ? '' : 's'})`);
}

function describeExtension(length: Length): string {
  const months = length.months !== undefined;
  const cache = months ? extensionMonthTexts : extensionDayTexts;
  const n = months ? (length.months ?? 0) : (length.days ?? 0);
  return cache[n] ?? remember(cache, n, `延长 ${describeLength(length)} (extension)`);
}

const limitTexts = new WeakMap<TrialLimit, string>();

function describeLimit(limit: TrialLimit): string {
  let text = limitTexts.get(limit);
  if (text === undefined) {
    text = `${limit.zh} ${describeLength(limit)} — ${limit.en}`;
    limitTexts.set(limit, text);
  }
  return text;
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
// Sort key = from * 1024 + index: integers sort without comparing objects.
const INDEX_SLOTS = 1024;
const DAY_OFFSET = 1_000_000;

/** Indices of the deductions by start day. Insertion sort: lists are short (usually 1–3). */
function byStart(deductions: readonly DeadlineDeduction[], from: number[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < deductions.length; i++) {
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
  const keys = byStart(deductions, from);
  const runs: number[] = [];
  let days = 0;
  for (let k = 0; k < n; k++) {
    const i = keys[k] % INDEX_SLOTS;
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

// One text per combination of kinds (2^8 at most), built on first use.
const kindTexts: { zh: string; en: string }[] = [];

function kindNames(mask: number): { zh: string; en: string } {
  let text = kindTexts[mask];
  if (text === undefined) {
    const kinds = DEDUCTION_KINDS.filter((_, i) => mask & (1 << i)).map((k) => DEDUCTION_KIND_NAMES[k]);
    text = { zh: kinds.map((k) => k.zh).join('、'), en: kinds.map((k) => k.en).join(', ') };
    kindTexts[mask] = text;
  }
  return text;
}

function describeDeductions(merged: MergedDeductions): string {
  let zh = '';
  let en = '';
  const { runs } = merged;
  for (let r = 0; r < runs.length; r += 3) {
    const from = formatDay(runs[r]);
    const to = formatDay(runs[r + 1]);
    const days = runs[r + 1] - runs[r] + 1;
    const kinds = kindNames(runs[r + 2]);
    zh += `${r === 0 ? '' : '；'}${from} 至 ${to}（${days}日，${kinds.zh}）`;
    en += `${r === 0 ? '' : '; '}${from} to ${to} (${days} days, ${kinds.en})`;
  }
  return `扣除 ${merged.days} 日：${zh} (deducted ${merged.days} days: ${en})`;
}

// ---------------------------------------------------------------------------------------------
// Rule 3: trial limits

/** Trial limit: filing date + limit, then each extension in order, then the deducted days. */
export function computeTrialLimit(request: TrialRequest, limits: TrialLimits = TRIAL_LIMITS): DeadlineResult {
  const limit = limits[request.procedure];
  if (!limit) throw new RangeError(`Unknown procedure: ${request.procedure}`);
  const steps: DeadlineStep[] = [{ rule: RULES.trialStart, date: request.filedOn }];
  let day = addLength(parseDay(request.filedOn), limit);
  let date = formatDay(day);
  const rule = limit.months !== undefined ? TRIAL_LIMIT_MONTHS : TRIAL_LIMIT_DAYS;
  steps.push({ rule, date, detail: describeLimit(limit) });
  for (const extension of request.extensions ?? []) {
    day = addLength(day, extension);
    date = formatDay(day);
    const extensionRule = extension.months !== undefined ? EXTENSION_MONTHS : EXTENSION_DAYS;
    steps.push({ rule: extensionRule, date, detail: describeExtension(extension) });
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

const NOT_MOVED = '届满日为工作日，不顺延 (the end is a working day; not moved)';
const NOT_MOVED_ADJUSTED = '届满日为调休上班日，不顺延 (the end is an adjusted working day; not moved)';

function describeRestDayCheck(end: DayNumber, raw: DayNumber, rawDate: string, calendar: RestDayCalendar): string {
  if (end === raw) return isWeekend(raw) && calendar.workdays.has(raw) ? NOT_MOVED_ADJUSTED : NOT_MOVED;
  const skipped = end - raw;
  const last = formatDay(end - 1);
  return `${rawDate} 至 ${last} 为休息日，顺延 ${skipped} 日 (${rawDate} to ${last} are rest days; moved ${skipped} day${skipped === 1 ? '' : 's'})`;
}

/** Party period: trigger date + length; an end on a rest day moves to the next working day. */
export function computePeriod(request: PeriodRequest, calendar: Calendar | RestDayCalendar): DeadlineResult {
  const rest = isCompiledCalendar(calendar) ? calendar : compileCalendar(calendar);
  const raw = addLength(parseDay(request.from), request);
  const rawDate = formatDay(raw);
  const end = nextWorkingDay(raw, rest);
  const date = end === raw ? rawDate : formatDay(end);
  const steps: DeadlineStep[] = [
    { rule: RULES.periodStart, date: request.from },
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
