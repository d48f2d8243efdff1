import type {
  Calendar,
  DeadlineErrorCode,
  DeadlineRequest,
  DeadlineRequestInput,
  ErrorCode,
  FieldProblem,
  Problem,
} from '@courtassist/contracts';
import {
  DEADLINE_ERRORS,
  DEADLINE_FIELD_ERRORS,
  deadlineRequest,
  ERRORS,
  FIELD_ERRORS,
  isDeadlineCalendar,
  isDeadlineRequest,
} from '@courtassist/contracts';
import { compute, computePeriod, needsStoredCalendar } from './calculator.js';
import { compileCalendar, type RestDayCalendar } from './calendar-rules.js';

/**
 * `courtassist deadline`, minus the I/O: stdin text in, stdout text and exit code out.
 * Every item is validated before any is computed, so the output is either all results or one
 * problem (RFC 9457 shape, as the API's error handler sends), never a partial batch.
 */

export interface CommandOutput {
  exitCode: number;
  stdout: string;
}

export const EXIT_OK = 0;
/** A bug or a corrupt stored calendar: nothing the caller can fix in the input. */
export const EXIT_INTERNAL = 1;
/** The input cannot be computed (malformed, invalid, or a period without a calendar). */
export const EXIT_INVALID = 2;

/** A batch of garbage must not produce a gigantic problem document. */
export const MAX_REPORTED_ERRORS = 100;

export type DeadlineProblem = Omit<Problem, 'code'> & { code: ErrorCode | DeadlineErrorCode };

