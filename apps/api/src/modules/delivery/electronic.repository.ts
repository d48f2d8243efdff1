import type { DeliveryDocumentKind, ElectronicSendStatus, MessageChannel } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { deliveryElectronicSends } from './electronic.table.js';

/** All SQL of electronic delivery through the outbox (the sends, the read receipt). */

export type NewElectronicSend = typeof deliveryElectronicSends.$inferInsert;

export interface ElectronicSendRecord {
  id: number;
  taskId: number;
  courtId: number;
  channel: MessageChannel;
  address: string;
  status: ElectronicSendStatus;
  attemptId: number | null;
  error: string | null;
  sentBy: string;
  sentByUserId: number | null;
  createdAt: Date | string;
  settledAt: Date | string | null;
  readAt: Date | string | null;
}

const sendColumns = sql`s.id, s.task_id AS "taskId", s.court_id AS "courtId", s.channel, s.address, s.status,
  s.attempt_id AS "attemptId", s.error, s.sent_by_name AS "sentBy", s.sent_by AS "sentByUserId",
  s.created_at AS "createdAt", s.settled_at AS "settledAt", s.read_at AS "readAt"`;

export async function insertSend(ex: Executor, values: NewElectronicSend): Promise<number> {
  const [row] = await ex.insert(deliveryElectronicSends).values(values).returning({ id: deliveryElectronicSends.id });
  return row.id;
}

export async function sendsOf(ex: Executor, taskId: number): Promise<ElectronicSendRecord[]> {
  return rows<ElectronicSendRecord>(
    ex,
    sql`SELECT ${sendColumns} FROM delivery_electronic_sends s WHERE s.task_id = ${taskId} ORDER BY s.id`,
  );
}

/** The send of an outbox message (the message's entity is the task: the task index finds it), locked. */
export async function sendOfMessage(ex: Executor, taskId: number, outboxId: number): Promise<ElectronicSendRecord | null> {
  const [row] = await rows<ElectronicSendRecord>(
    ex,
    sql`SELECT ${sendColumns} FROM delivery_electronic_sends s WHERE s.task_id = ${taskId} AND s.outbox_id = ${outboxId} FOR UPDATE`,
  );
  return row ?? null;
}

export async function hasAwaitingSend(ex: Executor, taskId: number): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM delivery_electronic_sends WHERE task_id = ${taskId} AND status = 'awaiting'`,
  );
  return (row?.n ?? 0) > 0;
}

export async function settleSend(
  ex: Executor,
  id: number,
  patch: { status: ElectronicSendStatus; attemptId: number | null; error: string | null; settledAt: Date },
): Promise<void> {
  await ex.execute(
    sql`UPDATE delivery_electronic_sends SET status = ${patch.status}, attempt_id = COALESCE(${patch.attemptId}::int, attempt_id),
        error = ${patch.error}, settled_at = ${patch.settledAt.toISOString()}::timestamptz WHERE id = ${id}`,
  );
}

/** Locks the task row, so that no attempt by hand slips between the read and the write of a settlement. */
export async function lockTask(ex: Executor, taskId: number): Promise<void> {
  await rows(ex, sql`SELECT id FROM delivery_tasks WHERE id = ${taskId} FOR UPDATE`);
}

export interface ReadReceiptRecord {
  sendId: number;
  taskId: number;
  courtId: number;
  attemptId: number | null;
  /** In the name of the basic court, also for its tribunals' cases, as the message said. */
  courtName: string;
  caseNumber: string;
  documentKind: DeliveryDocumentKind;
  readAt: Date | string | null;
}

/** What the read page shows of a token (by its hash: one probe of the unique index), and nothing more. */
export async function receiptOf(ex: Executor, tokenHash: string): Promise<ReadReceiptRecord | null> {
  const [row] = await rows<ReadReceiptRecord>(
    ex,
    sql`SELECT s.id AS "sendId", s.task_id AS "taskId", s.court_id AS "courtId", s.attempt_id AS "attemptId",
               CASE WHEN c.level = 'tribunal' THEN p.name ELSE c.name END AS "courtName",
               k.case_number AS "caseNumber", t.document_kind AS "documentKind", s.read_at AS "readAt"
        FROM delivery_electronic_sends s JOIN delivery_tasks t ON t.id = s.task_id JOIN cases k ON k.id = t.case_id
        JOIN courts c ON c.id = k.court_id LEFT JOIN courts p ON p.id = c.parent_id
        WHERE s.token_hash = ${tokenHash}`,
  );
  return row ?? null;
}

/**
 * Records the first read: on the send, and on its attempt when there is one. Answers the moment
 * recorded, or null when it was read before (later opens change nothing).
 */
export async function markRead(ex: Executor, sendId: number, at: Date): Promise<Date | null> {
  const [row] = await rows<{ readAt: Date | string; attemptId: number | null }>(
    ex,
    sql`UPDATE delivery_electronic_sends SET read_at = ${at.toISOString()}::timestamptz
        WHERE id = ${sendId} AND read_at IS NULL RETURNING read_at AS "readAt", attempt_id AS "attemptId"`,
  );
  if (!row) return null;
  if (row.attemptId !== null)
    await ex.execute(
      sql`UPDATE delivery_attempts SET read_at = ${at.toISOString()}::timestamptz WHERE id = ${row.attemptId} AND read_at IS NULL`,
    );
  return new Date(row.readAt);
}
