import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settleDueAnnouncements } from '../src/modules/delivery/index.js';
import { rows } from '../src/platform/db.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk: files cases, handles delivery
let divhead: Client; // 吉0102 division head: assigns cases; reads delivery only
let centre: Client; // 吉0102 centre staff: handles delivery
let kuancheng: Client; // a user of the sibling court 吉0103
let grassroots: Client; // a grassroots assistant: no delivery permission
let court0102: number;

const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);
const now = () => new Date().toISOString();

interface Party {
  id: number;
  name: string;
  role: string;
}
interface Task {
  id: number;
  partyId: number;
  partyName: string;
  documentKind: string;
  version: number;
  status: string;
  servedOn: string | null;
  servedMethod: string | null;
  workOrderId: number | null;
  address: string | null;
  electronicAddress: string | null;
  addressConfirmed: boolean;
  suggestion: { method: string; reason: string } | null;
  attempts: { id: number; effectiveOn: string | null }[];
}

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

/** A case filed and assigned: its current node is delivery, and a delivery work order runs per defendant. */
async function openCase(): Promise<{ id: number; parties: Party[] }> {
  const filed = await clerk.post('/api/cases', filing());
  expect(filed.statusCode, filed.body).toBe(201);
  const [judge] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'judge'`);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: judge.id,
    reason: '送达测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  const k = await clerk.get(`/api/cases/${filed.json().id}`);
  expect(k.json().currentNode).toBe('delivery');
  return { id: k.json().id, parties: k.json().parties };
}

const party = (parties: Party[], name: string) => parties.find((p) => p.name === name) as Party;

async function tasksFor(caseId: number, partyIds: number[], documentKinds: string[]): Promise<Task[]> {
  const made = await centre.post(`/api/cases/${caseId}/delivery-tasks`, { partyIds, documentKinds });
  expect(made.statusCode, made.body).toBe(201);
  return made.json().items;
}

async function task(id: number): Promise<Task> {
  const found = await centre.get(`/api/delivery-tasks/${id}`);
  expect(found.statusCode, found.body).toBe(200);
  return found.json();
}

async function attempt(id: number, body: Record<string, unknown>, expected = 201): Promise<Task> {
  const before = await task(id);
  const done = await centre.post(`/api/delivery-tasks/${id}/attempts`, {
    version: before.version,
    attemptedAt: now(),
    person: '集约中心 送达员',
    ...body,
  });
  expect(done.statusCode, done.body).toBe(expected);
  return done.json();
}

async function currentNode(caseId: number): Promise<string> {
  return (await clerk.get(`/api/cases/${caseId}`)).json().currentNode;
}

const upload = (client: Client, attemptId: number, content: Buffer, type: string) =>
  client.request('POST', `/api/delivery-attempts/${attemptId}/evidence`, content, { 'content-type': type });

const textOf = (docx: Buffer) =>
  (new PizZip(docx).file('word/document.xml')?.asText() ?? '').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 photo of a signed proof')]);

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, centre, kuancheng, grassroots] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'centre'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'grassroots'),
  ]);
  const [court] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0102' AND level = 'basic'`);
  court0102 = court.id;
});

afterAll(async () => {
  await t.close();
});

