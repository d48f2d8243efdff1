import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepWorkOrderWarnings } from '../src/modules/work-orders/index.js';
import { rows } from '../src/platform/db.js';
import { type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk of civil team 1: files cases, initiates orders
let divhead: Client; // 吉0102 division head: assigns cases, dispatches orders
let centre: Client; // 吉0102 centre staff, member of the centre team
let centre2: Client; // another member of the same centre team
let kuancheng: Client; // judge of the sibling court 吉0103
let court0102: number;
let teamId: number;
let members: { id: number; username: string }[];

const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);

const filing = () => ({
  courtId: court0102,
  caseTypeCode: '民初',
  procedureCode: 'civil-first-simple',
  causeCode: 'C04.10.103.03',
  filedOn: today,
  claimAmount: '52000.00',
  summary: '借款到期未还',
  parties: [
    {
      kind: 'person',
      role: 'plaintiff',
      name: '张三',
      idNumber: makeIdCard('220102', '19800101', '123'),
      address: '长春市南关区人民大街1号',
    },
    { kind: 'organisation', role: 'defendant', name: '长春某某商贸有限公司', legalRepresentative: '李四' },
    {
      kind: 'person',
      role: 'defendant',
      name: '王五',
      idNumber: makeIdCard('220102', '19850505', '321'),
      address: '长春市南关区自由大路2号',
    },
  ],
});

async function openCase(): Promise<{ id: number; version: number }> {
  const filed = await clerk.post('/api/cases', filing());
  expect(filed.statusCode, filed.body).toBe(201);
  const judge = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'judge'`);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: judge[0].id,
    reason: '工单测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json();
}

async function typeId(code: string): Promise<number> {
  const types = await clerk.get(`/api/work-order-types?courtId=${court0102}`);
  expect(types.statusCode, types.body).toBe(200);
  return types.json().items.find((x: { code: string }) => x.code === code).id;
}

async function newOrder(code = 'scheduling'): Promise<{ id: number; version: number; status: string }> {
  const k = await openCase();
  const created = await clerk.post('/api/work-orders', { caseId: k.id, typeId: await typeId(code), note: '请尽快办理' });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, centre, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'centre'),
    signIn(t.app, 'kuancheng'),
  ]);
  const [court] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0102' AND level = 'basic'`);
  court0102 = court.id;
  const [team] = await rows<{ id: number }>(
    t.database.db,
    sql`SELECT m.team_id AS id FROM team_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'centre'`,
  );
  teamId = team.id;
  members = await rows<{ id: number; username: string }>(
    t.database.db,
    sql`SELECT u.id, u.username FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = ${teamId} ORDER BY u.id`,
  );
  centre2 = await signIn(t.app, members.find((m) => m.username !== 'centre')?.username as string);
});

afterAll(async () => {
  await t.close();
});

