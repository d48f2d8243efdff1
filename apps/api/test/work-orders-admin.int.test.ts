import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/platform/db.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

/** Work orders, second part: the rules editor, the XLSX exports of the centre screens, a leader's bulk return from the pool. */

let t: TestApp;
let clerk: Client; // 吉0102 clerk: files cases, initiates orders
let divhead: Client; // 吉0102 division head: assigns cases, dispatches (a leader outside the centre team)
let centre: Client; // 吉0102 centre staff, member of the centre team
let leader: Client; // 吉0102 centre team leader (role centre-leader), member of the team
let courtadmin: Client; // 吉0102 administrator: manages types and rules of their court
let kuancheng: Client; // judge of the sibling court 吉0103
let court0102: number;
let court0103: number;
let teamId: number;
let otherTeamId: number;

const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);

const filing = (defendants = 1) => ({
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
    ...Array.from({ length: defendants }, (_, i) => ({
      kind: 'organisation',
      role: 'defendant',
      name: `长春某某商贸有限公司${i + 1}`,
      legalRepresentative: '李四',
    })),
  ],
});

async function openCase(defendants = 1): Promise<{ id: number; version: number }> {
  const filed = await clerk.post('/api/cases', filing(defendants));
  expect(filed.statusCode, filed.body).toBe(201);
  const [judge] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM users WHERE username = 'judge'`);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: judge.id,
    reason: '工单测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return assigned.json();
}

async function typeId(code: string): Promise<number> {
  const types = await clerk.get(`/api/work-order-types?courtId=${court0102}`);
  return types.json().items.find((x: { code: string }) => x.code === code).id;
}

async function newOrder(code = 'material-intake'): Promise<{ id: number; version: number; status: string }> {
  const k = await openCase();
  const created = await clerk.post('/api/work-orders', { caseId: k.id, typeId: await typeId(code), note: '导出测试' });
  expect(created.statusCode, created.body).toBe(201);
  return created.json();
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(t.database.db, query);
  return n;
}

interface Rule {
  id: number;
  caseTypeCode: string;
  trigger: string;
  typeCode: string;
  per: string;
  active: boolean;
  effective: boolean;
  version: number;
}

async function rulesOf(client: Client, courtId: number): Promise<Rule[]> {
  const list = await client.get(`/api/work-order-rules?courtId=${courtId}`);
  expect(list.statusCode, list.body).toBe(200);
  return list.json().items;
}

/** Runs an export to its end and reads the workbook back. */
async function exported(client: Client, body: Record<string, unknown>) {
  const started = await client.post('/api/work-orders/exports', body);
  expect(started.statusCode, started.body).toBe(202);
  let status = started.json();
  for (let i = 0; i < 100 && status.status === 'running'; i++) {
    await new Promise((r) => setTimeout(r, 100));
    status = (await client.get(`/api/work-order-exports/${status.id}`)).json();
  }
  expect(status.status, JSON.stringify(status)).toBe('done');
  expect(status.done).toBe(status.total);
  const file = await client.get(`/api/work-order-exports/${status.id}/file`);
  expect(file.statusCode).toBe(200);
  expect(file.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
  return { id: status.id as string, status, workbook, disposition: String(file.headers['content-disposition']) };
}

const column = (sheet: ExcelJS.Worksheet, n: number) =>
  sheet
    .getColumn(n)
    .values.slice(2)
    .map((v) => (typeof v === 'object' && v !== null ? String(v) : v));

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, centre, courtadmin, kuancheng] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'centre'),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'kuancheng'),
  ]);
  const courts = await rows<{ id: number; code: string }>(
    t.database.db,
    sql`SELECT id, code FROM courts WHERE code IN ('吉0102', '吉0103') AND level = 'basic'`,
  );
  court0102 = courts.find((c) => c.code === '吉0102')?.id as number;
  court0103 = courts.find((c) => c.code === '吉0103')?.id as number;
  const [team] = await rows<{ id: number }>(
    t.database.db,
    sql`SELECT m.team_id AS id FROM team_members m JOIN users u ON u.id = m.user_id WHERE u.username = 'centre'`,
  );
  teamId = team.id;
  const [other] = await rows<{ id: number }>(
    t.database.db,
    sql`SELECT t.id FROM teams t JOIN departments d ON d.id = t.department_id AND d.kind = 'centre' WHERE t.court_id = ${court0103} LIMIT 1`,
  );
  otherTeamId = other.id;
  const [lead] = await rows<{ username: string }>(
    t.database.db,
    sql`SELECT u.username FROM team_members m JOIN users u ON u.id = m.user_id JOIN user_roles ur ON ur.user_id = u.id
        JOIN roles r ON r.id = ur.role_id WHERE m.team_id = ${teamId} AND r.code = 'centre-leader' LIMIT 1`,
  );
  leader = await signIn(t.app, lead.username);
});

afterAll(async () => {
  await t.close();
});

describe('automatic-start rules per court', () => {
  it('gives every court with types the default rules, as data of that court', async () => {
    const rules = await rulesOf(courtadmin, court0102);
    const civil = rules.filter((r) => r.caseTypeCode === '民初').map((r) => `${r.trigger}:${r.typeCode}:${r.per}`);
    expect(civil.sort()).toEqual(
      [
        'assigned:delivery:defendant',
        'assigned:scheduling:case',
        'assigned:e-catalogue:case',
        'closed:archiving:case',
        'closed:online-closure:case',
      ].sort(),
    );
    expect(rules.every((r) => r.effective && r.active)).toBe(true);
    // Another court's rules are its own rows.
    const theirs = await rulesOf(await signIn(t.app, 'admin', ADMIN_PASSWORD), court0103);
    expect(theirs.length).toBe(rules.length);
    expect(theirs.some((r) => rules.some((m) => m.id === r.id))).toBe(false);
  });

  it('starts on assignment what the active rules of the court say, no more', async () => {
    const scheduling = (await rulesOf(courtadmin, court0102)).find(
      (r) => r.caseTypeCode === '民初' && r.trigger === 'assigned' && r.typeCode === 'scheduling',
    ) as Rule;
    const off = await courtadmin.put(`/api/work-order-rules/${scheduling.id}`, { per: 'case', active: false, version: scheduling.version });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: scheduling.version + 1 });
    const added = await courtadmin.post('/api/work-order-rules', {
      courtId: court0102,
      caseTypeCode: '民初',
      trigger: 'assigned',
      typeCode: 'material-intake',
      per: 'case',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ typeNameZh: '材料收转', effective: true, active: true, version: 1 });

    const k = await openCase(2);
    const codes = (await clerk.get(`/api/work-orders?view=all&caseId=${k.id}`)).json().items.map((o: { typeCode: string }) => o.typeCode);
    expect(codes.sort()).toEqual(['delivery', 'delivery', 'e-catalogue', 'material-intake'].sort());
    // Every due time of the one pass is right for its own type (hours vs working days).
    const orders = (await clerk.get(`/api/work-orders?view=all&caseId=${k.id}`)).json().items as {
      typeCode: string;
      dueAt: string;
      createdAt: string;
    }[];
    const intake = orders.find((o) => o.typeCode === 'material-intake') as { dueAt: string; createdAt: string };
    expect(Date.parse(intake.dueAt) - Date.parse(intake.createdAt)).toBe(8 * 3_600_000);
    for (const o of orders.filter((x) => x.typeCode !== 'material-intake')) expect(o.dueAt).toMatch(/T09:30:00\.000Z$/); // 17:30 CST

    // Back as it was: the rule is active again, the added one switched off.
    const on = await courtadmin.put(`/api/work-order-rules/${scheduling.id}`, { per: 'case', active: true, version: off.json().version });
    expect(on.statusCode, on.body).toBe(200);
    await courtadmin.put(`/api/work-order-rules/${added.json().id}`, { per: 'case', active: false, version: 1 });
    const audited = await count(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'work-order-rule' AND entity_id = ${String(scheduling.id)}`,
    );
    expect(audited).toBe(2);
  });

  it('refuses bad input with field details and changes nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM work_order_rules`);
    const unknownType = await courtadmin.post('/api/work-order-rules', {
      courtId: court0102,
      caseTypeCode: '民初',
      trigger: 'assigned',
      typeCode: 'no-such-type',
      per: 'case',
    });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.headers['content-type']).toContain('application/problem+json');
    expect(unknownType.json().errors[0]).toMatchObject({ field: 'body.typeCode', code: 'invalid_value' });
    const duplicate = await courtadmin.post('/api/work-order-rules', {
      courtId: court0102,
      caseTypeCode: '民初',
      trigger: 'assigned',
      typeCode: 'delivery',
      per: 'case',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors[0]).toMatchObject({ field: 'body.typeCode', code: 'duplicate' });
    const badCaseType = await courtadmin.post('/api/work-order-rules', {
      courtId: court0102,
      caseTypeCode: '民X',
      trigger: 'sometime',
      typeCode: 'delivery',
      per: 'case',
    });
    expect(badCaseType.statusCode).toBe(400);
    const fields = badCaseType.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.caseTypeCode', 'body.trigger']));
    // A court outside the administrator's scope is not theirs to configure.
    const otherCourt = await courtadmin.post('/api/work-order-rules', {
      courtId: court0103,
      caseTypeCode: '民初',
      trigger: 'assigned',
      typeCode: 'material-intake',
      per: 'case',
    });
    expect(otherCourt.statusCode).toBe(400);
    expect(otherCourt.json().errors[0].field).toBe('body.courtId');
    expect(await count(sql`SELECT count(*)::int AS n FROM work_order_rules`)).toBe(before);
  });

  it('answers 409 to a stale edit, 404 outside the scope, 403 without the permission', async () => {
    const [rule] = await rulesOf(courtadmin, court0102);
    const first = await courtadmin.put(`/api/work-order-rules/${rule.id}`, { per: rule.per, active: rule.active, version: rule.version });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await courtadmin.put(`/api/work-order-rules/${rule.id}`, { per: rule.per, active: false, version: rule.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const [theirs] = await rulesOf(await signIn(t.app, 'admin', ADMIN_PASSWORD), court0103);
    const outside = await courtadmin.put(`/api/work-order-rules/${theirs.id}`, { per: 'case', active: false, version: theirs.version });
    expect(outside.statusCode).toBe(404);
    expect((await kuancheng.get(`/api/work-order-rules?courtId=${court0102}`)).json().items).toEqual([]);
    const byClerk = await clerk.put(`/api/work-order-rules/${rule.id}`, { per: rule.per, active: false, version: first.json().version });
    expect(byClerk.statusCode).toBe(403);
  });
});

