import {
  type TeamBoard,
  WORK_ORDER_STATUS_NAMES,
  type WorkOrderExportRequest,
  type WorkOrderStatsRow,
  type WorkOrderStatus,
} from '@courtassist/contracts';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { type ExportColumn, type ExportJobSpec, type ExportLang, startExportJob } from '../../platform/export-jobs.js';
import { boardOf, statistics } from './team.service.js';
import { listOrders, type OrderFilter, type OrderRecord } from './work-orders.repository.js';
import { orderFilterOf } from './work-orders.service.js';

/**
 * XLSX exports of the centre screens — my orders, the pool, a team's orders and the overdue
 * lists; the team board; the statistics — with the screen's filters and the caller's scope,
 * written in the background by the generic export job (progress shown by the page).
 */

export const EXPORT_KIND = 'work-orders';
/** Excel's sheet holds 1,048,576 rows; larger lists ask for a narrower filter. */
export const MAX_EXPORT_ROWS = 1_000_000;
const PAGE = 1_000;

const pick = (names: { zh: string; en: string }, lang: ExportLang) => (lang === 'en' ? names.en : names.zh);

/** A moment as China Standard Time: 2026-11-21 09:30. */
export function chinaMinute(value: Date | string | null): string {
  if (value === null) return '';
  return new Date(new Date(value).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

const yesNo = (value: boolean, lang: ExportLang) => (value ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否');
const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`);

const ORDER_COLUMNS: ExportColumn<OrderRecord>[] = [
  { zh: '工单号', en: 'Order', width: 9, value: (o) => o.id },
  { zh: '案号', en: 'Case number', width: 28, value: (o) => o.caseNumber },
  { zh: '工单类型', en: 'Type', width: 16, value: (o, l) => pick({ zh: o.typeNameZh, en: o.typeNameEn }, l) },
  { zh: '当事人', en: 'Party', width: 16, value: (o) => o.partyName ?? '' },
  { zh: '状态', en: 'Status', width: 10, value: (o, l) => pick(WORK_ORDER_STATUS_NAMES[o.status as WorkOrderStatus], l) },
  { zh: '承办团队', en: 'Team', width: 18, value: (o, l) => o.teamName ?? (l === 'en' ? 'Shared provincial centre' : '全省共享中心') },
  { zh: '承办人', en: 'Assignee', width: 10, value: (o) => o.assigneeName ?? '' },
  { zh: '发起人', en: 'Initiator', width: 10, value: (o) => o.initiatorName ?? '' },
  { zh: '法院', en: 'Court', width: 24, value: (o) => o.courtName },
  { zh: '发起时间', en: 'Initiated at', width: 17, value: (o) => chinaMinute(o.createdAt) },
  { zh: '到期时间', en: 'Due at', width: 17, value: (o) => chinaMinute(o.dueAt) },
  { zh: '超期', en: 'Overdue', width: 7, value: (o, l) => yesNo(o.overdue, l) },
  { zh: '反馈时间', en: 'Fed back at', width: 17, value: (o) => chinaMinute(o.feedbackAt) },
  { zh: '完成时间', en: 'Completed at', width: 17, value: (o) => chinaMinute(o.completedAt) },
  { zh: '退回原因', en: 'Return reason', width: 24, value: (o) => o.returnReason ?? '' },
];

type Member = TeamBoard['members'][number];
const MEMBER_COLUMNS: ExportColumn<Member>[] = [
  { zh: '成员', en: 'Member', width: 14, value: (m) => m.name },
  { zh: '待办（已受理）', en: 'To do (accepted)', width: 14, value: (m) => m.accepted },
  { zh: '在办', en: 'In progress', width: 10, value: (m) => m.inProgress },
  { zh: '负荷', en: 'Load', width: 8, value: (m) => m.load },
  { zh: '超期', en: 'Overdue', width: 8, value: (m) => m.overdue },
  { zh: '近30日已办', en: 'Done in the last 30 days', width: 14, value: (m) => m.doneLast30Days },
];

/** The rows of every statistics sheet; the first column names the group. */
const statsColumns = (group: { zh: string; en: string }): ExportColumn<WorkOrderStatsRow>[] => [
  { ...group, width: 22, value: (r, l) => pick(r, l) },
  { zh: '工单数', en: 'Orders', width: 9, value: (r) => r.total },
  { zh: '未结', en: 'Open', width: 8, value: (r) => r.open },
  { zh: '已完成', en: 'Completed', width: 10, value: (r) => r.completed },
  { zh: '超期', en: 'Overdue', width: 8, value: (r) => r.overdue },
  { zh: '超期率', en: 'Overdue rate', width: 10, value: (r) => percent(r.overdueRate) },
  { zh: '平均办理时长（小时）', en: 'Average handling time (hours)', width: 18, value: (r) => r.avgHandlingHours ?? '' },
  { zh: '按期完成率（SLA）', en: 'SLA compliance', width: 16, value: (r) => percent(r.slaRate) },
];

/** Every page of a list, in the list's own order, through its keyset. */
async function eachPage(db: Db, actor: Actor, filter: Omit<OrderFilter, 'cursor' | 'limit'>, add: (rows: OrderRecord[]) => Promise<void>) {
  let cursor: number | null = null;
  for (;;) {
    const { items } = await listOrders(db, actor, { ...filter, cursor, limit: PAGE });
    await add(items);
    if (items.length < PAGE) return;
    cursor = (items.at(-1) as OrderRecord).id;
  }
}

async function countOf(db: Db, actor: Actor, filter: Omit<OrderFilter, 'cursor' | 'limit'>): Promise<number> {
  // The first page always carries a total (an estimate above 10,000: enough for the cap and the progress).
  const total = (await listOrders(db, actor, { ...filter, cursor: null, limit: 1 })).total ?? 0;
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError('INVALID_STATE', 'conflict', { detail: `More than ${MAX_EXPORT_ROWS} orders: narrow the filter.`, meta: { total } });
  }
  return total;
}

async function specOf(db: Db, actor: Actor, input: WorkOrderExportRequest): Promise<Omit<ExportJobSpec, 'lang' | 'courtId'>> {
  const { lang: _lang, ...query } = input;
  switch (input.kind) {
    case 'orders': {
      const { kind: _kind, lang: _l, ...listQuery } = input;
      const filter = await orderFilterOf(db, actor, listQuery, 'body');
      return {
        kind: `${EXPORT_KIND}.orders`,
        query,
        total: await countOf(db, actor, filter),
        name: { zh: '事务工单', en: 'work-orders' },
        write: async (w) => {
          const sheet = w.sheet({ zh: '事务工单', en: 'Work orders' }, ORDER_COLUMNS);
          await eachPage(db, actor, filter, (rows) => sheet.add(rows));
        },
      };
    }
    case 'board': {
      // The board of a team in scope (another court's answers 404), and the team's overdue orders.
      const board = await boardOf(db, actor, input.teamId);
      const overdue = await orderFilterOf(db, actor, { view: 'team', teamId: input.teamId, overdue: 'true' }, 'body');
      const poolRow: Member = {
        userId: 0,
        name: input.lang === 'en' ? `Pool (unclaimed; ${board.poolOverdue} overdue)` : `工单池（未认领，其中超期 ${board.poolOverdue}）`,
        accepted: board.pool,
        inProgress: 0,
        load: board.pool,
        overdue: board.poolOverdue,
        doneLast30Days: 0,
      };
      return {
        kind: `${EXPORT_KIND}.board`,
        query,
        total: board.members.length + 1 + (await countOf(db, actor, overdue)),
        name: { zh: `团队看板-${board.teamName}`, en: 'team-board' },
        write: async (w) => {
          await w.sheet({ zh: '人员负荷', en: 'Load per person' }, MEMBER_COLUMNS).add([...board.members, poolRow]);
          const sheet = w.sheet({ zh: '超期工单', en: 'Overdue orders' }, ORDER_COLUMNS);
          await eachPage(db, actor, overdue, (rows) => sheet.add(rows));
        },
      };
    }
    case 'statistics': {
      if (input.to < input.from) {
        throw AppError.invalid(
          fieldProblem('body.to', 'date_order', { zh: '结束日期早于开始日期', en: 'The end date is before the start date' }),
        );
      }
      const stats = await statistics(db, actor, { courtId: input.courtId, teamId: input.teamId, from: input.from, to: input.to });
      return {
        kind: `${EXPORT_KIND}.statistics`,
        query,
        total: 1 + stats.byType.length + stats.byTeam.length + stats.byPerson.length,
        name: { zh: `工单统计-${input.from}至${input.to}`, en: `work-order-statistics-${input.from}-${input.to}` },
        write: async (w) => {
          await w.sheet({ zh: '按类型', en: 'By type' }, statsColumns({ zh: '工单类型', en: 'Type' })).add([...stats.byType, stats.totals]);
          await w.sheet({ zh: '按团队', en: 'By team' }, statsColumns({ zh: '团队', en: 'Team' })).add(stats.byTeam);
          await w.sheet({ zh: '按人员', en: 'By person' }, statsColumns({ zh: '承办人', en: 'Person' })).add(stats.byPerson);
        },
      };
    }
  }
}

/** Starts the export of a centre screen; the checks (view, team, scope) run before the job starts. */
export async function startOrderExport(db: Db, ctx: RequestContext, actor: Actor, input: WorkOrderExportRequest, log: FastifyBaseLogger) {
  const spec = await specOf(db, actor, input);
  return startExportJob(db, ctx, actor, { ...spec, lang: input.lang, courtId: actor.courtId }, log);
}
