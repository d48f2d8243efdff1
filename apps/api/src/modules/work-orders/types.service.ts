import type { CreateWorkOrderTypeRequest, UpdateWorkOrderTypeRequest, WorkOrderTypeView } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { courtInScope, findType, insertType, listTypes, type TypeRecord, teamServesCourt, updateType } from './work-orders.repository.js';

/** Work order types (工单类型) are data per court, managed by holders of order.type.manage. */

const toView = (row: TypeRecord): WorkOrderTypeView => row;

export async function findTypes(db: Db, actor: Actor, query: { courtId?: number; active?: 'true' | 'false' }) {
  const items = (
    await listTypes(db, actor, { courtId: query.courtId, active: query.active === undefined ? undefined : query.active === 'true' })
  ).map(toView);
  return { items, total: items.length };
}

export async function getType(db: Db, actor: Actor, id: number): Promise<WorkOrderTypeView> {
  const row = await findType(db, id, actor);
  if (!row) throw AppError.notFound();
  return toView(row);
}

async function checkTeam(db: Db, teamId: number | null, courtId: number) {
  if (teamId !== null && !(await teamServesCourt(db, teamId, courtId))) {
    throw AppError.invalid(
      fieldProblem('body.teamId', 'invalid_value', {
        zh: '承办团队须为本院（人民法庭为所属基层法院）的团队',
        en: 'The handling team must be a team of the court (or, for a tribunal, of its basic court)',
      }),
    );
  }
}

export async function createType(db: Db, ctx: RequestContext, actor: Actor, input: CreateWorkOrderTypeRequest) {
  if (!(await courtInScope(db, input.courtId, actor))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  await checkTeam(db, input.teamId, input.courtId);
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await insertType(tx, input);
      await recordAudit(tx, ctx, {
        entityType: 'work-order-type',
        entityId: newId,
        action: 'create',
        courtId: input.courtId,
        after: input,
      });
      return newId;
    });
    return getType(db, actor, id);
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'work_order_types_court_code_key') {
      throw AppError.invalid(fieldProblem('body.code', 'duplicate'));
    }
    throw error;
  }
}

export async function editType(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateWorkOrderTypeRequest) {
  const before = await getType(db, actor, id);
  await checkTeam(db, input.teamId, before.courtId);
  const { version, ...patch } = input;
  await db.transaction(async (tx) => {
    if (!(await updateType(tx, id, version, patch))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'work-order-type',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before,
      after: { ...before, ...patch },
      omit: ['version', 'courtName', 'teamName'],
    });
  });
  return getType(db, actor, id);
}
