import {
  CALENDAR_FIELD_ERRORS,
  type Calendar,
  type CalendarDay,
  type CalendarDayKind,
  type CalendarImportRequest,
  type CalendarImportResult,
  type CalendarYearView,
  type PutCalendarDayRequest,
  type WorkingDayAnswer,
} from '@courtassist/contracts';
import { type AuditContext, recordAudit } from '../../platform/audit.js';
import { type Actor, type RequestContext, systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { OFFICIAL_SCHEDULES, OFFICIAL_YEARS, officialDays } from './calendar.official.js';
import { mayChangeCalendar } from './calendar.policy.js';
import {
  type CalendarDayRecord,
  deleteDay,
  deleteDays,
  findDay,
  hasDaysBetween,
  insertDay,
  insertMissingDays,
  listDays,
  listDaysForUpdate,
  listKindsBetween,
  listYears,
  lockPreload,
  preloadedYears,
  updateDay,
  upsertDays,
} from './calendar.repository.js';
import { isWeekend, restDayCount, workingDayOf, yearBounds, yearOf } from './calendar-days.js';
import { checkJsonImport, checkTextImport, type ImportEntry } from './calendar-import.js';

/** Calendar records belong to no court: the arrangement is national. */
const NATIONAL = null;

const toDay = (row: CalendarDayRecord): CalendarDay => ({ ...row, kind: row.kind as CalendarDayKind });
const audited = ({ day, kind, name }: { day: string; kind: string; name: string }) => ({ day, kind, name });

// ---- reading ----

export async function viewYear(db: Db, year: number): Promise<CalendarYearView> {
  const { first, last } = yearBounds(year);
  const days = (await listDays(db, first, last)).map(toDay);
  return { year, days, restDayCount: restDayCount(year, new Map(days.map((d) => [d.day, d.kind]))) };
}

export async function calendarYears(db: Db): Promise<{ years: number[] }> {
  return { years: await listYears(db) };
}

export async function isWorkingDay(db: Db, day: string): Promise<WorkingDayAnswer> {
  const listed = await findDay(db, day);
  const { first, last } = yearBounds(yearOf(day));
  const { working, reason } = workingDayOf(day, listed ? (listed.kind as CalendarDayKind) : null);
  return { day, working, reason, name: listed?.name ?? null, yearLoaded: listed !== null || (await hasDaysBetween(db, first, last)) };
}

/**
 * The stored arrangement in the deadline calculator's shape, for periods whose request carries no
 * calendar of its own. Years are inclusive bounds; without them, every stored year.
 */
export async function storedCalendar(db: Db, fromYear?: number, toYear?: number): Promise<Calendar> {
  const days = await listKindsBetween(
    db,
    fromYear === undefined ? undefined : yearBounds(fromYear).first,
    toYear === undefined ? undefined : yearBounds(toYear).last,
  );
  return {
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.day),
  };
}

// ---- changing one day ----

function refuseUnlessMayChange(actor: Actor) {
  if (!mayChangeCalendar(actor)) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'The holiday calendar is national; it is managed at the higher court.' });
  }
}

function checkWorkday(day: string, kind: CalendarDayKind) {
  if (kind === 'workday' && !isWeekend(day)) {
    throw AppError.invalid(fieldProblem('body.kind', 'calendar_workday_weekday', CALENDAR_FIELD_ERRORS.calendar_workday_weekday));
  }
}

/**
 * Lists a day (no version) or changes a listed one (the version read). A version for a day that
 * is not listed, or none for one that is, means the caller's view is stale: 409.
 */
export async function putDay(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  day: string,
  input: PutCalendarDayRequest,
): Promise<{ day: CalendarDay; created: boolean }> {
  refuseUnlessMayChange(actor);
  checkWorkday(day, input.kind);
  const patch = { kind: input.kind, name: input.name };
  return db.transaction(async (tx) => {
    const before = await findDay(tx, day);
    if (!before) {
      if (input.version !== undefined) throw AppError.versionConflict();
      const row = await insertDay(tx, { day, ...patch });
      if (!row) throw AppError.versionConflict((await findDay(tx, day))?.version);
      await recordAudit(tx, ctx, { entityType: 'calendar-day', entityId: day, action: 'create', courtId: NATIONAL, after: audited(row) });
      return { day: toDay(row), created: true };
    }
    if (input.version === undefined) throw AppError.versionConflict(before.version);
    const row = await updateDay(tx, day, input.version, patch);
    if (!row) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'calendar-day',
      entityId: day,
      action: 'update',
      courtId: NATIONAL,
      before: audited(before),
      after: audited(row),
    });
    return { day: toDay(row), created: false };
  });
}

