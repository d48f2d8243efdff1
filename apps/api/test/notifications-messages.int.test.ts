/**
 * External messages through the outbox: SMS to a real HTTP gateway started here, mail to a real
 * SMTP server started here; retries with back-off, dead letters, the settled handlers, and the
 * administrators' outbox API with its permission and court scope.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMessageSender,
  type MessageSettled,
  messageAdapters,
  onMessageSettled,
  type QueueMessageInput,
  queueMessage,
} from '../src/modules/notifications/index.js';
import { rows } from '../src/platform/db.js';
import { AppError } from '../src/platform/errors.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

// ---- a local SMS gateway: answers with the queued statuses (200 when none), records requests ----

interface GatewayRequest {
  key: string | undefined;
  contentType: string | undefined;
  body: { to: string; text: string };
}
const gateway = { statuses: [] as number[], received: [] as GatewayRequest[] };
let gatewayServer: Server;
let gatewayUrl: string;

async function bodyOf(req: IncomingMessage): Promise<string> {
  let data = '';
  for await (const chunk of req) data += chunk;
  return data;
}

// ---- a local SMTP server: requires a login, records what it receives ----

interface ReceivedMail {
  user: string | undefined;
  from: string | undefined;
  to: string[];
  raw: string;
}
const mailbox: ReceivedMail[] = [];
let smtpServer: SMTPServer;
let smtpPort: number;

/** The decoded header of a raw mail (RFC 2047 encoded words, folded lines). */
function headerOf(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return '';
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_all, enc: string, text: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
    );
}

function decodeQp(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === '=' && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The decoded text body of a single-part raw mail. */
function textOf(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const body = raw.slice(split).trim();
  const encoding = headerOf(raw, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQp(body);
  return body;
}

// ---- the app ----

let t: TestApp;
let courtadmin: Client; // administrator of 吉0102
let admin: Client; // province administrator: the whole installation
let judge: Client;
let court0102: number;
let court0103: number;
const settled: MessageSettled[] = [];
const CST_DAY = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000);

beforeAll(async () => {
  gatewayServer = createServer(async (req, res) => {
    const raw = await bodyOf(req);
    if (req.url === '/slow') return; // never answers: the adapter's timeout must fire
    gateway.received.push({
      key: req.headers['x-api-key'] as string | undefined,
      contentType: req.headers['content-type'],
      body: JSON.parse(raw),
    });
    const status = gateway.statuses.shift() ?? 200;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status === 200 ? '{"ok":true}' : '{"error":"gateway overloaded 网关繁忙"}');
  });
  await new Promise<void>((resolve) => gatewayServer.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}`;

  smtpServer = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'court' && auth.password === 'pw 2026') return callback(null, { user: auth.username });
      return callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => {
        raw += chunk.toString('utf8');
      });
      stream.on('end', () => {
        mailbox.push({
          user: session.user as string | undefined,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        callback();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => smtpServer.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtpServer.server.address() as AddressInfo).port;

  t = await createTestApp({
    config: {
      smsGatewayUrl: `${gatewayUrl}/send`,
      smsGatewayKey: 'key-2026',
      smtpUrl: `smtp://court:${encodeURIComponent('pw 2026')}@127.0.0.1:${smtpPort}`,
      mailFrom: 'court@example.cn',
    },
  });
  onMessageSettled('test.notice', async (tx, s) => {
    // The handler runs in the transaction that records the outcome.
    await tx.execute(sql`SELECT 1`);
    settled.push(s);
  });
  onMessageSettled('test.failing-handler', async () => {
    throw new Error('handler bug');
  });
  courtadmin = await signIn(t.app, 'courtadmin');
  admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
  judge = await signIn(t.app, 'judge');
  const courts = await rows<{ id: number; code: string }>(
    t.database.db,
    sql`SELECT id, code FROM courts WHERE code IN ('吉0102','吉0103')`,
  );
  court0102 = courts.find((c) => c.code === '吉0102')?.id as number;
  court0103 = courts.find((c) => c.code === '吉0103')?.id as number;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtpServer?.close(() => resolve()));
  await new Promise<void>((resolve) => gatewayServer?.close(() => resolve()));
});

