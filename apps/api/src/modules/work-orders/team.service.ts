import type { TeamBoard, WorkOrderStats, WorkOrderStatsQuery, WorkOrderStatsRow } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverSoon, notify } from '../notifications/index.js';
import {
  centreTeams,
  handOverOrders,
  insertEvents,
  mayHold,
  orderStats,
  type StatsRecord,
  teamBoard,
  userName,
} from './work-orders.repository.js';
import { SYSTEM_NAME } from './work-orders.service.js';

/** Centre teams (集约中心团队): who is in them, their board, hand-over, statistics. */

export async function findCentreTeams(db: Db, actor: Actor) {
  return { items: await centreTeams(db, actor) };
}

async function teamInScope(db: Db, actor: Actor, teamId: number) {
  const [team] = await centreTeams(db, actor, teamId);
  if (!team) throw AppError.notFound();
  return team;
}

/** Load per member (待办 accepted, 在办 in progress, overdue, done lately) and the pool of a team. */
export async function boardOf(db: Db, actor: Actor, teamId: number): Promise<TeamBoard> {
  const team = await teamInScope(db, actor, teamId);
  const board = await teamBoard(db, teamId);
  return {
    teamId,
    teamName: team.name,
    pool: board.pool,
    poolOverdue: board.poolOverdue,
    members: board.members.map((m) => ({ ...m, load: m.accepted + m.inProgress })),
  };
}

/**
 * Hand-over (交接) when someone is absent: every order they hold in the team (accepted or in
 * progress) goes to another active member, who starts each afresh. One trace entry per order.
 */
export async function handOver(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { teamId: number; fromUserId: number; toUserId: number },
): Promise<{ moved: number }> {
  const team = await teamInScope(db, actor, input.teamId);
  if (input.fromUserId === input.toUserId || !(await mayHold(db, input.toUserId, input.teamId, team.courtId))) {
    throw AppError.invalid(fieldProblem('body.toUserId', 'assignee_not_member'));
  }
  const toName = (await userName(db, input.toUserId)) ?? '';
  const moved = await db.transaction(async (tx) => {
    const orders = await handOverOrders(tx, input.teamId, input.fromUserId, input.toUserId);
    await insertEvents(
      tx,
      orders.map((o) => ({
        orderId: o.id,
        action: 'redispatch',
        fromStatus: o.status,
        toStatus: 'accepted',
        actorId: actor.userId,
        actorName: actor.displayName ?? SYSTEM_NAME,
        note: `交接 hand-over → ${toName}`,
      })),
    );
    if (orders.length > 0) {
      await notify(tx, [
        {
          userId: input.toUserId,
          kind: 'work-order-hand-over',
          titleZh: `已交接给您 ${orders.length} 件事务工单`,
          titleEn: `${orders.length} work orders were handed over to you`,
          entityType: 'team',
          entityId: input.teamId,
        },
      ]);
    }
    await recordAudit(tx, ctx, {
      entityType: 'team',
      entityId: input.teamId,
      action: 'hand-over-orders',
      courtId: team.courtId,
      after: { fromUserId: input.fromUserId, toUserId: input.toUserId, orderIds: orders.map((o) => o.id) },
    });
    return orders.length;
  });
  await deliverSoon(db);
  return { moved };
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function toRow(r: StatsRecord): WorkOrderStatsRow {
  return {
    key: r.key,
    zh: r.zh ?? '',
    en: r.en ?? '',
    total: r.total,
    open: r.open,
    completed: r.completed,
    overdue: r.overdue,
    avgHandlingHours: r.avgHandlingHours,
    slaRate: rate(r.onTime, r.dueByNow),
    overdueRate: rate(r.overdue, r.total),
  };
}

/** Centre statistics: orders per type, team and person; handling time, overdue rate, SLA compliance. */
export async function statistics(db: Db, actor: Actor, query: WorkOrderStatsQuery): Promise<WorkOrderStats> {
  const filter = { courtId: query.courtId, teamId: query.teamId, from: query.from, to: query.to };
  const [totals, byType, byTeam, byPerson] = await Promise.all([
    orderStats(db, actor, filter, 'totals'),
    orderStats(db, actor, filter, 'type'),
    orderStats(db, actor, filter, 'team'),
    orderStats(db, actor, filter, 'person'),
  ]);
  const empty: StatsRecord = {
    key: null,
    zh: '全部',
    en: 'All',
    total: 0,
    open: 0,
    completed: 0,
    overdue: 0,
    avgHandlingHours: null,
    dueByNow: 0,
    onTime: 0,
  };
  return { totals: toRow(totals[0] ?? empty), byType: byType.map(toRow), byTeam: byTeam.map(toRow), byPerson: byPerson.map(toRow) };
}
