import { randomUUID } from 'node:crypto';
import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepNetworkTaskReminders } from '../src/modules/network/index.js';
import { rows } from '../src/platform/db.js';
import { addDays, courtId, today } from './deadlines-fixtures.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let admin: Client;
let courtadmin: Client; // 吉0102 administrator
let clerk: Client; // 吉0102 clerk: files cases, handles delivery, assigns assistants' tasks
let divhead: Client; // 吉0102 division head: assigns cases; no task permission
let judge: Client; // 吉0102 judge: network.read and network.task.assign
let grassroots: Client; // the demo assistant of 幸福法庭 (吉0102's tribunal)
let second: Client; // another assistant of the same tribunal, given an account here
let kuancheng: Client; // judge of the sibling court 吉0103
let court0102: number;
let me: { id: number; name: string; stationId: number; stationName: string; stationAddress: string };
let other: { id: number; name: string };

/** A 1×1 JPEG: enough for the type sniffing and the size. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);
const PNG_AS_JPEG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, query))[0].n;

async function openDeliveryTask(address: string): Promise<{ caseId: number; deliveryTaskId: number; partyName: string }> {
  const filed = await clerk.post('/api/cases', {
    courtId: court0102,
    caseTypeCode: '民初',
    procedureCode: 'civil-first-simple',
    causeCode: 'C04.10.103.03',
    filedOn: today(),
    claimAmount: '30000.00',
    summary: '借款到期未还',
    parties: [
      {
        kind: 'person',
        role: 'plaintiff',
        name: '赵甲',
        idNumber: makeIdCard('220102', '19800101', '123'),
        address: '长春市南关区人民大街1号',
      },
      { kind: 'person', role: 'defendant', name: '钱乙', idNumber: makeIdCard('220102', '19850505', '321'), address },
    ],
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const [j] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'judge'`);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: j.id,
    reason: '协助送达测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const k = (await clerk.get(`/api/cases/${filed.json().id}`)).json();
  const defendant = k.parties.find((p: { name: string }) => p.name === '钱乙');
  const made = await clerk.post(`/api/cases/${k.id}/delivery-tasks`, { partyIds: [defendant.id], documentKinds: ['summons'] });
  expect(made.statusCode, made.body).toBe(201);
  return { caseId: k.id, deliveryTaskId: made.json().items[0].id, partyName: '钱乙' };
}

const deliveryBody = (deliveryTaskId: number, extra: Record<string, unknown> = {}) => ({
  kind: 'delivery',
  assistantId: me.id,
  deliveryTaskId,
  title: '协助送达传票',
  instructions: '请于工作日白天上门，核对身份后送达',
  dueOn: addDays(today(), 3),
  ...extra,
});

const report = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  idempotencyKey: randomUUID(),
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  content: { kind: 'delivery', outcome: 'success', receiver: '钱乙本人', place: '幸福镇红旗村3组', note: '当面签收' },
  photos: [{ type: 'image/jpeg', data: JPEG.toString('base64') }],
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  courtadmin = await signIn(t.app, 'courtadmin');
  clerk = await signIn(t.app, 'clerk');
  divhead = await signIn(t.app, 'divhead');
  judge = await signIn(t.app, 'judge');
  grassroots = await signIn(t.app, 'grassroots');
  kuancheng = await signIn(t.app, 'kuancheng');
  court0102 = await courtId(admin, '吉0102');
  [me] = await rows<typeof me>(
    t.database.db,
    sql`SELECT a.id, a.name, s.id AS "stationId", s.name AS "stationName", s.address AS "stationAddress"
        FROM network_assistants a JOIN users u ON u.id = a.user_id AND u.username = 'grassroots'
        JOIN network_assistant_stations x ON x.assistant_id = a.id JOIN network_stations s ON s.id = x.station_id
        ORDER BY s.id LIMIT 1`,
  );
  // Another active assistant of the same court, given an account of their own.
  const [candidate] = await rows<{ id: number; name: string; version: number }>(
    t.database.db,
    sql`SELECT b.id, b.name, b.version FROM network_assistants b JOIN network_assistants a ON a.court_id = b.court_id AND a.id = ${me.id}
        WHERE b.id <> a.id AND b.status = 'active' AND b.user_id IS NULL ORDER BY b.id LIMIT 1`,
  );
  const account = await courtadmin.post(`/api/network/assistants/${candidate.id}/account`, {
    username: 'assistant-two',
    password: 'Second@2026',
    version: candidate.version,
  });
  expect(account.statusCode, account.body).toBe(200);
  other = candidate;
  const first = await signIn(t.app, 'assistant-two', 'Second@2026');
  const changed = await first.post('/api/auth/password', { currentPassword: 'Second@2026', newPassword: 'Second-pass2' });
  expect(changed.statusCode, changed.body).toBeLessThan(300);
  second = await signIn(t.app, 'assistant-two', 'Second-pass2');
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('permissions', () => {
  it('an assistant reads no court list, case, delivery task or network list', async () => {
    for (const url of ['/api/network/tasks', '/api/cases', '/api/delivery-tasks', '/api/network/assistants', '/api/network/stations'])
      expect((await grassroots.get(url)).statusCode, url).toBe(403);
    expect((await grassroots.post('/api/network/tasks', deliveryBody(1))).statusCode).toBe(403);
    expect((await grassroots.get('/api/network/task-suggestions?kind=delivery')).statusCode).toBe(403);
  });
  it('court users without a task permission cannot use the assistant side, nor assign', async () => {
    expect((await clerk.get('/api/my/network-tasks')).statusCode).toBe(403);
    const president = await signIn(t.app, 'president');
    expect((await president.post('/api/network/tasks', deliveryBody(1))).statusCode).toBe(403);
    expect((await president.get('/api/network/tasks')).statusCode).toBe(200); // network.read
    expect((await t.app.inject({ method: 'GET', url: '/api/my/network-tasks' })).statusCode).toBe(401);
  });
});

describe('assigning', () => {
  it('refuses bad input with field details and changes nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM network_tasks`);
    const { deliveryTaskId } = await openDeliveryTask('幸福镇红旗村3组');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ dueOn: '2020-01-01' }, 'body.dueOn', 'due_in_past'],
      [{ deliveryTaskId: null }, 'body.deliveryTaskId', 'delivery_task_required'],
      [{ kind: 'mediation' }, 'body.deliveryTaskId', 'delivery_task_kind'],
      [{ assistantId: 999_999 }, 'body.assistantId', 'not_in_scope'],
      [{ stationId: 999_999 }, 'body.stationId', 'assistant_station'],
      [{ deliveryTaskId: 999_999 }, 'body.deliveryTaskId', 'not_in_scope'],
    ];
    for (const [extra, field, code] of cases) {
      const bad = await clerk.post('/api/network/tasks', deliveryBody(deliveryTaskId, extra));
      expect(bad.statusCode, JSON.stringify(extra)).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      expect(bad.json().message.zh).toBeTruthy();
      expect(bad.json().errors).toContainEqual(expect.objectContaining({ field, code }));
    }
    const schema = await clerk.post('/api/network/tasks', { kind: 'sweeping', title: '' });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().code).toBe('VALIDATION_FAILED');
    expect(await count(sql`SELECT count(*)::int AS n FROM network_tasks`)).toBe(before);
  });

  it('a paused assistant is not assigned; an assistant of another court is out of scope', async () => {
    const [paused] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT a.id FROM network_assistants a JOIN courts c ON c.id = a.court_id
          WHERE a.status = 'paused' AND c.path LIKE (SELECT path FROM courts WHERE id = ${court0102}) || '%' LIMIT 1`,
    );
    const { deliveryTaskId } = await openDeliveryTask('幸福镇红旗村5组');
    if (paused) {
      const bad = await clerk.post('/api/network/tasks', deliveryBody(deliveryTaskId, { assistantId: paused.id }));
      expect(bad.json().errors[0]).toMatchObject({ field: 'body.assistantId', code: 'assistant_not_active' });
    }
    // A judge of the sibling court holds the permission, but neither the assistant nor the delivery task is in scope.
    const sibling = await kuancheng.post('/api/network/tasks', deliveryBody(deliveryTaskId));
    expect(sibling.statusCode).toBe(400);
    expect(sibling.json().errors.map((e: { code: string }) => e.code)).toEqual(['not_in_scope', 'not_in_scope']);
    const [kc] = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT a.id FROM network_assistants a JOIN courts c ON c.id = a.court_id WHERE c.code = '吉0103' AND a.status = 'active' LIMIT 1`,
    );
    const foreign = await clerk.post('/api/network/tasks', deliveryBody(deliveryTaskId, { assistantId: kc.id }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ field: 'body.assistantId', code: 'not_in_scope' });
  });

  it('suggests the assistant whose station the address names, with reasons', async () => {
    const { deliveryTaskId } = await openDeliveryTask(`${me.stationAddress}旁3号`);
    const res = await clerk.get(`/api/network/task-suggestions?kind=delivery&deliveryTaskId=${deliveryTaskId}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.address).toContain(me.stationAddress);
    expect(body.candidates).toBeGreaterThan(3);
    expect(body.matchedStations.length).toBeGreaterThan(0);
    const mine = body.suggestions.find((s: { assistantId: number }) => s.assistantId === me.id);
    expect(mine, JSON.stringify(body.suggestions)).toBeTruthy();
    expect(mine.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['load', 'record']));
    expect(mine.reasons.some((r: { code: string }) => r.code === 'same-station' || r.code === 'area-named')).toBe(true);
    // Another court's delivery task: not found.
    expect((await kuancheng.get(`/api/network/task-suggestions?kind=delivery&deliveryTaskId=${deliveryTaskId}`)).statusCode).toBe(404);
  });
});

describe('the lifecycle of an assisted delivery, and the delivery link', () => {
  let caseId: number;
  let deliveryTaskId: number;
  let taskId: number;

  it('assigns: the assistant sees the task with what it needs and nothing more', async () => {
    ({ caseId, deliveryTaskId } = await openDeliveryTask('幸福镇红旗村8组'));
    const made = await clerk.post('/api/network/tasks', deliveryBody(deliveryTaskId, { stationId: me.stationId }));
    expect(made.statusCode, made.body).toBe(201);
    taskId = made.json().id;
    expect(made.json()).toMatchObject({ status: 'assigned', kind: 'delivery', caseId, deliveryTaskId, version: 1 });
    expect(made.json().trace).toHaveLength(1);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'network-task' AND entity_id = ${String(taskId)}`),
    ).toBe(1);
    // A second open task for the same delivery task is refused.
    const twice = await clerk.post('/api/network/tasks', deliveryBody(deliveryTaskId));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('DUPLICATE');

    const list = await grassroots.get('/api/my/network-tasks?view=todo');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: number }) => x.id)).toContain(taskId);
    expect(list.json().todo).toBeGreaterThanOrEqual(1);
    const mine = await grassroots.get(`/api/my/network-tasks/${taskId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().target).toEqual({
      caseNumber: expect.stringMatching(/^（\d{4}）吉0102民初\d+号$/),
      partyName: '钱乙',
      address: '幸福镇红旗村8组',
      phone: null,
      documentKind: 'summons',
    });
    expect(mine.json()).toMatchObject({ caseId: null, partyId: null, deliveryTaskId: null, allowed: ['accept', 'decline'] });
    expect(mine.body).not.toContain(makeIdCard('220102', '19850505', '321'));
    expect(mine.body).not.toContain('赵甲');
    // The notice reached the assistant.
    const notices = (await grassroots.get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'network-task-assigned', entityId: String(taskId) }));
  });

  it('keeps others out: another assistant, the sibling court, the case and delivery APIs', async () => {
    expect((await second.get(`/api/my/network-tasks/${taskId}`)).statusCode).toBe(404);
    // And the other way round: the second assistant's task is theirs only.
    const theirs = await judge.post('/api/network/tasks', {
      kind: 'mediation',
      assistantId: other.id,
      caseId,
      title: '参与调解',
      dueOn: addDays(today(), 4),
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await grassroots.get(`/api/my/network-tasks/${theirs.json().id}`)).statusCode).toBe(404);
    expect(
      (await grassroots.post(`/api/my/network-tasks/${theirs.json().id}/decline`, { version: 1, reason: '不是我的' })).statusCode,
    ).toBe(404);
    expect((await second.get(`/api/my/network-tasks/${theirs.json().id}`)).statusCode).toBe(200);
    expect((await second.post(`/api/my/network-tasks/${taskId}/accept`, { version: 1 })).statusCode).toBe(404);
    expect((await second.get('/api/my/network-tasks')).json().items.map((x: { id: number }) => x.id)).not.toContain(taskId);
    expect((await kuancheng.get(`/api/network/tasks/${taskId}`)).statusCode).toBe(404);
    expect((await kuancheng.get('/api/network/tasks')).json().items.map((x: { id: number }) => x.id)).not.toContain(taskId);
    expect((await grassroots.get(`/api/cases/${caseId}`)).statusCode).toBe(403);
    expect((await grassroots.get(`/api/delivery-tasks/${deliveryTaskId}`)).statusCode).toBe(403);
    expect((await grassroots.get(`/api/network/tasks/${taskId}`)).statusCode).toBe(403);
  });

  it('accepts with the version; a stale write and an illegal move answer 409', async () => {
    const illegal = await grassroots.post(`/api/my/network-tasks/${taskId}/report`, report(1));
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: 'INVALID_STATE', meta: { status: 'assigned', allowed: ['accept', 'decline'] } });
    const stale = await grassroots.post(`/api/my/network-tasks/${taskId}/accept`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const ok = await grassroots.post(`/api/my/network-tasks/${taskId}/accept`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', version: 2, allowed: ['report'] });
    const court = await clerk.post(`/api/network/tasks/${taskId}/confirm`, { version: 2, rating: 5 });
    expect(court.statusCode).toBe(409);
    expect(court.json().meta.allowed).toEqual(['report']);
  });

  it('refuses a report of the wrong kind or with a photo that is not what it claims', async () => {
    const wrongKind = await grassroots.post(
      `/api/my/network-tasks/${taskId}/report`,
      report(2, { content: { kind: 'petition-risk', attitude: '情绪平稳', riskLevel: 'low' } }),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().errors[0]).toMatchObject({ field: 'body.content.kind', code: 'report_kind' });
    const fake = await grassroots.post(
      `/api/my/network-tasks/${taskId}/report`,
      report(2, { photos: [{ type: 'image/jpeg', data: PNG_AS_JPEG.toString('base64') }] }),
    );
    expect(fake.statusCode).toBe(400);
    expect(fake.json().errors[0]).toMatchObject({ field: 'body.photos.0.data', code: 'photo_type' });
    const future = await grassroots.post(`/api/my/network-tasks/${taskId}/report`, report(2, { occurredAt: '2199-01-01T00:00:00Z' }));
    expect(future.statusCode).toBe(400);
    expect(await count(sql`SELECT count(*)::int AS n FROM network_task_reports WHERE task_id = ${taskId}`)).toBe(0);
  });

  it('stores an offline report once: the repeat with the same key answers the stored result', async () => {
    const body = report(2, {
      content: { kind: 'delivery', outcome: 'unsigned', receiver: '', place: '幸福镇红旗村8组', note: '家中无人' },
    });
    const first = await grassroots.post(`/api/my/network-tasks/${taskId}/report`, body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, task: { status: 'reported', version: 3 } });
    const again = await grassroots.post(`/api/my/network-tasks/${taskId}/report`, body);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().replayed).toBe(true);
    expect(again.json().task.report.id).toBe(first.json().task.report.id);
    expect(await count(sql`SELECT count(*)::int AS n FROM network_task_reports WHERE task_id = ${taskId}`)).toBe(1);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM network_task_photos ph JOIN network_task_reports r ON r.id = ph.report_id WHERE r.task_id = ${taskId}`,
      ),
    ).toBe(1);
    // Another assistant sending the same body reaches nothing.
    const elsewhere = await second.post(`/api/my/network-tasks/${taskId}/report`, body);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('the court sends the report back with a reason; the assistant reports again', async () => {
    const noReason = await clerk.post(`/api/network/tasks/${taskId}/send-back`, { version: 3, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const back = await clerk.post(`/api/network/tasks/${taskId}/send-back`, { version: 3, reason: '请再次上门，白天家中有人' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'accepted', sendBackReason: '请再次上门，白天家中有人', version: 4 });
    const seen = (await grassroots.get(`/api/my/network-tasks/${taskId}`)).json();
    expect(seen.allowed).toEqual(['report']);
    const resent = await grassroots.post(`/api/my/network-tasks/${taskId}/report`, report(4));
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json().task).toMatchObject({ status: 'reported', version: 5 });
    expect(resent.json().task.report.photos).toHaveLength(1);
    const photoId = resent.json().task.report.photos[0].id;
    const photo = await grassroots.get(`/api/my/network-tasks/${taskId}/photos/${photoId}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await second.get(`/api/my/network-tasks/${taskId}/photos/${photoId}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/network/tasks/${taskId}/photos/${photoId}`)).statusCode).toBe(404);
    expect((await clerk.get(`/api/network/tasks/${taskId}/photos/${photoId}`)).statusCode).toBe(200);
  });

  it('confirming records the outcome as an assisted attempt on the delivery task, with the photo', async () => {
    const before = (await clerk.get(`/api/delivery-tasks/${deliveryTaskId}`)).json();
    expect(before.attempts).toHaveLength(0);
    const badRating = await clerk.post(`/api/network/tasks/${taskId}/confirm`, { version: 5, rating: 9 });
    expect(badRating.statusCode).toBe(400);
    const stale = await clerk.post(`/api/network/tasks/${taskId}/confirm`, { version: 4, rating: 5 });
    expect(stale.statusCode).toBe(409);
    const done = await clerk.post(`/api/network/tasks/${taskId}/confirm`, { version: 5, rating: 5, note: '送达规范' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'confirmed', outcome: 'success', rating: 5, allowed: [] });
    expect(done.json().deliveryAttemptId).toBeGreaterThan(0);
    expect(done.json().trace.map((e: { action: string }) => e.action)).toEqual([
      'assign',
      'accept',
      'report',
      'send-back',
      'report',
      'confirm',
    ]);

    const after = (await clerk.get(`/api/delivery-tasks/${deliveryTaskId}`)).json();
    expect(after.status).toBe('served');
    expect(after.servedMethod).toBe('assisted');
    expect(after.attempts).toHaveLength(1);
    expect(after.attempts[0]).toMatchObject({
      id: done.json().deliveryAttemptId,
      method: 'assisted',
      outcome: 'success',
      person: me.name,
      evidenceType: 'image/jpeg',
      evidenceSize: JPEG.length,
    });
    expect(after.attempts[0].note).toContain('幸福镇红旗村3组');
    const evidence = await clerk.get(`/api/delivery-attempts/${after.attempts[0].id}/evidence`);
    expect(evidence.statusCode).toBe(200);
    expect(Buffer.from(evidence.rawPayload).equals(JPEG)).toBe(true);
    // The case's delivery node completed (its only task is served).
    const k = (await clerk.get(`/api/cases/${caseId}`)).json();
    expect(k.currentNode).not.toBe('delivery');
    // Audited in the same transactions: assign, accept, report ×2, send-back, confirm; and the attempt.
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'network-task' AND entity_id = ${String(taskId)}`),
    ).toBe(6);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'delivery-task' AND entity_id = ${String(deliveryTaskId)} AND action = 'record-attempt'`,
      ),
    ).toBe(1);
    // Final: nothing more is allowed.
    const again = await clerk.post(`/api/network/tasks/${taskId}/send-back`, { version: 6, reason: '再看看' });
    expect(again.statusCode).toBe(409);
    expect(again.json().meta.allowed).toEqual([]);
  });

  it('the court lists tasks with filters and totals', async () => {
    const all = await judge.get(`/api/network/tasks?assistantId=${me.id}&limit=1`);
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBeGreaterThanOrEqual(1);
    const confirmed = await judge.get(`/api/network/tasks?status=confirmed&kind=delivery&deliveryTaskId=${deliveryTaskId}`);
    expect(confirmed.json()).toMatchObject({ total: 1, items: [{ id: taskId, status: 'confirmed' }] });
    const bad = await judge.get('/api/network/tasks?status=lost');
    expect(bad.statusCode).toBe(400);
    const done = await grassroots.get('/api/my/network-tasks?view=done');
    expect(done.json().items.map((x: { id: number }) => x.id)).toContain(taskId);
  });
});

describe('other kinds, declining, reminders', () => {
  it('an investigation report carries structured findings; a decline carries its reason and tells the assigner', async () => {
    const { caseId } = await openDeliveryTask('幸福镇兴隆村');
    const made = await judge.post('/api/network/tasks', {
      kind: 'investigation',
      assistantId: me.id,
      caseId,
      title: '查找被执行人下落及财产线索',
      dueOn: addDays(today(), 5),
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    await grassroots.post(`/api/my/network-tasks/${id}/accept`, { version: 1 });
    const findings = await grassroots.post(`/api/my/network-tasks/${id}/report`, {
      version: 2,
      idempotencyKey: randomUUID(),
      occurredAt: new Date().toISOString(),
      content: {
        kind: 'investigation',
        findings: [
          { kind: 'whereabouts', text: '在镇上经营一家五金店，常住店内' },
          { kind: 'vehicle', text: '驾驶一辆白色货车，吉A·12345' },
        ],
        note: '',
      },
    });
    expect(findings.statusCode, findings.body).toBe(200);
    expect(findings.json().task.report.content.findings).toHaveLength(2);
    const confirmed = await judge.post(`/api/network/tasks/${id}/confirm`, { version: 3, rating: 4 });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', outcome: 'success', deliveryAttemptId: null });

    const declined = await judge.post('/api/network/tasks', {
      kind: 'petition-risk',
      assistantId: me.id,
      title: '了解当事人情绪',
      dueOn: addDays(today(), 2),
    });
    const did = declined.json().id;
    const noReason = await grassroots.post(`/api/my/network-tasks/${did}/decline`, { version: 1, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const no = await grassroots.post(`/api/my/network-tasks/${did}/decline`, { version: 1, reason: '本人近期外出，无法办理' });
    expect(no.json()).toMatchObject({ status: 'declined', declineReason: '本人近期外出，无法办理', allowed: [] });
    const notices = (await judge.get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'network-task-declined', entityId: String(did) }));
  });

  it('reminds the assistant the day before and the assigner when overdue, once each', async () => {
    const soon = await judge.post('/api/network/tasks', {
      kind: 'circuit-liaison',
      assistantId: me.id,
      title: '联系巡回审判场地',
      dueOn: addDays(today(), 1),
    });
    const late = await judge.post('/api/network/tasks', {
      kind: 'dispute-report',
      assistantId: me.id,
      title: '排查邻里纠纷',
      dueOn: today(),
    });
    expect(soon.statusCode).toBe(201);
    expect(late.statusCode).toBe(201);
    const tomorrow = new Date(Date.now() + 86_400_000);
    // Run as if tomorrow: `late` is overdue, `soon` is due the day after.
    const first = await sweepNetworkTaskReminders(t.database.db, new Date(Date.now()));
    expect(first.dueTomorrow).toBeGreaterThanOrEqual(1);
    const repeat = await sweepNetworkTaskReminders(t.database.db, new Date(Date.now()));
    expect(repeat).toEqual({ dueTomorrow: 0, overdue: 0 });
    const overdue = await sweepNetworkTaskReminders(t.database.db, tomorrow);
    expect(overdue.overdue).toBeGreaterThanOrEqual(1);
    expect((await sweepNetworkTaskReminders(t.database.db, tomorrow)).overdue).toBe(0);
    const [{ n: due }] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM outbox WHERE kind = 'network-task-due' AND payload->>'entityId' = ${String(soon.json().id)}`,
    );
    expect(due).toBe(1);
    const [{ n: od }] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM outbox WHERE kind = 'network-task-overdue' AND payload->>'entityId' = ${String(late.json().id)}
          AND user_id = ${judge.userId}`,
    );
    expect(od).toBe(1);
    // The court's overdue filter finds it on the next day's reckoning only; today it is not late yet.
    const todayLate = await judge.get(`/api/network/tasks?overdue=true&assistantId=${me.id}`);
    expect(todayLate.json().items.map((x: { id: number }) => x.id)).not.toContain(late.json().id);
  });
});

describe('a station that lists the villages it serves', () => {
  it('an address naming a listed village suggests the station’s assistants; without the list it does not', async () => {
    const made = await courtadmin.post('/api/network/stations', {
      courtId: court0102,
      kind: 'liaison-station',
      name: '测试乡司法协助联络站',
      address: '测试乡人民政府',
      areaNames: ['柳条沟村', '北岗子村'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const station = made.json();
    const person = await courtadmin.post('/api/network/assistants', {
      courtId: court0102,
      name: '柳条沟协助员',
      categoryCodes: ['village-cadre'],
      stationIds: [station.id],
      startOn: today(),
    });
    expect(person.statusCode, person.body).toBe(201);
    const assistantId = person.json().id;
    const { deliveryTaskId } = await openDeliveryTask('某某县柳条沟村七组');
    const ask = () => clerk.get(`/api/network/task-suggestions?kind=delivery&deliveryTaskId=${deliveryTaskId}&limit=50`);
    const listed = (await ask()).json();
    expect(listed.matchedStations).toEqual([{ stationId: station.id, name: '测试乡司法协助联络站', areaName: '柳条沟村' }]);
    const top = listed.suggestions[0];
    expect(top.assistantId, JSON.stringify(listed.suggestions.slice(0, 3))).toBe(assistantId);
    expect(top.reasons[0]).toMatchObject({ code: 'same-station', zh: expect.stringContaining('柳条沟村') });

    // The village is named nowhere in the station's name or address: without the list, nothing matches it.
    const cleared = await courtadmin.put(`/api/network/stations/${station.id}`, { areaNames: [], version: station.version });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const bare = (await ask()).json();
    expect(bare.matchedStations).toEqual([]);
    const again = bare.suggestions.find((s: { assistantId: number }) => s.assistantId === assistantId);
    expect(again?.reasons.map((r: { code: string }) => r.code) ?? []).not.toContain('same-station');
  });
});

describe('an assistant who pauses, leaves and returns', () => {
  const status = async (to: string, reason: string) => {
    const current = (await courtadmin.get(`/api/network/assistants/${other.id}`)).json();
    return courtadmin.post(`/api/network/assistants/${other.id}/status`, { status: to, reason, version: current.version });
  };
  const login = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'assistant-two', password } });
  const task = (kind: string, title: string) =>
    judge.post('/api/network/tasks', { kind, assistantId: other.id, title, dueOn: addDays(today(), 4) });

  it('only a network manager of the court changes the status', async () => {
    expect((await judge.post(`/api/network/assistants/${other.id}/status`, { status: 'left', reason: 'x', version: 1 })).statusCode).toBe(
      403,
    );
    const [kuanAdmin] = await rows<{ username: string }>(
      t.database.db,
      sql`SELECT u.username FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
          JOIN courts c ON c.id = u.court_id WHERE r.code = 'admin' AND c.code = '吉0103' LIMIT 1`,
    );
    const sibling = await signIn(t.app, kuanAdmin.username);
    const version = (await courtadmin.get(`/api/network/assistants/${other.id}`)).json().version;
    const foreign = await sibling.post(`/api/network/assistants/${other.id}/status`, { status: 'left', reason: '越权', version });
    expect(foreign.statusCode).toBe(404);
    expect((await second.get('/api/my/network-tasks')).statusCode).toBe(200);
  });

  it('paused: still signs in and works on their tasks, but is neither suggested nor assigned', async () => {
    const paused = await status('paused', '外出务工三个月');
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', accountStatus: 'active' });
    expect((await second.get('/api/my/network-tasks')).statusCode).toBe(200);
    expect((await login('Second-pass2')).statusCode).toBe(200);
    const suggested = (await clerk.get('/api/network/task-suggestions?kind=petition-risk&limit=50')).json();
    expect(suggested.suggestions.map((s: { assistantId: number }) => s.assistantId)).not.toContain(other.id);
    expect(suggested.excluded).toContainEqual({ assistantId: other.id, status: 'paused' });
    const refused = await task('petition-risk', '暂停期间派发');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'body.assistantId', code: 'assistant_not_active' });
    expect((await status('active', '返乡，恢复在岗')).json()).toMatchObject({ status: 'active', accountStatus: 'active' });
  });

  it('left: the account is disabled at once, waiting tasks go back to the court, the trail shows it; returning restores sign-in', async () => {
    const waiting = (await task('petition-risk', '了解当事人情绪（待接收）')).json();
    const accepted = (await task('mediation', '参与调解（办理中）')).json();
    expect((await second.post(`/api/my/network-tasks/${accepted.id}/accept`, { version: 1 })).statusCode).toBe(200);
    const reported = (await task('dispute-report', '排查纠纷（已反馈）')).json();
    await second.post(`/api/my/network-tasks/${reported.id}/accept`, { version: 1 });
    const sent = await second.post(`/api/my/network-tasks/${reported.id}/report`, {
      version: 2,
      idempotencyKey: randomUUID(),
      occurredAt: new Date().toISOString(),
      content: { kind: 'dispute-report', summary: '两户因宅基地边界争执', parties: '孙丙、李丁', place: '幸福镇红旗村2组' },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const [user] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'assistant-two'`);
    // The demo data gave this assistant waiting tasks of their own: every one of them goes back.
    const open = await rows<{ id: number }>(
      t.database.db,
      sql`SELECT id FROM network_tasks WHERE assistant_id = ${other.id} AND status IN ('assigned','accepted') ORDER BY id`,
    );
    expect(open.map((r) => r.id)).toEqual(expect.arrayContaining([waiting.id, accepted.id]));

    const left = await status('left', '迁居外地，本人申请退出');
    expect(left.statusCode, left.body).toBe(200);
    expect(left.json()).toMatchObject({ status: 'left', accountStatus: 'disabled', username: 'assistant-two' });

    // The session ended with the change: the very next request is refused, and so is a new sign-in.
    const next = await second.get('/api/my/network-tasks');
    expect(next.statusCode).toBe(401);
    expect(next.json().code).toBe('UNAUTHENTICATED');
    const again = await login('Second-pass2');
    expect(again.statusCode).toBe(401);
    expect(again.headers['content-type']).toContain('application/problem+json');
    // The same answer as a wrong password (the sign-in never tells whether an account exists), in both languages.
    expect(again.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: { zh: '用户名或密码错误', en: 'Wrong username or password' },
    });
    expect(await count(sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${user.id}`)).toBe(0);

    // Waiting tasks are back with the court: declined with the reason, traced, the assigner told.
    for (const { id, from } of [
      { id: waiting.id, from: 'assigned' },
      { id: accepted.id, from: 'accepted' },
    ]) {
      const back = (await judge.get(`/api/network/tasks/${id}`)).json();
      expect(back).toMatchObject({ status: 'declined', allowed: [] });
      expect(back.declineReason).toContain('迁居外地，本人申请退出');
      expect(back.trace.at(-1)).toMatchObject({ action: 'decline', fromStatus: from, toStatus: 'declined' });
      expect(back.trace.at(-1).actorName).not.toBe(other.name);
      expect(
        await count(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'network-task' AND entity_id = ${String(id)} AND action = 'decline'`,
        ),
      ).toBe(1);
    }
    expect(
      await count(sql`SELECT count(*)::int AS n FROM network_tasks WHERE assistant_id = ${other.id} AND status IN ('assigned','accepted')`),
    ).toBe(0);
    const notices = (await judge.get('/api/notifications')).json().items as { kind: string; entityId: string }[];
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'network-task-declined', entityId: String(waiting.id) }));
    // The reported one stays for the court: it cannot go back to someone who left, it can be confirmed.
    expect((await judge.get(`/api/network/tasks/${reported.id}`)).json().status).toBe('reported');
    const sendBack = await judge.post(`/api/network/tasks/${reported.id}/send-back`, { version: 3, reason: '请补充' });
    expect(sendBack.statusCode).toBe(409);
    expect(sendBack.json()).toMatchObject({ code: 'INVALID_STATE', meta: { assistantStatus: 'left' } });
    expect((await judge.post(`/api/network/tasks/${reported.id}/confirm`, { version: 3, rating: 4 })).json().status).toBe('confirmed');
    // No longer a candidate at all.
    const suggested = (await clerk.get('/api/network/task-suggestions?kind=petition-risk&limit=50')).json();
    expect(suggested.suggestions.map((s: { assistantId: number }) => s.assistantId)).not.toContain(other.id);

    // The trail: the assistant's change with the account and the returned tasks, the account's own change.
    const [change] = await rows<{ changes: string }>(
      t.database.db,
      sql`SELECT changes::text AS changes FROM audit_log WHERE entity_type = 'network-assistant' AND entity_id = ${String(other.id)}
          AND action = 'change-status' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(change.changes)).toMatchObject({
      status: { before: 'active', after: 'left' },
      accountStatus: { before: 'active', after: 'disabled' },
      returnedTaskIds: { after: open.map((r) => r.id) },
    });
    const [disabled] = await rows<{ changes: string; actor: number }>(
      t.database.db,
      sql`SELECT changes::text AS changes, actor_id AS actor FROM audit_log WHERE entity_type = 'user' AND entity_id = ${String(user.id)}
          AND action = 'update' ORDER BY id DESC LIMIT 1`,
    );
    expect(disabled.actor).toBe(courtadmin.userId);
    expect(JSON.parse(disabled.changes).status).toEqual({ before: 'active', after: 'disabled' });

    // Reinstated: the account works again; the returned tasks stay with the court.
    const back = await status('active', '返回本村，重新聘任');
    expect(back.json()).toMatchObject({ status: 'active', accountStatus: 'active' });
    expect((await login('Second-pass2')).statusCode).toBe(200);
    const returned = await signIn(t.app, 'assistant-two', 'Second-pass2');
    const mine = (await returned.get('/api/my/network-tasks')).json();
    expect(mine.items.map((x: { id: number }) => x.id)).not.toContain(waiting.id);
    const [enabled] = await rows<{ changes: string }>(
      t.database.db,
      sql`SELECT changes::text AS changes FROM audit_log WHERE entity_type = 'user' AND entity_id = ${String(user.id)}
          AND action = 'update' ORDER BY id DESC LIMIT 1`,
    );
    expect(JSON.parse(enabled.changes).status).toEqual({ before: 'disabled', after: 'active' });
    const history = (await courtadmin.get(`/api/network/assistants/${other.id}`)).json().statusHistory;
    // Newest first.
    expect(history.slice(0, 2).map((h: { toStatus: string; reason: string }) => [h.toStatus, h.reason])).toEqual([
      ['active', '返回本村，重新聘任'],
      ['left', '迁居外地，本人申请退出'],
    ]);
  });
});
