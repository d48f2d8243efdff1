import {
  type AddressConfirmationView,
  type CreateAddressConfirmationRequest,
  DELIVERY_FIELD_ERRORS,
  type UpdateAddressConfirmationRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import {
  type ConfirmationRecord,
  caseForDelivery,
  confirmationsOfCase,
  deleteConfirmation,
  findConfirmation,
  insertConfirmation,
  partiesOf,
  refreshOpenTasksOfParty,
  updateConfirmation,
} from './delivery.repository.js';
import { chinaDay } from './delivery.service.js';

/** 送达地址确认书: one per party; while a party's tasks are open they follow the confirmed address. */

const toView = ({ courtId: _c, ...rest }: ConfirmationRecord): AddressConfirmationView => rest;

function signedOnProblem(signedOn: string) {
  return signedOn > chinaDay()
    ? [fieldProblem('body.signedOn', 'invalid_value', { zh: '签署日期不能晚于今天', en: 'The signing date cannot be in the future' })]
    : [];
}

export async function listConfirmations(db: Db, actor: Actor, caseId: number) {
  if (!(await caseForDelivery(db, caseId, actor))) throw AppError.notFound();
  return { items: (await confirmationsOfCase(db, caseId)).map(toView) };
}

export async function createConfirmation(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  caseId: number,
  input: CreateAddressConfirmationRequest,
) {
  const k = await caseForDelivery(db, caseId, actor);
  if (!k) throw AppError.notFound();
  const problems = signedOnProblem(input.signedOn);
  if ((await partiesOf(db, caseId, [input.partyId])).length === 0)
    problems.push(fieldProblem('body.partyId', 'party_not_in_case', DELIVERY_FIELD_ERRORS.party_not_in_case));
  if (problems.length > 0) throw AppError.invalid(...problems);
  const { partyId, ...fields } = input;
  const id = await db
    .transaction(async (tx) => {
      const made = await insertConfirmation(tx, { courtId: k.courtId, caseId, partyId, ...fields, createdBy: actor.userId });
      await refreshOpenTasksOfParty(tx, partyId);
      await recordAudit(tx, ctx, { entityType: 'delivery-address', entityId: made, action: 'create', courtId: k.courtId, after: input });
      return made;
    })
    .catch((error: unknown) => {
      if (constraintOf(error) === 'delivery_address_confirmations_party_key')
        throw AppError.invalid(fieldProblem('body.partyId', 'duplicate'));
      throw error;
    });
  return toView((await findConfirmation(db, id, actor)) as ConfirmationRecord);
}

export async function editConfirmation(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateAddressConfirmationRequest) {
  const before = await findConfirmation(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  const problems = signedOnProblem(input.signedOn);
  if (problems.length > 0) throw AppError.invalid(...problems);
  const { version, ...fields } = input;
  await db.transaction(async (tx) => {
    if (!(await updateConfirmation(tx, id, version, fields))) throw AppError.versionConflict();
    await refreshOpenTasksOfParty(tx, before.partyId);
    await recordAudit(tx, ctx, {
      entityType: 'delivery-address',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: { ...before },
      after: fields,
    });
  });
  return toView((await findConfirmation(db, id, actor)) as ConfirmationRecord);
}

export async function removeConfirmation(db: Db, ctx: RequestContext, actor: Actor, id: number, version: number) {
  const before = await findConfirmation(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== version) throw AppError.versionConflict(before.version);
  await db.transaction(async (tx) => {
    if (!(await deleteConfirmation(tx, id, version))) throw AppError.versionConflict();
    await refreshOpenTasksOfParty(tx, before.partyId);
    await recordAudit(tx, ctx, {
      entityType: 'delivery-address',
      entityId: id,
      action: 'delete',
      courtId: before.courtId,
      before: { ...before },
    });
  });
  return { ok: true as const };
}
