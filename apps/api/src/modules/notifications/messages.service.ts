import {
  type FieldProblem,
  MESSAGE_CHANNELS,
  type MessageChannel,
  type OutboxMessageView,
  type OutboxPage,
  type OutboxQuery,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import type { ChannelAdapters } from './adapters.js';
import {
  claimDueMessages,
  findMessage,
  insertMessage,
  listMessages,
  type MessageRecord,
  type Outcome,
  recordOutcomes,
  requeueDeadMessage,
} from './messages.repository.js';
import {
  afterFailure,
  errorText,
  LEASE_MINUTES,
  messageAddressProblem,
  normaliseAddress,
  seesInstallationMessages,
} from './messages.rules.js';

/**
 * External messages (SMS, mail). A module queues one with `queueMessage` in its own transaction —
 * a rolled-back change sends nothing — and learns through `onMessageSettled` when it was sent or
 * became a dead letter. The sender takes due messages from the outbox after the commit (and every
 * minute), sends them outside any transaction, and records the outcomes: sent, due again after a
 * back-off, or dead after the last attempt.
 */

export interface QueueMessageInput {
  channel: 'sms' | 'mail';
  /** A mainland mobile number (sms) or an e-mail address (mail). */
  to: string;
  /** The mail's subject; SMS have none. */
  subject?: string;
  text: string;
  /** What the message is about, e.g. `delivery.electronic`: also the key of its settled handler. */
  kind: string;
  entityType?: string;
  entityId?: string | number;
  /** The court the message belongs to: its administrators see it. Without one, only the installation's. */
  courtId?: number;
}

const MAX_TEXT = 2_000;
const MAX_SUBJECT = 200;

/** Messages queued in this process; the sender looks after a request whether there are new ones. */
let queuedCount = 0;

/** Queues an SMS or an e-mail in the caller's transaction; answers the outbox id. */
export async function queueMessage(tx: Executor, input: QueueMessageInput): Promise<number> {
  const problems: FieldProblem[] = [];
  const channel = input.channel;
  if (!(MESSAGE_CHANNELS as readonly string[]).includes(channel)) problems.push(fieldProblem('channel', 'invalid_value'));
  const to = typeof input.to === 'string' && problems.length === 0 ? normaliseAddress(channel, input.to) : '';
  if (problems.length === 0) {
    const problem = messageAddressProblem(channel, to);
    if (problem) problems.push(fieldProblem('to', problem));
  }
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text === '') problems.push(fieldProblem('text', 'required'));
  else if (text.length > MAX_TEXT) problems.push(fieldProblem('text', 'too_big'));
  const subject = input.subject?.trim() || null;
  if (subject && subject.length > MAX_SUBJECT) problems.push(fieldProblem('subject', 'too_big'));
  if (typeof input.kind !== 'string' || input.kind.trim() === '') problems.push(fieldProblem('kind', 'required'));
  if (problems.length > 0) throw AppError.invalid(...problems);
  const id = await insertMessage(tx, {
    channel,
    to,
    subject: channel === 'mail' ? subject : null,
    text,
    kind: input.kind.trim(),
    courtId: input.courtId ?? null,
    entityType: input.entityType ?? null,
    entityId: input.entityId === undefined ? null : String(input.entityId),
  });
  queuedCount++;
  return id;
}

// ---- settled handlers ----

interface SettledBase {
  outboxId: number;
  kind: string;
  entityType: string | null;
  entityId: string | null;
}
export type MessageSettled = (SettledBase & { status: 'sent'; sentAt: Date }) | (SettledBase & { status: 'dead'; error: string });
export type MessageSettledHandler = (tx: Executor, settled: MessageSettled) => Promise<void>;

const settledHandlers = new Map<string, MessageSettledHandler>();

/**
 * Registers what happens, in the transaction that records it, when a message of `kind` is sent
 * or becomes a dead letter. One handler per kind: building the app again replaces it.
 */
export function onMessageSettled(kind: string, handler: MessageSettledHandler): void {
  settledHandlers.set(kind, handler);
}

// ---- the sender ----

export interface SendReport {
  sent: number;
  retrying: number;
  dead: number;
}

export interface MessageSender {
  /** Channels without a real adapter: their messages never leave the system. */
  readonly developmentChannels: MessageChannel[];
  /** Sends what is due in the background, unless a run is going on (then one more run follows). */
  kick(): void;
  /** Kicks when messages were queued since the last kick (after a request's commit). */
  kickIfQueued(): void;
  /** Sends everything due at `now` (default: the moment of the call), batch by batch. */
  run(now?: Date): Promise<SendReport>;
  /** Resolves when no background run is going on. */
  idle(): Promise<void>;
  /** No more runs; waits for the one going on. */
  stop(): Promise<void>;
}

interface Log {
  error(obj: unknown, msg?: string): void;
}

