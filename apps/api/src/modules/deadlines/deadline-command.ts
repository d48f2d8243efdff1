import {
  DEADLINE_ERRORS,
  DEADLINE_FIELD_ERRORS,
  ERRORS,
  FIELD_ERRORS,
  deadlineRequest,
} from '@courtassist/contracts';
import type {
  Calendar,
  DeadlineErrorCode,
  DeadlineRequest,
  ErrorCode,
  FieldProblem,
  Problem,
} from '@courtassist/contracts';
import { compileCalendar, type RestDayCalendar } from './calendar-rules.js';
import { compute, needsStoredCalendar } from './calculator.js';

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

const STATUS_TITLES: Record<number, string> = { 400: 'Bad Request', 500: 'Internal Server Error' };

function problem(code: ErrorCode | DeadlineErrorCode, extra: Partial<DeadlineProblem> = {}): DeadlineProblem {
  const spec = code in DEADLINE_ERRORS ? DEADLINE_ERRORS[code as DeadlineErrorCode] : ERRORS[code as ErrorCode];
  // `about:blank` with the status phrase as title, as RFC 9457 §4.2.1 asks when no type URI is defined.
  return {
    type: 'about:blank',
    title: STATUS_TITLES[spec.status] ?? 'Error',
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

/** Validates every item (not just up to the first failure) so the caller can fix them all at once. */
function validateAll(items: readonly unknown[]): Validated {
  const requests: DeadlineRequest[] = new Array(items.length);
  const errors: FieldProblem[] = [];
  let invalidItems = 0;
  for (let i = 0; i < items.length; i++) {
    const parsed = deadlineRequest.safeParse(items[i]);
    if (parsed.success) {
      requests[i] = parsed.data;
      continue;
    }
    invalidItems++;
    for (const issue of parsed.error.issues) {
      if (errors.length < MAX_REPORTED_ERRORS) errors.push(...toFieldProblems(issue as Issue, i, items[i]));
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

/**
 * Each result is serialized as soon as it is computed, so a large batch keeps only flat JSON
 * text alive rather than 100,000 object graphs for the garbage collector to trace.
 */
function serializeAll(requests: readonly DeadlineRequest[], stored: RestDayCalendar | undefined): string {
  const parts: string[] = new Array(requests.length);
  for (let i = 0; i < requests.length; i++) parts[i] = JSON.stringify(compute(requests[i], stored));
  return `[${parts.join(',')}]`;
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
  const validated = validateAll(batch ? (input as unknown[]) : [input]);
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
    json = batch ? serializeAll(requests, stored) : JSON.stringify(compute(requests[0], stored));
  } catch (error) {
    return fail(EXIT_INTERNAL, problem('INTERNAL', { detail: (error as Error).message }));
  }
  return { exitCode: EXIT_OK, stdout: `${json}\n` };
}
