import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk of civil team 1
let divhead: Client; // 吉0102 division head: assigns cases, may schedule any case of the court
let kuancheng: Client; // judge of the sibling court 吉0103
let admin: Client;
let court0102: number;
let court0103: number;
let tribunal0102: number;

/** Team members of 吉0102's civil division: teams 1 and 2, and a judge of the second civil division. */
let j1: number;
let c1: number;
let j2: number;
let c2: number;
let x: number;

/** Rooms of 吉0102. */
let r1: number;
let r2: number;
let r3: number;
let tribunalRoom: number;

// ---- time: calendar days counted from today in China Standard Time ----

const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);
const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const at = (n: number, hhmm: string) => `${day(n)}T${hhmm}:00+08:00`;
const iso = (value: string) => new Date(value).toISOString();

const person = (role: string, name: string, extra: Record<string, unknown> = {}) => ({ kind: 'person', role, name, ...extra });
const filing = () => ({
  courtId: court0102,
  caseTypeCode: '民初',
  procedureCode: 'civil-first-simple',
  causeCode: 'C04.10.103.03',
  filedOn: today,
  claimAmount: '52000.00',
  summary: '借款到期未还',
  parties: [
    person('plaintiff', '张三', { idNumber: makeIdCard('220102', '19800101', '123'), address: '长春市南关区人民大街1号' }),
    { kind: 'organisation', role: 'defendant', name: '长春某某商贸有限公司', legalRepresentative: '李四' },
  ],
});

interface CaseInfo {
  id: number;
  caseNumber: string;
  parties: { id: number; name: string; role: string }[];
  version: number;
}

/** Files a case and assigns it by hand to `judgeId`, whose team's assistant and clerk follow. */
async function openCase(judgeId: number): Promise<CaseInfo> {
  const filed = await clerk.post('/api/cases', filing());
  expect(filed.statusCode, filed.body).toBe(201);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId,
    reason: '排期测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json();
}

const hearing = (caseId: number, courtroomId: number, n: number, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  courtroomId,
  startsAt: at(n, from),
  endsAt: at(n, to),
  kind: 'first',
  ...extra,
});

async function hearingTotal(): Promise<number> {
  const response = await divhead.get(`/api/hearings?courtId=${court0102}&from=${day(0)}&to=${day(40)}&includeCancelled=true&limit=1`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total;
}

async function auditTotal(): Promise<number> {
  return (await admin.get('/api/audit?entityType=hearing&limit=1')).json().total;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, kuancheng, admin] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'admin', ADMIN_PASSWORD),
  ]);
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string; parentId: number }[];
  court0102 = (courts.find((c) => c.code === '吉0102' && c.level === 'basic') as { id: number }).id;
  court0103 = (courts.find((c) => c.code === '吉0103' && c.level === 'basic') as { id: number }).id;
  tribunal0102 = (courts.find((c) => c.level === 'tribunal' && c.parentId === court0102) as { id: number }).id;

  type Team = { name: string; courtId: number; members: { userId: number; position: string }[] };
  const teams = (await divhead.get(`/api/teams?courtId=${court0102}&pageSize=100`)).json().items as Team[];
  const member = (name: string, position: string) => {
    const found = teams.find((tm) => tm.name === name)?.members.find((m) => m.position === position);
    if (!found) throw new Error(`no ${position} in ${name}`);
    return found.userId;
  };
  j1 = member('民事审判第一庭第1审判团队', 'judge');
  c1 = member('民事审判第一庭第1审判团队', 'clerk');
  j2 = member('民事审判第一庭第2审判团队', 'judge');
  c2 = member('民事审判第一庭第2审判团队', 'clerk');
  x = member('民事审判第二庭第1审判团队', 'judge');
  expect(clerk.userId).toBe(c1);

  const rooms = (await clerk.get(`/api/courtrooms?courtId=${court0102}&withTribunals=true`)).json().items as {
    id: number;
    name: string;
    courtId: number;
  }[];
  const room = (name: string, courtId = court0102) => (rooms.find((r) => r.name === name && r.courtId === courtId) as { id: number }).id;
  r1 = room('第一法庭');
  r2 = room('第二法庭');
  r3 = room('第三法庭');
  tribunalRoom = (rooms.find((r) => r.courtId === tribunal0102) as { id: number }).id;
});
afterAll(() => t.close());

