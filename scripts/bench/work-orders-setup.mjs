// Setups and verification of the centre's scenarios (issue 4). They look up, through the API under
// test, the centre team of the demo court, its members (signed in with the demo password) and the
// orders of its pool; the claim scenario's requests are made so that every order is raced for.

/** The web list's page size. */
const PAGE = 20;

const query = (params) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

async function get(ctx, session, path) {
  const response = await ctx.request('GET', path, { headers: session.headers });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body;
}

/** The centre member's team in their court and the team's members as signed-in sessions. */
async function centreTeam(ctx) {
  const centre = await ctx.signIn('centre');
  const teams = (await get(ctx, centre, '/api/centre-teams')).items;
  const team = teams.find((t) => t.members.some((m) => m.userId === centre.user.id));
  if (!team) return { centre, team: null, members: [centre] };
  const admin = await ctx.signIn('courtadmin', 'Demo@2026');
  const usernames = [];
  for (const member of team.members) {
    const found = (await get(ctx, admin, `/api/users?${query({ courtId: centre.user.court.id, q: member.name, pageSize: 200 })}`)).items;
    const user = found.find((u) => u.id === member.userId);
    if (user) usernames.push(user.username);
  }
  const members = [];
  for (const username of usernames) members.push(username === 'centre' ? centre : await ctx.signIn(username, 'Demo@2026'));
  return { centre, team, members };
}

/** Ids of the team's pool (orders nobody has claimed), oldest first, up to `max`. */
async function poolIds(ctx, session, teamId, max) {
  const ids = [];
  let cursor = null;
  while (ids.length < max) {
    const page = await get(ctx, session, `/api/work-orders?${query({ view: 'pool', teamId, limit: 200, cursor })}`);
    ids.push(...page.items.map((o) => o.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids.slice(0, max);
}

const interleave = (groups) => {
  const lists = Object.entries(groups).map(([group, requests]) => requests.map((r) => ({ ...r, group })));
  const longest = Math.max(0, ...lists.map((l) => l.length));
  const out = [];
  for (let i = 0; i < longest; i++) for (const list of lists) if (list.length) out.push(list[i % list.length]);
  return out;
};

/**
 * The lists centre staff keep open all day (20 a page): the team pool (first and second page, one
 * type), the member's own orders per tab (待办, 在办, 已办), and the leader's overdue orders of the team.
 */
export async function workOrderListSetup(ctx) {
  const { centre, team, members } = await centreTeam(ctx);
  if (!team) return { skip: 'the demo centre member has no team' };
  const leader = members.at(-1);
  const list = (params, session = centre) => ({ path: `/api/work-orders?${query({ ...params, limit: PAGE })}`, headers: session.headers });
  const first = await get(ctx, centre, `/api/work-orders?${query({ view: 'pool', teamId: team.id, limit: PAGE })}`);
  const typeId = first.items[0]?.typeId;
  const groups = {
    pool: [
      list({ view: 'pool', teamId: team.id }),
      ...(first.nextCursor ? [list({ view: 'pool', teamId: team.id, cursor: first.nextCursor })] : []),
      ...(typeId ? [list({ view: 'pool', teamId: team.id, typeId })] : []),
    ],
    mine: ['todo', 'doing', 'done'].map((tab) => list({ view: 'mine', tab })),
    'team-overdue': [list({ view: 'team', teamId: team.id, overdue: 'true' }, leader)],
  };
  return {
    requests: interleave(groups),
    notes: [`work-order-lists: team ${team.name} of ${centre.user.court.name}, ${first.total ?? '?'} orders in its pool`],
  };
}

/**
 * 100 connections claim the pool's orders as the team's members, taking the list's requests in
 * turn (one shared cursor): each order comes once per member, one after the other, so every order
 * is raced for by all the members at once while 100 claims are in flight. Exactly one claim per
 * order may succeed; the others answer 409 (expected).
 */
export async function workOrderClaimSetup(ctx) {
  const { team, members, centre } = await centreTeam(ctx);
  if (!team) return { skip: 'the demo centre member has no team' };
  const ids = await poolIds(ctx, centre, team.id, 4_000);
  if (ids.length < 1000) return { skip: `only ${ids.length} orders in the pool: generate cases with --cases N` };
  const requests = ids.flatMap((id) =>
    members.map((member) => ({ method: 'POST', path: `/api/work-orders/${id}/claim`, headers: member.headers, body: {} })),
  );
  return {
    requests,
    state: { ids, startedAtMs: Date.now(), members: members.length },
    notes: [`work-order-claim: ${ids.length} pool orders, each claimed by ${members.length} members over 100 connections`],
  };
}

/** No order was given to two people: one claim event per order, and the holder is its claimer. */
export async function workOrderClaimVerify(ctx, { state, result, answered }) {
  const from = `to_timestamp(${(state.startedAtMs - 1000) / 1000})`;
  const ids = state.ids.join(',');
  const [counts] = await ctx.query(`
    WITH c AS (
      SELECT e.order_id, count(*) AS claims, min(e.actor_id) AS claimer
      FROM work_order_events e
      WHERE e.action = 'claim' AND e.at >= ${from} AND e.order_id IN (${ids})
      GROUP BY e.order_id
    )
    SELECT count(*)::int AS "claimedOrders",
           count(*) FILTER (WHERE c.claims > 1)::int AS "doubleClaims",
           count(*) FILTER (WHERE o.assignee_id IS DISTINCT FROM c.claimer)::int AS "wrongHolder",
           coalesce(sum(c.claims), 0)::int AS "claimEvents"
    FROM c JOIN work_orders o ON o.id = c.order_id`);
  const problems = [];
  if (counts.doubleClaims > 0) problems.push(`${counts.doubleClaims} orders were claimed more than once`);
  if (counts.wrongHolder > 0) problems.push(`${counts.wrongHolder} orders are held by someone other than their claimer`);
  // A claim cut off at the end of the measurement may have been made without its answer counted:
  // at most one per connection.
  if (counts.claimEvents < answered || counts.claimEvents > answered + result.connections)
    problems.push(`${answered} claims answered 2xx but ${counts.claimEvents} claim events were recorded`);
  return {
    ok: problems.length === 0,
    summary: `${counts.claimedOrders} orders claimed by ${answered} successful claims, ${counts.doubleClaims} double claims`,
    problems,
  };
}
