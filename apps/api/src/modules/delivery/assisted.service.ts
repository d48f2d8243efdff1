import type { DeliveryEvidenceType, DeliveryOutcome, DeliveryStatus } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findTask, setEvidence } from './delivery.repository.js';
import { applyAttempt, attemptProblems } from './delivery.service.js';

/**
 * 协助送达: the outcome of a grassroots assistant's delivery, once the court confirmed the
 * assistant's report, becomes an attempt of method `assisted` on the delivery task — through the
 * same code path as an attempt recorded by hand, so the rules, the case's delivery node and the
 * work-order feedback all apply. Runs in the caller's transaction (the confirmation's).
 */

export interface AssistedAttempt {
  deliveryTaskId: number;
  /** The court path the confirming user sees: the delivery task must lie in it. */
  courtPath: string;
  outcome: DeliveryOutcome;
  attemptedAt: string;
  /** The assistant who went. */
  person: string;
  note: string;
  /** The first photo of the report, kept as the attempt's evidence. */
  evidence: { content: Buffer; type: DeliveryEvidenceType } | null;
  /** Who confirmed the report (recorded as the attempt's recorder). */
  recorder: { userId: number; displayName: string };
}

/** The delivery task's status and court, when the caller's scope covers it. */
export async function deliveryTaskForAssistance(
  ex: Executor,
  id: number,
  courtPath: string,
): Promise<{
  id: number;
  courtId: number;
  caseId: number;
  partyId: number;
  status: DeliveryStatus;
  address: string | null;
  phone: string | null;
} | null> {
  const task = await findTask(ex, id, { courtPath });
  return task
    ? {
        id: task.id,
        courtId: task.courtId,
        caseId: task.caseId,
        partyId: task.partyId,
        status: task.status,
        address: task.address,
        phone: task.phone,
      }
    : null;
}

/**
 * Records the attempt; answers its id and how many work orders were fed back, or null when the
 * delivery task was settled meanwhile (served another way, or ended): then there is nothing to record.
 */
export async function recordAssistedAttempt(
  tx: Executor,
  ctx: RequestContext,
  input: AssistedAttempt,
): Promise<{ attemptId: number; fedBack: number } | null> {
  // The row is locked so a concurrent attempt by hand cannot slip between the read and the write.
  await rows(tx, sql`SELECT id FROM delivery_tasks WHERE id = ${input.deliveryTaskId} FOR UPDATE`);
  const task = await findTask(tx, input.deliveryTaskId, { courtPath: input.courtPath });
  if (!task) throw AppError.notFound();
  if (task.status === 'served' || task.status === 'failed') return null;
  const request = {
    version: task.version,
    method: 'assisted' as const,
    outcome: input.outcome,
    attemptedAt: input.attemptedAt,
    person: input.person,
    note: input.note,
  };
  const problems = attemptProblems(request);
  if (problems.length > 0) throw AppError.invalid(...problems);
  const made = await applyAttempt(tx, ctx, input.recorder, task, request, null);
  if (input.evidence) await setEvidence(tx, made.attemptId, input.evidence.content, input.evidence.type);
  return made;
}