describe('order types', () => {
  it('answers 409 to a stale edit of a type and shows field problems', async () => {
    const types = (await courtadmin.get(`/api/work-order-types?courtId=${court0102}`)).json().items;
    const type = types.find((x: { code: string }) => x.code === 'hearing-record');
    const { id, courtId: _c, courtName: _n, code: _k, teamName: _tn, version, ...body } = type;
    const saved = await courtadmin.put(`/api/work-order-types/${id}`, { ...body, limitHours: 36, version });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ limitHours: 36, version: version + 1 });
    const stale = await courtadmin.put(`/api/work-order-types/${id}`, { ...body, limitHours: 12, version });
    expect(stale.statusCode).toBe(409);
    const both = await courtadmin.put(`/api/work-order-types/${id}`, {
      ...body,
      limitHours: 12,
      limitWorkingDays: 2,
      version: version + 1,
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0]).toMatchObject({ field: 'body.limitWorkingDays', code: 'one_limit' });
  });
});

describe('XLSX exports of the centre screens', () => {
  it('exports my orders with the screen filters, in Chinese or English, dates as 2026-11-21', async () => {
    const order = await newOrder();
    const claimed = await centre.post(`/api/work-orders/${order.id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    const list = (await centre.get('/api/work-orders?view=mine&tab=todo&limit=200')).json();
    const { workbook, status, disposition } = await exported(centre, { kind: 'orders', view: 'mine', tab: 'todo' });
    expect(status.total).toBe(list.total);
    expect(status.fileName).toBe(`事务工单-${today}.xlsx`);
    expect(disposition).toContain(encodeURIComponent(status.fileName));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('事务工单');
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['工单号', '案号', '工单类型', '状态', '承办人', '到期时间', '超期']));
    expect(sheet.rowCount).toBe(list.total + 1);
    expect(column(sheet, 1)).toEqual(list.items.map((o: { id: number }) => o.id));
    const row = sheet.getRow(column(sheet, 1).indexOf(order.id) + 2);
    expect(row.getCell(2).value).toBe(claimed.json().caseNumber);
    expect(row.getCell(3).value).toBe('材料收转');
    expect(row.getCell(5).value).toBe('已受理');
    expect(String(row.getCell(11).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    const english = await exported(centre, { kind: 'orders', view: 'mine', tab: 'todo', lang: 'en' });
    const en = english.workbook.worksheets[0];
    expect(en.name).toBe('Work orders');
    expect(en.getRow(1).getCell(1).value).toBe('Order');
    expect(english.status.fileName).toBe(`work-orders-${today}.xlsx`);
    expect(en.getRow(column(en, 1).indexOf(order.id) + 2).getCell(5).value).toBe('Accepted');
  });

  it('exports the pool and the overdue list exactly as the lists show them', async () => {
    await newOrder();
    const pool = (await centre.get('/api/work-orders?view=pool&limit=200')).json();
    const poolBook = await exported(centre, { kind: 'orders', view: 'pool' });
    expect(column(poolBook.workbook.worksheets[0], 1)).toEqual(pool.items.map((o: { id: number }) => o.id));
    // An order past due, in the team's list: the overdue export has it, and only overdue ones.
    const late = await newOrder();
    await t.database.db.execute(sql`UPDATE work_orders SET due_at = now() - interval '1 day' WHERE id = ${late.id}`);
    const overdue = (await divhead.get(`/api/work-orders?view=team&teamId=${teamId}&overdue=true&limit=200`)).json();
    const book = await exported(divhead, { kind: 'orders', view: 'team', teamId, overdue: 'true' });
    const sheet = book.workbook.worksheets[0];
    expect(column(sheet, 1)).toEqual(overdue.items.map((o: { id: number }) => o.id));
    expect(column(sheet, 1)).toContain(late.id);
    expect(new Set(column(sheet, 12))).toEqual(new Set(['是']));
  });

  it('exports the team board (load per person, overdue orders) and the statistics', async () => {
    const board = (await divhead.get(`/api/centre-teams/board?teamId=${teamId}`)).json();
    const { workbook } = await exported(divhead, { kind: 'board', teamId });
    const [load, late] = workbook.worksheets;
    expect(load.name).toBe('人员负荷');
    expect(load.getRow(1).values).toEqual(expect.arrayContaining(['成员', '在办', '负荷', '超期']));
    expect(column(load, 1).slice(0, -1)).toEqual(board.members.map((m: { name: string }) => m.name));
    expect(column(load, 4).slice(0, -1)).toEqual(board.members.map((m: { load: number }) => m.load));
    expect(String(column(load, 1).at(-1))).toContain('工单池');
    expect(late.name).toBe('超期工单');
    expect(late.rowCount - 1).toBe((await divhead.get(`/api/work-orders?view=team&teamId=${teamId}&overdue=true&limit=1`)).json().total);

    const from = `${today.slice(0, 4)}-01-01`;
    const stats = (await divhead.get(`/api/work-orders/statistics?from=${from}&to=${today}`)).json();
    const s = await exported(divhead, { kind: 'statistics', from, to: today });
    const [byType, byTeam, byPerson] = s.workbook.worksheets;
    expect([byType.name, byTeam.name, byPerson.name]).toEqual(['按类型', '按团队', '按人员']);
    expect(byType.getRow(1).values).toEqual(
      expect.arrayContaining(['工单类型', '工单数', '超期率', '平均办理时长（小时）', '按期完成率（SLA）']),
    );
    expect(column(byType, 1)).toEqual([...stats.byType.map((r: { zh: string }) => r.zh), '全部']);
    expect(column(byType, 2).at(-1)).toBe(stats.totals.total);
    expect(column(byTeam, 1)).toEqual(stats.byTeam.map((r: { zh: string }) => r.zh));
    expect(column(byPerson, 2)).toEqual(stats.byPerson.map((r: { total: number }) => r.total));
    const backwards = await divhead.post('/api/work-orders/exports', { kind: 'statistics', from: today, to: from });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('body.to');
  });

  it('keeps to the scope: another court sees none of these orders, nor the jobs or teams of others', async () => {
    const ours = await newOrder();
    const { workbook } = await exported(kuancheng, { kind: 'orders', view: 'all' });
    const ids = column(workbook.worksheets[0], 1);
    expect(ids).not.toContain(ours.id);
    const courts = new Set(column(workbook.worksheets[0], 9));
    expect([...courts].every((c) => String(c).includes('宽城'))).toBe(true);
    // The board of another court's team does not exist for them; a team's list is for its members and leaders.
    expect((await divhead.post('/api/work-orders/exports', { kind: 'board', teamId: otherTeamId })).statusCode).toBe(404);
    expect((await clerk.post('/api/work-orders/exports', { kind: 'orders', view: 'team', teamId })).statusCode).toBe(403);
    // A job is its owner's only.
    const mine = await exported(centre, { kind: 'orders', view: 'pool' });
    expect((await divhead.get(`/api/work-order-exports/${mine.id}`)).statusCode).toBe(404);
    expect((await divhead.get(`/api/work-order-exports/${mine.id}/file`)).statusCode).toBe(404);
    // Jobs of another module are not served here.
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    expect((await admin.get('/api/work-order-exports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('refuses without order.read and on bad input, and audits each export', async () => {
    const grassroots = await signIn(t.app, 'grassroots');
    expect((await grassroots.post('/api/work-orders/exports', { kind: 'orders', view: 'pool' })).statusCode).toBe(403);
    const bad = await centre.post('/api/work-orders/exports', { kind: 'orders', view: 'nowhere' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.view');
    const noTeam = await divhead.post('/api/work-orders/exports', { kind: 'orders', view: 'team' });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.json().errors[0].field).toBe('body.teamId');
    const before = await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'export'`);
    await exported(centre, { kind: 'orders', view: 'mine' });
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'export'`)).toBe(before + 1);
  });
});

describe('bulk return from the pool by a team leader', () => {
  it('returns unclaimed orders to their initiators with the reason, answering per order', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const done = await newOrder();
    const withdrawn = await clerk.post(`/api/work-orders/${done.id}/withdraw`, { version: done.version, reason: '不需要了' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const theirs = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM work_orders WHERE court_id <> ${court0102} LIMIT 1`);
    const ids = [a.id, b.id, done.id, ...theirs.map((x) => x.id)];

    const short = await leader.post('/api/work-orders/return', { ids, reason: ' ' });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('body.reason');
    expect((await centre.post('/api/work-orders/return', { ids, reason: '材料不全，请补充后重新发起' })).statusCode).toBe(403);
    expect((await centre.get(`/api/work-orders/${a.id}`)).json().status).toBe('initiated');

    const answer = await leader.post('/api/work-orders/return', { ids, reason: '材料不全，请补充后重新发起' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().succeeded).toBe(2);
    expect(answer.json().items).toEqual([
      { id: a.id, ok: true, code: null },
      { id: b.id, ok: true, code: null },
      { id: done.id, ok: false, code: 'INVALID_STATE' },
      ...theirs.map((x) => ({ id: x.id, ok: false, code: 'NOT_FOUND' })),
    ]);
    const returned = (await clerk.get(`/api/work-orders/${a.id}`)).json();
    expect(returned).toMatchObject({ status: 'returned', returnReason: '材料不全，请补充后重新发起', assigneeId: null });
    expect(returned.events.at(-1)).toMatchObject({ action: 'return', fromStatus: 'initiated', toStatus: 'returned' });
    expect((await clerk.get('/api/work-orders?view=initiated&tab=todo&limit=200')).json().items.map((o: { id: number }) => o.id)).toContain(
      b.id,
    );
    // The initiator sends it back to the pool.
    const again = await clerk.post(`/api/work-orders/${a.id}/reinitiate`, { version: returned.version, note: '已补充' });
    expect(again.json().status).toBe('initiated');
  });

  it('returns held orders too', async () => {
    const held = await newOrder();
    const claimed = await centre.post(`/api/work-orders/${held.id}/claim`);
    expect(claimed.statusCode).toBe(200);
    const answer = await leader.post('/api/work-orders/return', { ids: [held.id], reason: '案件已调解，无需办理' });
    expect(answer.json().items[0]).toEqual({ id: held.id, ok: true, code: null });
    expect((await centre.get(`/api/work-orders/${held.id}`)).json().status).toBe('returned');
  });
});
