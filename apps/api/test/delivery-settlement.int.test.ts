/**
 * What settled delivery tasks move on: the 送达 work order they are linked to (fed back by the
 * system once all its tasks are settled, whatever lifecycle state it is in, and left alone when
 * stale or in a state with no path to feedback), and the case's delivery node; and 终止送达, the
 * explicit end of a task as undeliverable.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleDueAnnouncements } from '../src/modules/delivery/index.js';
import { rows } from '../src/platform/db.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk of team 1: the initiator of the case's orders; handles delivery
let divhead: Client; // assigns cases; may read delivery only
let centre: Client; // 吉0102 centre staff: claims orders, handles delivery
let kuancheng: Client; // a judge of the sibling court 吉0103 (no delivery.handle)
let court0102: number;
let judgeId: number;
let centreId: number;

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const now = () => new Date().toISOString();

interface Party {
  id: number;
  name: string;
}
interface Task {
  id: number;
  partyId: number;
  version: number;
  status: string;
  workOrderId: number | null;
  endReason: string | null;
  endDetail: string | null;
  endedBy: string | null;
  suggestion: unknown;
  attempts: { effectiveOn: string | null }[];
}
interface Order {
  id: number;
  status: string;
  partyId: number | null;
  assigneeId: number | null;
  version: number;
  result: Record<string, unknown> | null;
  events: { action: string; actorName: string; fromStatus: string | null; toStatus: string; note: string }[];
}

async function openCase(defendants: string[] = ['王五', '赵六']): Promise<{ id: number; parties: Party[] }> {
  const filed = await clerk.post('/api/cases', {
    courtId: court0102,
    caseTypeCode: '民初',
    procedureCode: 'civil-first-simple',
    causeCode: 'C04.10.103.03',
    filedOn: today,
    summary: '借款到期未还',
    parties: [
      { kind: 'person', role: 'plaintiff', name: '张三', address: '长春市南关区人民大街1号' },
      ...defendants.map((name, i) => ({ kind: 'person', role: 'defendant', name, address: `长春市朝阳区自由大路${i + 2}号` })),
    ],
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId,
    reason: '送达联动测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const k = await clerk.get(`/api/cases/${filed.json().id}`);
  return { id: k.json().id, parties: k.json().parties };
}

const party = (parties: Party[], name: string) => parties.find((p) => p.name === name) as Party;

async function tasksFor(caseId: number, partyIds: number[], documentKinds: string[]): Promise<Task[]> {
  const made = await centre.post(`/api/cases/${caseId}/delivery-tasks`, { partyIds, documentKinds });
  expect(made.statusCode, made.body).toBe(201);
  return made.json().items.filter((x: Task) => partyIds.includes(x.partyId));
}

async function task(id: number): Promise<Task> {
  const found = await centre.get(`/api/delivery-tasks/${id}`);
  expect(found.statusCode, found.body).toBe(200);
  return found.json();
}

async function serve(by: Client, id: number, body: Record<string, unknown> = {}): Promise<Task> {
  const done = await by.post(`/api/delivery-tasks/${id}/attempts`, {
    version: (await task(id)).version,
    method: 'direct',
    outcome: 'success',
    attemptedAt: now(),
    person: '集约中心 送达员',
    ...body,
  });
  expect(done.statusCode, done.body).toBe(201);
  return done.json();
}

async function end(by: Client, id: number, body: Record<string, unknown> = {}) {
  return by.post(`/api/delivery-tasks/${id}/end`, {
    version: (await task(id)).version,
    reason: 'deceased',
    detail: '公安机关出具死亡证明',
    ...body,
  });
}

async function order(id: number): Promise<Order> {
  const found = await clerk.get(`/api/work-orders/${id}`);
  expect(found.statusCode, found.body).toBe(200);
  return found.json();
}

async function currentNode(caseId: number): Promise<string> {
  return (await clerk.get(`/api/cases/${caseId}`)).json().currentNode;
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
  const users = await rows<{ id: number; username: string }>(
    t.database.db,
    sql`SELECT id, username FROM users WHERE username IN ('judge', 'centre')`,
  );
  judgeId = (users.find((u) => u.username === 'judge') as { id: number }).id;
  centreId = (users.find((u) => u.username === 'centre') as { id: number }).id;
});

afterAll(async () => {
  await t.close();
});

describe('the work order follows the delivery', () => {
  it('feeds back a pooled order once all its tasks are served, with the last recorder as handler; others stay', async () => {
    const k = await openCase();
    const other = await openCase();
    const wang = party(k.parties, '王五');
    const zhao = party(k.parties, '赵六');
    const [summons, copy] = await tasksFor(k.id, [wang.id], ['summons', 'complaint-copy']);
    await tasksFor(k.id, [zhao.id], ['summons']);
    const otherTasks = await tasksFor(other.id, [party(other.parties, '王五').id], ['summons']);
    const orderId = summons.workOrderId as number;
    expect(copy.workOrderId).toBe(orderId);
    expect(await order(orderId)).toMatchObject({ status: 'initiated', partyId: wang.id, assigneeId: null });

    // One of two tasks served: the order waits.
    await serve(centre, summons.id, { person: '送达员 甲' });
    expect((await order(orderId)).status).toBe('initiated');

    // The last one served: dispatched to the person who recorded it, started and fed back, by the system.
    await serve(centre, copy.id, {
      method: 'postal',
      trackingNumber: 'EMS1234567890',
      postalReturnStatus: 'signed',
      person: '邮政 投递员',
    });
    const fed = await order(orderId);
    expect(fed).toMatchObject({ status: 'feedback', assigneeId: centreId });
    expect(fed.result).toEqual({ method: '邮寄送达', outcome: '成功', servedOn: today });
    // The documents served are ticked on the type's checklist (传票, 起诉状副本), the others not.
    expect((fed as Order & { checklist: Record<string, boolean> }).checklist).toEqual({ summons: true, complaintCopy: true });
    const auto = fed.events.filter((e) => e.actorName === 'work-orders' && e.action !== 'initiate');
    expect(auto.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['dispatch', 'initiated', 'accepted'],
      ['start', 'accepted', 'in-progress'],
      ['record', 'in-progress', 'feedback'],
    ]);
    const note = auto[2].note;
    expect(note).toContain('系统据送达记录自动反馈');
    expect(note).toContain(`王五·传票：${today} 直接送达，送达人 送达员 甲`);
    expect(note).toContain(`王五·起诉状副本：${today} 邮寄送达，送达人 邮政 投递员`);

    // Audited in the same change, and the initiator (the clerk) is told.
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'work-order' AND entity_id = ${String(orderId)} AND action = 'record'`,
    );
    expect(audit.n).toBe(1);
    const [notice] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = 'clerk' AND n.entity_type = 'work-order' AND n.entity_id = ${String(orderId)}`,
    );
    expect(notice.n).toBe(1);

    // The other defendant's order of the same case, and the order of another case, have not moved.
    const zhaoOrder = (await clerk.get(`/api/work-orders?view=all&caseId=${k.id}`))
      .json()
      .items.find((o: Order) => o.partyId === zhao.id) as Order;
    expect(zhaoOrder.status).toBe('initiated');
    expect((await order(otherTasks[0].workOrderId as number)).status).toBe('initiated');

    // The initiator completes it as usual.
    const done = await clerk.post(`/api/work-orders/${orderId}/complete`, { version: fed.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
  });

  it('starts and feeds back an accepted order, keeping its holder even when someone else recorded the delivery', async () => {
    const k = await openCase(['王五']);
    const [x] = await tasksFor(k.id, [party(k.parties, '王五').id], ['summons']);
    const orderId = x.workOrderId as number;
    expect((await centre.post(`/api/work-orders/${orderId}/claim`)).statusCode).toBe(200);
    await serve(clerk, x.id, { person: '书记员' });
    const fed = await order(orderId);
    expect(fed).toMatchObject({ status: 'feedback', assigneeId: centreId });
    expect(fed.events.slice(-2).map((e) => [e.action, e.actorName])).toEqual([
      ['start', 'work-orders'],
      ['record', 'work-orders'],
    ]);
    // The case's only task is served: the delivery node is done too.
    expect(await currentNode(k.id)).toBe('scheduling');
  });

  it('feeds back an order in progress; a stale or final order is left alone and the attempt stands', async () => {
    const k = await openCase(['王五', '赵六', '孙七']);
    const [a] = await tasksFor(k.id, [party(k.parties, '王五').id], ['summons']);
    const [b] = await tasksFor(k.id, [party(k.parties, '赵六').id], ['summons']);
    const [c] = await tasksFor(k.id, [party(k.parties, '孙七').id], ['summons']);

    // In progress → fed back with one step.
    const inProgress = a.workOrderId as number;
    await centre.post(`/api/work-orders/${inProgress}/claim`);
    const started = await centre.post(`/api/work-orders/${inProgress}/start`, { version: (await order(inProgress)).version });
    expect(started.statusCode, started.body).toBe(200);
    await serve(centre, a.id);
    const fed = await order(inProgress);
    expect(fed.status).toBe('feedback');
    expect(fed.events.filter((e) => e.actorName === 'work-orders' && e.action !== 'initiate').map((e) => e.action)).toEqual(['record']);

    // Withdrawn by the initiator: the attempt is recorded, the order stays withdrawn.
    const withdrawn = b.workOrderId as number;
    const w = await clerk.post(`/api/work-orders/${withdrawn}/withdraw`, { version: (await order(withdrawn)).version, reason: '另案处理' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await serve(centre, b.id)).status).toBe('served');
    expect((await order(withdrawn)).status).toBe('withdrawn');

    // Returned by its handler: the initiator decides; the delivery does not take it back.
    const returned = c.workOrderId as number;
    await centre.post(`/api/work-orders/${returned}/claim`);
    const r = await centre.post(`/api/work-orders/${returned}/return`, { version: (await order(returned)).version, reason: '地址有误' });
    expect(r.statusCode, r.body).toBe(200);
    expect((await serve(centre, c.id)).status).toBe('served');
    const still = await order(returned);
    expect(still.status).toBe('returned');
    expect(still.events.some((e) => e.action === 'record')).toBe(false);
  });
});

describe('终止送达: ending a task as undeliverable', () => {
  it('refuses bad input, stale versions, outsiders and a served task, changing nothing', async () => {
    const k = await openCase(['王五']);
    const [x, y] = await tasksFor(k.id, [party(k.parties, '王五').id], ['summons', 'judgment']);
    let r = await end(centre, x.id, { detail: '' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0]).toMatchObject({ field: 'body.detail' });
    expect(r.json().message).toMatchObject({ zh: expect.any(String), en: expect.any(String) });
    r = await end(centre, x.id, { reason: 'bored' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('body.reason');
    r = await end(centre, x.id, { version: 99 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('VERSION_CONFLICT');
    r = await end(divhead, x.id);
    expect(r.statusCode).toBe(403);
    r = await kuancheng.post(`/api/delivery-tasks/${x.id}/end`, { version: 1, reason: 'deceased', detail: '公安机关出具死亡证明' });
    expect(r.statusCode).toBe(403);
    expect((await task(x.id)).status).toBe('pending');

    // A task of the sibling court 吉0103: the centre member of 吉0102 cannot reach it.
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const [court0103] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0103' AND level = 'basic'`);
    const sibling = await admin.post('/api/cases', {
      courtId: court0103.id,
      caseTypeCode: '民初',
      procedureCode: 'civil-first-simple',
      causeCode: 'C04.10.103.03',
      filedOn: today,
      summary: '借款到期未还',
      parties: [
        { kind: 'person', role: 'plaintiff', name: '孙九', address: '长春市宽城区长白路3号' },
        { kind: 'person', role: 'defendant', name: '钱八', address: '长春市宽城区长白路1号' },
      ],
    });
    expect(sibling.statusCode, sibling.body).toBe(201);
    const [outside] = await rows<{ id: number }>(
      t.database.db,
      sql`INSERT INTO delivery_tasks (court_id, case_id, party_id, document_kind)
          VALUES (${court0103.id}, ${sibling.json().id}, ${sibling.json().parties[1].id}, 'summons') RETURNING id`,
    );
    r = await centre.post(`/api/delivery-tasks/${outside.id}/end`, { version: 1, reason: 'deceased', detail: '公安机关出具死亡证明' });
    expect(r.statusCode).toBe(404);
    const [untouched] = await rows<{ status: string }>(t.database.db, sql`SELECT status FROM delivery_tasks WHERE id = ${outside.id}`);
    expect(untouched.status).toBe('pending');

    await serve(centre, y.id);
    r = await end(centre, y.id);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'INVALID_STATE' });
    expect((await task(y.id)).status).toBe('served');
  });

  it('ends a task with its reason, audited; no attempt after it; the node completes only with someone served', async () => {
    const k = await openCase(['王五', '长春某某商贸有限公司']);
    const wang = party(k.parties, '王五');
    const firm = party(k.parties, '长春某某商贸有限公司');
    const [w] = await tasksFor(k.id, [wang.id], ['summons']);
    const [f] = await tasksFor(k.id, [firm.id], ['summons']);
    await centre.post(`/api/delivery-tasks/${w.id}/attempts`, {
      version: 1,
      method: 'postal',
      outcome: 'no-such-person',
      trackingNumber: 'EMS5555555555',
      attemptedAt: now(),
      person: '邮政 投递员',
    });

    const ended = await end(centre, w.id);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'failed',
      endReason: 'deceased',
      endDetail: '公安机关出具死亡证明',
      endedBy: expect.any(String),
      suggestion: null,
    });
    expect(ended.json().endedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await centre.post(`/api/delivery-tasks/${w.id}/attempts`, {
      version: ended.json().version,
      method: 'direct',
      outcome: 'success',
      attemptedAt: now(),
      person: '送达员',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'delivery-task' AND entity_id = ${String(w.id)} AND action = 'end-undeliverable'`,
    );
    expect(audit.n).toBe(1);

    // Wang's order is settled by the end alone: fed back with the failure and the reason.
    const wangOrder = await order(w.workOrderId as number);
    expect(wangOrder).toMatchObject({ status: 'feedback', assigneeId: centreId });
    expect(wangOrder.result).toEqual({ outcome: '查无此人' });
    expect(wangOrder.events.at(-1)?.note).toContain('王五·传票：终止送达（受送达人已死亡）');

    // Failures alone do not complete the node; with the other defendant served it is done.
    expect(await currentNode(k.id)).toBe('delivery');
    const list = await centre.get(`/api/delivery-tasks?caseId=${k.id}&status=failed`);
    expect(list.json().total).toBe(1);
    await serve(centre, f.id);
    expect(await currentNode(k.id)).toBe('scheduling');
  });

  it('keeps the node at delivery when every task was ended', async () => {
    const k = await openCase(['王五']);
    const [x] = await tasksFor(k.id, [party(k.parties, '王五').id], ['summons']);
    const r = await end(centre, x.id, { reason: 'court-decision', detail: '原告撤回对该被告的起诉' });
    expect(r.statusCode, r.body).toBe(200);
    expect(await currentNode(k.id)).toBe('delivery');
    const fed = await order(x.workOrderId as number);
    expect(fed.status).toBe('feedback');
    expect(fed.result).toEqual({});
    expect(fed.events.at(-1)?.note).toContain('送达任务均已终止送达');
  });
});

describe('announcements', () => {
  it('the sweep serves a due announcement in a batch statement and feeds its order back, the recorder as handler', async () => {
    const k = await openCase(['王五']);
    const [x] = await tasksFor(k.id, [party(k.parties, '王五').id], ['summons']);
    await centre.post(`/api/delivery-tasks/${x.id}/attempts`, {
      version: 1,
      method: 'postal',
      outcome: 'address-unknown',
      trackingNumber: 'EMS6666666666',
      attemptedAt: now(),
      person: '邮政 投递员',
    });
    const published = await centre.post(`/api/delivery-tasks/${x.id}/attempts`, {
      version: 2,
      method: 'announcement',
      outcome: 'success',
      publishedOn: today,
      attemptedAt: now(),
      person: '人民法院报',
    });
    expect(published.statusCode, published.body).toBe(201);
    const effectiveOn = published.json().attempts.at(-1).effectiveOn as string;
    expect((await order(x.workOrderId as number)).status).toBe('initiated');

    const swept = await settleDueAnnouncements(t.database.db, effectiveOn);
    expect(swept.served).toBeGreaterThanOrEqual(1);
    expect(await task(x.id)).toMatchObject({ status: 'served' });
    const fed = await order(x.workOrderId as number);
    expect(fed).toMatchObject({ status: 'feedback', assigneeId: centreId });
    expect(fed.result).toEqual({ method: '公告送达', outcome: '成功', servedOn: effectiveOn });
    expect(await currentNode(k.id)).toBe('scheduling');
    // Run again: nothing left to do.
    expect(await settleDueAnnouncements(t.database.db, effectiveOn)).toEqual({ served: 0 });
  });
});
