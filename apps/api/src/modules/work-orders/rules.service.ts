import type { CreateWorkOrderRuleRequest, UpdateWorkOrderRuleRequest, WorkOrderRuleView } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { courtInScope, findRule, insertRule, listRules, type RuleRecord, typeCodeOfCourt, updateRule } from './work-orders.repository.js';

/**
 * Automatic-start rules (自动发起规则) are data per court: which order types a case of a type
 * starts when it is assigned or closed. Managed, like the types, by holders of order.type.manage.
 */

const toView = (row: RuleRecord): WorkOrderRuleView => row;

export async function findRules(db: Db, actor: Actor, query: { courtId: number; caseTypeCode?: string }) {
  const items = (await listRules(db, actor, query)).map(toView);
  return { items, total: items.length };
}

async function getRule(db: Db, actor: Actor, id: number): Promise<WorkOrderRuleView> {
  const row = await findRule(db, id, actor);
  if (!row) throw AppError.notFound();
  return toView(row);
}

export async function createRule(db: Db, ctx: RequestContext, actor: Actor, input: CreateWorkOrderRuleRequest) {
  if (!(await courtInScope(db, input.courtId, actor))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  if (!(await typeCodeOfCourt(db, input.courtId, input.typeCode))) {
    throw AppError.invalid(
      fieldProblem('body.typeCode', 'invalid_value', { zh: '须为本院的工单类型', en: 'Must be a work order type of the court' }),
    );
  }
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await insertRule(tx, input);
      await recordAudit(tx, ctx, {
        entityType: 'work-order-rule',
        entityId: newId,
        action: 'create',
        courtId: input.courtId,
        after: input,
      });
      return newId;
    });
    return getRule(db, actor, id);
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'work_order_rules_court_key') {
      throw AppError.invalid(
        fieldProblem('body.typeCode', 'duplicate', {
          zh: '该案件类型在此节点已有这一工单类型的规则',
          en: 'This case type already has a rule for this order type on this event',
        }),
      );
    }
    throw error;
  }
}

export async function editRule(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateWorkOrderRuleRequest) {
  const before = await getRule(db, actor, id);
  const { version, ...patch } = input;
  await db.transaction(async (tx) => {
    if (!(await updateRule(tx, id, version, patch))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'work-order-rule',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: { per: before.per, active: before.active },
      after: patch,
    });
  });
  return getRule(db, actor, id);
}
