import { createHash } from 'node:crypto';
import { CASE_TYPES, type PutSpecialisationsRequest, type SpecialisationsView } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { causesByCode } from './cases.repository.js';
import {
  lockSpecialist,
  replaceSpecialisations,
  type SpecialisationRow,
  specialisationsOf,
  specialistInScope,
} from './specialisations.repository.js';

/** Causes whose catalogue differs from the case type's (a criminal charge for 民初) make no sense. */
const CAUSE_CATEGORY_OF_CASE_CATEGORY: Readonly<Record<string, string | undefined>> = {
  civil: 'civil',
  criminal: 'criminal',
  administrative: 'administrative',
  enforcement: 'civil',
  mediation: 'civil',
};

/**
 * A short digest of the stored list (read in the repository's stable order): what a writer must
 * have read for its write to be accepted.
 */
export function revisionOf(items: readonly SpecialisationRow[]): string {
  const text = items.map((i) => `${i.caseTypeCode}\u0000${i.causePrefix}`).join('\u0001');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

async function viewOf(ex: Executor, user: { id: number; displayName: string }): Promise<SpecialisationsView> {
  const stored = await specialisationsOf(ex, user.id);
  const named = await causesByCode(ex, stored.map((s) => s.causePrefix).filter(Boolean));
  const items = stored.map((s) => {
    const cause = named.get(s.causePrefix);
    return {
      caseTypeCode: s.caseTypeCode,
      causeCode: s.causePrefix || null,
      causeName: cause ? { zh: cause.nameZh, en: cause.nameEn } : null,
    };
  });
  return { userId: user.id, displayName: user.displayName, items, revision: revisionOf(stored) };
}

export async function getSpecialisations(db: Db, actor: Actor, userId: number): Promise<SpecialisationsView> {
  const user = await specialistInScope(db, userId, actor.courtPath);
  if (!user) throw AppError.notFound();
  return viewOf(db, user);
}

/** Replaces a judge's list; audited with the list before and after. */
export async function setSpecialisations(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  userId: number,
  input: PutSpecialisationsRequest,
): Promise<SpecialisationsView> {
  const user = await specialistInScope(db, userId, actor.courtPath);
  if (!user) throw AppError.notFound();
  if (!user.isJudge) throw AppError.invalid(fieldProblem('params.id', 'not_a_judge'));
  const wanted = await checkedItems(db, input);
  return db.transaction(async (tx) => {
    await lockSpecialist(tx, userId);
    const before = await specialisationsOf(tx, userId);
    if (revisionOf(before) !== input.revision) throw AppError.versionConflict();
    await replaceSpecialisations(tx, userId, wanted);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: userId,
      action: 'set-specialisations',
      courtId: user.courtId,
      before: { specialisations: before.map(label) },
      after: { specialisations: wanted.map(label) },
    });
    return viewOf(tx, user);
  });
}

function label(s: SpecialisationRow): string {
  return s.causePrefix ? `${s.caseTypeCode} ${s.causePrefix}` : s.caseTypeCode;
}

/** Every cause must exist and belong to the case type's catalogue. */
async function checkedItems(db: Db, input: PutSpecialisationsRequest): Promise<SpecialisationRow[]> {
  const problems = [];
  const known = await causesByCode(
    db,
    input.items.flatMap((i) => (i.causeCode === null ? [] : [i.causeCode])),
  );
  for (const [index, item] of input.items.entries()) {
    if (item.causeCode === null) continue;
    const cause = known.get(item.causeCode);
    const expected = CAUSE_CATEGORY_OF_CASE_CATEGORY[CASE_TYPES[item.caseTypeCode].category];
    if (!cause || cause.category !== expected) problems.push(fieldProblem(`body.items.${index}.causeCode`, 'cause_code'));
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
  return input.items.map((i) => ({ caseTypeCode: i.caseTypeCode, causePrefix: i.causeCode ?? '' }));
}
