import { CASE_TYPES, type CaseNode, type CaseTypeCode } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { type Db, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import {
  findCause,
  findNodeLimit,
  findProcedure,
  insertCause,
  listNodeLimits,
  updateCause,
  updateProcedure,
  upsertNodeLimit,
} from './reference.repository.js';

// Reference data is province-wide; changing it needs `reference.manage` (checked by the routes).
// A changed trial limit applies to cases filed afterwards and to recomputed deadlines.

export async function editProcedure(
  db: Db,
  ctx: RequestContext,
  code: string,
  input: { nameZh?: string; nameEn?: string; limitMonths?: number | null; limitDays?: number | null; version: number },
) {
  const before = await findProcedure(db, code);
  if (!before) throw AppError.notFound();
  const { version, ...patch } = input;
  // Setting one length clears the other: a limit is months or days.
  if (patch.limitMonths != null) patch.limitDays = null;
  if (patch.limitDays != null) patch.limitMonths = null;
  await db.transaction(async (tx) => {
    if (!(await updateProcedure(tx, code, version, patch))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'procedure',
      entityId: code,
      action: 'update',
      courtId: null,
      before,
      after: { ...before, ...patch },
      omit: ['version'],
    });
  });
  return findProcedure(db, code);
}

export function nodeLimits(db: Db, caseTypeCode?: string) {
  return listNodeLimits(db, caseTypeCode);
}

export async function setNodeLimit(db: Db, ctx: RequestContext, caseTypeCode: string, node: CaseNode, days: number) {
  if (!(caseTypeCode in CASE_TYPES)) throw AppError.notFound();
  if (node === 'filing')
    throw AppError.invalid(
      fieldProblem('params.node', 'invalid_value', { zh: '立案节点没有时限', en: 'The filing node has no time limit' }),
    );
  const before = await findNodeLimit(db, caseTypeCode, node);
  await db.transaction(async (tx) => {
    await upsertNodeLimit(tx, { caseTypeCode: caseTypeCode as CaseTypeCode, node, days });
    await recordAudit(tx, ctx, {
      entityType: 'node-limit',
      entityId: `${caseTypeCode}/${node}`,
      action: 'update',
      courtId: null,
      before: { days: before?.days ?? null },
      after: { days },
    });
  });
  return { caseTypeCode, node, days };
}

/** A new cause sits under an existing parent of the same category, one level below it. */
export async function createCause(
  db: Db,
  ctx: RequestContext,
  input: { code: string; parentCode: string | null; category: string; nameZh: string; nameEn: string },
) {
  const parent = input.parentCode ? await findCause(db, input.parentCode) : null;
  if (input.parentCode && (!parent || parent.category !== input.category))
    throw AppError.invalid(fieldProblem('body.parentCode', 'invalid_value'));
  if (parent && !input.code.startsWith(`${parent.code}.`)) {
    throw AppError.invalid(
      fieldProblem('body.code', 'invalid_format', {
        zh: '代码须以上级案由代码加“.”开头',
        en: "The code must start with the parent's code and a dot",
      }),
    );
  }
  const level = parent ? parent.level + 1 : 1;
  if (level > 4)
    throw AppError.invalid(fieldProblem('body.parentCode', 'invalid_value', { zh: '案由最多四级', en: 'Causes have at most four levels' }));
  try {
    await db.transaction(async (tx) => {
      await insertCause(tx, { ...input, level });
      await recordAudit(tx, ctx, {
        entityType: 'cause',
        entityId: input.code,
        action: 'create',
        courtId: null,
        after: { ...input, level },
      });
    });
  } catch (error) {
    duplicateOnCode(error);
  }
  return findCause(db, input.code);
}

export async function editCause(
  db: Db,
  ctx: RequestContext,
  code: string,
  input: { nameZh?: string; nameEn?: string; active?: boolean; version: number },
) {
  const before = await findCause(db, code);
  if (!before) throw AppError.notFound();
  const { version, ...patch } = input;
  await db.transaction(async (tx) => {
    if (!(await updateCause(tx, code, version, patch))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'cause',
      entityId: code,
      action: 'update',
      courtId: null,
      before,
      after: { ...before, ...patch },
      omit: ['version'],
    });
  });
  return findCause(db, code);
}

function duplicateOnCode(error: unknown): never {
  if (sqlState(error) === UNIQUE_VIOLATION)
    throw new AppError('DUPLICATE', 'conflict', { fields: [fieldProblem('body.code', 'duplicate')] });
  throw error;
}
