import type {
  Calendar,
  DeadlineErrorCode,
  DeadlineRequest,
  DeadlineRequestInput,
  DeadlineResult,
  ErrorCode,
  FieldProblem,
  Problem,
} from '@courtassist/contracts';
// The two light entries of contracts, not its index: the command's start-up is part of its throughput.
import {
  DEADLINE_ERRORS,
  DEADLINE_FIELD_ERRORS,
  deadlineRequest,
  isDeadlineCalendar,
  isDeadlineRequest,
} from '@courtassist/contracts/deadlines';
import { ERRORS, FIELD_ERRORS } from '@courtassist/contracts/errors';
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
 * holidays with each period). Each distinct calendar is checked and compiled once. A calendar is
 * first compared with the ones already seen, entry by entry (cheap: the same dates, no text built);
 * one that matches none is keyed by its JSON text, exact for values that came from JSON.parse,
 * which is all this command sees. Measured: a JSON text per calendar cost about as much as
 * computing the whole batch.
 */
class CalendarCache {
  /** The distinct calendars seen, most recently matched first; bounded so a pathological batch stays linear. */
  private readonly recent: { calendar: unknown; compiled: RestDayCalendar | null }[] = [];
  private readonly byText = new Map<string, RestDayCalendar | null>();
  private readonly byObject = new WeakMap<object, RestDayCalendar>();

  readonly isValid = (calendar: unknown): boolean => {
    const compiled = this.lookup(calendar);
    if (compiled) this.byObject.set(calendar as object, compiled);
    return compiled !== null;
  };

  compiled(calendar: Calendar): RestDayCalendar {
    return this.byObject.get(calendar) ?? compileCalendar(calendar);
  }

  private lookup(calendar: unknown): RestDayCalendar | null {
    for (let i = 0; i < this.recent.length; i++) {
      const entry = this.recent[i];
      if (!sameJsonValue(entry.calendar, calendar)) continue;
      if (i > 0) {
        this.recent.splice(i, 1);
        this.recent.unshift(entry);
      }
      return entry.compiled;
    }
    const text = JSON.stringify(calendar);
    let compiled = this.byText.get(text);
    if (compiled === undefined) {
      compiled = isDeadlineCalendar(calendar) ? compileCalendar(normalizedCalendar(calendar as Partial<Calendar>)) : null;
      this.byText.set(text, compiled);
    }
    this.recent.unshift({ calendar, compiled });
    if (this.recent.length > MAX_RECENT_CALENDARS) this.recent.pop();
    return compiled;
  }
}

const MAX_RECENT_CALENDARS = 8;

/**
 * Equal as JSON texts would be: the same keys in the same order, arrays of the same primitives.
 * Anything deeper answers false, which only sends the value to the text key.
 */
function sameJsonValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== other[i] || (typeof a[i] === 'object' && a[i] !== null)) return false;
    return true;
  }
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  for (let i = 0; i < aKeys.length; i++) {
    const key = aKeys[i];
    if (key !== bKeys[i] || !sameJsonValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
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

/** A batch read and validated, waiting for its calendar; or the answer already (a problem). */
export type PreparedDeadlineCommand =
  | { output: CommandOutput }
  | { batch: boolean; requests: DeadlineRequest[]; calendars: CalendarCache; needsStoredCalendar: boolean };

/**
 * Reads one request or an array of them (JSON) and validates every item. Split from the
 * computation so that the command parses its input once and opens the database only when a valid
 * period asks for the stored calendar.
 */
export function prepareDeadlineCommand(stdinText: string): PreparedDeadlineCommand {
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch (error) {
    return { output: fail(EXIT_INVALID, problem('MALFORMED_JSON', { detail: (error as Error).message })) };
  }
  const batch = Array.isArray(input);
  const calendars = new CalendarCache();
  const validated = validateAll(batch ? (input as unknown[]) : [input], calendars);
  if ('problem' in validated) return { output: fail(EXIT_INVALID, validated.problem) };
  const { requests } = validated;
  return { batch, requests, calendars, needsStoredCalendar: requests.some(needsStoredCalendar) };
}

/** What the command answers: its exit code and its stdout text, in pieces to be written in turn. */
export interface CommandAnswer {
  exitCode: number;
  pieces: Iterable<string>;
}

/** Results are turned into text this many at a time: one text of the whole batch (tens of MB) cost more in memory and GC than the pieces. */
const RESULTS_PER_PIECE = 4096;

/**
 * Answers a prepared batch: the result or the array of results (compact JSON, one line).
 * `storedCalendar` is used by periods that carry no calendar of their own; without it such
 * periods are refused with CALENDAR_REQUIRED. Every result is computed before the first piece
 * of text is made, so a failure still answers one problem, never part of a batch.
 */
export function finishDeadlineCommand(prepared: PreparedDeadlineCommand, storedCalendar?: Calendar): CommandAnswer {
  if ('output' in prepared) return answerOf(prepared.output);
  const { batch, requests, calendars } = prepared;
  if (!storedCalendar) {
    const missing = calendarProblem(requests);
    if (missing) return answerOf(fail(EXIT_INVALID, missing));
  }
  let results: DeadlineResult[];
  try {
    results = computeAll(requests, calendars, storedCalendar);
  } catch (error) {
    return answerOf(fail(EXIT_INTERNAL, problem('INTERNAL', { detail: (error as Error).message })));
  }
  return { exitCode: EXIT_OK, pieces: batch ? batchPieces(results) : [`${JSON.stringify(results[0])}\n`] };
}

function answerOf(output: CommandOutput): CommandAnswer {
  return { exitCode: output.exitCode, pieces: [output.stdout] };
}

/** `[r0,r1,…]\n`, made RESULTS_PER_PIECE results at a time. */
function* batchPieces(results: readonly DeadlineResult[]): Generator<string> {
  yield '[';
  yield* resultPieces(results);
  yield ']\n';
}

/** `r0,r1,…` (no brackets), RESULTS_PER_PIECE results a piece: JSON.stringify of each slice, its brackets dropped. */
export function* resultPieces(results: readonly DeadlineResult[]): Generator<string> {
  for (let start = 0; start < results.length; start += RESULTS_PER_PIECE) {
    const text = JSON.stringify(results.slice(start, start + RESULTS_PER_PIECE));
    yield start === 0 ? text.slice(1, -1) : `,${text.slice(1, -1)}`;
  }
}

/**
 * The results of a valid prepared batch, or null when its answer is a problem (invalid input, a
 * period without a calendar, a corrupt stored calendar): `finishDeadlineCommand` then says which.
 */
export function resultsOf(prepared: PreparedDeadlineCommand, storedCalendar?: Calendar): DeadlineResult[] | null {
  if ('output' in prepared || !prepared.batch || (!storedCalendar && prepared.needsStoredCalendar)) return null;
  try {
    return computeAll(prepared.requests, prepared.calendars, storedCalendar);
  } catch {
    return null;
  }
}

function computeAll(requests: readonly DeadlineRequest[], calendars: CalendarCache, storedCalendar?: Calendar): DeadlineResult[] {
  // Compiled once for the whole batch: each period then costs a few Set lookups.
  const stored = storedCalendar ? compileCalendar(storedCalendar) : undefined;
  return requests.map((request) =>
    request.type === 'period' && request.calendar ? computePeriod(request, calendars.compiled(request.calendar)) : compute(request, stored),
  );
}

/** `courtassist deadline` on a text, answered as one text (tests, and callers that hold the stored calendar already). */
export function runDeadlineCommand(stdinText: string, storedCalendar?: Calendar): CommandOutput {
  const answer = finishDeadlineCommand(prepareDeadlineCommand(stdinText), storedCalendar);
  return { exitCode: answer.exitCode, stdout: [...answer.pieces].join('') };
}
