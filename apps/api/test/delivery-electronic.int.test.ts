/**
 * Electronic delivery through the outbox: sending an SMS or e-mail with a read link, the attempt
 * made when the message settles (served only at the confirmed address), dead letters, the public
 * read link, and the permission, scope and validation of the send.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client;
let divhead: Client;
let centre: Client;
let kuancheng: Client;
let grassroots: Client;
let court0102: number;

const BASE = 'https://court.example.cn';
const FAILING = '13800009999';
const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);

// A local SMS gateway: refuses the FAILING number, accepts the rest, and keeps what it received.
const received: { to: string; text: string }[] = [];
let gateway: Server;

interface Send {
  id: number;
  status: string;
  channel: string;
  address: string;
  attemptId: number | null;
  error: string | null;
  readAt: string | null;
}
interface Attempt {
  id: number;
  method: string;
  outcome: string;
  electronicAddress: string | null;
  readAt: string | null;
  note: string;
}
interface Task {
  id: number;
  caseId: number;
  version: number;
  status: string;
  servedOn: string | null;
  servedMethod: string | null;
  workOrderId: number | null;
  suggestion: { method: string; reason: string } | null;
  attempts: Attempt[];
  electronicSends: Send[];
}

beforeAll(async () => {
  gateway = createServer(async (req, res) => {
    let data = '';
    for await (const chunk of req) data += chunk;
    const body = JSON.parse(data) as { to: string; text: string };
    received.push(body);
    res.writeHead(body.to === FAILING ? 500 : 200).end(body.to === FAILING ? 'number barred' : 'ok');
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const port = (gateway.address() as AddressInfo).port;
  // SMS through the local gateway; mail through the development channel (no SMTP configured).
  t = await createTestApp({ config: { smsGatewayUrl: `http://127.0.0.1:${port}/send`, publicBaseUrl: BASE } });
  [clerk, divhead, centre, kuancheng, grassroots] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'centre'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'grassroots'),
  ]);
  const [court] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0102' AND level = 'basic'`);
  court0102 = court.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => gateway?.close(() => resolve()));
});

beforeEach(async () => {
  await t.app.messages.idle();
  received.length = 0;
});

interface World {
  t: TestApp;
  clerk: Client;
  divhead: Client;
  centre: Client;
  court: number;
  /** The judge the case is assigned to (a judge of `court`). */
  judge?: string;
}
const here = (): World => ({ t, clerk, divhead, centre, court: court0102 });

