import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { deliveryAttempts, deliveryTasks } from './delivery.table.js';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 电子送达 through the outbox: one SMS or e-mail with a read link, queued in the transaction that
 * creates this row. The attempt itself is created only when the message settles (see
 * electronic.service.ts), so the task cannot count as served before the message has really left.
 *
 * The read token is 256 random bits; only its SHA-256 is stored, under a unique index: the lookup
 * is one index probe, and a copy of this table (a backup, a replica, an export) opens no link.
 */
export const deliveryElectronicSends = pgTable(
  'delivery_electronic_sends',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => deliveryTasks.id, { onDelete: 'cascade' }),
    courtId: integer('court_id').notNull(),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    tokenHash: text('token_hash').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('awaiting'),
    attemptId: integer('attempt_id').references(() => deliveryAttempts.id, { onDelete: 'set null' }),
    error: text('error'),
    sentBy: integer('sent_by'),
    sentByName: text('sent_by_name').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    settledAt: stamp('settled_at'),
    readAt: stamp('read_at'),
  },
  (t) => [
    check('delivery_electronic_sends_channel_check', sql`${t.channel} IN ('sms','mail')`),
    check('delivery_electronic_sends_status_check', sql`${t.status} IN ('awaiting','sent','failed')`),
    uniqueIndex('delivery_electronic_sends_token_key').on(t.tokenHash),
    index('delivery_electronic_sends_task_idx').on(t.taskId, t.id),
    // At most one send per task waits for its result.
    uniqueIndex('delivery_electronic_sends_awaiting_key')
      .on(t.taskId)
      .where(sql`${t.status} = 'awaiting'`),
  ],
);