describe('seed', () => {
  it('gives every basic court a centre team with a leader, and the default types', async () => {
    expect(members.length).toBeGreaterThanOrEqual(2);
    const teams = await centre.get('/api/centre-teams');
    expect(teams.statusCode, teams.body).toBe(200);
    expect(teams.json().items.some((x: { id: number }) => x.id === teamId)).toBe(true);
    const types = await clerk.get(`/api/work-order-types?courtId=${court0102}`);
    const codes = types.json().items.map((x: { code: string }) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(['delivery', 'scheduling', 'archiving', 'property-info', 'preservation', 'e-catalogue', 'online-closure']),
    );
    expect(types.json().items.find((x: { code: string }) => x.code === 'scheduling').teamId).toBe(teamId);
    const [leader] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM team_members m JOIN user_roles ur ON ur.user_id = m.user_id JOIN roles r ON r.id = ur.role_id
          WHERE m.team_id = ${teamId} AND r.code = 'centre-leader'`,
    );
    expect(leader.n).toBe(1);
  });
});

describe('automatic start on assignment', () => {
  it('starts delivery per defendant, scheduling and e-file cataloguing (auto-dispatched)', async () => {
    const k = await openCase();
    const list = await clerk.get(`/api/work-orders?view=all&caseId=${k.id}`);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      typeCode: string;
      status: string;
      partyName: string | null;
      origin: string;
      assigneeId: number | null;
    }[];
    expect(
      items
        .filter((o) => o.typeCode === 'delivery')
        .map((o) => o.partyName)
        .sort(),
    ).toEqual(['王五', '长春某某商贸有限公司'].sort());
    expect(items.filter((o) => o.typeCode === 'scheduling')).toHaveLength(1);
    const catalogue = items.find((o) => o.typeCode === 'e-catalogue');
    expect(catalogue?.status).toBe('accepted');
    expect(members.map((m) => m.id)).toContain(catalogue?.assigneeId);
    expect(items.every((o) => o.origin === 'rule')).toBe(true);
    // The pool of the centre shows the unclaimed ones.
    const pool = await centre.get(`/api/work-orders?view=pool&caseId=${k.id}`);
    expect(pool.json().total).toBe(3);
  });
});

describe('automatic start on closure', () => {
  it('starts archiving and the online closure report once the case is closed', async () => {
    const k = await openCase();
    const closed = await divhead.post(`/api/cases/${k.id}/close`, { method: 'withdrawal', closedOn: today, version: k.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const list = await clerk.get(`/api/work-orders?view=all&caseId=${k.id}`);
    const codes = list.json().items.map((o: { typeCode: string }) => o.typeCode);
    expect(codes).toEqual(expect.arrayContaining(['archiving', 'online-closure']));
  });
});

describe('lifecycle', () => {
  it('runs initiated → accepted → in progress → feedback → completed, with its trace', async () => {
    const order = await newOrder('delivery');
    expect(order.status).toBe('initiated');
    expect(new Date((order as unknown as { dueAt: string }).dueAt).getTime()).toBeGreaterThan(Date.now());
    const claimed = await centre.post(`/api/work-orders/${order.id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json().status).toBe('accepted');

    // Someone else of the team may not handle it.
    const notMine = await centre2.post(`/api/work-orders/${order.id}/start`, { version: claimed.json().version });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().code).toBe('NOT_ASSIGNEE');

    const started = await centre.post(`/api/work-orders/${order.id}/start`, { version: claimed.json().version });
    expect(started.statusCode, started.body).toBe(200);

    // Stale version.
    const stale = await centre.put(`/api/work-orders/${order.id}/result`, { version: claimed.json().version, result: {} });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    // Missing and wrong result fields.
    const missing = await centre.put(`/api/work-orders/${order.id}/result`, {
      version: started.json().version,
      result: { method: '飞鸽传书', servedOn: '2026-13-45', extra: 'x' },
    });
    expect(missing.statusCode).toBe(400);
    const fields = missing
      .json()
      .errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)
      .sort();
    expect(fields).toEqual([
      'body.result.extra:result_unknown',
      'body.result.method:result_select',
      'body.result.outcome:result_required',
      'body.result.servedOn:result_date',
    ]);
    expect(missing.json().errors[0].message.zh).toBeTruthy();

    const recorded = await centre.put(`/api/work-orders/${order.id}/result`, {
      version: started.json().version,
      result: { method: '电子送达', outcome: '成功', servedOn: today },
      checklist: { summons: true },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().status).toBe('feedback');

    // The centre member cannot complete: the initiator confirms.
    const notInitiator = await centre.post(`/api/work-orders/${order.id}/complete`, { version: recorded.json().version });
    expect(notInitiator.statusCode).toBe(403);
    expect(notInitiator.json().code).toBe('NOT_INITIATOR');
    expect(notInitiator.json().message.zh).toContain('发起人');

    const completed = await clerk.post(`/api/work-orders/${order.id}/complete`, { version: recorded.json().version });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json().status).toBe('completed');
    expect(completed.json().events.map((e: { action: string }) => e.action)).toEqual(['initiate', 'claim', 'start', 'record', 'complete']);
    expect(completed.json().result).toEqual({ method: '电子送达', outcome: '成功', servedOn: today });

    // Nothing more can happen to it.
    const again = await clerk.post(`/api/work-orders/${order.id}/withdraw`, { version: completed.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect(again.json().meta.allowed).toEqual([]);
  });

  it('refuses an illegal transition with the allowed ones', async () => {
    const order = await newOrder();
    const early = await clerk.post(`/api/work-orders/${order.id}/complete`, { version: order.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INVALID_STATE');
    expect(early.json().meta.allowed.sort()).toEqual(['claim', 'dispatch', 'return', 'withdraw']);
  });

  it('returns to the initiator with a reason, who re-initiates or withdraws', async () => {
    const order = await newOrder();
    const claimed = await centre.post(`/api/work-orders/${order.id}/claim`);
    const returned = await centre.post(`/api/work-orders/${order.id}/return`, { version: claimed.json().version, reason: '缺少开庭材料' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json().status).toBe('returned');
    expect(returned.json().returnReason).toBe('缺少开庭材料');
    const again = await clerk.post(`/api/work-orders/${order.id}/reinitiate`, { version: returned.json().version, note: '材料已补齐' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('initiated');
    expect(again.json().assigneeId).toBeNull();
    const withdrawn = await clerk.post(`/api/work-orders/${order.id}/withdraw`, { version: again.json().version, reason: '案件已调解' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('auto-completes a type that says so when the result is recorded', async () => {
    const order = await newOrder('online-closure');
    const claimed = await centre.post(`/api/work-orders/${order.id}/claim`);
    const started = await centre.post(`/api/work-orders/${order.id}/start`, { version: claimed.json().version });
    const recorded = await centre.put(`/api/work-orders/${order.id}/result`, {
      version: started.json().version,
      result: { reportedOn: today },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().status).toBe('completed');
  });
});

describe('scope and permissions', () => {
  it('answers 404 for an order of another court', async () => {
    const order = await newOrder();
    expect((await kuancheng.get(`/api/work-orders/${order.id}`)).statusCode).toBe(404);
    const claimed = await kuancheng.post(`/api/work-orders/${order.id}/claim`);
    expect(claimed.statusCode).toBe(403); // a judge does not hold order.handle at all
    const [other] = await rows<{ username: string }>(
      t.database.db,
      sql`SELECT u.username FROM users u JOIN courts c ON c.id = u.court_id JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          WHERE c.code = '吉0103' AND c.level = 'basic' AND r.code = 'centre-staff' ORDER BY u.id LIMIT 1`,
    );
    const otherCentre = await signIn(t.app, other.username);
    expect((await otherCentre.post(`/api/work-orders/${order.id}/claim`)).statusCode).toBe(404);
    expect((await otherCentre.get(`/api/work-orders/${order.id}`)).statusCode).toBe(404);
  });

  it('lets only holders of order.initiate create, and only leaders dispatch', async () => {
    const k = await openCase();
    const byCentre = await centre.post('/api/work-orders', { caseId: k.id, typeId: await typeId('scheduling') });
    expect(byCentre.statusCode).toBe(403);
    const order = await newOrder();
    const dispatched = await centre.post('/api/work-orders/dispatch', { ids: [order.id], assigneeId: centre2.userId });
    expect(dispatched.statusCode).toBe(403);
  });
});

describe('claims', () => {
  it('gives one order to exactly one of 100 concurrent claimers', async () => {
    const order = await newOrder();
    const claimers = [centre, centre2, ...(await Promise.all(members.slice(2).map((m) => signIn(t.app, m.username))))];
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => claimers[i % claimers.length].post(`/api/work-orders/${order.id}/claim`)),
    );
    const ok = answers.filter((a) => a.statusCode === 200);
    expect(ok).toHaveLength(1);
    const refused = answers.filter((a) => a.statusCode !== 200);
    expect(refused.every((a) => a.statusCode === 409 && a.json().code === 'ALREADY_CLAIMED')).toBe(true);
    expect(refused[0].json().message).toEqual({ zh: '该工单已被他人认领', en: 'Someone else has already claimed this work order' });
    const [{ n }] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM work_order_events WHERE order_id = ${order.id} AND action = 'claim'`,
    );
    expect(n).toBe(1);
  });

  it('never gives one of many orders to two people when many claim many', async () => {
    const k = await openCase();
    const type = await typeId('hearing-record');
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) {
      const created = await clerk.post('/api/work-orders', { caseId: k.id, typeId: type });
      ids.push(created.json().id);
    }
    const claimers = [centre, centre2, ...(await Promise.all(members.slice(2).map((m) => signIn(t.app, m.username))))];
    const answers = await Promise.all(claimers.flatMap((c) => ids.map((id) => c.post(`/api/work-orders/${id}/claim`))));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(ids.length);
    const claims = await rows<{ orderId: number; n: number }>(
      t.database.db,
      sql`SELECT order_id AS "orderId", count(*)::int AS n FROM work_order_events WHERE action = 'claim' AND order_id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) GROUP BY order_id`,
    );
    expect(claims).toHaveLength(ids.length);
    expect(claims.every((c) => c.n === 1)).toBe(true);
  });
});

describe('dispatch, re-dispatch, hand-over, board', () => {
  it('lets a leader dispatch many, re-dispatch one and hand over all of a person', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const bulk = await divhead.post('/api/work-orders/dispatch', { ids: [a.id, b.id], assigneeId: centre.userId });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().succeeded).toBe(2);
    const twice = await divhead.post('/api/work-orders/dispatch', { ids: [a.id], assigneeId: centre.userId });
    expect(twice.json().items[0]).toEqual({ id: a.id, ok: false, code: 'ALREADY_CLAIMED' });
    const c = await newOrder();
    const outsider = await divhead.post('/api/work-orders/dispatch', { ids: [c.id], assigneeId: clerk.userId });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].code).toBe('assignee_not_member');

    const detail = (await centre.get(`/api/work-orders/${a.id}`)).json();
    const moved = await divhead.post(`/api/work-orders/${a.id}/redispatch`, { version: detail.version, assigneeId: centre2.userId });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assigneeId).toBe(centre2.userId);

    const board = await divhead.get(`/api/centre-teams/board?teamId=${teamId}`);
    expect(board.statusCode, board.body).toBe(200);
    const loadOf = (userId: number) => board.json().members.find((m: { userId: number }) => m.userId === userId)?.load ?? 0;
    const before2 = loadOf(centre2.userId);
    const before1 = loadOf(centre.userId);
    expect(before1).toBeGreaterThan(0);

    const handed = await divhead.post('/api/work-orders/hand-over', { teamId, fromUserId: centre.userId, toUserId: centre2.userId });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json().moved).toBe(before1);
    const after = (await divhead.get(`/api/centre-teams/board?teamId=${teamId}`)).json();
    expect(after.members.find((m: { userId: number }) => m.userId === centre.userId).load).toBe(0);
    expect(after.members.find((m: { userId: number }) => m.userId === centre2.userId).load).toBe(before2 + before1);
    const mine = await centre2.get('/api/work-orders?view=mine&tab=todo');
    expect(mine.json().items.some((o: { id: number }) => o.id === b.id)).toBe(true);
  });
});

describe('lists, statistics and warnings', () => {
  it('pages my orders with a keyset cursor and totals', async () => {
    const first = await centre2.get('/api/work-orders?view=mine&limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const { total, nextCursor, items } = first.json();
    expect(total).toBeGreaterThan(2);
    const second = await centre2.get(`/api/work-orders?view=mine&limit=2&cursor=${nextCursor}`);
    const seen = new Set([...items, ...second.json().items].map((o: { id: number }) => o.id));
    expect(seen.size).toBe(items.length + second.json().items.length);
    expect(items[0].dueAt <= items[1].dueAt).toBe(true);
    expect(items[1].dueAt <= second.json().items[0].dueAt).toBe(true);
  });

  it('counts per type, team and person', async () => {
    const stats = await divhead.get(`/api/work-orders/statistics?from=${today}&to=${today}`);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().totals.total).toBeGreaterThan(10);
    expect(stats.json().byType.some((r: { zh: string }) => r.zh === '送达')).toBe(true);
    expect(stats.json().byPerson.length).toBeGreaterThan(1);
  });

  it('warns the assignee near due and the leaders after due, once', async () => {
    const order = await newOrder();
    await centre.post(`/api/work-orders/${order.id}/claim`);
    const soon = await newOrder();
    await centre.post(`/api/work-orders/${soon.id}/claim`);
    await t.database.db.execute(sql`UPDATE work_orders SET due_at = now() - interval '1 hour' WHERE id = ${order.id}`);
    await t.database.db.execute(
      sql`UPDATE work_orders SET created_at = now() - interval '10 hours', due_at = now() + interval '1 hour' WHERE id = ${soon.id}`,
    );
    const first = await sweepWorkOrderWarnings(t.database.db);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(first.nearDue).toBeGreaterThanOrEqual(1);
    const second = await sweepWorkOrderWarnings(t.database.db);
    expect(second).toEqual({ nearDue: 0, overdue: 0 });
    const notes = await rows<{ userId: number; kind: string }>(
      t.database.db,
      sql`SELECT user_id AS "userId", kind FROM notifications WHERE entity_type = 'work-order' AND entity_id IN (${String(order.id)}, ${String(soon.id)})`,
    );
    expect(notes).toContainEqual({ userId: centre.userId, kind: 'work-order-overdue' });
    expect(notes).toContainEqual({ userId: centre.userId, kind: 'work-order-near-due' });
    // The team's leader (centre-leader) hears of the overdue one.
    expect(notes.filter((n) => n.kind === 'work-order-overdue').length).toBeGreaterThanOrEqual(2);
    const overdue = await centre.get('/api/work-orders?view=mine&overdue=true');
    expect(overdue.json().items.some((o: { id: number; overdue: boolean }) => o.id === order.id && o.overdue)).toBe(true);
  });
});
