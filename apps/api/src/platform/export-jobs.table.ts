import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer on both drivers. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Export jobs (XLSX) of any module: what was asked (`kind`, the query), the progress and, when
 * done, the file. Kept in the database so that any API instance can report progress and serve
 * the file; only the person who started a job sees it.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    query: jsonb('query').notNull(),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    error: text('error'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    finishedAt: stamp('finished_at'),
  },
  (t) => [
    check('export_jobs_status_check', sql`${t.status} IN ('running','done','failed')`),
    index('export_jobs_user_idx').on(t.userId, t.createdAt),
  ],
);
