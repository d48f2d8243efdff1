/**
 * Supervision orders (督办) and in-app notifications: a supervisor orders someone who can see the
 * case to act by a date; the recipient is notified and responds; the order is closed; an open
 * order past its due date (China Standard Time) is overdue. Scope, permissions, versions.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { addDays, closeTestApp, courtId, divisionHeadOf, type FiledCase, fileAndAssign, simpleCase, today } from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client;
let divhead: Client;
let judge: Client;
let assistant: Client;
let president: Client;
let inspector: Client;
let admin: Client;
let kuancheng: Client;
let otherHead: Client;
let kase: FiledCase;

const issue = (client: Client, caseId: number, body: Record<string, unknown> = {}) =>
  client.post(`/api/cases/${caseId}/supervision-orders`, {
    recipientId: judge.userId,
    dueOn: addDays(today(), 3),
    text: '请尽快安排开庭',
    ...body,
  });

const listIds = async (client: Client, query: string) =>
  ((await client.get(`/api/supervision-orders?${query}`)).json().items as { id: number }[]).map((o) => o.id);

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, judge, assistant, president, inspector, admin, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'assistant'),
    signIn(t.app, 'president'),
    signIn(t.app, 'inspector'),
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'kuancheng'),
  ]);
  otherHead = await signIn(t.app, await divisionHeadOf(t, '吉0103'));
  const court = await courtId(admin, '吉0102');
  kase = await fileAndAssign(clerk, divhead, simpleCase(court, addDays(today(), -40)), judge.userId);
});
afterAll(() => closeTestApp(t));

describe('issuing (督办)', () => {
  it('refuses those without the permission (403) and supervisors of another court (404)', async () => {
    expect((await issue(judge, kase.id, { recipientId: assistant.userId })).statusCode).toBe(403);
    expect((await issue(kuancheng, kase.id)).statusCode).toBe(403);
    expect((await issue(otherHead, kase.id)).statusCode).toBe(404);
  });

  it('refuses a past due date and a recipient who cannot see the case', async () => {
    const past = await issue(president, kase.id, { dueOn: addDays(today(), -1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].field).toBe('body.dueOn');
    const stranger = await issue(president, kase.id, { recipientId: kuancheng.userId });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe('body.recipientId');
  });

  let order: { id: number; version: number };

  it('issues an order, notifies the recipient, and lists it for both sides', async () => {
    const response = await issue(president, kase.id);
    expect(response.statusCode, response.body).toBe(201);
    order = response.json();
    expect(response.json()).toMatchObject({
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      issuedBy: president.userId,
      recipientId: judge.userId,
      status: 'open',
      overdue: false,
      allowed: ['respond', 'close'],
    });
    const notices = (await judge.get('/api/notifications')).json().items;
    expect(notices[0]).toMatchObject({ kind: 'supervision-issued', entityType: 'supervision-order', entityId: String(order.id) });
    expect(await listIds(judge, 'role=received&status=open')).toEqual([order.id]);
    expect(await listIds(president, 'role=issued')).toEqual([order.id]);
    expect(await listIds(president, 'role=received')).toEqual([]);
    expect(await listIds(judge, 'role=received&status=overdue')).toEqual([]);
    expect((await judge.get('/api/supervision-orders?role=all')).statusCode).toBe(403);
    expect(await listIds(inspector, 'role=all')).toEqual([order.id]);
    expect(await listIds(otherHead, 'role=all')).toEqual([]);
    const workbench = (await judge.get('/api/workbench')).json().deadlines;
    expect(workbench.supervisionReceivedCount).toBe(1);
    expect(workbench.supervisionReceived[0].id).toBe(order.id);
  });

  it('an open order past its due date is overdue', async () => {
    await rows(t.database.db, sql`UPDATE supervision_orders SET due_on = ${addDays(today(), -1)}::date WHERE id = ${order.id}`);
    const overdue = (await judge.get('/api/supervision-orders?role=received&status=overdue')).json();
    expect(overdue.items.map((o: { id: number }) => o.id)).toEqual([order.id]);
    expect(overdue.items[0].overdue).toBe(true);
    expect((await judge.get('/api/workbench')).json().deadlines.supervisionReceived[0].overdue).toBe(true);
  });

  it('only the recipient responds, with the current version; then it is no longer overdue', async () => {
    expect(
      (await assistant.post(`/api/supervision-orders/${order.id}/respond`, { response: '已安排', version: order.version })).statusCode,
    ).toBe(403);
    expect(
      (await otherHead.post(`/api/supervision-orders/${order.id}/respond`, { response: '已安排', version: order.version })).statusCode,
    ).toBe(404);
    const stale = await judge.post(`/api/supervision-orders/${order.id}/respond`, { response: '已安排', version: order.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const responded = await judge.post(`/api/supervision-orders/${order.id}/respond`, {
      response: '已于下周二安排开庭',
      version: order.version,
    });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(responded.json()).toMatchObject({ status: 'responded', overdue: false, response: '已于下周二安排开庭', allowed: ['close'] });
    expect(await listIds(judge, 'role=received&status=overdue')).toEqual([]);
    const again = await judge.post(`/api/supervision-orders/${order.id}/respond`, {
      response: '再次回复',
      version: responded.json().version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE', meta: { allowed: ['close'] } });
    const issuerNotices = (await president.get('/api/notifications')).json().items;
    expect(issuerNotices[0]).toMatchObject({ kind: 'supervision-responded', entityId: String(order.id) });
    order = responded.json();
  });

  it('the issuer closes it; closing again is an illegal state change', async () => {
    expect((await judge.post(`/api/supervision-orders/${order.id}/close`, {})).statusCode).toBe(403);
    const closed = await president.post(`/api/supervision-orders/${order.id}/close`, { version: order.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', allowed: [] });
    expect(closed.json().closedAt).not.toBeNull();
    const again = await president.post(`/api/supervision-orders/${order.id}/close`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    expect(await listIds(judge, 'role=received&status=closed')).toEqual([order.id]);
  });

  it('records every step in the audit trail', async () => {
    const trail = (await admin.get(`/api/audit?entityType=supervision-order&entityId=${order.id}`)).json();
    expect(trail.items.map((e: { action: string }) => e.action).reverse()).toEqual(['issue', 'respond', 'close']);
  });

  it('an inspector and a division head may issue too; the president closes an order they did not issue', async () => {
    const byInspector = await issue(inspector, kase.id, { recipientId: assistant.userId, text: '卷宗材料不全，请补正' });
    expect(byInspector.statusCode, byInspector.body).toBe(201);
    expect((await issue(divhead, kase.id)).statusCode).toBe(201);
    const closed = await president.post(`/api/supervision-orders/${byInspector.json().id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
  });
});

describe('notifications (站内通知)', () => {
  it('lists mine newest first with keyset pages, an unread count, and read marks', async () => {
    const first = (await judge.get('/api/notifications?limit=1')).json();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBeGreaterThanOrEqual(2);
    const second = (await judge.get(`/api/notifications?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[0].id);
    const unread = (await judge.get('/api/notifications/unread-count')).json().unread;
    expect(unread).toBe(first.unread);
    const read = await judge.post(`/api/notifications/${first.items[0].id}/read`, {});
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().unread).toBe(unread - 1);
    expect((await judge.get('/api/notifications?unread=true')).json().total).toBe(unread - 1);
    // Someone else's notification is not found.
    expect((await assistant.post(`/api/notifications/${first.items[0].id}/read`, {})).statusCode).toBe(404);
    const all = await judge.post('/api/notifications/read-all', {});
    expect(all.json()).toEqual({ marked: unread - 1, unread: 0 });
    expect((await judge.get('/api/notifications/unread-count')).json().unread).toBe(0);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