beforeEach(async () => {
  // No background run may be going on while a test drives the sender itself.
  await t.app.messages.idle();
  gateway.statuses = [];
  gateway.received = [];
  mailbox.length = 0;
  settled.length = 0;
});

async function queue(input: Partial<QueueMessageInput> = {}): Promise<number> {
  return t.database.db.transaction((tx) =>
    queueMessage(tx, {
      channel: 'sms',
      to: '13800138000',
      text: '【南关区法院】您有一份诉讼文书，请查收。',
      kind: 'test.notice',
      courtId: court0102,
      ...input,
    }),
  );
}

interface Row {
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
  via: string | null;
}
async function row(id: number): Promise<Row> {
  const [r] = await rows<Row>(
    t.database.db,
    sql`SELECT status, attempts::int AS attempts, last_error AS "lastError", next_attempt_at AS "nextAttemptAt", sent_at AS "sentAt",
               payload->>'via' AS via
        FROM outbox WHERE id = ${id}`,
  );
  return r;
}

describe('queueing', () => {
  it.each([
    [{ channel: 'sms', to: '1380013800' }, 'to', 'mobile_number'],
    [{ channel: 'sms', to: 'zhang@example.cn' }, 'to', 'mobile_number'],
    [{ channel: 'mail', to: '13800138000', subject: '通知' }, 'to', 'email_address'],
    [{ channel: 'mail', to: 'zhang@example' }, 'to', 'email_address'],
    [{ text: '   ' }, 'text', 'required'],
    [{ text: '文'.repeat(2001) }, 'text', 'too_big'],
    [{ kind: '' }, 'kind', 'required'],
    [{ channel: 'fax' as 'sms' }, 'channel', 'invalid_value'],
  ] as [Partial<QueueMessageInput>, string, string][])('refuses %j (%s: %s) and queues nothing', async (input, field, code) => {
    const [before] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox`);
    const error = await queue(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    const problem = (error as AppError).details.fields?.find((f) => f.field === field);
    expect(problem?.code).toBe(code);
    expect(problem?.message.zh).toBeTruthy();
    expect(problem?.message.en).toBeTruthy();
    const [after] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox`);
    expect(after.n).toBe(before.n);
  });

  it('queues nothing when the caller’s transaction rolls back', async () => {
    const [before] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox`);
    await t.database.db
      .transaction(async (tx) => {
        await queueMessage(tx, { channel: 'sms', to: '13800138000', text: '不应发出', kind: 'test.notice' });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    const [after] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM outbox`);
    expect(after.n).toBe(before.n);
  });
});