export const SEND_BATCH = 10;

export function createMessageSender(db: Db, adapters: ChannelAdapters, log: Log, batch = SEND_BATCH): MessageSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let seen = queuedCount;

  async function sendOne(m: Awaited<ReturnType<typeof claimDueMessages>>[number], at: Date): Promise<Outcome> {
    const adapter = adapters[m.channel];
    try {
      await adapter.send({ to: m.to, subject: m.subject, text: m.text });
      return { id: m.id, status: 'sent', via: adapter.name, error: null, nextAttemptAt: null, sentAt: new Date().toISOString() };
    } catch (error) {
      const next = afterFailure(m.attempts, at);
      return {
        id: m.id,
        status: next.status,
        via: null,
        error: errorText(error),
        nextAttemptAt: next.status === 'pending' ? next.nextAttemptAt.toISOString() : null,
        sentAt: null,
      };
    }
  }

  async function settle(outcomes: Outcome[]): Promise<void> {
    await db.transaction(async (tx) => {
      const changed = await recordOutcomes(tx, outcomes);
      for (const row of changed) {
        if (row.status === 'pending') continue;
        const handler = settledHandlers.get(row.kind);
        if (!handler) continue;
        const base = { outboxId: row.id, kind: row.kind, entityType: row.entityType, entityId: row.entityId };
        const settled: MessageSettled =
          row.status === 'sent'
            ? { ...base, status: 'sent', sentAt: new Date(row.sentAt as Date | string) }
            : { ...base, status: 'dead', error: row.lastError ?? '' };
        // A handler's failure must not undo the record of a message that really left: its own
        // savepoint rolls back, the error is logged, and the outcome stands.
        try {
          await tx.transaction((sp) => handler(sp, settled));
        } catch (err) {
          log.error({ err, outboxId: row.id, kind: row.kind }, 'message settled handler failed');
        }
      }
    });
  }

  async function run(now?: Date): Promise<SendReport> {
    const report: SendReport = { sent: 0, retrying: 0, dead: 0 };
    for (;;) {
      const at = now ?? new Date();
      const claimed = await claimDueMessages(db, at, new Date(at.getTime() + LEASE_MINUTES * 60_000), batch);
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((m) => sendOne(m, at)));
      await settle(outcomes);
      for (const o of outcomes) report[o.status === 'pending' ? 'retrying' : o.status]++;
      if (claimed.length < batch) break;
    }
    return report;
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await run();
        } catch (err) {
          log.error({ err }, 'sending messages failed');
        }
      } while (again && !stopped);
      running = null;
    })();
  }

  return {
    developmentChannels: MESSAGE_CHANNELS.filter((c) => adapters[c].name === 'development'),
    kick,
    kickIfQueued() {
      if (queuedCount === seen) return;
      seen = queuedCount;
      kick();
    },
    run,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      while (running) await running;
    },
  };
}

// ---- the administrators' outbox page ----

const scopeOf = (actor: Actor) => ({ courtPath: actor.courtPath, installationWide: seesInstallationMessages(actor.courtPath) });

function toView(record: MessageRecord): OutboxMessageView {
  return { ...record, via: record.via as OutboxMessageView['via'] };
}

export async function findOutbox(db: Db, actor: Actor, query: OutboxQuery, sender: MessageSender): Promise<OutboxPage> {
  const { items, total, dead } = await listMessages(db, scopeOf(actor), {
    channel: query.channel,
    status: query.status,
    from: query.from,
    to: query.to,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: items.map(toView),
    total,
    page: query.page,
    pageSize: query.pageSize,
    dead,
    developmentChannels: sender.developmentChannels,
  };
}

export async function getOutboxMessage(db: Db, actor: Actor, id: number): Promise<OutboxMessageView> {
  const found = await findMessage(db, scopeOf(actor), id);
  if (!found) throw AppError.notFound();
  return toView(found);
}

/** Sends a dead letter again: back to pending, due now, with a fresh count of attempts. */
export async function retryMessage(db: Db, ctx: RequestContext, actor: Actor, id: number): Promise<OutboxMessageView> {
  await db.transaction(async (tx) => {
    const before = await findMessage(tx, scopeOf(actor), id);
    if (!before) throw AppError.notFound();
    if (before.status !== 'dead' || !(await requeueDeadMessage(tx, id))) {
      throw new AppError('INVALID_STATE', 'conflict', { meta: { status: before.status, allowed: ['dead'] } });
    }
    await recordAudit(tx, ctx, {
      entityType: 'outbox-message',
      entityId: id,
      action: 'retry',
      courtId: before.courtId,
      before: { status: 'dead', attempts: before.attempts, lastError: before.lastError },
      after: { status: 'pending', attempts: 0 },
    });
  });
  return getOutboxMessage(db, actor, id);
}
