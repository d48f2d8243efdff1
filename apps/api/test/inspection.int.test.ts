import { makeIdCard } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInspection, syncCaseDefects } from '../src/modules/inspection/index.js';
import { rows } from '../src/platform/db.js';
import { type Client, createTestApp, signIn, type TestApp } from './harness.js';

let t: TestApp;
let clerk: Client; // 吉0102 clerk: files cases
let divhead: Client; // 吉0102 division head: assigns; reads inspection
let inspector: Client; // 吉0102 quality inspector: inspection.manage
let judge: Client; // 吉0102 judge: the responsible person of the test case
let president: Client;
let kuancheng: Client; // a user of the sibling court 吉0103, made an inspector there below
let court0102: number;
let caseId: number;

const CST = 8 * 3_600_000;
const today = new Date(Date.now() + CST).toISOString().slice(0, 10);
const validId = makeIdCard('220102', '19800101', '123');
// The same number with a wrong check character.
const badId = `${validId.slice(0, 17)}${validId[17] === '0' ? '1' : '0'}`;

interface Defect {
  id: number;
  ruleCode: string;
  status: string;
  version: number;
  responsibleId: number | null;
  correctionOrderId: number | null;
  correctionStatus: string | null;
  courtId: number;
}

async function defectsOf(id: number, status = ''): Promise<Defect[]> {
  const res = await inspector.get(`/api/inspection/defects?caseId=${id}&limit=200${status ? `&status=${status}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function defect(code: string, status = 'open'): Promise<Defect> {
  const found = (await defectsOf(caseId, status)).find((d) => d.ruleCode === code);
  expect(found, `${code} ${status}`).toBeDefined();
  return found as Defect;
}

beforeAll(async () => {
  t = await createTestApp();
  [clerk, divhead, inspector, judge, president] = await Promise.all([
    signIn(t.app, 'clerk'),
    signIn(t.app, 'divhead'),
    signIn(t.app, 'inspector'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'president'),
  ]);
  const [court] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM courts WHERE code = '吉0102' AND level = 'basic'`);
  court0102 = court.id;
  // A user of the sibling court with the inspector role: same permissions, another scope.
  await t.database.db.execute(
    sql`INSERT INTO user_roles (user_id, role_id) SELECT u.id, r.id FROM users u, roles r WHERE u.username = 'kuancheng' AND r.code = 'inspector'
        ON CONFLICT DO NOTHING`,
  );
  kuancheng = await signIn(t.app, 'kuancheng');

  // A civil case filed and assigned through the API, then given bad data behind the API's back.
  const filed = await clerk.post('/api/cases', {
    courtId: court0102,
    caseTypeCode: '民初',
    procedureCode: 'civil-first-simple',
    causeCode: 'C04.10.103.03',
    filedOn: today,
    claimAmount: '52000.00',
    summary: '借款到期未还',
    parties: [
      { kind: 'person', role: 'plaintiff', name: '张三', idNumber: validId, address: '长春市南关区人民大街1号', phone: '13900000001' },
      { kind: 'organisation', role: 'defendant', name: '长春某某商贸有限公司', legalRepresentative: '李四', address: '长春市朝阳区' },
    ],
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const assigned = await divhead.post(`/api/cases/${filed.json().id}/assign`, {
    mode: 'manual',
    judgeId: judge.userId,
    reason: '质检测试',
    version: filed.json().version,
  });
  expect(assigned.statusCode, assigned.body).toBe(200);
  caseId = assigned.json().id;
  await t.database.db.execute(sql`UPDATE case_parties SET id_number = ${badId} WHERE case_id = ${caseId} AND role = 'plaintiff'`);
  await t.database.db.execute(sql`UPDATE cases SET claim_amount = NULL WHERE id = ${caseId}`);
});

afterAll(async () => {
  await t?.close();
});

describe('rules', () => {
  it('lists at least 25 rules as data to readers, and keeps them from people without inspection.read', async () => {
    const res = await inspector.get('/api/inspection/rules');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(25);
    const codes = res.json().items.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['CLOSED_NO_METHOD', 'PERSON_ID_INVALID', 'CAUSE_CATEGORY_MISMATCH', 'NODE_OVERDUE']));
    expect((await president.get('/api/inspection/rules')).statusCode).toBe(200);
    expect((await judge.get('/api/inspection/rules')).statusCode).toBe(403);
  });
});

describe('the batch', () => {
  it('opens defects for bad data, set-based, over the seeded province (timed)', async () => {
    const result = await runInspection(t.database.db);
    const [{ n }] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM cases WHERE status IN ('pending-assignment','open')`,
    );
    // The benchmark figure of the seeded demo: printed for the report.
    console.log(
      `inspection batch: ${result.rules} rules over ${n} open cases (and those closed this year) in ${result.ms} ms; ${result.opened} defects opened`,
    );
    expect(result.rules).toBeGreaterThanOrEqual(25);
    expect(result.opened).toBeGreaterThan(0);
    const codes = (await defectsOf(caseId, 'open')).map((d) => d.ruleCode);
    expect(codes).toEqual(expect.arrayContaining(['PERSON_ID_INVALID', 'CLAIM_AMOUNT_MISSING', 'ORG_NO_CREDIT_CODE']));
    expect(codes).not.toContain('PERSON_NO_ID');
    const d = await defect('PERSON_ID_INVALID');
    expect(d.responsibleId).toBe(judge.userId);
    expect(d.courtId).toBe(court0102);
  });

  it('runs again without opening the same defects twice', async () => {
    const before = await defectsOf(caseId);
    const again = await runInspection(t.database.db);
    expect(again.refreshed).toBeGreaterThan(0);
    expect((await defectsOf(caseId)).length).toBe(before.length);
  });

  it('closes a defect as fixed once the data is valid', async () => {
    await t.database.db.execute(sql`UPDATE case_parties SET id_number = ${validId} WHERE case_id = ${caseId} AND role = 'plaintiff'`);
    const result = await runInspection(t.database.db);
    expect(result.fixed).toBeGreaterThanOrEqual(1);
    const fixed = await defect('PERSON_ID_INVALID', 'fixed');
    expect(fixed.status).toBe('fixed');
    expect((await defectsOf(caseId, 'open')).some((x) => x.ruleCode === 'PERSON_ID_INVALID')).toBe(false);
  });

  it('checks one case on save: opens and closes its defects only', async () => {
    await t.database.db.execute(sql`UPDATE case_parties SET id_number = ${badId} WHERE case_id = ${caseId} AND role = 'plaintiff'`);
    const opened = await t.database.db.transaction((tx) => syncCaseDefects(tx, caseId));
    expect(opened.opened).toBe(1);
    await t.database.db.execute(sql`UPDATE case_parties SET id_number = ${validId} WHERE case_id = ${caseId} AND role = 'plaintiff'`);
    const closed = await t.database.db.transaction((tx) => syncCaseDefects(tx, caseId));
    expect(closed).toEqual({ opened: 0, fixed: 1 });
  });
});