describe('SMS through the HTTP gateway', () => {
  it('posts {to, text} with the key header and records the message sent, once', async () => {
    const id = await queue({ to: ' 13912345678 ', entityType: 'delivery-task', entityId: 42 });
    await t.app.messages.run();
    expect(gateway.received).toEqual([
      { key: 'key-2026', contentType: 'application/json', body: { to: '13912345678', text: '【南关区法院】您有一份诉讼文书，请查收。' } },
    ]);
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null, via: 'sms-gateway' });
    expect(r.sentAt).not.toBeNull();
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ outboxId: id, status: 'sent', kind: 'test.notice', entityType: 'delivery-task', entityId: '42' });
    expect((settled[0] as { sentAt: Date }).sentAt.toISOString()).toBe(new Date(r.sentAt as string).toISOString());

    // Nothing is sent twice, and the handler is not called again.
    await t.app.messages.run(minutesFromNow(600));
    expect(gateway.received).toHaveLength(1);
    expect(settled).toHaveLength(1);
  });

  it('retries after a 500 with back-off, then sends', async () => {
    gateway.statuses = [500];
    const id = await queue();
    const start = new Date();
    await t.app.messages.run(start);
    let r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.lastError).toBe('SMS gateway HTTP 500: {"error":"gateway overloaded 网关繁忙"}');
    expect(new Date(r.nextAttemptAt).getTime()).toBe(start.getTime() + 60_000);
    expect(settled).toHaveLength(0);

    // Not due yet: nothing happens.
    await t.app.messages.run(new Date(start.getTime() + 30_000));
    expect(gateway.received).toHaveLength(1);

    await t.app.messages.run(new Date(start.getTime() + 61_000));
    r = await row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 2, via: 'sms-gateway' });
    expect(gateway.received).toHaveLength(2);
    expect(settled.map((s) => [s.outboxId, s.status])).toEqual([[id, 'sent']]);
  });

  it('becomes a dead letter after the fifth failed attempt, the handler told once with the last error', async () => {
    gateway.statuses = [500, 502, 503, 500, 504, 500];
    const id = await queue();
    const start = Date.now();
    // 1, 5, 15 and 60 minutes between the attempts.
    for (const offset of [0, 1, 6, 21, 81]) await t.app.messages.run(new Date(start + offset * 60_000 + 1_000));
    const r = await row(id);
    expect(r).toMatchObject({ status: 'dead', attempts: 5, lastError: 'SMS gateway HTTP 504: {"error":"gateway overloaded 网关繁忙"}' });
    expect(gateway.received).toHaveLength(5);
    expect(settled).toEqual([
      {
        outboxId: id,
        kind: 'test.notice',
        status: 'dead',
        error: 'SMS gateway HTTP 504: {"error":"gateway overloaded 网关繁忙"}',
        entityType: null,
        entityId: null,
      },
    ]);
    // A dead letter is not tried again by the sender.
    await t.app.messages.run(new Date(start + 10_000 * 60_000));
    expect(gateway.received).toHaveLength(5);
  });

  it('is sent right after the request whose transaction queued it', async () => {
    const id = await queue({ text: '请求提交后立即发送' });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await t.app.messages.idle();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(gateway.received.map((r) => r.body.text)).toEqual(['请求提交后立即发送']);
  });

  it('two senders at once never send a message twice', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(await queue({ text: `批量短信 ${i}` }));
    const other = createMessageSender(
      t.database.db,
      messageAdapters({ smsGatewayUrl: `${gatewayUrl}/send`, smsGatewayKey: 'key-2026', smtpUrl: null, mailFrom: 'x@example.cn' }),
      { error: () => undefined },
    );
    const [a, b] = await Promise.all([t.app.messages.run(), other.run()]);
    expect(a.sent + b.sent).toBe(25);
    const texts = gateway.received.map((r) => r.body.text);
    expect(texts).toHaveLength(25);
    expect(new Set(texts).size).toBe(25);
    const states = await rows<{ status: string; attempts: number }>(
      t.database.db,
      sql`SELECT status, attempts::int AS attempts FROM outbox WHERE id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    expect(states.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(settled.filter((s) => ids.includes(s.outboxId))).toHaveLength(25);
  });

  it('a failing settled handler does not undo the record of a message that left', async () => {
    const id = await queue({ kind: 'test.failing-handler' });
    await t.app.messages.run();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('counts no answer within the timeout, and an unreachable gateway, as failures', async () => {
    const gatewayAt = (url: string, timeoutMs: number) =>
      messageAdapters({ smsGatewayUrl: url, smsGatewayKey: 'k', smtpUrl: null, mailFrom: 'x@example.cn' }, timeoutMs).sms;
    const message = { to: '13800138000', subject: null, text: 'x' };
    await expect(gatewayAt(`${gatewayUrl}/slow`, 300).send(message)).rejects.toThrow('SMS gateway: no answer within 300 ms');
    await expect(gatewayAt('http://127.0.0.1:9/send', 2_000).send(message)).rejects.toThrow(/SMS gateway unreachable/);
  });
});

describe('mail over SMTP', () => {
  it('delivers subject and text to the mail server, signed in with the configured account', async () => {
    const id = await queue({
      channel: 'mail',
      to: 'Zhang.San@Example.CN',
      subject: '（2026）吉0102民初123号 开庭传票',
      text: '张三：\n本院定于2026-12-01 09:00开庭，请准时到庭。',
    });
    await t.app.messages.run();
    expect(mailbox).toHaveLength(1);
    const mail = mailbox[0];
    expect(mail.user).toBe('court');
    expect(mail.from).toBe('court@example.cn');
    expect(mail.to).toEqual(['Zhang.San@example.cn']);
    expect(headerOf(mail.raw, 'Subject')).toBe('（2026）吉0102民初123号 开庭传票');
    expect(textOf(mail.raw).replace(/\r\n/g, '\n').trim()).toBe('张三：\n本院定于2026-12-01 09:00开庭，请准时到庭。');
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, via: 'smtp' });
    expect(settled.map((s) => s.status)).toEqual(['sent']);
  });

  it('records a refused login as a failure to retry', async () => {
    const id = await queue({ channel: 'mail', to: 'li@example.cn', subject: '通知', text: '测试' });
    const wrong = messageAdapters({
      smsGatewayUrl: null,
      smsGatewayKey: null,
      smtpUrl: `smtp://court:wrong@127.0.0.1:${smtpPort}`,
      mailFrom: 'x@example.cn',
    });
    const sender = createMessageSender(t.database.db, wrong, { error: () => undefined });
    await sender.run();
    const r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1 });
    expect(r.lastError).toMatch(/^Invalid login: 535/);
    expect(mailbox).toHaveLength(0);
  });
});

