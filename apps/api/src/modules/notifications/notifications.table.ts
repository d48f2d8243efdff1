import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The outbox: written in the same transaction as the change that causes a notification, then
 * delivered by a channel adapter (in-app, SMS gateway, mail). Nothing is lost if delivery fails:
 * the row stays until sent, with its attempts counted.
 *
 * In-app rows address a user (`user_id`); SMS and mail rows address a phone number or an e-mail
 * address (`address`) — often a party, not a user — and carry their own text. An external message
 * is `pending` until an adapter sends it (`sent`) or it has failed its last attempt (`dead`, a
 * dead letter an administrator may send again); `next_attempt_at` is when it is due, pushed
 * forward while an instance is sending it (a lease) and by the back-off after a failure.
 * In-app rows keep their original bookkeeping (`sent_at`); `status` concerns external messages.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    userId: integer('user_id'),
    /** The court the message belongs to (its data scope); null for installation-wide messages. */
    courtId: integer('court_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    address: text('address'),
    subject: text('subject'),
    body: text('text'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    status: text('status').notNull().default('pending'),
    nextAttemptAt: stamp('next_attempt_at').notNull().defaultNow(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    sentAt: stamp('sent_at'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    check('outbox_channel_check', sql`${t.channel} IN ('in-app','sms','mail')`),
    check('outbox_status_check', sql`${t.status} IN ('pending','sent','dead')`),
    check(
      'outbox_recipient_check',
      sql`(${t.channel} = 'in-app' AND ${t.userId} IS NOT NULL) OR (${t.channel} <> 'in-app' AND ${t.address} IS NOT NULL AND ${t.body} IS NOT NULL)`,
    ),
    index('outbox_unsent_idx').on(t.id).where(sql`${t.sentAt} IS NULL`),
    /** The sender's claim: external messages due now. */
    index('outbox_due_idx')
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.status} = 'pending' AND ${t.channel} <> 'in-app'`),
    /** The administrators' list, newest first, and its dead-letter count. */
    index('outbox_external_list_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.channel} <> 'in-app'`),
    index('outbox_dead_idx').on(t.courtId).where(sql`${t.status} = 'dead'`),
  ],
);

/** In-app notifications as the user sees them. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    readAt: stamp('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id)],
);
