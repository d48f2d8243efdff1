import { DELIVERY_FIELD_ERRORS } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { evidenceOf, findAttempt, setEvidence } from './delivery.repository.js';
import { toAttemptView } from './delivery.service.js';
import { sniffEvidenceType } from './evidence.js';

/**
 * Evidence of an attempt (a photo or scan of the signed proof of delivery). The content must be
 * a JPEG, PNG or PDF and match the declared type; the size limit is the route's body limit.
 */
export async function uploadEvidence(db: Db, ctx: RequestContext, actor: Actor, attemptId: number, declared: string, content: Buffer) {
  const attempt = await findAttempt(db, attemptId, actor);
  if (!attempt) throw AppError.notFound();
  const type = sniffEvidenceType(content);
  if (type === null || type !== declared)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'validation', {
      fields: [fieldProblem('body', 'evidence_type', DELIVERY_FIELD_ERRORS.evidence_type)],
    });
  await db.transaction(async (tx) => {
    await setEvidence(tx, attemptId, content, type);
    await recordAudit(tx, ctx, {
      entityType: 'delivery-attempt',
      entityId: attemptId,
      action: 'upload-evidence',
      courtId: attempt.courtId,
      before: { evidenceType: attempt.evidenceType, evidenceSize: attempt.evidenceSize },
      after: { evidenceType: type, evidenceSize: content.length },
    });
  });
  return toAttemptView({ ...attempt, evidenceType: type, evidenceSize: content.length });
}

export async function downloadEvidence(db: Db, actor: Actor, attemptId: number) {
  const found = await evidenceOf(db, attemptId, actor);
  if (!found) throw AppError.notFound();
  return found;
}
