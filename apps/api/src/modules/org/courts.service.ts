import type { Court, CourtLevel, CreateCourtRequest, UpdateCourtRequest } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { type CourtRecord, findCourtInScope, insertCourt, listCourtsInScope, updateCourt } from './courts.repository.js';
import { courtPlacementProblem } from './org.policy.js';

export function toCourt(row: CourtRecord): Court {
  const { path: _path, ...court } = row;
  return { ...court, level: court.level as CourtLevel };
}

export async function listCourts(db: Db, actor: Actor): Promise<Court[]> {
  return (await listCourtsInScope(db, actor)).map(toCourt);
}

export async function getCourt(db: Db, actor: Actor, id: number): Promise<Court> {
  const row = await findCourtInScope(db, actor, id);
  if (!row) throw AppError.notFound();
  return toCourt(row);
}

/**
 * A unique-key clash becomes a 409 DUPLICATE naming the field of the violated constraint
 * (`fields` maps constraint names to fields; `fallback` names the field otherwise).
 */
export function duplicateOn(error: unknown, fallback: string, fields: Record<string, string> = {}): never {
  if (sqlState(error) === UNIQUE_VIOLATION) {
    const field = fields[constraintOf(error) ?? ''] ?? fallback;
    throw new AppError('DUPLICATE', 'conflict', { fields: [fieldProblem(field, 'duplicate')] });
  }
  throw error;
}

const COURT_KEYS = { courts_name_key: 'body.name', courts_code_key: 'body.code' };

/** New courts go under a court in the actor's scope; a new province (root) is made by `courtassist seed`. */
export async function createCourt(db: Db, ctx: RequestContext, actor: Actor, input: CreateCourtRequest): Promise<Court> {
  const parent = input.parentId === null ? null : await findCourtInScope(db, actor, input.parentId);
  if (!parent) throw AppError.invalid(fieldProblem('body.parentId', 'court_parent'));
  const problem = courtPlacementProblem(input.level, input.code, parent);
  if (problem) throw AppError.invalid(fieldProblem(problem === 'court_code' ? 'body.code' : 'body.level', problem));
  try {
    return await db.transaction(async (tx) => {
      const row = await insertCourt(tx, { ...input, parentPath: parent.path });
      await recordAudit(tx, ctx, { entityType: 'court', entityId: row.id, action: 'create', courtId: row.id, after: toCourt(row) });
      return toCourt(row);
    });
  } catch (error) {
    return duplicateOn(error, 'body.code', COURT_KEYS);
  }
}

export async function editCourt(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateCourtRequest): Promise<Court> {
  const before = await findCourtInScope(db, actor, id);
  if (!before) throw AppError.notFound();
  const { version, ...patch } = input;
  try {
    return await db.transaction(async (tx) => {
      const after = await updateCourt(tx, id, version, patch);
      if (!after) throw AppError.versionConflict(before.version);
      await recordAudit(tx, ctx, {
        entityType: 'court',
        entityId: id,
        action: 'update',
        courtId: id,
        before: toCourt(before),
        after: toCourt(after),
      });
      return toCourt(after);
    });
  } catch (error) {
    return duplicateOn(error, 'body.name', COURT_KEYS);
  }
}
