import type { NotificationQuery, NotificationView } from '@courtassist/contracts';
import type { Actor } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import {
  countUnread,
  deliverInAppBatch,
  insertOutbox,
  listNotifications,
  markAllRead,
  markRead,
  type Notice,
  type NotificationRow,
} from './notifications.repository.js';

/**
 * Notifications go through the outbox: `notify` writes outbox rows in the caller's transaction
 * (so a rolled-back change notifies no one), and `deliverInApp` — after the commit, and on a
 * schedule for anything left — turns them into the in-app notifications users read.
 */

/** Queues in-app notices in the caller's transaction: one per user and record, no empty recipients. */
export async function notify(tx: Executor, notices: (Omit<Notice, 'userId'> & { userId: number | null })[]): Promise<void> {
  const seen = new Set<string>();
  const wanted: Notice[] = [];
  for (const n of notices) {
    if (n.userId === null) continue;
    const key = `${n.userId}/${n.kind}/${n.entityType}/${n.entityId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    wanted.push(n as Notice);
  }
  await insertOutbox(tx, wanted);
}

export const DELIVERY_BATCH = 1000;

/** Delivers every pending in-app outbox row, a batch per statement; answers how many. */
export async function deliverInApp(db: Executor, batch = DELIVERY_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await deliverInAppBatch(db, batch);
    total += n;
    if (n < batch) return total;
  }
}

/** Delivery right after a committed change; a failure leaves the rows for the scheduled job. */
export async function deliverSoon(db: Db): Promise<void> {
  try {
    await deliverInApp(db);
  } catch {
    // The outbox keeps the rows; the `deliver-notifications` job retries them.
  }
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toView(row: NotificationRow): NotificationView {
  return { ...row, id: Number(row.id), createdAt: iso(row.createdAt) as string, readAt: iso(row.readAt) };
}

export async function myNotifications(db: Db, actor: Actor, query: NotificationQuery) {
  const before = query.cursor ? Number(query.cursor) : null;
  const { items, total, unread } = await listNotifications(db, actor.userId, {
    unread: query.unread === 'true',
    before,
    limit: query.limit,
  });
  const last = items.at(-1);
  return {
    items: items.map(toView),
    total,
    unread,
    nextCursor: items.length === query.limit && last ? String(last.id) : null,
  };
}

export async function unreadOf(db: Executor, userId: number): Promise<number> {
  return countUnread(db, userId);
}

/** Read marks are the reader's own state, not a record of the court: they are not audited. */
export async function readNotification(db: Db, actor: Actor, id: number): Promise<void> {
  if (!(await markRead(db, actor.userId, id))) throw AppError.notFound();
}

export async function readAllNotifications(db: Db, actor: Actor): Promise<number> {
  return markAllRead(db, actor.userId);
}
