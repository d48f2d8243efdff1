// Setup and verification of the grassroots network's scenarios (issue 5): the phone's task list
// as the generated assistants with accounts (bench-assistant-0001 …, see network-top-up.mjs), and
// the check of the province's monthly run.
import { monthlyRunVerdict, phoneListRequests } from './network-plan.mjs';

/** Assistants signed in for the phone scenario: several sessions, the requests rotate over them. */
const PHONE_SESSIONS = 20;
const PASSWORD = 'Demo@2026';

const username = (n) => `bench-assistant-${String(n).padStart(4, '0')}`;

async function firstPage(ctx, session, view) {
  const path = `/api/my/network-tasks?view=${view}&limit=20`;
  const response = await ctx.request('GET', path, { headers: session.headers });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
}

/**
 * `GET /api/my/network-tasks` exactly as /m/tasks asks for it (view, cursor when loading more,
 * limit 20), signed in as up to 20 generated assistants: each one's to-do and done tabs, and the
 * next page of a tab that has one. Groups: todo, done, done-more, todo-more.
 */
export async function phoneListSetup(ctx) {
  const sessions = [];
  for (let n = 1; n <= PHONE_SESSIONS; n++) {
    let session;
    try {
      session = await ctx.signIn(username(n), PASSWORD);
    } catch (error) {
      if (n === 1) return { skip: `no generated assistant can sign in (${username(1)}): generate them with --assistants N` };
      throw error;
    }
    const [todo, done] = [await firstPage(ctx, session, 'todo'), await firstPage(ctx, session, 'done')];
    sessions.push({ headers: session.headers, todo, done });
  }
  const sum = (f) => sessions.reduce((s, x) => s + f(x), 0);
  return {
    requests: phoneListRequests(sessions),
    notes: [
      `network-phone-list: ${sessions.length} assistants signed in; on average ${(sum((s) => s.todo.todo) / sessions.length).toFixed(1)} tasks to do ` +
        `and ${(sum((s) => s.done.done) / sessions.length).toFixed(1)} done each; ${sum((s) => (s.done.nextCursor ? 1 : 0))} with a second page of done tasks`,
    ],
  };
}

/**
 * After the province's monthly run: one assessment per assistant the month assesses (started by
 * its end; not gone, unless tasks of theirs were confirmed in it), none for anyone else; every
 * statement's subtotal the sum of its lines, its total min(adjusted, cap), none above its cap;
 * every assessed assistant with paid tasks in the month has a statement.
 */
export async function networkRunVerify(ctx, { state }) {
  const { month, court } = state;
  const [year, m] = month.split('-').map(Number);
  const first = `${month}-01`;
  const last = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  const confirmedIn = `t.status = 'confirmed' AND t.confirmed_on BETWEEN '${first}' AND '${last}'`;
  const [counts] = await ctx.query(`
    WITH province AS (
      SELECT id FROM courts WHERE path LIKE (SELECT path FROM courts WHERE code = '${court}' ORDER BY length(path), path LIMIT 1) || '%'
    ),
    expected AS (
      SELECT a.id FROM network_assistants a
      WHERE a.court_id IN (SELECT id FROM province) AND a.start_on <= '${last}'
        AND (a.status <> 'left' OR EXISTS (SELECT 1 FROM network_tasks t WHERE t.assistant_id = a.id AND ${confirmedIn}))
    ),
    got AS (SELECT assistant_id, count(*) AS n FROM network_assessments WHERE month = '${month}' GROUP BY assistant_id),
    paid AS (SELECT DISTINCT t.assistant_id FROM network_tasks t WHERE ${confirmedIn} AND t.outcome IS NOT NULL),
    st AS (
      SELECT s.assistant_id, s.subtotal_fen, s.adjusted_fen, s.cap_fen, s.cap_reduction_fen, s.total_fen,
             (SELECT coalesce(sum((l->>'amountFen')::bigint), 0) FROM jsonb_array_elements(s.lines) l) AS line_sum
      FROM network_subsidy_statements s WHERE s.month = '${month}'
    )
    SELECT (SELECT count(*) FROM expected)::int AS expected,
           (SELECT count(*) FROM got)::int AS assessed,
           (SELECT count(*) FROM expected e LEFT JOIN got g ON g.assistant_id = e.id WHERE g.assistant_id IS NULL)::int AS missing,
           (SELECT count(*) FROM got g LEFT JOIN expected e ON e.id = g.assistant_id WHERE e.id IS NULL)::int AS extra,
           (SELECT count(*) FROM got WHERE n > 1)::int AS duplicates,
           (SELECT count(*) FROM st)::int AS statements,
           (SELECT count(*) FROM st WHERE subtotal_fen <> line_sum)::int AS "badSubtotal",
           (SELECT count(*) FROM st WHERE total_fen <> adjusted_fen - cap_reduction_fen OR total_fen <> least(adjusted_fen, cap_fen))::int AS "badTotal",
           (SELECT count(*) FROM st WHERE total_fen > cap_fen)::int AS "overCap",
           (SELECT count(*) FROM st WHERE cap_reduction_fen > 0)::int AS "atCap",
           (SELECT coalesce(sum(total_fen), 0) FROM st)::bigint AS "totalFen",
           (SELECT count(*) FROM paid p JOIN got g ON g.assistant_id = p.assistant_id
              LEFT JOIN st ON st.assistant_id = p.assistant_id WHERE st.assistant_id IS NULL)::int AS "withoutStatement"`);
  return monthlyRunVerdict(month, counts);
}
