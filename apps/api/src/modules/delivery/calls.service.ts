import {
  type CreateDeliveryCallRequest,
  DELIVERY_FIELD_ERRORS,
  type DeliveryCallQuery,
  type DeliveryCallView,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { type CallRecord, caseForDelivery, insertCall, isoOf, listCalls, partiesOf } from './delivery.repository.js';

/** The call log of the unified delivery hotline (送达热线): who was called about which case, the outcome, the follow-up. */

const toView = (row: CallRecord): DeliveryCallView => ({ ...row, calledAt: isoOf(row.calledAt) as string });

export async function logCall(db: Db, ctx: RequestContext, actor: Actor, input: CreateDeliveryCallRequest): Promise<DeliveryCallView> {
  const k = await caseForDelivery(db, input.caseId, actor);
  if (!k) throw AppError.invalid(fieldProblem('body.caseId', 'invalid_value'));
  const problems = [];
  if (input.partyId !== null && (await partiesOf(db, input.caseId, [input.partyId])).length === 0)
    problems.push(fieldProblem('body.partyId', 'party_not_in_case', DELIVERY_FIELD_ERRORS.party_not_in_case));
  if (new Date(input.calledAt).getTime() > Date.now() + 5 * 60_000)
    problems.push(fieldProblem('body.calledAt', 'invalid_value', { zh: '通话时间不能晚于现在', en: 'The call cannot be in the future' }));
  if (problems.length > 0) throw AppError.invalid(...problems);
  const id = await db.transaction(async (tx) => {
    const made = await insertCall(tx, {
      courtId: k.courtId,
      caseId: input.caseId,
      partyId: input.partyId,
      calledAt: new Date(input.calledAt),
      outcome: input.outcome,
      followUp: input.followUp,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await recordAudit(tx, ctx, { entityType: 'delivery-call', entityId: made, action: 'create', courtId: k.courtId, after: input });
    return made;
  });
  const { items } = await listCalls(db, actor, { id, cursor: null, limit: 1 });
  return toView(items[0]);
}

export async function findCalls(db: Db, actor: Actor, query: DeliveryCallQuery) {
  const { items, total } = await listCalls(db, actor, {
    caseId: query.caseId,
    cursor: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return { items: items.map(toView), total, nextCursor: items.length === query.limit && last ? String(last.id) : null };
}
