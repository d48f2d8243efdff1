import type { MessageChannel, MessageStatus } from '@courtassist/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { outbox } from './notifications.table.js';

type Scope = Pick<Actor, 'courtPath'> & { installationWide: boolean };

/** Raw queries give moments as Date (node-postgres) or text (PGlite): ISO text for both. */
const isoOf = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export interface NewMessage {
  channel: MessageChannel;
  to: string;
  subject: string | null;
  text: string;
  kind: string;
  courtId: number | null;
  entityType: string | null;
  entityId: string | null;
}

export async function insertMessage(ex: Executor, m: NewMessage): Promise<number> {
  const [row] = await ex
    .insert(outbox)
    .values({
      channel: m.channel,
      kind: m.kind,
      payload: {},
      address: m.to,
      subject: m.subject,
      body: m.text,
      courtId: m.courtId,
      entityType: m.entityType,
      entityId: m.entityId,
    })
    .returning({ id: outbox.id });
  return row.id;
}

export interface ClaimedMessage {
  id: number;
  channel: MessageChannel;
  to: string;
  subject: string | null;
  text: string;
  attempts: number;
}

/**
 * Claims up to `limit` external messages due at `now` in one statement: skips rows another
 * instance holds, counts the attempt and pushes `next_attempt_at` to `leaseUntil` so nobody else
 * takes them while they are being sent (if this instance dies, they are due again then).
 */
export async function claimDueMessages(ex: Executor, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  return rows<ClaimedMessage>(
    ex,
    sql`UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        WHERE o.id IN (
          SELECT id FROM outbox
          -- \`now\` comes from JavaScript in whole milliseconds; the row's time from PostgreSQL in
          -- microseconds: a message queued in the same millisecond as \`now\` is due too.
          WHERE status = 'pending' AND channel <> 'in-app' AND next_attempt_at < ${now.toISOString()}::timestamptz + interval '1 millisecond'
          ORDER BY next_attempt_at, id LIMIT ${limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING o.id::int AS id, o.channel, o.address AS "to", o.subject, o.text, o.attempts::int AS attempts`,
  );
}

/** What became of one claimed message. */
export interface Outcome {
  id: number;
  status: 'pending' | 'sent' | 'dead';
  /** The adapter that sent it (recorded so the page can tell development sends apart). */
  via: string | null;
  error: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
}

export interface SettledRow {
  id: number;
  kind: string;
  status: MessageStatus;
  sentAt: Date | string | null;
  lastError: string | null;
  entityType: string | null;
  entityId: string | null;
}

/** Records the outcomes of one batch in one statement; answers the rows that changed. */
export async function recordOutcomes(ex: Executor, outcomes: Outcome[]): Promise<SettledRow[]> {
  if (outcomes.length === 0) return [];
  return rows<SettledRow>(
    ex,
    sql`UPDATE outbox o
        SET status = v.status,
            sent_at = v.sent_at,
            last_error = CASE WHEN v.status = 'sent' THEN o.last_error ELSE v.error END,
            next_attempt_at = coalesce(v.next_at, o.next_attempt_at),
            payload = CASE WHEN v.via IS NULL THEN o.payload ELSE o.payload || jsonb_build_object('via', v.via) END
        FROM jsonb_to_recordset(${JSON.stringify(
          outcomes.map((o) => ({ id: o.id, status: o.status, via: o.via, error: o.error, next_at: o.nextAttemptAt, sent_at: o.sentAt })),
        )}::jsonb) AS v(id bigint, status text, via text, error text, next_at timestamptz, sent_at timestamptz)
        WHERE o.id = v.id AND o.status = 'pending'
        RETURNING o.id::int AS id, o.kind, o.status, o.sent_at AS "sentAt", o.last_error AS "lastError",
                  o.entity_type AS "entityType", o.entity_id AS "entityId"`,
  );
}

// ---- the administrators' view ----

function scopeOf(scope: Scope): SQL {
  const courts = courtIdInScope(sql`o.court_id`, scope);
  return scope.installationWide ? sql`(${courts} OR o.court_id IS NULL)` : courts;
}

export interface MessageRecord {
  id: number;
  channel: MessageChannel;
  kind: string;
  to: string;
  subject: string | null;
  text: string;
  status: MessageStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
  entityType: string | null;
  entityId: string | null;
  courtId: number | null;
  via: string | null;
}

const messageColumns = sql`o.id::int AS id, o.channel, o.kind, o.address AS "to", o.subject, o.text, o.status, o.attempts::int AS attempts,
  o.last_error AS "lastError", o.next_attempt_at AS "nextAttemptAt", o.sent_at AS "sentAt", o.created_at AS "createdAt",
  o.entity_type AS "entityType", o.entity_id AS "entityId", o.court_id AS "courtId", o.payload->>'via' AS via`;

type RawRecord = Omit<MessageRecord, 'nextAttemptAt' | 'sentAt' | 'createdAt'> & {
  nextAttemptAt: Date | string;
  sentAt: Date | string | null;
  createdAt: Date | string;
};

const toRecord = (r: RawRecord): MessageRecord => ({
  ...r,
  // A moment to come only while the message waits; a sent or dead one has none.
  nextAttemptAt: r.status === 'pending' ? isoOf(r.nextAttemptAt) : null,
  sentAt: isoOf(r.sentAt),
  createdAt: isoOf(r.createdAt) as string,
});

export interface MessageFilter {
  channel?: MessageChannel;
  status?: MessageStatus;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listMessages(
  ex: Executor,
  scope: Scope,
  f: MessageFilter,
): Promise<{ items: MessageRecord[]; total: number; dead: number }> {
  const where = [sql`o.channel <> 'in-app'`, scopeOf(scope)];
  if (f.channel) where.push(sql`o.channel = ${f.channel}`);
  if (f.status) where.push(sql`o.status = ${f.status}`);
  // Days are China Standard Time whatever the server's zone is.
  if (f.from) where.push(sql`o.created_at >= (${f.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (f.to) where.push(sql`o.created_at < (${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  const condition = sql.join(where, sql` AND `);
  const items = await rows<RawRecord>(
    ex,
    sql`SELECT ${messageColumns} FROM outbox o WHERE ${condition}
        ORDER BY o.created_at DESC, o.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  const [counts] = await rows<{ total: number; dead: number }>(
    ex,
    sql`SELECT (SELECT count(*)::int FROM outbox o WHERE ${condition}) AS total,
               (SELECT count(*)::int FROM outbox o WHERE o.status = 'dead' AND o.channel <> 'in-app' AND ${scopeOf(scope)}) AS dead`,
  );
  return { items: items.map(toRecord), total: counts.total, dead: counts.dead };
}

export async function findMessage(ex: Executor, scope: Scope, id: number): Promise<MessageRecord | null> {
  const [row] = await rows<RawRecord>(
    ex,
    sql`SELECT ${messageColumns} FROM outbox o WHERE o.id = ${id} AND o.channel <> 'in-app' AND ${scopeOf(scope)}`,
  );
  return row ? toRecord(row) : null;
}

/** A dead letter back to pending, due now, with a fresh count of attempts; false when it is not dead. */
export async function requeueDeadMessage(ex: Executor, id: number): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now()
        WHERE id = ${id} AND status = 'dead' AND channel <> 'in-app' RETURNING id`,
  );
  return found.length === 1;
}