describe('the development channel', () => {
  it('is used without a gateway URL or SMTP URL, and marks messages sent without sending them', async () => {
    const development = messageAdapters({ smsGatewayUrl: null, smsGatewayKey: null, smtpUrl: null, mailFrom: 'x@example.cn' });
    expect([development.sms.name, development.mail.name]).toEqual(['development', 'development']);
    const sender = createMessageSender(t.database.db, development, { error: () => undefined });
    expect(sender.developmentChannels).toEqual(['sms', 'mail']);
    expect(t.app.messages.developmentChannels).toEqual([]);
    const sms = await queue();
    const mail = await queue({ channel: 'mail', to: 'wang@example.cn', subject: '通知', text: '开发通道' });
    await sender.run();
    expect(await row(sms)).toMatchObject({ status: 'sent', via: 'development' });
    expect(await row(mail)).toMatchObject({ status: 'sent', via: 'development' });
    expect(gateway.received).toHaveLength(0);
    expect(mailbox).toHaveLength(0);
  });
});

describe('the outbox API', () => {
  let dead0102: number;
  let dead0103: number;
  let deadInstallation: number;
  let pending0102: number;

  async function makeDead(input: Partial<QueueMessageInput>): Promise<number> {
    const id = await queue(input);
    await t.database.db.execute(
      sql`UPDATE outbox SET status = 'dead', attempts = 5, last_error = 'SMS gateway HTTP 500: down' WHERE id = ${id}`,
    );
    return id;
  }

  beforeAll(async () => {
    await t.app.messages.idle();
    dead0102 = await makeDead({ text: '南关区死信' });
    dead0103 = await makeDead({ text: '宽城区死信', courtId: court0103 });
    deadInstallation = await makeDead({ text: '全局死信', courtId: undefined });
    pending0102 = await queue({ channel: 'mail', to: 'zhao@example.cn', subject: '待发', text: '待发邮件' });
    await t.database.db.execute(sql`UPDATE outbox SET next_attempt_at = now() + interval '1 hour' WHERE id = ${pending0102}`);
  });

  it('lists the court’s messages, newest first, paginated with totals and the dead-letter count', async () => {
    const res = await courtadmin.get('/api/outbox?pageSize=2');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.pageSize).toBe(2);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    const all = (await courtadmin.get('/api/outbox?pageSize=200')).json();
    expect(page.total).toBe(all.total);
    const ids = all.items.map((m: { id: number }) => m.id);
    expect(ids).toContain(dead0102);
    expect(ids).toContain(pending0102);
    expect(ids).not.toContain(dead0103); // another court
    expect(ids).not.toContain(deadInstallation); // installation-wide: province administrators only
    expect(all.items.every((m: { courtId: number }) => m.courtId === court0102)).toBe(true);
    const deadOnes = all.items.filter((m: { status: string }) => m.status === 'dead');
    expect(page.dead).toBe(deadOnes.length);
    expect(page.developmentChannels).toEqual([]);
    const pending = all.items.find((m: { id: number }) => m.id === pending0102);
    expect(pending).toMatchObject({
      channel: 'mail',
      to: 'zhao@example.cn',
      subject: '待发',
      text: '待发邮件',
      status: 'pending',
      attempts: 0,
    });
    expect(pending.nextAttemptAt).not.toBeNull();
    const dead = all.items.find((m: { id: number }) => m.id === dead0102);
    expect(dead).toMatchObject({ status: 'dead', attempts: 5, lastError: 'SMS gateway HTTP 500: down', nextAttemptAt: null });
  });

  it('the province administrator sees every court and the installation-wide messages', async () => {
    const ids = (await admin.get('/api/outbox?status=dead&pageSize=200')).json().items.map((m: { id: number }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([dead0102, dead0103, deadInstallation]));
  });

  it('filters by channel, status and day', async () => {
    const today = CST_DAY(new Date());
    const tomorrow = CST_DAY(minutesFromNow(24 * 60));
    const mail = (await courtadmin.get('/api/outbox?channel=mail&pageSize=200')).json();
    expect(mail.items.length).toBeGreaterThan(0);
    expect(mail.items.every((m: { channel: string }) => m.channel === 'mail')).toBe(true);
    const dead = (await courtadmin.get('/api/outbox?status=dead&pageSize=200')).json();
    expect(dead.items.every((m: { status: string }) => m.status === 'dead')).toBe(true);
    expect(dead.total).toBe(dead.items.length);
    const todays = (await courtadmin.get(`/api/outbox?from=${today}&to=${today}&pageSize=200`)).json();
    expect(todays.items.map((m: { id: number }) => m.id)).toContain(dead0102);
    const none = (await courtadmin.get(`/api/outbox?from=${tomorrow}`)).json();
    expect(none).toMatchObject({ items: [], total: 0 });
  });

  it.each([
    ['/api/outbox?status=lost', 'query.status'],
    ['/api/outbox?channel=fax', 'query.channel'],
    ['/api/outbox?from=2026-13-01', 'query.from'],
    ['/api/outbox?from=2026-11-21&to=2026-11-20', 'query.to'],
    ['/api/outbox?pageSize=500', 'query.pageSize'],
    ['/api/outbox?page=0', 'query.page'],
    ['/api/outbox?court=1', 'query.court'],
  ])('refuses %s with a problem naming %s', async (url, field) => {
    const res = await courtadmin.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.message.zh).toBeTruthy();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('shows one message of the scope; another court’s answers 404', async () => {
    expect((await courtadmin.get(`/api/outbox/${dead0102}`)).json()).toMatchObject({ id: dead0102, text: '南关区死信' });
    expect((await courtadmin.get(`/api/outbox/${dead0103}`)).statusCode).toBe(404);
    expect((await courtadmin.get(`/api/outbox/${deadInstallation}`)).statusCode).toBe(404);
    expect((await courtadmin.get('/api/outbox/999999')).statusCode).toBe(404);
  });

  it('is closed to users without notifications.manage, and to anonymous callers', async () => {
    expect((await judge.get('/api/outbox')).statusCode).toBe(403);
    expect((await judge.get(`/api/outbox/${dead0102}`)).statusCode).toBe(403);
    expect((await judge.post(`/api/outbox/${dead0102}/retry`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
    expect(await row(dead0102)).toMatchObject({ status: 'dead' });
  });

  it('a retry of another court’s dead letter answers 404 and changes nothing', async () => {
    expect((await courtadmin.post(`/api/outbox/${dead0103}/retry`)).statusCode).toBe(404);
    expect((await courtadmin.post(`/api/outbox/${deadInstallation}/retry`)).statusCode).toBe(404);
    expect(await row(dead0103)).toMatchObject({ status: 'dead', attempts: 5 });
  });

  it('a retry of a message that is not dead answers 409', async () => {
    const res = await courtadmin.post(`/api/outbox/${pending0102}/retry`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATE', meta: { status: 'pending' } });
    expect(await row(pending0102)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('retries a dead letter: pending again, audited, and sent right after the commit', async () => {
    const res = await courtadmin.post(`/api/outbox/${dead0102}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: dead0102, status: 'pending', attempts: 0 });
    const [audit] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'outbox-message' AND entity_id = ${String(dead0102)} AND action = 'retry'`,
    );
    expect(audit.n).toBe(1);
    await t.app.messages.idle();
    expect(await row(dead0102)).toMatchObject({ status: 'sent', attempts: 1, via: 'sms-gateway' });
    expect(gateway.received.map((r) => r.body.text)).toContain('南关区死信');
    // Sent now: a second retry is refused.
    expect((await courtadmin.post(`/api/outbox/${dead0102}/retry`)).statusCode).toBe(409);
  });
});
