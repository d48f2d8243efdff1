import type { IssueSupervisionRequest, SupervisionOrderView, SupervisionQuery } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverSoon, notify } from '../notifications/index.js';
import {
  findSupervisionOrder,
  insertSupervisionOrder,
  listSupervisionOrders,
  recipientForCase,
  type SupervisionListRow,
  type SupervisionRow,
  updateSupervisionOrder,
} from './deadlines.repository.js';
import { type DeadlineDeps, invalidState } from './limit-changes.service.js';
import { chinaToday } from './warning-levels.js';

/**
 * Supervision orders (督办): a president, division head or inspector orders someone who can see
 * a case to act on it by a date; the recipient responds; the issuer (or another supervisor in
 * scope) closes it. An order still open after its due date (China Standard Time) is overdue.
 */

type Action = SupervisionOrderView['allowed'][number];

export function supervisionActions(status: string): Action[] {
  if (status === 'open') return ['respond', 'close'];
  if (status === 'responded') return ['close'];
  return [];
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toSupervisionView(row: SupervisionListRow): SupervisionOrderView {
  return {
    ...row,
    status: row.status as SupervisionOrderView['status'],
    respondedAt: iso(row.respondedAt),
    closedAt: iso(row.closedAt),
    createdAt: iso(row.createdAt) as string,
    allowed: supervisionActions(row.status),
  };
}

async function viewOf(db: Db, actor: Actor, id: number): Promise<SupervisionOrderView> {
  const { items } = await listSupervisionOrders(db, actor, {
    role: 'all',
    userId: actor.userId,
    id,
    today: chinaToday(),
    before: null,
    limit: 1,
  });
  if (items.length === 0) throw AppError.notFound();
  return toSupervisionView(items[0]);
}

export async function issueSupervisionOrder(
  deps: DeadlineDeps,
  ctx: RequestContext,
  actor: Actor,
  caseId: number,
  input: IssueSupervisionRequest,
): Promise<SupervisionOrderView> {
  const { db, cases } = deps;
  const k = await cases.caseForDeadline(db, actor, caseId);
  if (!k) throw AppError.notFound();
  if (k.status === 'archived') throw invalidState('An archived case is not supervised.', []);
  const problems = [];
  if (input.dueOn < chinaToday()) {
    problems.push(fieldProblem('body.dueOn', 'invalid_value', { zh: '督办期限不能早于今天', en: 'The due date cannot be before today' }));
  }
  if (input.recipientId === actor.userId || !(await recipientForCase(db, k.courtId, input.recipientId))) {
    problems.push(
      fieldProblem('body.recipientId', 'invalid_value', {
        zh: '被督办人须为能查看该案的在职人员（且不是本人）',
        en: 'The recipient must be an active user who can see the case (not yourself)',
      }),
    );
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
  const id = await db.transaction(async (tx) => {
    const orderId = await insertSupervisionOrder(tx, {
      caseId,
      courtId: k.courtId,
      issuedBy: actor.userId,
      recipientId: input.recipientId,
      dueOn: input.dueOn,
      text: input.text,
    });
    await notify(tx, [
      {
        userId: input.recipientId,
        kind: 'supervision-issued',
        titleZh: `${k.caseNumber} 督办：请于 ${input.dueOn} 前办理`,
        titleEn: `${k.caseNumber}: supervision order, act by ${input.dueOn}`,
        entityType: 'supervision-order',
        entityId: orderId,
      },
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'supervision-order',
      entityId: orderId,
      action: 'issue',
      courtId: k.courtId,
      after: { caseId, recipientId: input.recipientId, dueOn: input.dueOn, text: input.text },
    });
    return orderId;
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}

async function loadOrder(db: Db, actor: Actor, id: number): Promise<SupervisionRow> {
  const order = await findSupervisionOrder(db, actor, id);
  if (!order) throw AppError.notFound();
  return order;
}

export async function respondSupervisionOrder(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { response: string; version: number },
): Promise<SupervisionOrderView> {
  const order = await loadOrder(db, actor, id);
  if (order.recipientId !== actor.userId) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'Only the recipient responds to a supervision order.' });
  }
  if (order.status !== 'open') throw invalidState(`The order is ${order.status}.`, supervisionActions(order.status));
  if (order.version !== input.version) throw AppError.versionConflict(order.version);
  await db.transaction(async (tx) => {
    const patch = { status: 'responded', response: input.response, respondedAt: new Date() };
    if (!(await updateSupervisionOrder(tx, id, input.version, patch))) throw AppError.versionConflict();
    await notify(tx, [
      {
        userId: order.issuedBy,
        kind: 'supervision-responded',
        titleZh: `督办事项已回复：${input.response.slice(0, 40)}`,
        titleEn: `A supervision order was answered: ${input.response.slice(0, 40)}`,
        entityType: 'supervision-order',
        entityId: id,
      },
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'supervision-order',
      entityId: id,
      action: 'respond',
      courtId: order.courtId,
      before: { status: order.status },
      after: { status: 'responded', response: input.response },
    });
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}

export async function closeSupervisionOrder(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { version?: number },
): Promise<SupervisionOrderView> {
  const order = await loadOrder(db, actor, id);
  if (order.issuedBy !== actor.userId && !actor.permissions.has('supervision.issue')) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'The issuer (or another supervisor) closes a supervision order.' });
  }
  if (order.status === 'closed') throw invalidState('The order is already closed.', []);
  const version = input.version ?? order.version;
  if (order.version !== version) throw AppError.versionConflict(order.version);
  await db.transaction(async (tx) => {
    if (!(await updateSupervisionOrder(tx, id, version, { status: 'closed', closedAt: new Date() }))) throw AppError.versionConflict();
    if (order.status === 'open') {
      await notify(tx, [
        {
          userId: order.recipientId,
          kind: 'supervision-closed',
          titleZh: '督办事项已撤销/办结',
          titleEn: 'A supervision order addressed to you was closed',
          entityType: 'supervision-order',
          entityId: id,
        },
      ]);
    }
    await recordAudit(tx, ctx, {
      entityType: 'supervision-order',
      entityId: id,
      action: 'close',
      courtId: order.courtId,
      before: { status: order.status },
      after: { status: 'closed' },
    });
  });
  await deliverSoon(db);
  return viewOf(db, actor, id);
}

/** My orders (issued or received), or — supervisors — every order in scope; `overdue`: open and past due. */
export async function findSupervisionOrders(db: Db, actor: Actor, query: SupervisionQuery) {
  if (query.role === 'all' && !actor.permissions.has('supervision.issue')) throw AppError.forbidden();
  const { items, total } = await listSupervisionOrders(db, actor, {
    role: query.role,
    userId: actor.userId,
    status: query.status,
    caseId: query.caseId,
    today: chinaToday(),
    before: query.cursor ? Number(query.cursor) : null,
    limit: query.limit,
  });
  const last = items.at(-1);
  return { items: items.map(toSupervisionView), total, nextCursor: items.length === query.limit && last ? String(last.id) : null };
}