/** Removes a day from the calendar: it is a plain weekday or weekend day again. */
export async function removeDay(db: Db, ctx: RequestContext, actor: Actor, day: string, version: number): Promise<void> {
  refuseUnlessMayChange(actor);
  await db.transaction(async (tx) => {
    const before = await findDay(tx, day);
    if (!before) throw AppError.notFound();
    if (!(await deleteDay(tx, day, version))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, { entityType: 'calendar-day', entityId: day, action: 'delete', courtId: NATIONAL, before: audited(before) });
  });
}

// ---- importing a year ----

function importEntries(input: CalendarImportRequest): ImportEntry[] {
  const hasDays = input.days !== undefined;
  const hasText = input.text !== undefined;
  if (hasDays === hasText) {
    throw AppError.invalid(
      fieldProblem(hasDays ? 'body.text' : 'body.days', 'calendar_days_or_text', CALENDAR_FIELD_ERRORS.calendar_days_or_text),
    );
  }
  const check = hasDays ? checkJsonImport(input.year, input.days ?? []) : checkTextImport(input.year, input.text ?? '');
  if (!check.ok) throw AppError.invalid(...check.problems);
  return check.entries;
}

/**
 * Imports a year's days in one transaction: listed days are added or changed; with `replace`, the
 * year's other days are removed. Nothing changes when any day is invalid. One `calendar-year`
 * record summarises the import.
 */
export async function importYear(db: Db, ctx: RequestContext, actor: Actor, input: CalendarImportRequest): Promise<CalendarImportResult> {
  refuseUnlessMayChange(actor);
  const entries = importEntries(input);
  const { year, replace } = input;
  const { first, last } = yearBounds(year);
  return db.transaction(async (tx) => {
    const existing = new Map((await listDaysForUpdate(tx, first, last)).map((r) => [r.day, r]));
    const listed = new Set(entries.map((e) => e.day));
    const added = entries.filter((e) => !existing.has(e.day));
    const updated = entries.filter((e) => {
      const row = existing.get(e.day);
      return row !== undefined && (row.kind !== e.kind || row.name !== e.name);
    });
    const removed = replace ? [...existing.keys()].filter((day) => !listed.has(day)) : [];
    await deleteDays(tx, removed);
    await upsertDays(tx, [...added, ...updated]);
    const after = await listDays(tx, first, last);
    await recordAudit(tx, ctx, {
      entityType: 'calendar-year',
      entityId: year,
      action: 'import',
      courtId: NATIONAL,
      before: counts([...existing.values()]),
      after: {
        ...counts(after),
        replace,
        added: added.map((e) => e.day),
        updated: updated.map((e) => e.day),
        removed,
      },
    });
    return {
      year,
      replace,
      count: entries.length,
      added: added.length,
      updated: updated.length,
      unchanged: entries.length - added.length - updated.length,
      removed: removed.length,
    };
  });
}

function counts(days: readonly { kind: string }[]) {
  return { holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length };
}

// ---- the official schedules ----

/**
 * Preloads each official year once (idempotent, safe with several instances starting together):
 * only dates not listed are added, and a year already offered is skipped, so an administrator's
 * changes and deletions stand. The preload is recorded in the audit trail.
 */
export async function ensureOfficialCalendar(db: Db): Promise<void> {
  const ctx: AuditContext = systemContext('calendar-preload');
  await db.transaction(async (tx) => {
    await lockPreload(tx);
    const done = await preloadedYears(tx, OFFICIAL_YEARS);
    for (const year of OFFICIAL_YEARS) {
      if (done.has(year)) continue;
      const days = officialDays(year);
      const inserted = await insertMissingDays(tx, days);
      const schedule = OFFICIAL_SCHEDULES[year];
      await recordAudit(tx, ctx, {
        entityType: 'calendar-year',
        entityId: year,
        action: 'preload',
        courtId: NATIONAL,
        after: { ...counts(days), added: inserted, notice: `${schedule.notice} (${schedule.published})` },
      });
    }
  });
}