describe('tasks', () => {
  it('makes one task per party and document, linked to the delivery work order, with the confirmed address first', async () => {
    const k = await openCase();
    const wang = party(k.parties, '王五');
    const firm = party(k.parties, '长春某某商贸有限公司');
    const confirmed = await centre.post(`/api/cases/${k.id}/address-confirmations`, {
      partyId: wang.id,
      address: '长春市朝阳区确认地址8号',
      phone: '13900000000',
      email: 'wangwu@example.cn',
      electronicAddress: 'wangwu@example.cn',
      signedOn: today,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);

    const tasks = await tasksFor(k.id, [wang.id, firm.id], ['summons', 'complaint-copy']);
    expect(tasks).toHaveLength(4);
    const wangs = tasks.filter((x) => x.partyId === wang.id);
    expect(wangs.every((x) => x.addressConfirmed && x.address === '长春市朝阳区确认地址8号')).toBe(true);
    expect(tasks.every((x) => x.status === 'pending' && x.workOrderId !== null)).toBe(true);
    // Asking again keeps the tasks there are.
    expect(await tasksFor(k.id, [wang.id], ['summons'])).toHaveLength(4);

    const detail = await task(wangs[0].id);
    expect(detail.suggestion).toMatchObject({ method: 'electronic', reason: 'first-electronic' });
    const order = await rows<{ code: string; partyId: number | null }>(
      t.database.db,
      sql`SELECT ty.code, o.party_id AS "partyId" FROM work_orders o JOIN work_order_types ty ON ty.id = o.type_id WHERE o.id = ${wangs[0].workOrderId}`,
    );
    expect(order[0]).toEqual({ code: 'delivery', partyId: wang.id });
  });

  it('refuses a party of another case, an unknown document kind and a case out of scope', async () => {
    const k = await openCase();
    const other = await openCase();
    const bad = await centre.post(`/api/cases/${k.id}/delivery-tasks`, { partyIds: [other.parties[0].id], documentKinds: ['summons'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.partyIds.0', code: 'party_not_in_case' });
    const kind = await centre.post(`/api/cases/${k.id}/delivery-tasks`, { partyIds: [k.parties[0].id], documentKinds: ['letter'] });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].field).toBe('body.documentKinds.0');
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const [court0103] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0103' AND level = 'basic'`);
    const sibling = await admin.post('/api/cases', { ...filing(), courtId: court0103.id });
    expect(sibling.statusCode, sibling.body).toBe(201);
    const outside = await centre.post(`/api/cases/${sibling.json().id}/delivery-tasks`, {
      partyIds: [sibling.json().parties[0].id],
      documentKinds: ['summons'],
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('every method', () => {
  it('serves by each method, suggests the next step after failures, and completes the delivery node when all are served', async () => {
    const k = await openCase();
    const wang = party(k.parties, '王五');
    const firm = party(k.parties, '长春某某商贸有限公司');
    const zhang = party(k.parties, '张三');
    await centre.post(`/api/cases/${k.id}/address-confirmations`, {
      partyId: wang.id,
      address: '长春市朝阳区确认地址8号',
      phone: null,
      email: null,
      electronicAddress: '13900000000',
      signedOn: today,
    });
    const tasks = await tasksFor(
      k.id,
      [wang.id, firm.id, zhang.id],
      ['summons', 'complaint-copy', 'evidence-notice', 'response-notice', 'hearing-notice'],
    );
    const pick = (p: Party, kind: string) => tasks.find((x) => x.partyId === p.id && x.documentKind === kind) as Task;

    // Electronic: to an address never confirmed it does not count; to the confirmed one it serves.
    const e = pick(wang, 'summons');
    let s = await attempt(e.id, { method: 'electronic', outcome: 'success', electronicAddress: '13800000000' });
    expect(s.status).toBe('in-progress');
    expect(s.suggestion).toMatchObject({ method: 'postal', reason: 'electronic-failed' });
    s = await attempt(e.id, {
      method: 'electronic',
      outcome: 'success',
      electronicAddress: '13900000000',
      attemptedAt: new Date(Date.now() - 60_000).toISOString(),
      readAt: now(),
    });
    expect(s).toMatchObject({ status: 'served', servedOn: today, servedMethod: 'electronic', suggestion: null });

    // Postal twice unsigned → assisted, which serves.
    const p = pick(firm, 'summons');
    s = await attempt(p.id, { method: 'postal', outcome: 'unsigned', trackingNumber: 'EMS1234567890', postalReturnStatus: 'returned' });
    expect(s.suggestion).toMatchObject({ method: 'postal', reason: 'postal-again' });
    s = await attempt(p.id, { method: 'postal', outcome: 'unsigned', trackingNumber: 'EMS1234567891', postalReturnStatus: 'returned' });
    expect(s.suggestion).toMatchObject({ method: 'assisted', reason: 'postal-twice' });
    s = await attempt(p.id, { method: 'assisted', outcome: 'success', person: '司法协助员 赵七' });
    expect(s).toMatchObject({ status: 'served', servedMethod: 'assisted' });

    // Direct, refused → left at residence, which counts as served.
    const d = pick(firm, 'complaint-copy');
    s = await attempt(d.id, { method: 'direct', outcome: 'refused' });
    expect(s.suggestion).toMatchObject({ method: 'left-at-residence', reason: 'refused' });
    s = await attempt(d.id, { method: 'left-at-residence', outcome: 'success', note: '拍照留证' });
    expect(s).toMatchObject({ status: 'served', servedMethod: 'left-at-residence' });

    // Postal with a signed return, entrusted and direct succeed at once.
    s = await attempt(pick(zhang, 'summons').id, {
      method: 'postal',
      outcome: 'success',
      trackingNumber: 'EMS9876543210',
      postalReturnStatus: 'signed',
    });
    expect(s.status).toBe('served');
    s = await attempt(pick(zhang, 'complaint-copy').id, {
      method: 'entrusted',
      outcome: 'success',
      entrustedCourt: '长春市宽城区人民法院',
    });
    expect(s).toMatchObject({ status: 'served', servedMethod: 'entrusted' });
    s = await attempt(pick(wang, 'complaint-copy').id, { method: 'direct', outcome: 'success' });
    expect(s.status).toBe('served');

    // Address unknown → announcement. Published today it runs thirty days; the sweep serves it on the effective day.
    const a = pick(firm, 'evidence-notice');
    s = await attempt(a.id, { method: 'postal', outcome: 'address-unknown', trackingNumber: 'EMS1111111111' });
    expect(s.suggestion).toMatchObject({ method: 'announcement', reason: 'address-unknown' });
    s = await attempt(a.id, { method: 'announcement', outcome: 'success', publishedOn: today });
    const effectiveOn = s.attempts.at(-1)?.effectiveOn as string;
    expect(effectiveOn > today).toBe(true);
    expect(s).toMatchObject({ status: 'in-progress', suggestion: null });

    // The rest of the tasks: an announcement published long ago is effective already and serves at once.
    for (const x of tasks.filter((y) => y.status === 'pending' && ![e, p, d, a].some((z) => z.id === y.id))) {
      const current = await task(x.id);
      if (current.status === 'served') continue;
      s = await attempt(x.id, { method: 'announcement', outcome: 'success', publishedOn: '2026-01-05' });
      expect(s).toMatchObject({ status: 'served', servedMethod: 'announcement' });
      expect(s.servedOn).toBe(s.attempts.at(-1)?.effectiveOn);
    }
    // One announcement still running: the node waits.
    expect(await currentNode(k.id)).toBe('delivery');

    expect(await settleDueAnnouncements(t.database.db, today)).toEqual({ served: 0 });
    const settled = await settleDueAnnouncements(t.database.db, effectiveOn);
    expect(settled.served).toBeGreaterThanOrEqual(1);
    expect(await task(a.id)).toMatchObject({ status: 'served', servedOn: effectiveOn, servedMethod: 'announcement' });
    expect(await currentNode(k.id)).toBe('scheduling');

    const audit = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'delivery-task' AND entity_id = ${String(p.id)} AND action = 'record-attempt'`,
    );
    expect(audit[0].n).toBe(3);

    // Lists: filters and totals.
    const served = await centre.get(`/api/delivery-tasks?caseId=${k.id}&status=served&limit=5`);
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().total).toBe(15);
    expect(served.json().items).toHaveLength(5);
    expect(served.json().nextCursor).not.toBeNull();
    const next = await centre.get(`/api/delivery-tasks?caseId=${k.id}&status=served&limit=5&cursor=${served.json().nextCursor}`);
    expect(next.json().items[0].id).toBeLessThan(served.json().items[4].id);
    const postal = await centre.get(`/api/delivery-tasks?caseId=${k.id}&method=postal`);
    expect(postal.json().total).toBe(3);
  });
});

describe('bad input', () => {
  it('refuses illegal outcomes, missing method fields, stale versions and attempts on a served task', async () => {
    const k = await openCase();
    const [x] = await tasksFor(k.id, [k.parties[1].id], ['judgment']);
    const post = (body: Record<string, unknown>) =>
      centre.post(`/api/delivery-tasks/${x.id}/attempts`, { version: 1, attemptedAt: now(), person: '送达员', ...body });

    let r = await post({ method: 'left-at-residence', outcome: 'refused' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors).toEqual([expect.objectContaining({ field: 'body.outcome', code: 'outcome_not_legal' })]);
    expect(r.json().errors[0].message.zh).toBe('该送达方式不能有此结果');
    r = await post({ method: 'postal', outcome: 'success' });
    expect(r.json().errors[0]).toMatchObject({ field: 'body.trackingNumber', code: 'required' });
    r = await post({ method: 'announcement', outcome: 'success' });
    expect(r.json().errors[0]).toMatchObject({ field: 'body.publishedOn', code: 'required' });
    r = await post({ method: 'entrusted', outcome: 'success' });
    expect(r.json().errors[0]).toMatchObject({ field: 'body.entrustedCourt', code: 'required' });
    r = await post({ method: 'direct', outcome: 'success', attemptedAt: '2099-01-01T00:00:00+08:00' });
    expect(r.json().errors[0]).toMatchObject({ field: 'body.attemptedAt' });
    r = await post({ method: 'carrier-pigeon', outcome: 'success' });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].field).toBe('body.method');
    r = await post({ method: 'direct', outcome: 'success', extra: 1 });
    expect(r.statusCode).toBe(400);

    r = await post({ method: 'direct', outcome: 'success', version: 7 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('VERSION_CONFLICT');
    r = await post({ method: 'direct', outcome: 'success' });
    expect(r.statusCode).toBe(201);
    r = await post({ method: 'direct', outcome: 'success', version: 2 });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('INVALID_STATE');
  });
});

describe('evidence', () => {
  it('stores a JPEG checked by content, refuses fakes and oversize files, and shows it only in scope', async () => {
    const k = await openCase();
    const [x] = await tasksFor(k.id, [k.parties[2].id], ['ruling']);
    const s = await attempt(x.id, { method: 'direct', outcome: 'success' });
    const attemptId = s.attempts[0].id;

    const good = await upload(centre, attemptId, JPEG, 'image/jpeg');
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ evidenceType: 'image/jpeg', evidenceSize: JPEG.length });
    const back = await centre.get(`/api/delivery-attempts/${attemptId}/evidence`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.rawPayload.equals(JPEG)).toBe(true);

    const fake = await upload(centre, attemptId, Buffer.from('this is text, named photo.jpg'), 'image/jpeg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().errors[0].code).toBe('evidence_type');
    const mislabelled = await upload(centre, attemptId, JPEG, 'image/png');
    expect(mislabelled.statusCode).toBe(415);
    const html = await upload(centre, attemptId, Buffer.from('<html></html>'), 'text/html');
    expect(html.statusCode).toBe(415);
    const large = Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]);
    const tooLarge = await upload(centre, attemptId, large, 'image/jpeg');
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('PAYLOAD_TOO_LARGE');
    const pdf = await upload(centre, attemptId, Buffer.from('%PDF-1.4\n%scan of the proof\n'), 'application/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.json().evidenceType).toBe('application/pdf');

    // Another court's user sees nothing of it.
    expect((await kuancheng.get(`/api/delivery-attempts/${attemptId}/evidence`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/delivery-tasks/${x.id}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/delivery-tasks/${x.id}/proof.docx`)).statusCode).toBe(404);
    expect((await centre.get('/api/delivery-attempts/999999/evidence')).statusCode).toBe(404);
    expect((await upload(centre, 999999, JPEG, 'image/jpeg')).statusCode).toBe(404);
  });
});

describe('documents', () => {
  it('generates the proof of delivery and the announcement as DOCX naming the party', async () => {
    const k = await openCase();
    const wang = party(k.parties, '王五');
    const [x] = await tasksFor(k.id, [wang.id], ['summons']);
    await attempt(x.id, { method: 'postal', outcome: 'address-unknown', trackingNumber: 'EMS2222222222' });
    const s = await attempt(x.id, { method: 'announcement', outcome: 'success', publishedOn: today });
    const effectiveOn = s.attempts.at(-1)?.effectiveOn as string;

    const proof = await centre.get(`/api/delivery-tasks/${x.id}/proof.docx`);
    expect(proof.statusCode).toBe(200);
    expect(proof.headers['content-type']).toContain('wordprocessingml');
    expect(proof.headers['content-disposition']).toContain(`proof-of-delivery-${x.id}.docx`);
    const proofText = textOf(proof.rawPayload);
    for (const part of ['送达回证', '王五', '传票', '长春市南关区自由大路2号']) expect(proofText).toContain(part);

    const notice = await divhead.get(`/api/delivery-tasks/${x.id}/announcement.docx`);
    expect(notice.statusCode).toBe(200);
    const noticeText = textOf(notice.rawPayload);
    for (const part of ['公　告', '王五', '向你公告送达传票', today, effectiveOn]) expect(noticeText).toContain(part);
  });
});

describe('address confirmations', () => {
  it('edits and removes a confirmation; open tasks follow it', async () => {
    const k = await openCase();
    const wang = party(k.parties, '王五');
    const [x] = await tasksFor(k.id, [wang.id], ['judgment']);
    expect(x).toMatchObject({ addressConfirmed: false, address: '长春市南关区自由大路2号' });
    const made = await centre.post(`/api/cases/${k.id}/address-confirmations`, {
      partyId: wang.id,
      address: '长春市绿园区新地址3号',
      phone: '13700000000',
      email: null,
      electronicAddress: null,
      signedOn: today,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(await task(x.id)).toMatchObject({ addressConfirmed: true, address: '长春市绿园区新地址3号' });

    const twice = await centre.post(`/api/cases/${k.id}/address-confirmations`, {
      partyId: wang.id,
      address: '长春市绿园区另一地址5号',
      phone: null,
      email: null,
      electronicAddress: null,
      signedOn: today,
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0]).toMatchObject({ field: 'body.partyId', code: 'duplicate' });
    const future = await centre.put(`/api/address-confirmations/${made.json().id}`, {
      address: '长春市绿园区新地址4号',
      phone: null,
      email: 'bad',
      electronicAddress: null,
      signedOn: '2999-01-01',
      version: 1,
    });
    expect(future.statusCode).toBe(400);
    const edited = await centre.put(`/api/address-confirmations/${made.json().id}`, {
      address: '长春市绿园区新地址4号',
      phone: null,
      email: 'wang@example.cn',
      electronicAddress: 'wang@example.cn',
      signedOn: today,
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);
    expect((await task(x.id)).electronicAddress).toBe('wang@example.cn');
    const stale = await centre.request('DELETE', `/api/address-confirmations/${made.json().id}?version=1`);
    expect(stale.statusCode).toBe(409);
    const gone = await centre.request('DELETE', `/api/address-confirmations/${made.json().id}?version=2`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await task(x.id)).toMatchObject({ addressConfirmed: false, address: '长春市南关区自由大路2号' });
    const list = await clerk.get(`/api/cases/${k.id}/address-confirmations`);
    expect(list.json().items).toEqual([]);
  });
});

describe('hotline calls and indicators', () => {
  it('logs calls with case, party, outcome and follow-up', async () => {
    const k = await openCase();
    const wang = party(k.parties, '王五');
    const logged = await centre.post('/api/delivery-calls', {
      caseId: k.id,
      partyId: wang.id,
      calledAt: now(),
      outcome: 'callback',
      followUp: '约定明日上午到法院领取',
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ partyName: '王五', outcome: 'callback', recordedBy: expect.any(String) });
    const bad = await centre.post('/api/delivery-calls', { caseId: k.id, partyId: 999999, calledAt: now(), outcome: 'answered' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.partyId');
    const list = await clerk.get(`/api/delivery-calls?caseId=${k.id}`);
    expect(list.json()).toMatchObject({ total: 1, items: [expect.objectContaining({ followUp: '约定明日上午到法院领取' })] });
    expect((await kuancheng.get(`/api/delivery-calls?caseId=${k.id}`)).json().total).toBe(0);
  });

  it('reports success rates by method, court and person, days to served and the electronic share', async () => {
    const r = await divhead.get(`/api/delivery/indicators?courtId=${court0102}`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.served).toBeGreaterThan(0);
    expect(body.electronicShare).toBeGreaterThan(0);
    expect(body.electronicShare).toBeLessThan(1);
    expect(body.averageDaysToServed).not.toBeNull();
    const postal = body.byMethod.find((m: { key: string }) => m.key === 'postal');
    expect(postal.name).toBe('邮寄送达');
    expect(postal.successes).toBeLessThan(postal.attempts);
    expect(postal.rate).toBeCloseTo(postal.successes / postal.attempts, 3);
    expect(body.byCourt).toEqual([expect.objectContaining({ key: String(court0102) })]);
    expect(body.byPerson.some((p: { key: string }) => p.key === '司法协助员 赵七')).toBe(true);
    const outside = await kuancheng.get('/api/delivery/indicators');
    expect(outside.json()).toMatchObject({ tasks: 0, served: 0, byMethod: [] });
    expect((await divhead.get('/api/delivery/indicators?from=2026-12-01&to=2026-01-01')).statusCode).toBe(400);
  });
});

describe('permissions', () => {
  it('needs delivery.handle to record and delivery.read to look', async () => {
    const k = await openCase();
    const [x] = await tasksFor(k.id, [k.parties[1].id], ['mediation-statement']);
    const byJudge = await divhead.post(`/api/delivery-tasks/${x.id}/attempts`, {
      version: 1,
      method: 'direct',
      outcome: 'success',
      attemptedAt: now(),
      person: '庭长',
    });
    expect(byJudge.statusCode).toBe(403);
    expect((await grassroots.get('/api/delivery-tasks')).statusCode).toBe(403);
    const byClerk = await clerk.post(`/api/delivery-tasks/${x.id}/attempts`, {
      version: 1,
      method: 'direct',
      outcome: 'success',
      attemptedAt: now(),
      person: '书记员',
    });
    expect(byClerk.statusCode, byClerk.body).toBe(201);
    expect((await kuancheng.get(`/api/delivery-tasks?caseId=${k.id}`)).json().total).toBe(0);
  });
});

describe('API description', () => {
  it('documents the delivery routes', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    const paths = docs.json().paths;
    expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/api/delivery-tasks/{id}/attempts', '/api/delivery/indicators']));
    expect(paths['/api/delivery-attempts/{id}/evidence']).toHaveProperty('post');
    expect(paths['/api/delivery-attempts/{id}/evidence']).toHaveProperty('get');
  });
});