describe('courtrooms', () => {
  it('seeds numbered rooms, an online room and a vehicle court per basic court, one room per tribunal', async () => {
    const page = (await clerk.get(`/api/courtrooms?courtId=${court0102}`)).json();
    const names = page.items.map((r: { name: string }) => r.name);
    expect(names.slice(0, 4)).toEqual(['第一法庭', '第二法庭', '第三法庭', '第四法庭']);
    expect(page.items).toContainEqual(expect.objectContaining({ name: '科技法庭', kind: 'online' }));
    expect(page.items).toContainEqual(expect.objectContaining({ name: '车载法庭', kind: 'vehicle' }));
    expect(page.total).toBe(page.items.length);
    const tribunal = (await clerk.get(`/api/courtrooms?courtId=${tribunal0102}`)).json();
    expect(tribunal.items).toEqual([expect.objectContaining({ kind: 'tribunal-room', courtName: expect.stringMatching(/人民法庭$/) })]);
  });

  it('lets administrators create and edit rooms with a version; others may not; names are unique per court', async () => {
    expect((await clerk.post('/api/courtrooms', { courtId: court0102, name: '第九法庭', kind: 'courtroom' })).statusCode).toBe(403);
    const created = await admin.post('/api/courtrooms', {
      courtId: court0102,
      name: '第九法庭',
      kind: 'courtroom',
      location: '审判楼5层',
      capacity: 50,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      name: '第九法庭',
      kind: 'courtroom',
      active: true,
      version: 1,
      courtName: '长春市南关区人民法院',
    });
    const again = await admin.post('/api/courtrooms', { courtId: court0102, name: '第九法庭', kind: 'courtroom' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'DUPLICATE', errors: [expect.objectContaining({ field: 'body.name' })] });
    const id = created.json().id;
    const edited = await admin.patch(`/api/courtrooms/${id}`, { location: '审判楼6层', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ location: '审判楼6层', version: 2 });
    const stale = await admin.patch(`/api/courtrooms/${id}`, { active: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const history = (await admin.get(`/api/audit?entityType=courtroom&entityId=${id}`)).json();
    expect(history.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('hides the rooms of another court (404) and refuses a court outside the scope (400)', async () => {
    expect((await kuancheng.get(`/api/courtrooms/${r1}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/courtrooms?courtId=${court0102}`)).json().total).toBe(0);
    const courtadmin = await signIn(t.app, 'courtadmin');
    const outside = await courtadmin.post('/api/courtrooms', { courtId: court0103, name: '第十法庭', kind: 'courtroom' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].field).toBe('body.courtId');
  });
});

describe('scheduling and conflicts', () => {
  let a: CaseInfo; // team 1: j1, c1
  let b: CaseInfo; // team 2: j2, c2
  let first: { id: number; version: number };
  const D = 10;

  it('schedules a hearing with the judge, the clerk and every party summoned, announced today', async () => {
    a = await openCase(j1);
    b = await openCase(j2);
    const response = await clerk.post('/api/hearings', hearing(a.id, r1, D, '09:00', '11:00'));
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      caseId: a.id,
      caseNumber: a.caseNumber,
      courtroomId: r1,
      courtroomName: '第一法庭',
      startsAt: iso(at(D, '09:00')),
      endsAt: iso(at(D, '11:00')),
      status: 'scheduled',
      isPublic: true,
      announcedOn: today,
      judgeId: j1,
      clerkId: c1,
      version: 1,
    });
    expect(body.caseTitle).toContain('张三');
    expect(body.participants.map((p: { role: string }) => p.role).sort()).toEqual(['clerk', 'judge', 'party', 'party']);
    expect(body.participants.filter((p: { role: string }) => p.role === 'party').map((p: { name: string }) => p.name)).toEqual([
      '张三',
      '长春某某商贸有限公司',
    ]);
    first = body;
  });

  it('refuses a clash on the room, naming the hearing it clashes with, and writes nothing', async () => {
    const [hearings, audits] = [await hearingTotal(), await auditTotal()];
    const response = await divhead.post('/api/hearings', hearing(b.id, r1, D, '10:00', '12:00'));
    expect(response.statusCode).toBe(409);
    const problem = response.json();
    expect(problem.code).toBe('HEARING_CONFLICT');
    expect(problem.message.zh).toMatch(/排期冲突/);
    expect(problem.detail).toContain(a.caseNumber);
    expect(problem.meta.conflicts).toEqual([
      {
        kind: 'room',
        hearingId: first.id,
        caseNumber: a.caseNumber,
        startsAt: iso(at(D, '09:00')),
        endsAt: iso(at(D, '11:00')),
        courtroomId: r1,
        courtroomName: '第一法庭',
      },
    ]);
    expect([await hearingTotal(), await auditTotal()]).toEqual([hearings, audits]);
  });

  it('refuses a clash on the judge in another room', async () => {
    const c = await openCase(j1);
    const before = await hearingTotal();
    // Another clerk records it, so that only the judge clashes.
    const response = await divhead.post('/api/hearings', hearing(c.id, r2, D, '10:30', '11:30', { clerkId: c2 }));
    expect(response.statusCode).toBe(409);
    expect(response.json().meta.conflicts).toEqual([
      expect.objectContaining({ kind: 'judge', hearingId: first.id, caseNumber: a.caseNumber, userId: j1, userName: expect.any(String) }),
    ]);
    expect(await hearingTotal()).toBe(before);
  });

  it('refuses a clash on the clerk', async () => {
    const before = await hearingTotal();
    const response = await divhead.post('/api/hearings', hearing(b.id, r2, D, '08:00', '09:30', { clerkId: c1 }));
    expect(response.statusCode).toBe(409);
    expect(response.json().meta.conflicts).toEqual([expect.objectContaining({ kind: 'clerk', hearingId: first.id, userId: c1 })]);
    expect(await hearingTotal()).toBe(before);
  });

  it('refuses a clash on a member of a collegial panel', async () => {
    const panel = await divhead.put(`/api/cases/${b.id}/panel`, {
      collegial: true,
      memberIds: [j1, x],
      presidingJudgeId: j2,
      version: b.version,
    });
    expect(panel.statusCode, panel.body).toBe(200);
    b = panel.json();
    const before = await hearingTotal();
    const response = await divhead.post('/api/hearings', hearing(b.id, r2, D, '09:00', '10:00'));
    expect(response.statusCode).toBe(409);
    expect(response.json().meta.conflicts).toEqual([
      expect.objectContaining({ kind: 'panel-member', hearingId: first.id, caseNumber: a.caseNumber, userId: j1 }),
    ]);
    expect(await hearingTotal()).toBe(before);
  });

  it('allows back-to-back hearings: one ending when the next starts', async () => {
    const response = await divhead.post('/api/hearings', hearing(b.id, r1, D, '11:00', '12:00'));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().participants.map((p: { role: string; userId: number | null }) => `${p.role}:${p.userId}`)).toEqual(
      expect.arrayContaining([`judge:${j2}`, `panel-member:${j1}`, `panel-member:${x}`, `clerk:${c2}`]),
    );
    const earlier = await divhead.post('/api/hearings', hearing(b.id, r1, D, '08:00', '09:00'));
    expect(earlier.statusCode, earlier.body).toBe(201);
  });

  it('shows the calendar by court, by room and by person (a panel member sees the hearings they sit in)', async () => {
    const byRoom = (await clerk.get(`/api/hearings?courtroomId=${r1}&from=${day(D)}&to=${day(D)}`)).json();
    expect(byRoom.items.map((h: { startsAt: string }) => h.startsAt)).toEqual([
      iso(at(D, '08:00')),
      iso(at(D, '09:00')),
      iso(at(D, '11:00')),
    ]);
    const byJudge = (await clerk.get(`/api/hearings?judgeId=${j1}&from=${day(D - 3)}&to=${day(D + 3)}`)).json();
    expect(byJudge.total).toBe(3);
    const byCourt = (await clerk.get(`/api/hearings?courtId=${court0102}&from=${day(D)}&to=${day(D + 6)}`)).json();
    expect(byCourt.total).toBeGreaterThanOrEqual(3);
    const tooWide = await clerk.get(`/api/hearings?from=${day(0)}&to=${day(60)}`);
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.json().errors[0]).toMatchObject({ field: 'query.to', code: 'window_too_wide' });
  });

  it('serialises concurrent scheduling: of 20 requests for the same room and time exactly one succeeds', async () => {
    const c = await openCase(j2);
    const before = await hearingTotal();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => divhead.post('/api/hearings', hearing(c.id, r3, D + 1, '14:00', '16:00'))),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, ...Array(19).fill(409)]);
    expect(responses.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'HEARING_CONFLICT')).toBe(true);
    expect(await hearingTotal()).toBe(before + 1);
    const booked = (await clerk.get(`/api/hearings?courtroomId=${r3}&from=${day(D + 1)}&to=${day(D + 1)}`)).json();
    expect(booked.total).toBe(1);
  });

  it('refuses a case that is not open, a room of another court and a party of another case', async () => {
    const filed = (await clerk.post('/api/cases', filing())).json();
    const pending = await divhead.post('/api/hearings', hearing(filed.id, r2, D + 2, '09:00', '10:00'));
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('INVALID_STATE');
    const foreign = (await admin.get(`/api/courtrooms?courtId=${court0103}`)).json().items[0].id;
    const wrongRoom = await clerk.post('/api/hearings', hearing(a.id, foreign, D + 2, '09:00', '10:00'));
    expect(wrongRoom.statusCode).toBe(400);
    expect(wrongRoom.json().errors).toEqual([expect.objectContaining({ field: 'body.courtroomId', code: 'courtroom_not_available' })]);
    const strangers = await clerk.post('/api/hearings', hearing(a.id, r2, D + 2, '09:00', '10:00', { partyIds: [b.parties[0].id] }));
    expect(strangers.statusCode).toBe(400);
    expect(strangers.json().errors[0].field).toBe('body.partyIds');
    const backwards = await clerk.post('/api/hearings', hearing(a.id, r2, D + 2, '10:00', '09:00'));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: 'body.endsAt', code: 'hearing_times' });
    // The rooms of the court's people's tribunals serve its cases too.
    const atTribunal = await clerk.post('/api/hearings', hearing(a.id, tribunalRoom, D + 2, '09:00', '10:00'));
    expect(atTribunal.statusCode, atTribunal.body).toBe(201);
  });

  it("refuses someone outside the case's team who does not assign cases (403)", async () => {
    const assistantOfOtherTeam = await signIn(t.app, 'assistant'); // team 1's assistant; b is team 2's
    const response = await assistantOfOtherTeam.post('/api/hearings', hearing(b.id, r2, D + 3, '09:00', '10:00'));
    expect(response.statusCode).toBe(403);
  });
});

