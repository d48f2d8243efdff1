import type { ChecklistItem, ResultField, TeamTemplate } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { RESPONDING_ROLES } from './auto-start.service.js';

/** A default work order type of a basic court or tribunal, as data (editable afterwards). */
export interface DefaultType {
  code: string;
  nameZh: string;
  nameEn: string;
  limitHours: number | null;
  limitWorkingDays: number | null;
  resultFields: ResultField[];
  checklist: ChecklistItem[];
  autoDispatch: boolean;
  autoComplete: boolean;
}

/** Set-based statements of the work-orders seed: each runs once over the whole province. */

const CENTRE_TEAM_NAME = '集约事务组';

/** A team in every centre department without one, its members the department's centre staff. */
export async function ensureCentreTeams(tx: Executor, template: TeamTemplate): Promise<void> {
  await tx.execute(sql`
    WITH created AS (
      INSERT INTO teams (court_id, department_id, name, template)
      SELECT d.court_id, d.id, ${CENTRE_TEAM_NAME}, ${JSON.stringify(template)}::jsonb
      FROM departments d
      WHERE d.kind = 'centre' AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.department_id = d.id)
      RETURNING id, department_id
    )
    INSERT INTO team_members (team_id, user_id, position)
    SELECT c.id, u.id, 'clerk' FROM created c JOIN users u ON u.department_id = c.department_id AND u.status = 'active'
    WHERE EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.code = 'centre-staff')
    ON CONFLICT DO NOTHING`);
}

/** A leader (role centre-leader) in each centre team that has none: its member with the highest id. */
export async function ensureCentreLeaders(tx: Executor): Promise<void> {
  await tx.execute(sql`
    INSERT INTO user_roles (user_id, role_id)
    SELECT (SELECT max(m.user_id) FROM team_members m WHERE m.team_id = t.id), r.id
    FROM teams t JOIN departments d ON d.id = t.department_id AND d.kind = 'centre' CROSS JOIN roles r
    WHERE r.code = 'centre-leader'
      AND EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id)
      AND NOT EXISTS (SELECT 1 FROM team_members m JOIN user_roles ur ON ur.user_id = m.user_id
                      WHERE m.team_id = t.id AND ur.role_id = r.id)
    ON CONFLICT DO NOTHING`);
}

/** The default types in every basic court and tribunal lacking them, handled by the (basic) court's centre team. */
export async function ensureDefaultTypes(tx: Executor, types: readonly DefaultType[]): Promise<void> {
  await tx.execute(sql`
    INSERT INTO work_order_types (court_id, code, name_zh, name_en, team_id, limit_hours, limit_working_days,
                                  result_fields, checklist, auto_dispatch, auto_complete)
    SELECT c.id, s.code, s."nameZh", s."nameEn",
           (SELECT t.id FROM teams t JOIN departments d ON d.id = t.department_id AND d.kind = 'centre'
            WHERE t.court_id = CASE WHEN c.level = 'tribunal' THEN c.parent_id ELSE c.id END ORDER BY t.id LIMIT 1),
           s."limitHours", s."limitWorkingDays", s."resultFields", s.checklist, s."autoDispatch", s."autoComplete"
    FROM courts c CROSS JOIN jsonb_to_recordset(${JSON.stringify(types)}::jsonb) AS s(
      code text, "nameZh" text, "nameEn" text, "limitHours" int, "limitWorkingDays" int,
      "resultFields" jsonb, checklist jsonb, "autoDispatch" boolean, "autoComplete" boolean)
    WHERE c.level IN ('basic', 'tribunal')
    ON CONFLICT (court_id, code) DO NOTHING`);
}

/** A default automatic-start rule of every court that has the type (editable afterwards). */
export interface DefaultRule {
  caseTypeCode: string;
  trigger: 'assigned' | 'closed';
  typeCode: string;
  per: 'case' | 'defendant';
}

/** The default rules in every court that has no rule yet, each where the court has a type of its code. */
export async function ensureDefaultRules(tx: Executor, defaults: readonly DefaultRule[]): Promise<void> {
  await tx.execute(sql`
    INSERT INTO work_order_rules (court_id, case_type_code, trigger, type_code, per)
    SELECT t.court_id, s."caseTypeCode", s.trigger, s."typeCode", s.per
    FROM jsonb_to_recordset(${JSON.stringify(defaults.map((d, n) => ({ ...d, n })))}::jsonb)
      AS s("caseTypeCode" text, trigger text, "typeCode" text, per text, n int)
    JOIN work_order_types t ON t.code = s."typeCode"
    WHERE NOT EXISTS (SELECT 1 FROM work_order_rules r WHERE r.court_id = t.court_id)
    ORDER BY t.court_id, s.n
    ON CONFLICT DO NOTHING`);
}

/**
 * Orders for demo cases that have none, as their rules would have started them: on assignment
 * (the day after filing) and, for closed cases, on closure. States follow age: the orders of
 * closed cases are done, recent ones spread over the lifecycle, about a tenth finish late. A
 * working-day limit is approximated here as 7/5 calendar days (demo data only; live orders use
 * the holiday calendar). Past thresholds count as warned, so the first sweep does not flood.
 */
