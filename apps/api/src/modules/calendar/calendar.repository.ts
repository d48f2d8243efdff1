import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit.table.js';
import { type Executor, rows } from '../../platform/db.js';
import { calendarDays } from './calendar.table.js';

export interface CalendarDayRecord {
  day: string;
  kind: string;
  name: string;
  version: number;
}

const dayColumns = { day: calendarDays.day, kind: calendarDays.kind, name: calendarDays.name, version: calendarDays.version };

/** The listed days between two dates (inclusive), in date order. */
export async function listDays(ex: Executor, first: string, last: string): Promise<CalendarDayRecord[]> {
  return ex
    .select(dayColumns)
    .from(calendarDays)
    .where(and(gte(calendarDays.day, first), lte(calendarDays.day, last)))
    .orderBy(asc(calendarDays.day));
}

/** Same, locked until the transaction ends: an import computes its changes from these rows. */
export async function listDaysForUpdate(ex: Executor, first: string, last: string): Promise<CalendarDayRecord[]> {
  return ex
    .select(dayColumns)
    .from(calendarDays)
    .where(and(gte(calendarDays.day, first), lte(calendarDays.day, last)))
    .orderBy(asc(calendarDays.day))
    .for('update');
}

export async function findDay(ex: Executor, day: string): Promise<CalendarDayRecord | null> {
  const [row] = await ex.select(dayColumns).from(calendarDays).where(eq(calendarDays.day, day));
  return row ?? null;
}

/** Years with at least one listed day, ascending. */
export async function listYears(ex: Executor): Promise<number[]> {
  const result = await rows<{ year: number }>(
    ex,
    sql`SELECT DISTINCT extract(year FROM ${calendarDays.day})::int AS year FROM ${calendarDays} ORDER BY year`,
  );
  return result.map((r) => Number(r.year));
}

/** Whether any day of the year is listed. */
export async function hasDaysBetween(ex: Executor, first: string, last: string): Promise<boolean> {
  const [row] = await ex
    .select({ day: calendarDays.day })
    .from(calendarDays)
    .where(and(gte(calendarDays.day, first), lte(calendarDays.day, last)))
    .limit(1);
  return row !== undefined;
}

/** Inserts a day unless it exists; returns the new row, or null when the date was taken. */
export async function insertDay(ex: Executor, values: { day: string; kind: string; name: string }): Promise<CalendarDayRecord | null> {
  const [row] = await ex.insert(calendarDays).values(values).onConflictDoNothing().returning(dayColumns);
  return row ?? null;
}

/** Changes a day at the version read; null when the version is stale or the day is gone. */
export async function updateDay(
  ex: Executor,
  day: string,
  version: number,
  patch: { kind: string; name: string },
): Promise<CalendarDayRecord | null> {
  const [row] = await ex
    .update(calendarDays)
    .set({ ...patch, version: sql`${calendarDays.version} + 1`, updatedAt: new Date() })
    .where(and(eq(calendarDays.day, day), eq(calendarDays.version, version)))
    .returning(dayColumns);
  return row ?? null;
}

/** Deletes a day at the version read; false when the version is stale or the day is gone. */
export async function deleteDay(ex: Executor, day: string, version: number): Promise<boolean> {
  const deleted = await ex
    .delete(calendarDays)
    .where(and(eq(calendarDays.day, day), eq(calendarDays.version, version)))
    .returning({ day: calendarDays.day });
  return deleted.length === 1;
}

/**
 * Writes many days in one statement: new dates are inserted, listed dates whose kind or name
 * differ are changed (version + 1), identical ones are left alone.
 */
export async function upsertDays(ex: Executor, days: readonly { day: string; kind: string; name: string }[]): Promise<void> {
  if (days.length === 0) return;
  await ex
    .insert(calendarDays)
    .values(days.map(({ day, kind, name }) => ({ day, kind, name })))
    .onConflictDoUpdate({
      target: calendarDays.day,
      set: {
        kind: sql`excluded.kind`,
        name: sql`excluded.name`,
        version: sql`${calendarDays.version} + 1`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`(${calendarDays.kind}, ${calendarDays.name}) IS DISTINCT FROM (excluded.kind, excluded.name)`,
    });
}

/** Official days not yet listed are added; a listed date is never touched. Returns how many were added. */
export async function insertMissingDays(ex: Executor, days: readonly { day: string; kind: string; name: string }[]): Promise<number> {
  if (days.length === 0) return 0;
  const inserted = await ex
    .insert(calendarDays)
    .values(days.map(({ day, kind, name }) => ({ day, kind, name })))
    .onConflictDoNothing()
    .returning({ day: calendarDays.day });
  return inserted.length;
}

export async function deleteDays(ex: Executor, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await ex.delete(calendarDays).where(inArray(calendarDays.day, [...days]));
}

/** Every listed day between two dates (either bound optional), as the deadline calculator wants them. */
export async function listKindsBetween(ex: Executor, first?: string, last?: string): Promise<{ day: string; kind: string }[]> {
  return ex
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(and(first ? gte(calendarDays.day, first) : undefined, last ? lte(calendarDays.day, last) : undefined))
    .orderBy(asc(calendarDays.day));
}

// ---- preload bookkeeping ----

/** Advisory-lock key under which the official calendar is preloaded, so that instances start safely. */
const PRELOAD_LOCK = 7_240_020;

export async function lockPreload(ex: Executor): Promise<void> {
  await ex.execute(sql`SELECT pg_advisory_xact_lock(${PRELOAD_LOCK})`);
}

/**
 * Years whose official schedule was already offered: the preload leaves a `calendar-year`
 * `preload` record in the audit trail (append-only), so days an administrator later deleted or
 * changed are never put back.
 */
export async function preloadedYears(ex: Executor, years: readonly number[]): Promise<Set<number>> {
  if (years.length === 0) return new Set();
  const found = await ex
    .selectDistinct({ entityId: auditLog.entityId })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'calendar-year'),
        inArray(
          auditLog.entityId,
          years.map((y) => String(y)),
        ),
        eq(auditLog.action, 'preload'),
      ),
    );
  return new Set(found.map((r) => Number(r.entityId)));
}