describe('GET /api/cases/:id/inspection', () => {
  it('gives the editor the rules the case fails now, most severe first, and its open defects', async () => {
    const res = await judge.get(`/api/cases/${caseId}/inspection`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const codes = body.findings.map((f: { ruleCode: string }) => f.ruleCode);
    expect(codes).toEqual(expect.arrayContaining(['CLAIM_AMOUNT_MISSING', 'ORG_NO_CREDIT_CODE']));
    expect(codes).not.toContain('PERSON_ID_INVALID');
    expect(body.defects.length).toBeGreaterThan(0);
    const severities = body.findings.map((f: { severity: string }) => f.severity);
    expect(severities).toEqual(
      [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
    );
  });

  it('answers 404 for a case of another court', async () => {
    expect((await kuancheng.get(`/api/cases/${caseId}/inspection`)).statusCode).toBe(404);
  });
});

describe('correction requests', () => {
  it('issues a 信息补正 work order to the responsible person, linked to the defect', async () => {
    const d = await defect('CLAIM_AMOUNT_MISSING');
    const res = await inspector.post(`/api/inspection/defects/${d.id}/correction`, { note: '请补录诉讼标的额', version: d.version });
    expect(res.statusCode, res.body).toBe(200);
    const orderId = res.json().correctionOrderId;
    expect(orderId).toBeGreaterThan(0);
    expect(res.json().correctionStatus).toBe('accepted');
    const mine = await judge.get(`/api/work-orders?view=mine&caseId=${caseId}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const order = mine.json().items.find((o: { id: number }) => o.id === orderId);
    expect(order).toBeDefined();
    expect(order.assigneeId).toBe(judge.userId);
    expect(order.note).toContain('请补录诉讼标的额');
    const [type] = await rows<{ code: string }>(
      t.database.db,
      sql`SELECT t.code FROM work_orders o JOIN work_order_types t ON t.id = o.type_id WHERE o.id = ${orderId}`,
    );
    expect(type.code).toBe('correction');
    // The responsible person can work on it.
    const started = await judge.post(`/api/work-orders/${orderId}/start`, { version: order.version });
    expect(started.statusCode, started.body).toBe(200);
  });

  it('refuses a second request while one runs, and a stale version', async () => {
    const d = await defect('CLAIM_AMOUNT_MISSING');
    const again = await inspector.post(`/api/inspection/defects/${d.id}/correction`, { version: d.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('INVALID_STATE');
    const other = await defect('ORG_NO_CREDIT_CODE');
    const stale = await inspector.post(`/api/inspection/defects/${other.id}/correction`, { version: other.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('closes the defect when the data is corrected', async () => {
    await t.database.db.execute(sql`UPDATE cases SET claim_amount = 52000 WHERE id = ${caseId}`);
    await runInspection(t.database.db);
    const fixed = await defect('CLAIM_AMOUNT_MISSING', 'fixed');
    expect(fixed.correctionOrderId).toBeGreaterThan(0);
  });

  it('is for inspection.manage only', async () => {
    const d = await defect('ORG_NO_CREDIT_CODE');
    expect((await judge.post(`/api/inspection/defects/${d.id}/correction`, { version: d.version })).statusCode).toBe(403);
    expect((await divhead.post(`/api/inspection/defects/${d.id}/waive`, { reason: '不需要', version: d.version })).statusCode).toBe(403);
  });
});

describe('waivers', () => {
  it('checks the input', async () => {
    const d = await defect('ORG_NO_CREDIT_CODE');
    const bad = await inspector.post(`/api/inspection/defects/${d.id}/waive`, { reason: 'x', version: d.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.some((e: { field: string }) => e.field.includes('reason'))).toBe(true);
    expect((await inspector.post('/api/inspection/defects/abc/waive', { reason: '理由充分', version: 1 })).statusCode).toBe(400);
    expect((await inspector.post('/api/inspection/defects/99999999/waive', { reason: '理由充分', version: 1 })).statusCode).toBe(404);
  });

  it('answers 404 to an inspector of another court', async () => {
    const d = await defect('ORG_NO_CREDIT_CODE');
    const res = await kuancheng.post(`/api/inspection/defects/${d.id}/waive`, { reason: '外院操作', version: d.version });
    expect(res.statusCode).toBe(404);
    expect((await kuancheng.get(`/api/inspection/defects?courtId=${court0102}`)).statusCode).toBe(404);
    const theirs = await kuancheng.get(`/api/inspection/defects?caseId=${caseId}`);
    expect(theirs.json().items).toEqual([]);
  });

  it('waives with a reason; the batch leaves it waived; a waived defect cannot be waived again', async () => {
    const d = await defect('ORG_NO_CREDIT_CODE');
    const res = await inspector.post(`/api/inspection/defects/${d.id}/waive`, {
      reason: '被告为个体工商户，无统一社会信用代码',
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('waived');
    await runInspection(t.database.db);
    const still = await defect('ORG_NO_CREDIT_CODE', 'waived');
    expect(still.id).toBe(d.id);
    expect((await defectsOf(caseId, 'open')).some((x) => x.ruleCode === 'ORG_NO_CREDIT_CODE')).toBe(false);
    const again = await inspector.post(`/api/inspection/defects/${d.id}/waive`, { reason: '再次豁免', version: still.version });
    expect(again.statusCode).toBe(409);
  });
});

describe('waived defects', () => {
  it('close as fixed once the data is valid after all', async () => {
    const waived = await defect('ORG_NO_CREDIT_CODE', 'waived');
    await t.database.db.execute(
      sql`UPDATE case_parties SET credit_code = '91220101MA0Y5K3A2B' WHERE case_id = ${caseId} AND kind = 'organisation'`,
    );
    await runInspection(t.database.db);
    const fixed = await defect('ORG_NO_CREDIT_CODE', 'fixed');
    expect(fixed.id).toBe(waived.id);
  });
});

describe('lists and indicators', () => {
  it('pages defects by keyset with the total', async () => {
    const first = await inspector.get('/api/inspection/defects?status=open&limit=5');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items.length).toBeLessThanOrEqual(5);
    if (page.total > 5) {
      const next = await inspector.get(`/api/inspection/defects?status=open&limit=5&cursor=${page.nextCursor}`);
      expect(next.json().items[0].id).toBeLessThan(page.items[4].id);
      expect(next.json().total).toBe(page.total);
    }
    expect((await inspector.get('/api/inspection/defects?status=bogus')).statusCode).toBe(400);
  });

  it('summarises defects by court, department, person and rule', async () => {
    for (const by of ['court', 'department', 'person', 'rule']) {
      const res = await president.get(`/api/inspection/summary?by=${by}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.total).toBe(body.items.reduce((n: number, i: { defects: number }) => n + i.defects, 0));
    }
  });

  it('reports the completeness rate per court, department and judge', async () => {
    const res = await divhead.get(`/api/inspection/completeness?by=judge&courtId=${court0102}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.cases).toBeGreaterThan(0);
    expect(body.rate).toBeGreaterThanOrEqual(0);
    expect(body.rate).toBeLessThanOrEqual(1);
    const mine = body.items.find((i: { id: number | null }) => i.id === judge.userId);
    expect(mine.cases).toBeGreaterThanOrEqual(1);
    expect((await inspector.get('/api/inspection/completeness?by=court')).statusCode).toBe(200);
    expect((await inspector.get('/api/inspection/completeness?by=planet')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the inspection routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining(['/api/inspection/defects', '/api/inspection/completeness', '/api/cases/{id}/inspection']),
    );
  });
});

describe('rule settings', () => {
  it('deactivates a rule with its version; its defects are then not refreshed nor closed', async () => {
    const rules = (await inspector.get('/api/inspection/rules')).json().items;
    const rule = rules.find((r: { code: string }) => r.code === 'NO_CONTACT_PHONE');
    expect((await divhead.patch('/api/inspection/rules/NO_CONTACT_PHONE', { active: false, version: rule.version })).statusCode).toBe(403);
    const stale = await inspector.patch('/api/inspection/rules/NO_CONTACT_PHONE', { active: false, version: rule.version + 1 });
    expect(stale.statusCode).toBe(409);
    const empty = await inspector.patch('/api/inspection/rules/NO_CONTACT_PHONE', { version: rule.version });
    expect(empty.statusCode).toBe(400);
    const res = await inspector.patch('/api/inspection/rules/NO_CONTACT_PHONE', {
      active: false,
      severity: 'warning',
      version: rule.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, severity: 'warning', version: rule.version + 1 });
    expect((await inspector.patch('/api/inspection/rules/NO_SUCH_RULE', { active: false, version: 1 })).statusCode).toBe(404);
    const result = await runInspection(t.database.db);
    expect(result.rules).toBe(rules.length - 1);
  });
});
