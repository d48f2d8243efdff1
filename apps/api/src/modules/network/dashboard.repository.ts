import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';

/** The court and the courts below it. */
const tree = (column: SQL, courtId: number): SQL =>
  sql`${column} IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${courtId}) || '%')`;

const cstMonth = (column: SQL): SQL => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;

export interface DashboardRows {
  active: number;
  byCategory: { code: string; zh: string; en: string; count: number }[];
  byStation: { stationId: number; name: string; count: number }[];
  tasks: { month: string; kind: string; outcome: string; count: number }[];
  delivery: { month: string; method: string; attempts: number; successes: number }[];
  response: { month: string; tasks: number; averageSeconds: number | null }[];
  subsidies: { month: string; statements: number; totalFen: string | number }[];
  training: { month: string; sessions: number; attendeeTenths: string | number }[];
}

/** Every figure of the network dashboard for a court tree and the months `first`…`last` (YYYY-MM-DD), each in one grouped query. */
export async function dashboardRows(ex: Executor, courtId: number, first: string, last: string, firstMonth: string, lastMonth: string) {
  const [{ active }] = await rows<{ active: number }>(
    ex,
    sql`SELECT count(*)::int AS active FROM network_assistants a WHERE ${tree(sql`a.court_id`, courtId)} AND a.status = 'active'`,
  );
  const byCategory = await rows<DashboardRows['byCategory'][number]>(
    ex,
    sql`SELECT k.code, k.name_zh AS zh, k.name_en AS en, count(a.id)::int AS count
        FROM network_categories k
        JOIN network_assistant_categories ac ON ac.category_id = k.id
        JOIN network_assistants a ON a.id = ac.assistant_id AND a.status = 'active' AND ${tree(sql`a.court_id`, courtId)}
        GROUP BY k.code, k.name_zh, k.name_en, k.sort ORDER BY k.sort, k.code`,
  );
  const byStation = await rows<DashboardRows['byStation'][number]>(
    ex,
    sql`SELECT s.id AS "stationId", s.name, count(a.id)::int AS count
        FROM network_stations s
        LEFT JOIN network_assistant_stations x ON x.station_id = s.id
        LEFT JOIN network_assistants a ON a.id = x.assistant_id AND a.status = 'active'
        WHERE ${tree(sql`s.court_id`, courtId)} AND s.active
        GROUP BY s.id, s.name ORDER BY count(a.id) DESC, s.id LIMIT 30`,
  );
  const tasks = await rows<DashboardRows['tasks'][number]>(
    ex,
    sql`SELECT to_char(t.confirmed_on, 'YYYY-MM') AS month, t.kind, t.outcome, count(*)::int AS count
        FROM network_tasks t
        WHERE ${tree(sql`t.court_id`, courtId)} AND t.status = 'confirmed' AND t.outcome IS NOT NULL
          AND t.confirmed_on BETWEEN ${first} AND ${last}
        GROUP BY 1, t.kind, t.outcome ORDER BY 1, t.kind, t.outcome`,
  );
  const delivery = await rows<DashboardRows['delivery'][number]>(
    ex,
    sql`SELECT ${cstMonth(sql`d.attempted_at`)} AS month, d.method, count(*)::int AS attempts,
               count(*) FILTER (WHERE d.outcome = 'success')::int AS successes
        FROM delivery_attempts d
        WHERE ${tree(sql`d.court_id`, courtId)} AND d.method IN ('assisted', 'direct')
          AND ${cstMonth(sql`d.attempted_at`)} BETWEEN ${firstMonth} AND ${lastMonth}
        GROUP BY 1, d.method ORDER BY 1`,
  );
  const response = await rows<DashboardRows['response'][number]>(
    ex,
    sql`SELECT ${cstMonth(sql`t.reported_at`)} AS month, count(*)::int AS tasks,
               avg(extract(epoch FROM t.reported_at - t.created_at))::float8 AS "averageSeconds"
        FROM network_tasks t
        WHERE ${tree(sql`t.court_id`, courtId)} AND t.reported_at IS NOT NULL
          AND ${cstMonth(sql`t.reported_at`)} BETWEEN ${firstMonth} AND ${lastMonth}
        GROUP BY 1 ORDER BY 1`,
  );
  const subsidies = await rows<DashboardRows['subsidies'][number]>(
    ex,
    sql`SELECT s.month, count(*)::int AS statements, sum(s.total_fen)::bigint AS "totalFen"
        FROM network_subsidy_statements s
        WHERE ${tree(sql`s.court_id`, courtId)} AND s.status = 'approved' AND s.month BETWEEN ${firstMonth} AND ${lastMonth}
        GROUP BY s.month ORDER BY s.month`,
  );
  const training = await rows<DashboardRows['training'][number]>(
    ex,
    sql`SELECT to_char(s.held_on, 'YYYY-MM') AS month, count(DISTINCT s.id)::int AS sessions,
               coalesce(sum(round(s.hours * 10)) FILTER (WHERE ta.assistant_id IS NOT NULL), 0)::bigint AS "attendeeTenths"
        FROM network_training_sessions s LEFT JOIN network_training_attendance ta ON ta.session_id = s.id
        WHERE ${tree(sql`s.court_id`, courtId)} AND s.held_on BETWEEN ${first} AND ${last}
        GROUP BY 1 ORDER BY 1`,
  );
  return { active, byCategory, byStation, tasks, delivery, response, subsidies, training } satisfies DashboardRows;
}