export async function demoOrders(tx: Executor): Promise<number> {
  const roles = sql.join(
    RESPONDING_ROLES.map((r) => sql`${r}`),
    sql`, `,
  );
  const [{ n }] = await rows<{ n: number }>(
    tx,
    sql`
    WITH src AS (
      SELECT k.id AS case_id, k.court_id, k.status AS case_status, r.trigger, t.id AS type_id, t.team_id,
             t.limit_hours, t.limit_working_days, t.result_fields, p.id AS party_id,
             coalesce(k.clerk_id, k.assistant_id, k.judge_id) AS initiator_id,
             least(now() - interval '6 hours',
                   CASE WHEN r.trigger = 'assigned' THEN (k.filed_on + 1)::timestamp ELSE k.closed_on::timestamp END
                     AT TIME ZONE 'Asia/Shanghai' + interval '9 hours' + ((k.id * 37 + t.id * 11) % 420) * interval '1 minute') AS created_at,
             (k.id * 31 + t.id * 7 + coalesce(p.id, 0)) % 100 AS h
      FROM cases k
      JOIN work_order_rules r ON r.court_id = k.court_id AND r.case_type_code = k.case_type_code AND r.active
      JOIN work_order_types t ON t.court_id = k.court_id AND t.code = r.type_code AND t.active
      LEFT JOIN case_parties p ON r.per = 'defendant' AND p.case_id = k.id AND p.role IN (${roles})
      WHERE k.status IN ('open', 'closed', 'archived')
        AND (r.trigger = 'assigned' OR k.status IN ('closed', 'archived'))
        AND (r.per = 'case' OR p.id IS NOT NULL)
        AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.case_id = k.id)
    ), timed AS (
      SELECT s.*,
             CASE WHEN s.limit_hours IS NOT NULL THEN s.created_at + s.limit_hours * interval '1 hour'
                  ELSE ((s.created_at AT TIME ZONE 'Asia/Shanghai')::date + ceil(s.limit_working_days * 7 / 5.0)::int
                        + time '17:30') AT TIME ZONE 'Asia/Shanghai' END AS due_at,
             CASE WHEN s.team_id IS NULL OR NOT EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = s.team_id) THEN 'initiated'
                  WHEN s.case_status = 'archived' OR (s.case_status = 'closed' AND s.trigger = 'assigned') THEN 'completed'
                  WHEN s.created_at < now() - interval '30 days' THEN CASE WHEN s.h < 90 THEN 'completed' ELSE 'in-progress' END
                  WHEN s.h < 20 THEN 'initiated' WHEN s.h < 40 THEN 'accepted' WHEN s.h < 60 THEN 'in-progress'
                  WHEN s.h < 70 THEN 'feedback' ELSE 'completed' END AS status
      FROM src s
    ), staffed AS (
      SELECT x.*,
             CASE WHEN x.status = 'initiated' THEN NULL ELSE
               (SELECT m.user_id FROM team_members m WHERE m.team_id = x.team_id ORDER BY m.user_id
                OFFSET x.h % (SELECT count(*) FROM team_members c WHERE c.team_id = x.team_id) LIMIT 1) END AS assignee_id,
             CASE WHEN x.status IN ('feedback', 'completed')
                  THEN greatest(x.created_at + interval '2 hours',
                                least(now() - interval '2 hours', x.created_at + (x.due_at - x.created_at) * ((x.h % 50) / 45.0))) END AS feedback_at
      FROM timed x
    ), inserted AS (
      INSERT INTO work_orders (court_id, case_id, type_id, party_id, status, origin, initiator_id, assignee_id, team_id, due_at,
                               result, accepted_at, started_at, feedback_at, completed_at, warned_near_at, warned_overdue_at, created_at, updated_at)
      SELECT s.court_id, s.case_id, s.type_id, s.party_id, s.status, 'rule', s.initiator_id, s.assignee_id, s.team_id, s.due_at,
             CASE WHEN s.feedback_at IS NOT NULL THEN
               (SELECT jsonb_object_agg(f->>'key', CASE f->>'kind'
                         WHEN 'date' THEN to_jsonb(to_char(s.feedback_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD'))
                         WHEN 'number' THEN to_jsonb(1 + s.h % 9)
                         WHEN 'select' THEN f->'options'->0
                         ELSE to_jsonb('已办理'::text) END)
                FROM jsonb_array_elements(s.result_fields) f) END,
             CASE WHEN s.status <> 'initiated' THEN s.created_at + interval '1 hour' END,
             CASE WHEN s.status IN ('in-progress', 'feedback', 'completed') THEN s.created_at + interval '90 minutes' END,
             s.feedback_at,
             CASE WHEN s.status = 'completed' THEN s.feedback_at + interval '1 hour' END,
             CASE WHEN s.due_at < now() THEN s.due_at END, CASE WHEN s.due_at < now() THEN s.due_at END,
             s.created_at, s.created_at
      FROM staffed s
      ON CONFLICT DO NOTHING
      RETURNING id, status, assignee_id, created_at, accepted_at, started_at, feedback_at, completed_at, initiator_id
    ), traced AS (
      INSERT INTO work_order_events (order_id, action, from_status, to_status, actor_id, actor_name, at)
      SELECT i.id, v.action, v.from_status, v.to_status, v.actor_id, coalesce(u.display_name, 'work-orders'), v.at
      FROM inserted i CROSS JOIN LATERAL (VALUES
          ('initiate', NULL, 'initiated', NULL::int, i.created_at),
          ('claim', 'initiated', 'accepted', i.assignee_id, i.accepted_at),
          ('start', 'accepted', 'in-progress', i.assignee_id, i.started_at),
          ('record', 'in-progress', 'feedback', i.assignee_id, i.feedback_at),
          ('complete', 'feedback', 'completed', i.initiator_id, i.completed_at)
        ) AS v(action, from_status, to_status, actor_id, at)
      LEFT JOIN users u ON u.id = v.actor_id
      WHERE v.at IS NOT NULL
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS n, (SELECT count(*) FROM traced)::int AS events`,
  );
  return n;
}

/** Fresh planner statistics of the tables the demo orders are made from. */
export async function analyseSeedTables(tx: Executor): Promise<void> {
  await tx.execute(sql`ANALYZE work_order_types, work_order_rules, teams, team_members`);
}