describe('announcements (开庭公告)', () => {
  let a: CaseInfo;

  it('refuses a public hearing with less than three full days left, with the field at fault', async () => {
    a = await openCase(j1);
    const before = await hearingTotal();
    const response = await clerk.post('/api/hearings', hearing(a.id, r2, 3, '09:00', '10:00'));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'body.startsAt', code: 'announcement_too_late' })]);
    expect(await hearingTotal()).toBe(before);
  });

  it('allows it in camera, and in public from the fourth day', async () => {
    const private_ = await clerk.post('/api/hearings', hearing(a.id, r2, 3, '09:00', '10:00', { isPublic: false }));
    expect(private_.statusCode, private_.body).toBe(201);
    expect(private_.json()).toMatchObject({ isPublic: false, announcedOn: null });
    const public_ = await clerk.post('/api/hearings', hearing(a.id, r2, 4, '09:00', '10:00'));
    expect(public_.statusCode, public_.body).toBe(201);
  });

  it('lists public hearings with case number, cause, parties, time and room, for anyone signed in', async () => {
    const url = `/api/hearing-announcements?courtId=${court0102}&from=${day(3)}&to=${day(4)}`;
    const page = (await kuancheng.get(url)).json();
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      caseNumber: a.caseNumber,
      courtName: '长春市南关区人民法院',
      causeName: '民间借贷纠纷',
      parties: [
        { role: 'plaintiff', name: '张三' },
        { role: 'defendant', name: '长春某某商贸有限公司' },
      ],
      startsAt: iso(at(4, '09:00')),
      courtroomName: '第二法庭',
      announcedOn: today,
    });
    expect(page.items[0].location).toContain('审判楼');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('rescheduling and cancelling', () => {
  let a: CaseInfo;
  let b: CaseInfo;
  let h: { id: number; version: number };
  const D = 20;

  it('moves a hearing with its version; a stale version answers 409 and changes nothing', async () => {
    a = await openCase(j1);
    b = await openCase(j2);
    h = (await clerk.post('/api/hearings', hearing(a.id, r1, D, '09:00', '10:00'))).json();
    const moved = await clerk.patch(`/api/hearings/${h.id}`, { startsAt: at(D, '14:00'), endsAt: at(D, '15:00'), version: h.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: iso(at(D, '14:00')), version: 2, announcedOn: today });
    const stale = await clerk.patch(`/api/hearings/${h.id}`, { courtroomId: r2, version: h.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', meta: { currentVersion: 2 } });
    expect((await clerk.get(`/api/hearings/${h.id}`)).json()).toMatchObject({ courtroomId: r1, version: 2 });
    h = moved.json();
  });

  it('refuses moving onto a booked slot, and moving a public hearing too close', async () => {
    const other = await divhead.post('/api/hearings', hearing(b.id, r2, D, '09:00', '10:00'));
    expect(other.statusCode, other.body).toBe(201);
    const clash = await clerk.patch(`/api/hearings/${h.id}`, {
      courtroomId: r2,
      startsAt: at(D, '09:30'),
      endsAt: at(D, '10:30'),
      version: h.version,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().meta.conflicts).toEqual([expect.objectContaining({ kind: 'room', hearingId: other.json().id })]);
    const tooClose = await clerk.patch(`/api/hearings/${h.id}`, { startsAt: at(2, '09:00'), endsAt: at(2, '10:00'), version: h.version });
    expect(tooClose.statusCode).toBe(400);
    expect(tooClose.json().errors[0]).toMatchObject({ field: 'body.startsAt', code: 'announcement_too_late' });
  });

  it('cancels with a reason, which frees the slot; a cancelled hearing cannot be cancelled again', async () => {
    const taken = await divhead.post('/api/hearings', hearing(b.id, r1, D, '14:00', '15:00'));
    expect(taken.statusCode).toBe(409);
    const cancelled = await clerk.post(`/api/hearings/${h.id}/cancel`, { reason: '当事人申请延期开庭', version: h.version });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const freed = await divhead.post('/api/hearings', hearing(b.id, r1, D, '14:00', '15:00'));
    expect(freed.statusCode, freed.body).toBe(201);
    const again = await clerk.post(`/api/hearings/${h.id}/cancel`, { reason: '重复取消', version: cancelled.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const history = (await admin.get(`/api/audit?entityType=hearing&entityId=${h.id}`)).json();
    expect(history.items.map((e: { action: string }) => e.action).reverse()).toEqual(['schedule', 'reschedule', 'cancel']);
    // Cancelled hearings leave the calendar and the announcements unless asked for.
    const calendar = (await clerk.get(`/api/hearings?caseId=${a.id}&from=${day(D)}&to=${day(D)}`)).json();
    expect(calendar.total).toBe(0);
    const all = (await clerk.get(`/api/hearings?caseId=${a.id}&from=${day(D)}&to=${day(D)}&includeCancelled=true`)).json();
    expect(all.items.map((x: { status: string }) => x.status)).toEqual(['cancelled']);
  });
});

describe('holding a hearing (已开庭) and the case nodes', () => {
  const D = 25;
  let c: CaseInfo;
  let h: { id: number; version: number };
  const nodeOf = async (id: number) => (await clerk.get(`/api/cases/${id}`)).json();

  it('scheduling completes the 排期 node of a case waiting there, and only then', async () => {
    c = await openCase(j1);
    // Scheduled while documents are still being served: the case stays at 送达.
    const early = await clerk.post('/api/hearings', hearing(c.id, r3, D, '09:00', '09:30', { isPublic: false }));
    expect(early.statusCode, early.body).toBe(201);
    expect((await nodeOf(c.id)).currentNode).toBe('delivery');
    const cancelled = await clerk.post(`/api/hearings/${early.json().id}/cancel`, { reason: '重新排期', version: early.json().version });
    expect(cancelled.statusCode).toBe(200);

    const atDelivery = await nodeOf(c.id);
    const delivered = await clerk.post(`/api/cases/${c.id}/nodes/delivery/complete`, { note: '送达完毕', version: atDelivery.version });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().currentNode).toBe('scheduling');

    const scheduled = await clerk.post('/api/hearings', hearing(c.id, r3, D, '10:00', '11:00'));
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    h = scheduled.json();
    const after = await nodeOf(c.id);
    expect(after.currentNode).toBe('hearing');
    const nodes = after.nodes as { node: string; status: string; completedBy: number | null }[];
    expect(nodes.find((n) => n.node === 'scheduling')).toMatchObject({ status: 'done' });
    expect(nodes.find((n) => n.node === 'hearing')).toMatchObject({ status: 'active' });
  });

  it('refuses to record a hearing as held before it starts, and a stale version', async () => {
    const early = await clerk.post(`/api/hearings/${h.id}/held`, { version: h.version });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ field: 'params.id', code: 'hearing_not_started', message: { zh: expect.any(String) } });
    // Time passes: the hearing began two hours ago.
    await t.database.db.execute(
      sql`UPDATE hearings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = ${h.id}`,
    );
    const stale = await clerk.post(`/api/hearings/${h.id}/held`, { version: h.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((await clerk.get(`/api/hearings/${h.id}`)).json().status).toBe('scheduled');
  });

  it('records it held: the case moves from 开庭 to 合议, both audited; it cannot be held or cancelled again', async () => {
    expect((await kuancheng.post(`/api/hearings/${h.id}/held`, { version: h.version })).statusCode).toBe(404);
    const held = await clerk.post(`/api/hearings/${h.id}/held`, { note: '双方到庭，庭审结束', version: h.version });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', version: h.version + 1 });
    const kase = await nodeOf(c.id);
    expect(kase.currentNode).toBe('deliberation');
    expect(kase.nodes.find((n: { node: string }) => n.node === 'hearing')).toMatchObject({ status: 'done', note: '双方到庭，庭审结束' });
    const trail = (await admin.get(`/api/audit?entityType=hearing&entityId=${h.id}`)).json();
    expect(trail.items[0]).toMatchObject({ action: 'hold' });
    const again = await clerk.post(`/api/hearings/${h.id}/held`, { version: held.json().version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const cancel = await clerk.post(`/api/hearings/${h.id}/cancel`, { reason: '误操作', version: held.json().version });
    expect(cancel.statusCode).toBe(409);
  });
});

describe('rooms in use and the API description', () => {
  it('keeps a room with upcoming hearings in use (409 naming how many)', async () => {
    const room = (await admin.get(`/api/courtrooms/${r3}`)).json();
    const response = await admin.patch(`/api/courtrooms/${r3}`, { active: false, version: room.version });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'INVALID_STATE', meta: { upcomingHearings: expect.any(Number) } });
    expect((await admin.get(`/api/courtrooms/${r3}`)).json()).toMatchObject({ active: true, version: room.version });
  });

  it('describes the endpoints in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/hearings']).toHaveProperty('post');
    expect(doc.paths['/api/hearings/{id}']).toHaveProperty('patch');
    expect(doc.paths['/api/hearings/{id}/cancel']).toHaveProperty('post');
    expect(doc.paths['/api/courtrooms/{id}']).toHaveProperty('patch');
    expect(doc.paths['/api/hearing-announcements']).toHaveProperty('get');
    expect(Object.keys(doc.paths).some((path) => path.includes('/summons/'))).toBe(true);
  });
});

describe('scope', () => {
  it('hides the hearings of another court: list empty, detail, changes and summons 404, scheduling 404', async () => {
    const a = await openCase(j1);
    const h = (await clerk.post('/api/hearings', hearing(a.id, r2, 25, '09:00', '10:00'))).json();
    expect((await kuancheng.get(`/api/hearings/${h.id}`)).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/hearings?courtId=${court0102}&from=${day(25)}&to=${day(25)}`)).json().total).toBe(0);
    expect((await kuancheng.patch(`/api/hearings/${h.id}`, { kind: 'continued', version: h.version })).statusCode).toBe(404);
    expect((await kuancheng.post(`/api/hearings/${h.id}/cancel`, { reason: '越权取消', version: h.version })).statusCode).toBe(404);
    expect((await kuancheng.get(`/api/hearings/${h.id}/summons/${a.parties[0].id}.docx`)).statusCode).toBe(404);
    expect((await kuancheng.post('/api/hearings', hearing(a.id, r3, 25, '09:00', '10:00'))).statusCode).toBe(404);
  });
});

describe('summons (传票)', () => {
  it("generates a party's summons as DOCX from the template, with a UTF-8 file name, and records it", async () => {
    const a = await openCase(j1);
    const h = (await clerk.post('/api/hearings', hearing(a.id, r1, 26, '09:30', '11:00'))).json();
    const plaintiff = a.parties.find((p) => p.role === 'plaintiff') as { id: number };
    const response = await clerk.get(`/api/hearings/${h.id}/summons/${plaintiff.id}.docx`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toContain(`filename="summons-${h.id}-${plaintiff.id}.docx"`);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(`传票-${a.caseNumber}-张三.docx`);

    const zip = new PizZip(response.rawPayload);
    const xml = zip.file('word/document.xml')?.asText() ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    const [y, m, d] = day(26).split('-').map(Number);
    for (const expected of [
      '长春市南关区人民法院',
      '传　票',
      a.caseNumber,
      '民间借贷纠纷',
      '被传唤人：张三',
      '诉讼地位：原告',
      '长春市南关区人民大街1号',
      '传唤事由：开庭审理',
      `应到时间：${y}年${m}月${d}日`,
      '09:30',
      '应到处所：第一法庭（审判楼1层）',
      '长春市南关区人民法院（院印）',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/二〇二\S年\S+月\S+日/);
    expect(text).not.toMatch(/[{}]/);

    const history = (await admin.get(`/api/audit?entityType=hearing&entityId=${h.id}`)).json();
    expect(history.items[0]).toMatchObject({ action: 'summons' });
    expect((await clerk.get(`/api/hearings/${h.id}/summons/999999.docx`)).statusCode).toBe(404);
  });
});
