import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { outbox } from './notifications.table.js';

/** One in-app message as queued: who, what kind, the titles, and the record it is about. */
export interface Notice {
  userId: number;
  kind: string;
  titleZh: string;
  titleEn: string;
  entityType: string | null;
  entityId: string | number | null;
}

export async function insertOutbox(ex: Executor, notices: Notice[]): Promise<void> {
  if (notices.length === 0) return;
  await ex.insert(outbox).values(
    notices.map((n) => ({
      channel: 'in-app',
      userId: n.userId,
      kind: n.kind,
      payload: {
        titleZh: n.titleZh,
        titleEn: n.titleEn,
        entityType: n.entityType,
        entityId: n.entityId === null ? null : String(n.entityId),
      },
    })),
  );
}

/**
 * A set-based outbox insert for a data-modifying CTE: `source` yields the columns `user_id`,
 * `kind`, `title_zh`, `title_en`, `entity_type`, `entity_id` (text), one row per message.
 */
export function outboxInsertSql(source: SQL): SQL {
  return sql`INSERT INTO outbox (channel, user_id, kind, payload)
             SELECT 'in-app', s.user_id, s.kind,
                    jsonb_build_object('titleZh', s.title_zh, 'titleEn', s.title_en, 'entityType', s.entity_type, 'entityId', s.entity_id)
             FROM (${source}) s
             RETURNING id`;
}

/**
 * The in-app adapter, one batch in one statement: takes unsent in-app outbox rows (skipping rows
 * another instance is delivering), inserts them as notifications and marks them sent.
 */
export async function deliverInAppBatch(ex: Executor, limit: number): Promise<number> {
  const delivered = await rows<{ id: number }>(
    ex,
    sql`WITH batch AS (
          SELECT id, user_id, kind, payload, created_at FROM outbox
          WHERE sent_at IS NULL AND channel = 'in-app'
          ORDER BY id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        ), inserted AS (
          INSERT INTO notifications (user_id, kind, title_zh, title_en, entity_type, entity_id, created_at)
          SELECT user_id, kind, coalesce(payload->>'titleZh', kind), coalesce(payload->>'titleEn', kind),
                 payload->>'entityType', payload->>'entityId', created_at
          FROM batch ORDER BY id
          RETURNING id
        )
        UPDATE outbox o SET sent_at = now(), attempts = o.attempts + 1
        FROM batch b WHERE o.id = b.id
        RETURNING o.id`,
  );
  return delivered.length;
}

export interface NotificationRow {
  id: number;
  kind: string;
  titleZh: string;
  titleEn: string;
  entityType: string | null;
  entityId: string | null;
  createdAt: Date | string;
  readAt: Date | string | null;
}

export async function listNotifications(
  ex: Executor,
  userId: number,
  filter: { unread: boolean; before: number | null; limit: number },
): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
  const where = sql`n.user_id = ${userId} ${filter.unread ? sql`AND n.read_at IS NULL` : sql``}`;
  const items = await rows<NotificationRow>(
    ex,
    sql`SELECT n.id::int AS id, n.kind, n.title_zh AS "titleZh", n.title_en AS "titleEn", n.entity_type AS "entityType",
               n.entity_id AS "entityId", n.created_at AS "createdAt", n.read_at AS "readAt"
        FROM notifications n
        WHERE ${where} ${filter.before ? sql`AND n.id < ${filter.before}` : sql``}
        ORDER BY n.id DESC LIMIT ${filter.limit}`,
  );
  const [counts] = await rows<{ total: number; unread: number }>(
    ex,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE n.read_at IS NULL)::int AS unread
        FROM notifications n WHERE n.user_id = ${userId}`,
  );
  return { items, total: filter.unread ? counts.unread : counts.total, unread: counts.unread };
}

export async function countUnread(ex: Executor, userId: number): Promise<number> {
  const [row] = await rows<{ unread: number }>(
    ex,
    sql`SELECT count(*)::int AS unread FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`,
  );
  return row.unread;
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(ex: Executor, userId: number, id: number): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = ${id} AND user_id = ${userId} RETURNING id`,
  );
  return found.length === 1;
}

export async function markAllRead(ex: Executor, userId: number): Promise<number> {
  const found = await rows<{ id: number }>(
    ex,
    sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL RETURNING id`,
  );
  return found.length;
}
