import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { outboxInsertSql } from '../notifications/index.js';

/**
 * Warning sweeps, each one statement: mark the orders that crossed a threshold (once per order
 * and threshold) and queue their notices in the outbox in the same statement.
 *
 * - near due: a held order (accepted, in progress) with less than a quarter of its time left →
 *   its assignee;
 * - overdue: an order still waiting for the centre (in the pool, accepted, in progress) past its
 *   due time → its assignee, and the leaders of its team (members holding order.dispatch).
 */
export async function sweepNearDue(ex: Executor, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`WITH marked AS (
          UPDATE work_orders o SET warned_near_at = ${at}
          WHERE o.status IN ('accepted','in-progress') AND o.warned_near_at IS NULL AND o.due_at > ${at}
            AND ${at} >= o.due_at - (o.due_at - o.created_at) / 4
          RETURNING o.id, o.assignee_id, o.case_id, o.type_id, o.due_at
        ), sent AS (
          ${outboxInsertSql(sql`
            SELECT m.assignee_id AS user_id, 'work-order-near-due' AS kind,
                   k.case_number || ' ' || t.name_zh || '工单即将到期（' || to_char(m.due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || '）' AS title_zh,
                   k.case_number || ': the ' || t.name_en || ' order is due soon (' || to_char(m.due_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') || ')' AS title_en,
                   'work-order' AS entity_type, m.id::text AS entity_id
            FROM marked m JOIN cases k ON k.id = m.case_id JOIN work_order_types t ON t.id = m.type_id`)}
        )
        SELECT (SELECT count(*) FROM marked)::int AS n, (SELECT count(*) FROM sent)::int AS sent`,
  );
  return n;
}

export async function sweepOverdue(ex: Executor, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`WITH marked AS (
          UPDATE work_orders o SET warned_overdue_at = ${at}
          WHERE o.status IN ('initiated','accepted','in-progress') AND o.warned_overdue_at IS NULL AND o.due_at <= ${at}
          RETURNING o.id, o.assignee_id, o.team_id, o.case_id, o.type_id
        ), recipients AS (
          SELECT id, assignee_id AS user_id FROM marked WHERE assignee_id IS NOT NULL
          UNION
          SELECT m.id, tm.user_id FROM marked m JOIN team_members tm ON tm.team_id = m.team_id
          JOIN users u ON u.id = tm.user_id AND u.status = 'active'
          WHERE EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                        WHERE ur.user_id = tm.user_id AND rp.permission = 'order.dispatch')
        ), sent AS (
          ${outboxInsertSql(sql`
            SELECT r.user_id, 'work-order-overdue' AS kind,
                   k.case_number || ' ' || t.name_zh || '工单已超期' AS title_zh,
                   k.case_number || ': the ' || t.name_en || ' order is overdue' AS title_en,
                   'work-order' AS entity_type, m.id::text AS entity_id
            FROM recipients r JOIN marked m ON m.id = r.id JOIN cases k ON k.id = m.case_id JOIN work_order_types t ON t.id = m.type_id`)}
        )
        SELECT (SELECT count(*) FROM marked)::int AS n, (SELECT count(*) FROM sent)::int AS sent`,
  );
  return n;
}
