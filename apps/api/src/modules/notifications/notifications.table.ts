import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The outbox: written in the same transaction as the change that causes a notification, then
 * delivered by a channel adapter (in-app, SMS gateway, mail). Nothing is lost if delivery fails:
 * the row stays until sent, with its attempts counted.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull(),
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: stamp('created_at').notNull().defaultNow(),
    sentAt: stamp('sent_at'),
    attempts: smallint('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    check('outbox_channel_check', sql`${t.channel} IN ('in-app','sms','mail')`),
    index('outbox_unsent_idx').on(t.id).where(sql`${t.sentAt} IS NULL`),
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