/** A case filed and assigned with one defendant, who confirmed `electronicAddress`; the defendant's summons task. */
async function summonsTask(electronicAddress: string | null, w: World = here()): Promise<Task> {
  const { clerk, divhead, centre } = w;
  const filed = await clerk.post('/api/cases', {
    courtId: w.court,
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
      {
        kind: 'person',
        role: 'defendant',
        name: '王五',
        idNumber: makeIdCard('220102', '19850505', '321'),
        address: '长春市南关区自由大路2号',
      },
    ],
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const [judge] = await rows<{ id: number }>(w.t.database.db, sql`SELECT id FROM users WHERE username = ${w.judge ?? 'judge'}`);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: judge.id,
    reason: '电子送达测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const caseId = filed.json().id as number;
  const wang = (filed.json().parties as { id: number; name: string }[]).find((p) => p.name === '王五') as { id: number };
  if (electronicAddress) {
    const confirmed = await centre.post(`/api/cases/${caseId}/address-confirmations`, {
      partyId: wang.id,
      address: '长春市朝阳区确认地址8号',
      phone: '13912345678',
      email: 'wangwu@example.cn',
      electronicAddress,
      signedOn: today,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
  }
  const made = await centre.post(`/api/cases/${caseId}/delivery-tasks`, { partyIds: [wang.id], documentKinds: ['summons'] });
  expect(made.statusCode, made.body).toBe(201);
  return made.json().items[0];
}

async function task(id: number): Promise<Task> {
  const found = await centre.get(`/api/delivery-tasks/${id}`);
  expect(found.statusCode, found.body).toBe(200);
  return found.json();
}

async function send(id: number, channel: string, address: string, client = centre) {
  const before = await task(id);
  return client.post(`/api/delivery-tasks/${id}/send-electronic`, { version: before.version, channel, address });
}

/** The outbox row of the task's latest send. */
async function outboxOf(taskId: number) {
  const [row] = await rows<{
    channel: string;
    to: string;
    subject: string | null;
    text: string;
    kind: string;
    courtId: number;
    status: string;
  }>(
    t.database.db,
    sql`SELECT m.channel, m.address AS "to", m.subject, m.text, m.kind, m.court_id AS "courtId", m.status
        FROM outbox m JOIN delivery_electronic_sends s ON s.outbox_id = m.id WHERE s.task_id = ${taskId} ORDER BY s.id DESC LIMIT 1`,
  );
  return row;
}

const tokenIn = (text: string) => (text.match(/\/r\/([A-Za-z0-9_-]{43})/) as RegExpMatchArray)[1];
const open = (path: string) => t.app.inject({ method: 'GET', url: path });
const audits = async (taskId: number, action: string) =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'delivery-task' AND entity_id = ${String(taskId)} AND action = ${action}`,
    )
  )[0].n;

describe('sending', () => {
  it('queues an SMS naming the court, case and document with the link; serves the task once it is sent to the confirmed address', async () => {
    const created = await summonsTask('13912345678');
    const sent = await send(created.id, 'sms', ' 13912345678 ');
    expect(sent.statusCode, sent.body).toBe(201);
    const awaiting: Task = sent.json();
    // Nothing counts before the message has left: no attempt, the task only in progress, no next step but waiting.
    expect(awaiting).toMatchObject({ status: 'in-progress', servedOn: null, attempts: [], suggestion: null, version: created.version + 1 });
    expect(awaiting.electronicSends).toMatchObject([{ status: 'awaiting', channel: 'sms', address: '13912345678', attemptId: null }]);
    expect(await audits(created.id, 'send-electronic')).toBe(1);

    const message = await outboxOf(created.id);
    expect(message).toMatchObject({ channel: 'sms', to: '13912345678', subject: null, kind: 'delivery-electronic', courtId: court0102 });
    const [k] = await rows<{ caseNumber: string }>(
      t.database.db,
      sql`SELECT case_number AS "caseNumber" FROM cases WHERE id = ${created.caseId}`,
    );
    expect(message.text).toContain('【长春市南关区人民法院】');
    expect(message.text).toContain(k.caseNumber);
    expect(message.text).toContain('传票');
    expect(message.text).toMatch(new RegExp(`${BASE}/r/[A-Za-z0-9_-]{43}$`));
    // Only the hash of the token is stored.
    const [stored] = await rows<{ tokenHash: string }>(
      t.database.db,
      sql`SELECT token_hash AS "tokenHash" FROM delivery_electronic_sends WHERE task_id = ${created.id}`,
    );
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(message.text).not.toContain(stored.tokenHash);

    // The sender runs after the response: the gateway takes it and the attempt follows.
    await t.app.messages.idle();
    expect(received).toEqual([{ to: '13912345678', text: message.text }]);
    const served = await task(created.id);
    expect(served).toMatchObject({ status: 'served', servedOn: today, servedMethod: 'electronic', suggestion: null });
    expect(served.attempts).toMatchObject([{ method: 'electronic', outcome: 'success', electronicAddress: '13912345678', readAt: null }]);
    expect(served.electronicSends).toMatchObject([{ status: 'sent', attemptId: served.attempts[0].id, error: null }]);
    // The same follow-up as a recorded attempt: the case moved past delivery, the work order was fed back.
    const kase = await clerk.get(`/api/cases/${created.caseId}`);
    expect(kase.json().currentNode).not.toBe('delivery');
    if (served.workOrderId !== null) {
      const [order] = await rows<{ status: string }>(t.database.db, sql`SELECT status FROM work_orders WHERE id = ${served.workOrderId}`);
      expect(order.status).not.toBe('in-progress');
    }
    expect(await audits(created.id, 'record-attempt')).toBe(1);
    expect(await audits(created.id, 'electronic-sent')).toBe(1);

    // Settled: no further send.
    const again = await send(created.id, 'sms', '13912345678');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
  });

  it('does not serve when sent to an address the party never confirmed: the next step moves on to post', async () => {
    const created = await summonsTask('13912345678');
    const sent = await send(created.id, 'mail', 'WangWu@Other.example.CN');
    expect(sent.statusCode, sent.body).toBe(201);
    const message = await outboxOf(created.id);
    expect(message.subject).toContain('电子送达');
    expect(message.text).toContain('Open the link to read it');
    await t.app.messages.idle();
    const after = await task(created.id);
    expect(after.status).toBe('in-progress');
    expect(after.attempts).toMatchObject([{ method: 'electronic', outcome: 'success', electronicAddress: 'WangWu@other.example.cn' }]);
    expect(after.suggestion).toMatchObject({ method: 'postal', reason: 'electronic-failed' });
  });

  it('serves an e-mail to the confirmed e-mail address whatever its letter case', async () => {
    const created = await summonsTask('wangwu@example.cn');
    expect((await send(created.id, 'mail', 'WANGWU@example.cn')).statusCode).toBe(201);
    await t.app.messages.idle();
    expect(await task(created.id)).toMatchObject({ status: 'served', servedMethod: 'electronic' });
  });

  it('records a dead letter as send-failed with the error, and the next step moves on', async () => {
    const created = await summonsTask(FAILING);
    expect((await send(created.id, 'sms', FAILING)).statusCode).toBe(201);
    await t.app.messages.idle();
    // A failure with retries left: still awaiting, and a second send is refused meanwhile.
    const retrying = await task(created.id);
    expect(retrying.electronicSends).toMatchObject([{ status: 'awaiting' }]);
    expect(retrying.attempts).toEqual([]);
    const second = await send(created.id, 'sms', '13912345678');
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('INVALID_STATE');

    const start = Date.now();
    for (const minutes of [1, 6, 21, 81, 300]) await t.app.messages.run(new Date(start + minutes * 60_000 + 1_000));
    expect((await outboxOf(created.id)).status).toBe('dead');
    const failed = await task(created.id);
    expect(failed.status).toBe('in-progress');
    expect(failed.attempts).toHaveLength(1);
    expect(failed.attempts[0]).toMatchObject({ method: 'electronic', outcome: 'send-failed', electronicAddress: FAILING });
    expect(failed.attempts[0].note).toContain('number barred');
    expect(failed.electronicSends).toMatchObject([{ status: 'failed', attemptId: failed.attempts[0].id }]);
    expect(failed.electronicSends[0].error).toContain('HTTP 500');
    expect(failed.suggestion).toMatchObject({ method: 'postal', reason: 'electronic-failed' });
    expect(await audits(created.id, 'electronic-send-failed')).toBe(1);

    // Once it failed, another send may go.
    expect((await send(created.id, 'sms', '13912345678')).statusCode).toBe(201);
  });

  it('leaves a task settled meanwhile alone when its message is sent later', async () => {
    const created = await summonsTask(FAILING);
    expect((await send(created.id, 'sms', FAILING)).statusCode).toBe(201);
    await t.app.messages.idle();
    const current = await task(created.id);
    const postal = await centre.post(`/api/delivery-tasks/${created.id}/attempts`, {
      version: current.version,
      method: 'postal',
      outcome: 'success',
      attemptedAt: new Date().toISOString(),
      person: '邮政 EMS',
      trackingNumber: 'EA123456789CN',
    });
    expect(postal.statusCode, postal.body).toBe(201);
    const start = Date.now();
    for (const minutes of [1, 6, 21, 81, 300]) await t.app.messages.run(new Date(start + minutes * 60_000 + 1_000));
    const after = await task(created.id);
    expect(after).toMatchObject({ status: 'served', servedMethod: 'postal' });
    expect(after.attempts.map((a) => a.method)).toEqual(['postal']);
    expect(after.electronicSends).toMatchObject([{ status: 'failed', attemptId: null }]);
  });
});

describe('read link', () => {
  it('shows the notice without sign-in and records the read time once', async () => {
    const created = await summonsTask('13912345678');
    expect((await send(created.id, 'sms', '13912345678')).statusCode).toBe(201);
    await t.app.messages.idle();
    const token = tokenIn(received[0].text);

    const first = await open(`/r/${token}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toContain('text/html');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toContain('长春市南关区人民法院');
    expect(first.body).toContain('传票 · Summons');
    expect(first.body).not.toContain('王五');
    expect(first.body).not.toContain('13912345678');
    const read = await task(created.id);
    expect(read.attempts[0].readAt).not.toBeNull();
    expect(read.electronicSends[0].readAt).toBe(read.attempts[0].readAt);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = await open(`/r/${token}`);
    expect(later.statusCode).toBe(200);
    const still = await task(created.id);
    expect(still.attempts[0].readAt).toBe(read.attempts[0].readAt);
    expect(await audits(created.id, 'electronic-read')).toBe(1);
  });

  it('answers an unknown or malformed token with a 404 page, touching nothing', async () => {
    for (const path of [`/r/${'A'.repeat(43)}`, '/r/short', `/r/${'x'.repeat(90)}`]) {
      const missing = await open(path);
      expect(missing.statusCode, path).toBe(404);
      expect(missing.headers['content-type']).toContain('text/html');
      expect(missing.body).toContain('链接无效');
    }
  });

  it('is rate-limited per client', async () => {
    const limited = await createTestApp({ seed: false });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 62; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/r/short' })).statusCode);
      expect(codes.slice(0, 60).every((c) => c === 404)).toBe(true);
      expect(codes.slice(60)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('permission, scope and bad input', () => {
  it('answers 404 out of scope, 403 without the permission, 409 on a stale version, and changes nothing', async () => {
    const created = await summonsTask('13912345678');
    // kuancheng (吉0103) may read delivery only: refused by permission before scope.
    expect((await send(created.id, 'sms', '13912345678', kuancheng)).statusCode).toBe(403);
    // A task of the sibling court 吉0103 is not there for a 吉0102 handler.
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const [court0103] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0103' AND level = 'basic'`);
    const sibling = await summonsTask(null, { t, clerk: admin, divhead: admin, centre: admin, court: court0103.id, judge: 'kuancheng' });
    const outside = await centre.post(`/api/delivery-tasks/${sibling.id}/send-electronic`, {
      version: sibling.version,
      channel: 'sms',
      address: '13912345678',
    });
    expect(outside.statusCode).toBe(404);
    expect((await admin.get(`/api/delivery-tasks/${sibling.id}`)).json().electronicSends).toEqual([]);
    const forbidden = await send(created.id, 'sms', '13912345678', grassroots);
    expect(forbidden.statusCode).toBe(403);
    const stale = await centre.post(`/api/delivery-tasks/${created.id}/send-electronic`, {
      version: created.version + 5,
      channel: 'sms',
      address: '13912345678',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const unknown = await centre.post('/api/delivery-tasks/99999999/send-electronic', {
      version: 1,
      channel: 'sms',
      address: '13912345678',
    });
    expect(unknown.statusCode).toBe(404);
    const after = await task(created.id);
    expect(after).toMatchObject({ version: created.version, status: 'pending', electronicSends: [] });
  });

  it.each([
    [{ channel: 'sms', address: '12345' }, 'body.address', 'mobile_number'],
    [{ channel: 'mail', address: 'not-an-address' }, 'body.address', 'email_address'],
    [{ channel: 'mail', address: '13912345678' }, 'body.address', 'email_address'],
    [{ channel: 'fax', address: '13912345678' }, 'body.channel', undefined],
    [{ channel: 'sms', address: '' }, 'body.address', undefined],
    [{ channel: 'sms' }, 'body.address', undefined],
  ])('refuses %j with a field problem on %s', async (body, field, code) => {
    const created = await summonsTask(null);
    const bad = await centre.post(`/api/delivery-tasks/${created.id}/send-electronic`, { version: created.version, ...body });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const problem = bad.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    const error = (problem.errors as { field: string; code: string; message: { zh: string; en: string } }[]).find((e) => e.field === field);
    expect(error, bad.body).toBeDefined();
    if (code) expect(error?.code).toBe(code);
    expect(error?.message.zh).toBeTruthy();
    expect(error?.message.en).toBeTruthy();
    expect(await task(created.id)).toMatchObject({ version: created.version, electronicSends: [] });
  });

  it('sends nothing for a task ended as undeliverable', async () => {
    const created = await summonsTask(null);
    const ended = await centre.post(`/api/delivery-tasks/${created.id}/end`, {
      version: created.version,
      reason: 'court-decision',
      detail: '原告撤回对该被告的起诉',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const refused = await send(created.id, 'sms', '13912345678');
    expect(refused.statusCode).toBe(409);
  });
});

describe('the link base', () => {
  it('uses the request origin when PUBLIC_BASE_URL is not set', async () => {
    const plain = await createTestApp();
    try {
      const [c, d, e] = await Promise.all([signIn(plain.app, 'clerk'), signIn(plain.app, 'divhead'), signIn(plain.app, 'centre')]);
      const created = await summonsTask(null, { t: plain, clerk: c, divhead: d, centre: e, court: court0102 });
      const sent = await e.request(
        'POST',
        `/api/delivery-tasks/${created.id}/send-electronic`,
        { version: created.version, channel: 'mail', address: 'party@example.cn' },
        { host: 'court.local:8080' },
      );
      expect(sent.statusCode, sent.body).toBe(201);
      const [m] = await rows<{ text: string }>(
        plain.database.db,
        sql`SELECT m.text FROM outbox m JOIN delivery_electronic_sends s ON s.outbox_id = m.id WHERE s.task_id = ${created.id}`,
      );
      expect(m.text).toMatch(/http:\/\/court\.local:8080\/r\/[A-Za-z0-9_-]{43}/);
      await plain.app.messages.idle();
    } finally {
      await plain.close();
    }
  });
});
