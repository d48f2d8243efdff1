import {
  DELIVERY_STATUS_NAMES,
  type DeliveryTaskDetail,
  messageAddressProblem,
  NOTIFICATION_FIELD_ERRORS,
  type SendElectronicRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, type RequestContext, systemContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { type MessageSettled, normaliseAddress, queueMessage } from '../notifications/index.js';
import { caseForDelivery, findTask, updateTask } from './delivery.repository.js';
import { applyAttempt, getTask } from './delivery.service.js';
import { electronicMessage, hashReadToken, isReadToken, newReadToken, type ReadPage, readLink } from './electronic.js';
import { hasAwaitingSend, insertSend, lockTask, markRead, receiptOf, sendOfMessage, settleSend } from './electronic.repository.js';

/**
 * 电子送达 through the outbox. Sending queues an SMS or e-mail with a read link and records a send
 * that awaits its result; no attempt exists yet. Why not an attempt with a pending outcome: every
 * rule that reads attempts (the effect on the task, the next step, the indicators, the work-order
 * feedback) would have to learn to skip it, and a task could look served before anything left.
 * The attempt is made when the message settles — through `applyAttempt`, the very code path of an
 * attempt recorded by hand — so the rules (served only when sent to the confirmed electronic
 * address), the case's delivery node and the work-order feedback apply unchanged.
 */

/** The outbox kind of these messages: also the key of the settled handler. */
export const ELECTRONIC_KIND = 'delivery-electronic';

export async function sendElectronic(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: SendElectronicRequest,
  baseUrl: string,
): Promise<DeliveryTaskDetail> {
  const task = await findTask(db, id, actor);
  if (!task) throw AppError.notFound();
  if (task.version !== input.version) throw AppError.versionConflict(task.version);
  if (task.status === 'served' || task.status === 'failed')
    throw new AppError('INVALID_STATE', 'conflict', {
      detail:
        task.status === 'served' ? 'The task is served already: nothing to send.' : 'The task was ended as undeliverable: nothing to send.',
      meta: { status: task.status, statusName: DELIVERY_STATUS_NAMES[task.status], allowed: ['pending', 'in-progress'] },
    });
  // As the outbox will send it (an e-mail's domain in lower case): the attempt names the address really used.
  const address = normaliseAddress(input.channel, input.address);
  const problem = messageAddressProblem(input.channel, address);
  if (problem) throw AppError.invalid(fieldProblem('body.address', problem, NOTIFICATION_FIELD_ERRORS[problem]));
  if (await hasAwaitingSend(db, id))
    throw new AppError('INVALID_STATE', 'conflict', { detail: 'An electronic send of this task is still awaiting its result.' });
  const k = await caseForDelivery(db, task.caseId);
  if (!k) throw AppError.notFound();
  const token = newReadToken();
  const message = electronicMessage(input.channel, {
    courtName: k.courtName,
    caseNumber: k.caseNumber,
    documentKind: task.documentKind,
    link: readLink(baseUrl, token),
  });
  await db.transaction(async (tx) => {
    // The version moves (a stale form answers 409) and a pending task is now being worked on.
    const moved = await updateTask(tx, id, task.version, { status: 'in-progress' });
    if (!moved) throw AppError.versionConflict();
    const outboxId = await queueMessage(tx, {
      channel: input.channel,
      to: address,
      subject: message.subject,
      text: message.text,
      kind: ELECTRONIC_KIND,
      entityType: 'delivery-task',
      entityId: task.id,
      courtId: k.courtId,
    });
    const sendId = await insertSend(tx, {
      taskId: task.id,
      courtId: task.courtId,
      channel: input.channel,
      address,
      tokenHash: hashReadToken(token),
      outboxId,
      sentBy: actor.userId,
      sentByName: actor.displayName,
    });
    await recordAudit(tx, ctx, {
      entityType: 'delivery-task',
      entityId: task.id,
      action: 'send-electronic',
      courtId: task.courtId,
      before: { status: task.status, version: task.version },
      after: { status: 'in-progress', sendId, outboxId, channel: input.channel, address },
    });
  });
  return getTask(db, actor, id);
}

const CHANNEL_NOTE = { sms: '短信', mail: '电子邮件' } as const;

/**
 * What a settled message does, in the transaction that records its outcome. Sent: an attempt of
 * outcome success at the moment it left (served only when the address is the confirmed one, by
 * the rules). Dead: an attempt of outcome send-failed with the error, so the next step moves on.
 * A message sent after its task was settled otherwise leaves the task alone. An administrator may
 * send a dead letter again: when it then leaves, the success is recorded after the failure.
 * Orders fed back here have their in-app notices delivered by the `deliver-notifications` job.
 */
export async function onElectronicSettled(tx: Executor, settled: MessageSettled): Promise<void> {
  if (settled.entityType !== 'delivery-task' || settled.entityId === null) return;
  const taskId = Number(settled.entityId);
  await lockTask(tx, taskId);
  const send = await sendOfMessage(tx, taskId, settled.outboxId);
  if (!send) return;
  if (settled.status === 'sent' ? send.status === 'sent' : send.status !== 'awaiting') return;
  const task = await findTask(tx, taskId);
  if (!task) return;
  const ctx = systemContext('delivery-electronic');
  const failed = settled.status === 'dead';
  const settledAt = failed ? new Date() : settled.sentAt;
  let attemptId: number | null = null;
  if (task.status !== 'served' && task.status !== 'failed') {
    // A read before the settlement was recorded (the link left a moment before): never before the attempt.
    const readAt = send.readAt ? new Date(Math.max(new Date(send.readAt).getTime(), settledAt.getTime())) : null;
    const via = `经发件箱发送${CHANNEL_NOTE[send.channel]}（消息 #${settled.outboxId}）`;
    const made = await applyAttempt(
      tx,
      ctx,
      // The person who sent it is the recorder (and the handler the work order's feedback names).
      { userId: send.sentByUserId as number, displayName: send.sentBy },
      task,
      {
        version: task.version,
        method: 'electronic',
        outcome: failed ? 'send-failed' : 'success',
        attemptedAt: settledAt.toISOString(),
        person: send.sentBy,
        electronicAddress: send.address,
        readAt: readAt?.toISOString(),
        note: (failed ? `${via}：${settled.error}` : via).slice(0, 1000),
      },
      null,
    );
    attemptId = made.attemptId;
  }
  await settleSend(tx, send.id, {
    status: failed ? 'failed' : 'sent',
    attemptId,
    error: failed ? settled.error : null,
    settledAt,
  });
  await recordAudit(tx, ctx, {
    entityType: 'delivery-task',
    entityId: taskId,
    action: failed ? 'electronic-send-failed' : 'electronic-sent',
    courtId: task.courtId,
    before: { sendId: send.id, status: send.status },
    after: { sendId: send.id, status: failed ? 'failed' : 'sent', attemptId, taskStatus: task.status },
  });
}

/**
 * The read link: the first open records the read time (on the send and its attempt) and is
 * audited; later opens change nothing. A malformed token is refused without touching the database.
 */
export async function openReadLink(db: Db, ctx: RequestContext, token: string): Promise<ReadPage | null> {
  if (!isReadToken(token)) return null;
  return db.transaction(async (tx) => {
    const receipt = await receiptOf(tx, hashReadToken(token));
    if (!receipt) return null;
    let readAt = receipt.readAt ? new Date(receipt.readAt) : null;
    if (!readAt) {
      readAt = await markRead(tx, receipt.sendId, new Date());
      if (readAt)
        await recordAudit(tx, ctx, {
          entityType: 'delivery-task',
          entityId: receipt.taskId,
          action: 'electronic-read',
          courtId: receipt.courtId,
          after: { sendId: receipt.sendId, attemptId: receipt.attemptId, readAt: readAt.toISOString() },
        });
      // A concurrent first open won: its moment stands.
      else readAt = new Date((await receiptOf(tx, hashReadToken(token)))?.readAt ?? Date.now());
    }
    return { courtName: receipt.courtName, caseNumber: receipt.caseNumber, documentKind: receipt.documentKind, readAt };
  });
}
