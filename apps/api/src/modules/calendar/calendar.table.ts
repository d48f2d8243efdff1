import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The statutory calendar: days that differ from the plain week. A `holiday` is a rest day even
 * on a weekday (法定节假日); a `workday` is a working day even on a weekend (调休上班日). Every
 * other Saturday and Sunday is a rest day.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    /** The holiday the day belongs to, e.g. 国庆节, or the one it makes up for. */
    name: text('name').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('calendar_days_kind_check', sql`${t.kind} IN ('holiday','workday')`), index('calendar_days_kind_idx').on(t.kind, t.day)],
);