/** Same shape as the API's error handler (platform/errors.ts `problemOf`), so clients parse one format. */
function problem(code: ErrorCode | DeadlineErrorCode, extra: Partial<DeadlineProblem> = {}): DeadlineProblem {
  const spec = code in DEADLINE_ERRORS ? DEADLINE_ERRORS[code as DeadlineErrorCode] : ERRORS[code as ErrorCode];
  return {
    type: `https://courtassist.org/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: spec.en,
    status: spec.status,
    code,
    message: { zh: spec.zh, en: spec.en },
    ...extra,
  };
}

function fail(exitCode: number, body: DeadlineProblem): CommandOutput {
  return { exitCode, stdout: `${JSON.stringify(body)}\n` };
}

// ---------------------------------------------------------------------------------------------
// Validation issues → field problems

interface Issue {
  code: string;
  path: PropertyKey[];
  keys?: string[];
  params?: Record<string, unknown>;
}

/** `[3].deductions[0].to`: the item's index first, so a batch points at the failing item. */
function fieldPath(index: number, path: readonly PropertyKey[]): string {
  let field = `[${index}]`;
  for (const key of path) field += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return field;
}

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let value = item;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldCode(issue: Issue, item: unknown): string {
  const custom = issue.params?.code;
  if (typeof custom === 'string') return custom;
  const missing = valueAt(item, issue.path) === undefined;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && missing) return 'required';
  // An unknown `type` is a discriminator miss: the value is simply not one of the allowed ones.
  if (issue.code === 'invalid_union') return 'invalid_value';
  return issue.code in FIELD_ERRORS ? issue.code : 'custom';
}

function fieldMessage(code: string): { zh: string; en: string } {
  const spec =
    DEADLINE_FIELD_ERRORS[code as keyof typeof DEADLINE_FIELD_ERRORS] ??
    FIELD_ERRORS[code as keyof typeof FIELD_ERRORS] ??
    FIELD_ERRORS.custom;
  return { zh: spec.zh, en: spec.en };
}

function toFieldProblems(issue: Issue, index: number, item: unknown): FieldProblem[] {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const message = fieldMessage('unrecognized_keys');
    return issue.keys.map((key) => ({ field: fieldPath(index, [...issue.path, key]), code: 'unrecognized_keys', message }));
  }
  const code = fieldCode(issue, item);
  return [{ field: fieldPath(index, issue.path), code, message: fieldMessage(code) }];
}

type Validated = { requests: DeadlineRequest[] } | { problem: DeadlineProblem };

/** A fast-checked request as the schema would output it: calendar lists default to []. */
function normalized(item: DeadlineRequestInput): DeadlineRequest {
  if (item.type !== 'period' || !item.calendar) return item as DeadlineRequest;
  const { holidays, workdays } = item.calendar;
  if (holidays && workdays) return item as DeadlineRequest;
  return { ...item, calendar: { holidays: holidays ?? [], workdays: workdays ?? [] } };
}

/**
 * A batch often repeats one calendar in many requests (a command-line user sends the year's
 * holidays with each period). Each distinct calendar is checked and compiled once, keyed by its
 * JSON text — exact for values that came from JSON.parse, which is all this command sees.
 */
class CalendarCache {
  private readonly byText = new Map<string, RestDayCalendar | null>();
  private readonly byObject = new WeakMap<object, RestDayCalendar>();

  readonly isValid = (calendar: unknown): boolean => {
    const text = JSON.stringify(calendar);
    let compiled = this.byText.get(text);
    if (compiled === undefined) {
      compiled = isDeadlineCalendar(calendar) ? compileCalendar(normalizedCalendar(calendar as Partial<Calendar>)) : null;
      this.byText.set(text, compiled);
    }
    if (compiled) this.byObject.set(calendar as object, compiled);
    return compiled !== null;
  };

  compiled(calendar: Calendar): RestDayCalendar {
    return this.byObject.get(calendar) ?? compileCalendar(calendar);
  }
}

function normalizedCalendar(calendar: Partial<Calendar>): Calendar {
  return { holidays: calendar.holidays ?? [], workdays: calendar.workdays ?? [] };
}

/**
 * Validates every item (not just up to the first failure) so the caller can fix them all at once.
 * The hand-written check passes valid items cheaply; the schema runs for the rest, to say why.
 */
function validateAll(items: readonly unknown[], calendars: CalendarCache): Validated {
  const requests: DeadlineRequest[] = new Array(items.length);
  const errors: FieldProblem[] = [];
  let invalidItems = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isDeadlineRequest(item, calendars.isValid)) {
      requests[i] = normalized(item);
      continue;
    }
    const parsed = deadlineRequest.safeParse(item);
    if (parsed.success) {
      requests[i] = parsed.data;
      continue;
    }
    invalidItems++;
    for (const issue of parsed.error.issues) {
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(...toFieldProblems(issue as Issue, i, item));
    }
  }
  if (invalidItems === 0) return { requests };
  const truncated = errors.length >= MAX_REPORTED_ERRORS;
  return {
    problem: problem('VALIDATION_FAILED', {
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      meta: { invalidItems, truncated },
    }),
  };
}

function calendarProblem(requests: readonly DeadlineRequest[]): DeadlineProblem | undefined {
  const errors: FieldProblem[] = [];
  let count = 0;
  for (let i = 0; i < requests.length; i++) {
    if (!needsStoredCalendar(requests[i])) continue;
    count++;
    if (errors.length < MAX_REPORTED_ERRORS) {
      errors.push({ field: `[${i}].calendar`, code: 'calendar_required', message: fieldMessage('calendar_required') });
    }
  }
  return count === 0 ? undefined : problem('CALENDAR_REQUIRED', { errors, meta: { invalidItems: count } });
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads one request or an array of them (JSON) and answers the result or the array of results
 * (compact JSON, one line). `storedCalendar` is used by periods that carry no calendar of their
 * own; without it such periods are refused with CALENDAR_REQUIRED.
 */
export function runDeadlineCommand(stdinText: string, storedCalendar?: Calendar): CommandOutput {
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch (error) {
    return fail(EXIT_INVALID, problem('MALFORMED_JSON', { detail: (error as Error).message }));
  }
  const batch = Array.isArray(input);
  const calendars = new CalendarCache();
  const validated = validateAll(batch ? (input as unknown[]) : [input], calendars);
  if ('problem' in validated) return fail(EXIT_INVALID, validated.problem);
  const { requests } = validated;
  if (!storedCalendar) {
    const missing = calendarProblem(requests);
    if (missing) return fail(EXIT_INVALID, missing);
  }
  let json: string;
  try {
    // Compiled once for the whole batch: each period then costs a few Set lookups.
    const stored = storedCalendar ? compileCalendar(storedCalendar) : undefined;
    const results = requests.map((request) =>
      request.type === 'period' && request.calendar
        ? computePeriod(request, calendars.compiled(request.calendar))
        : compute(request, stored),
    );
    // One JSON.stringify over all results: measured faster than per-result strings joined.
    json = JSON.stringify(batch ? results : results[0]);
  } catch (error) {
    return fail(EXIT_INTERNAL, problem('INTERNAL', { detail: (error as Error).message }));
  }
  return { exitCode: EXIT_OK, stdout: `${json}\n` };
}
