import { randomUUID } from 'node:crypto';
import { CSRF_HEADER } from '@courtassist/contracts';
import { asc, eq, gt, gte, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/index.js';
import { recordAudit, sealAuditTrail } from '../src/platform/audit.js';
import { auditLog } from '../src/platform/audit.table.js';
import { rows, sqlState } from '../src/platform/db.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp, usePostgres } from './harness.js';

type AuditRow = typeof auditLog.$inferSelect;
interface AuditEntryBody {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  courtId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  requestId: string | null;
  ip: string | null;
}
interface AuditPage {
  items: AuditEntryBody[];
  total: number;
  nextCursor: string | null;
}

let t: TestApp;
let admin: Client;
let courtadmin: Client;
let judge: Client;
let kuancheng: Client;
let admin0103: Client;
let admin01: Client;
let adminName: string;
let courtadminName: string;
/** Non-tribunal court ids by code; every court id by code. */
const courtId: Record<string, number> = {};
const courtIds: Record<string, number[]> = {};

beforeAll(async () => {
  t = await createTestApp();
  [admin, courtadmin, judge, kuancheng, admin0103, admin01] = await Promise.all([
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'judge'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'jl0103-002'),
    signIn(t.app, 'jl01-002'),
  ]);
  // A record in the 吉02 branch of the tree, for the scope tests.
  await signIn(t.app, 'jl0202-002');
  adminName = (await admin.get('/api/auth/me')).json().displayName;
  courtadminName = (await courtadmin.get('/api/auth/me')).json().displayName;
  for (const c of (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[]) {
    if (c.level !== 'tribunal') courtId[c.code] = c.id;
    courtIds[c.code] = [...(courtIds[c.code] ?? []), c.id];
  }
});
afterAll(() => t.close());

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.code).toBe(code);
  return body;
}

async function trailState(): Promise<{ n: number; last: number }> {
  const [state] = await rows<{ n: number; last: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n, coalesce(max(id), 0)::int AS last FROM audit_log`,
  );
  return state;
}

function rowsAfter(id: number): Promise<AuditRow[]> {
  return t.database.db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
}

async function rowById(id: number): Promise<AuditRow> {
  const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.id, id));
  return row;
}

/** Runs one mutation with its own request id and returns the response and the records it wrote. */
async function mutate(client: Client, method: 'POST' | 'PATCH' | 'PUT', url: string, body?: unknown) {
  const requestId = `test-${randomUUID()}`;
  const { last } = await trailState();
  const response = await client.request(method, url, body ?? {}, { 'x-request-id': requestId });
  return { response, requestId, written: await rowsAfter(last) };
}

/** Asserts that exactly one record was written, for the actor, with the request's id and IP. */
function theRecord(written: AuditRow[], requestId: string, actor: { userId: number; name: string }): AuditRow {
  expect(written).toHaveLength(1);
  const [row] = written;
  expect(row.actorId).toBe(actor.userId);
  expect(row.actorName).toBe(actor.name);
  expect(row.requestId).toBe(requestId);
  expect(row.ip).toBe('127.0.0.1');
  expect(Date.now() - row.at.getTime()).toBeLessThan(60_000);
  return row;
}

async function auditPage(client: Client, query: string): Promise<AuditPage> {
  const response = await client.get(`/api/audit?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

// Shared between the tests below, which run in order.
let newCourtId: number;
let departmentId: number;
let teamId: number;
let userId: number;
let roleId: number;
let courtUpdateRecord: number;

describe('every mutation writes one audit record with who, where, what and which request', () => {
  it('court create: all fields as `after`, court = the new court', async () => {
    const input = {
      parentId: courtId.吉01,
      level: 'basic',
      name: '长春市双阳区人民法院',
      code: '吉0106',
      address: '双阳区',
      jurisdiction: '双阳区',
    };
    const { response, requestId, written } = await mutate(admin, 'POST', '/api/courts', input);
    expect(response.statusCode, response.body).toBe(201);
    newCourtId = response.json().id;
    const row = theRecord(written, requestId, { userId: admin.userId, name: adminName });
    expect(row).toMatchObject({ courtId: newCourtId, entityType: 'court', entityId: String(newCourtId), action: 'create' });
    expect(row.changes).toEqual({
      id: { after: newCourtId },
      parentId: { after: courtId.吉01 },
      level: { after: 'basic' },
      name: { after: '长春市双阳区人民法院' },
      code: { after: '吉0106' },
      address: { after: '双阳区' },
      jurisdiction: { after: '双阳区' },
      version: { after: 1 },
    });
  });

  it('court update: only the changed fields, with before and after', async () => {
    const before = (await courtadmin.get(`/api/courts/${courtId.吉0102}`)).json();
    const { response, requestId, written } = await mutate(courtadmin, 'PATCH', `/api/courts/${courtId.吉0102}`, {
      address: '新地址1号',
      name: before.name,
      version: before.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = theRecord(written, requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(row).toMatchObject({ courtId: courtId.吉0102, entityType: 'court', entityId: String(courtId.吉0102), action: 'update' });
    expect(row.changes).toEqual({
      address: { before: before.address, after: '新地址1号' },
      version: { before: before.version, after: before.version + 1 },
    });
    courtUpdateRecord = row.id;
  });

  it('department create and update', async () => {
    const created = await mutate(courtadmin, 'POST', '/api/departments', {
      courtId: courtId.吉0102,
      name: '诉讼服务中心',
      kind: 'filing',
    });
    expect(created.response.statusCode, created.response.body).toBe(201);
    departmentId = created.response.json().id;
    const row = theRecord(created.written, created.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(row).toMatchObject({ courtId: courtId.吉0102, entityType: 'department', entityId: String(departmentId), action: 'create' });
    expect(row.changes).toEqual({ courtId: { after: courtId.吉0102 }, name: { after: '诉讼服务中心' }, kind: { after: 'filing' } });

    const updated = await mutate(courtadmin, 'PATCH', `/api/departments/${departmentId}`, {
      name: '诉讼服务中心二部',
      kind: 'filing',
      version: 1,
    });
    expect(updated.response.statusCode, updated.response.body).toBe(200);
    const urow = theRecord(updated.written, updated.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(urow).toMatchObject({ courtId: courtId.吉0102, entityType: 'department', action: 'update' });
    expect(urow.changes).toEqual({ name: { before: '诉讼服务中心', after: '诉讼服务中心二部' } });
  });

  it('team create, rename and set-members', async () => {
    const created = await mutate(courtadmin, 'POST', '/api/teams', { departmentId, name: '诉讼服务团队' });
    expect(created.response.statusCode, created.response.body).toBe(201);
    teamId = created.response.json().id;
    const crow = theRecord(created.written, created.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(crow).toMatchObject({ courtId: courtId.吉0102, entityType: 'team', entityId: String(teamId), action: 'create' });
    expect(crow.changes).toEqual({
      departmentId: { after: departmentId },
      name: { after: '诉讼服务团队' },
      template: { after: { judge: 1, assistant: 1, clerk: 1 } },
    });

    const renamed = await mutate(courtadmin, 'PATCH', `/api/teams/${teamId}`, { name: '诉讼服务一队', version: 1 });
    expect(renamed.response.statusCode, renamed.response.body).toBe(200);
    const rrow = theRecord(renamed.written, renamed.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(rrow.changes).toEqual({ name: { before: '诉讼服务团队', after: '诉讼服务一队' } });

    const members = await mutate(courtadmin, 'PUT', `/api/teams/${teamId}/members`, {
      members: [{ userId: judge.userId, position: 'judge' }],
      version: 2,
    });
    expect(members.response.statusCode, members.response.body).toBe(200);
    const mrow = theRecord(members.written, members.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(mrow).toMatchObject({ entityType: 'team', entityId: String(teamId), action: 'set-members' });
    expect(mrow.changes).toEqual({ members: { before: [], after: [`judge:${judge.userId}`] } });
  });

  it('user create never records the password', async () => {
    const { response, requestId, written } = await mutate(courtadmin, 'POST', '/api/users', {
      username: 'auditee',
      displayName: '被审计人',
      courtId: courtId.吉0102,
      roles: ['clerk'],
      password: 'Secret-pass9',
    });
    expect(response.statusCode, response.body).toBe(201);
    userId = response.json().id;
    const row = theRecord(written, requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(row).toMatchObject({ courtId: courtId.吉0102, entityType: 'user', entityId: String(userId), action: 'create' });
    expect(row.changes).toMatchObject({ username: { after: 'auditee' }, displayName: { after: '被审计人' }, roles: { after: ['clerk'] } });
    const text = JSON.stringify(row.changes);
    expect(text).not.toContain('Secret-pass9');
    expect(text).not.toMatch(/password|argon2/i);
  });

  it('user update: only the changed fields; version is not recorded', async () => {
    const user = (await courtadmin.get(`/api/users/${userId}`)).json();
    const { response, requestId, written } = await mutate(courtadmin, 'PATCH', `/api/users/${userId}`, {
      displayName: '被审计人甲',
      phone: user.phone,
      roles: ['clerk', 'judge-assistant'],
      version: user.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const row = theRecord(written, requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(row).toMatchObject({ entityType: 'user', entityId: String(userId), action: 'update', courtId: courtId.吉0102 });
    expect(row.changes).toEqual({
      displayName: { before: '被审计人', after: '被审计人甲' },
      roles: { before: ['clerk'], after: ['clerk', 'judge-assistant'] },
    });
  });

  it('password reset and unlock are recorded, without the password', async () => {
    const reset = await mutate(courtadmin, 'POST', `/api/users/${userId}/reset-password`, { newPassword: 'Another-pass9' });
    expect(reset.response.statusCode, reset.response.body).toBe(200);
    const row = theRecord(reset.written, reset.requestId, { userId: courtadmin.userId, name: courtadminName });
    expect(row).toMatchObject({
      entityType: 'user',
      entityId: String(userId),
      action: 'reset-password',
      courtId: courtId.吉0102,
      changes: {},
    });
    expect(JSON.stringify(row)).not.toContain('Another-pass9');

    const unlock = await mutate(courtadmin, 'POST', `/api/users/${userId}/unlock`);
    expect(unlock.response.statusCode, unlock.response.body).toBe(200);
    expect(theRecord(unlock.written, unlock.requestId, { userId: courtadmin.userId, name: courtadminName })).toMatchObject({
      entityType: 'user',
      action: 'unlock',
    });
  });

  it('role create and update are recorded with no court (province-wide)', async () => {
    const created = await mutate(admin, 'POST', '/api/roles', {
      code: 'auditor',
      nameZh: '审计员',
      nameEn: 'Auditor',
      permissions: ['audit.read'],
    });
    expect(created.response.statusCode, created.response.body).toBe(201);
    roleId = created.response.json().id;
    const crow = theRecord(created.written, created.requestId, { userId: admin.userId, name: adminName });
    expect(crow).toMatchObject({ courtId: null, entityType: 'role', entityId: String(roleId), action: 'create' });
    expect(crow.changes).toEqual({
      code: { after: 'auditor' },
      nameZh: { after: '审计员' },
      nameEn: { after: 'Auditor' },
      permissions: { after: ['audit.read'] },
    });
    const updated = await mutate(admin, 'PATCH', `/api/roles/${roleId}`, { permissions: ['audit.read', 'org.read'], version: 1 });
    expect(updated.response.statusCode, updated.response.body).toBe(200);
    const urow = theRecord(updated.written, updated.requestId, { userId: admin.userId, name: adminName });
    expect(urow).toMatchObject({ courtId: null, entityType: 'role', action: 'update' });
    expect(urow.changes).toEqual({ permissions: { before: ['audit.read'], after: ['audit.read', 'org.read'] } });
  });

  it('sign-in and sign-out are recorded for the user', async () => {
    const { last } = await trailState();
    const client = await signIn(t.app, 'assistant');
    const [signInRow] = await rowsAfter(last);
    expect(signInRow).toMatchObject({
      actorId: client.userId,
      entityType: 'user',
      entityId: String(client.userId),
      action: 'sign-in',
      courtId: courtId.吉0102,
    });
    const out = await mutate(client, 'POST', '/api/auth/logout');
    expect(out.response.statusCode).toBe(200);
    expect(out.written).toHaveLength(1);
    expect(out.written[0]).toMatchObject({ actorId: client.userId, action: 'sign-out', requestId: out.requestId });
  });

  it('records the connection’s IP (X-Forwarded-For is not trusted by default) and a generated request id when none is sent', async () => {
    const before = (await courtadmin.get(`/api/courts/${courtId.吉0102}`)).json();
    const { last } = await trailState();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/courts/${courtId.吉0102}`,
      payload: { jurisdiction: '南关区全境', version: before.version },
      headers: { cookie: courtadmin.cookie, [CSRF_HEADER]: courtadmin.csrf, 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '10.1.2.3',
    });
    expect(response.statusCode, response.body).toBe(200);
    const written = await rowsAfter(last);
    expect(written).toHaveLength(1);
    expect(written[0].ip).toBe('10.1.2.3');
    expect(written[0].requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('the API serves the same record as stored, request id and IP included', async () => {
    const stored = await rowById(courtUpdateRecord);
    const page = await auditPage(admin, `entityType=court&entityId=${courtId.吉0102}&limit=200`);
    const served = page.items.find((e) => e.id === courtUpdateRecord);
    expect(served).toEqual({
      id: stored.id,
      at: stored.at.toISOString(),
      actorId: stored.actorId,
      actorName: stored.actorName,
      courtId: stored.courtId,
      entityType: stored.entityType,
      entityId: stored.entityId,
      action: stored.action,
      changes: stored.changes,
      requestId: stored.requestId,
      ip: stored.ip,
    });
    expect(served).not.toHaveProperty('hash');
    expect(served).not.toHaveProperty('prevHash');
  });
});

describe('a refused mutation writes no record', () => {
  it.each([
    ['stale version (409)', () => courtadmin.patch(`/api/courts/${courtId.吉0102}`, { name: '过期', version: 1 }), 409],
    ['no permission (403)', () => judge.post('/api/departments', { courtId: courtId.吉0102, name: '法官部门', kind: 'other' }), 403],
    [
      'invalid court code (400)',
      () => admin.post('/api/courts', { parentId: courtId.吉01, level: 'basic', name: '错法院', code: '吉0206' }),
      400,
    ],
    [
      'duplicate name (409, fails inside the transaction)',
      () => courtadmin.post('/api/departments', { courtId: courtId.吉0102, name: '立案庭', kind: 'filing' }),
      409,
    ],
    [
      'duplicate username (409)',
      () =>
        courtadmin.post('/api/users', {
          username: 'JUDGE',
          displayName: '重名',
          courtId: courtId.吉0102,
          roles: ['clerk'],
          password: 'Good-pass1',
        }),
      409,
    ],
    ['out of scope (404)', () => courtadmin.patch(`/api/courts/${courtId.吉0103}`, { name: '越权', version: 1 }), 404],
    ['unknown record (404)', () => admin.patch('/api/roles/999999', { version: 1 }), 404],
    ['weak password (400)', () => courtadmin.post(`/api/users/${userId}/reset-password`, { newPassword: 'weak' }), 400],
    [
      'team over template (400)',
      () =>
        courtadmin.put(`/api/teams/${teamId}/members`, {
          members: [
            { userId: judge.userId, position: 'judge' },
            { userId: courtadmin.userId, position: 'judge' },
          ],
          version: 3,
        }),
      400,
    ],
    ['malformed body (400)', () => courtadmin.patch(`/api/departments/${departmentId}`, { name: '', version: 'x' }), 400],
    [
      'no CSRF header (403)',
      () =>
        t.app.inject({
          method: 'PATCH',
          url: `/api/departments/${departmentId}`,
          payload: { name: '无令牌', version: 2 },
          headers: { cookie: courtadmin.cookie },
        }),
      403,
    ],
  ])('%s', async (_label, call, status) => {
    const before = await trailState();
    const response = await call();
    expect(response.statusCode, response.body).toBe(status);
    expect(await trailState()).toEqual(before);
  });

  it('a failed sign-in that does not lock writes nothing either', async () => {
    const before = await trailState();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'president', password: 'Wrong-pass1' },
    });
    expect(response.statusCode).toBe(401);
    expect(await trailState()).toEqual(before);
  });

  it('the record and the change share one transaction: when the record cannot be written, the change is rolled back', async () => {
    const db = t.database.db;
    await db.execute(
      sql`CREATE FUNCTION test_refuse_audit_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: audit unavailable'; END; $$`,
    );
    await db.execute(
      sql`CREATE TRIGGER test_refuse_audit_insert BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit_insert()`,
    );
    try {
      const before = (await admin.get(`/api/departments/${departmentId}`)).json();
      const trail = await trailState();
      const response = await courtadmin.patch(`/api/departments/${departmentId}`, { name: '不该保存的名称', version: before.version });
      const problem = expectProblem(response, 500, 'INTERNAL');
      expect(response.body).not.toContain('test: audit unavailable');
      expect(problem).not.toHaveProperty('stack');
      expect((await admin.get(`/api/departments/${departmentId}`)).json()).toEqual(before);
      expect(await trailState()).toEqual(trail);
    } finally {
      await db.execute(sql`DROP TRIGGER test_refuse_audit_insert ON audit_log`);
      await db.execute(sql`DROP FUNCTION test_refuse_audit_insert()`);
    }
  });
});

describe('reading the trail: filters', () => {
  it('filters by entityType and entityId, newest first', async () => {
    const page = await auditPage(admin, `entityType=court&entityId=${courtId.吉0102}&limit=200`);
    expect(page.total).toBe(page.items.length);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.every((e) => e.entityType === 'court' && e.entityId === String(courtId.吉0102))).toBe(true);
    const ids = page.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const allCourts = await auditPage(admin, 'entityType=court&limit=200');
    expect(allCourts.items.every((e) => e.entityType === 'court')).toBe(true);
    expect(allCourts.items.map((e) => e.entityId)).toContain(String(newCourtId));
  });

  it('filters by actorId and by action', async () => {
    const mine = await auditPage(admin, `actorId=${courtadmin.userId}&limit=200`);
    expect(mine.total).toBeGreaterThanOrEqual(10);
    expect(mine.items.every((e) => e.actorId === courtadmin.userId)).toBe(true);
    const updates = await auditPage(admin, 'action=update&limit=200');
    expect(updates.items.length).toBeGreaterThan(0);
    expect(updates.items.every((e) => e.action === 'update')).toBe(true);
    const both = await auditPage(admin, `actorId=${courtadmin.userId}&action=set-members`);
    expect(both.total).toBe(1);
    expect(both.items[0].entityId).toBe(String(teamId));
  });

  it('filters by time: from and to are inclusive bounds', async () => {
    const from = new Date().toISOString();
    const user = (await courtadmin.get(`/api/users/${userId}`)).json();
    const { response, written } = await mutate(courtadmin, 'PATCH', `/api/users/${userId}`, {
      phone: '13900000000',
      version: user.version,
    });
    expect(response.statusCode).toBe(200);
    const record = written[0];
    const after = await auditPage(admin, `from=${encodeURIComponent(from)}&limit=200`);
    expect(after.items.map((e) => e.id)).toEqual([record.id]);
    const upTo = await auditPage(admin, `to=${encodeURIComponent(record.at.toISOString())}&limit=1`);
    expect(upTo.items[0].id).toBe(record.id);
    const before = await auditPage(admin, `to=${encodeURIComponent(new Date(record.at.getTime() - 1).toISOString())}&limit=200`);
    expect(before.items.map((e) => e.id)).not.toContain(record.id);
    const exactly = await auditPage(
      admin,
      `from=${encodeURIComponent(record.at.toISOString())}&to=${encodeURIComponent(record.at.toISOString())}`,
    );
    expect(exactly.items.map((e) => e.id)).toContain(record.id);
    // An offset other than Z is understood too.
    const shanghai = new Date(record.at.getTime() + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect((await auditPage(admin, `from=${encodeURIComponent(shanghai)}`)).items.map((e) => e.id)).toEqual([record.id]);
  });

  it('refuses malformed filters and unknown parameters with 400', async () => {
    expectProblem(await admin.get('/api/audit?from=yesterday'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/audit?limit=500'), 400, 'VALIDATION_FAILED');
    expectProblem(await admin.get('/api/audit?actorId=abc'), 400, 'VALIDATION_FAILED');
    const body = expectProblem(await admin.get('/api/audit?courtId=1'), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['query.courtId', 'unrecognized_keys']]);
  });
});

describe('reading the trail: keyset pagination', () => {
  async function walk(client: Client, query: string, limit: number) {
    const ids: number[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: AuditPage = await auditPage(client, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map((e) => e.id));
      totals.add(page.total);
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(500);
    } while (cursor);
    return { ids, totals: [...totals] };
  }

  it('nextCursor walks every record exactly once, newest first, with a stable total', async () => {
    const { n } = await trailState();
    const { ids, totals } = await walk(admin, '', 7);
    expect(totals).toEqual([n]);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const [{ everyId }] = await rows<{ everyId: number[] }>(
      t.database.db,
      sql`SELECT array_agg(id::int ORDER BY id DESC) AS "everyId" FROM audit_log`,
    );
    expect(ids).toEqual(everyId.map(Number));
  });

  it('walks a filtered list the same way', async () => {
    const full = await auditPage(admin, 'entityType=user&limit=200');
    const { ids, totals } = await walk(admin, 'entityType=user', 3);
    expect(totals).toEqual([full.total]);
    expect(ids).toEqual(full.items.map((e) => e.id));
  });

  it('the last page has a null cursor; a page that ends exactly at the end may carry a cursor to an empty page', async () => {
    const full = await auditPage(admin, `actorId=${courtadmin.userId}&limit=200`);
    const exact = await auditPage(admin, `actorId=${courtadmin.userId}&limit=${full.total}`);
    expect(exact.items).toHaveLength(full.total);
    if (exact.nextCursor) {
      const rest = await auditPage(admin, `actorId=${courtadmin.userId}&limit=${full.total}&cursor=${exact.nextCursor}`);
      expect(rest).toEqual({ items: [], total: full.total, nextCursor: null });
    }
    const bigger = await auditPage(admin, `actorId=${courtadmin.userId}&limit=${full.total + 1}`);
    expect(bigger.nextCursor).toBeNull();
  });
});

describe('reading the trail: malformed cursors', () => {
  it('a cursor that is not a record id answers 400', async () => {
    const statuses = [];
    for (const cursor of ['abc', '1.5', '99999999999999999999']) statuses.push((await admin.get(`/api/audit?cursor=${cursor}`)).statusCode);
    expect(statuses).toEqual([400, 400, 400]);
  });

  it('a from date PostgreSQL cannot represent answers 400, not 500', async () => {
    const response = await admin.get(`/api/audit?from=${encodeURIComponent('0000-01-01T00:00:00Z')}`);
    expect(response.statusCode).toBe(400);
  });
});

describe('reading the trail: scope', () => {
  it('a user without audit.read (the 吉0102 judge) gets 403', async () => {
    expectProblem(await judge.get('/api/audit'), 403, 'FORBIDDEN');
  });

  it('kuancheng, a plain judge of 吉0103 per DEMO_ACCOUNTS, has no audit.read (403)', async () => {
    expectProblem(await kuancheng.get('/api/audit'), 403, 'FORBIDDEN');
  });

  it('the 吉0103 administrator sees only records of 吉0103 and its tribunals, none of 吉0102', async () => {
    const page = await auditPage(admin0103, 'limit=200');
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e) => e.courtId !== null && courtIds.吉0103.includes(e.courtId))).toBe(true);
    expect((await auditPage(admin0103, `entityType=court&entityId=${courtId.吉0102}`)).total).toBe(0);
    expect((await auditPage(admin0103, `actorId=${courtadmin.userId}`)).total).toBe(0);
  });

  it('the 吉0102 administrator sees records of 吉0102 but not of 吉0103, 吉0202 or province-wide ones', async () => {
    const page = await auditPage(courtadmin, 'limit=200');
    expect(page.items.every((e) => e.courtId !== null && courtIds.吉0102.includes(e.courtId))).toBe(true);
    expect(page.items.some((e) => e.actorId === courtadmin.userId)).toBe(true);
  });

  it('the intermediate 吉01 administrator sees 吉0102 and 吉0103 records, not 吉0202 ones', async () => {
    const page = await auditPage(admin01, 'limit=200');
    const courts = new Set(page.items.map((e) => e.courtId));
    expect(courts.has(courtId.吉0102)).toBe(true);
    expect(courts.has(courtId.吉0103)).toBe(true);
    expect(courts.has(newCourtId)).toBe(true);
    expect(courts.has(courtId.吉0202)).toBe(false);
    expect(courts.has(null)).toBe(false);
    const allowed = new Set([courtId.吉01, newCourtId, ...['吉0102', '吉0103', '吉0104', '吉0105'].flatMap((c) => courtIds[c])]);
    expect(page.items.every((e) => allowed.has(e.courtId as number))).toBe(true);
  });

  it('records with no court (roles, the seed) are shown only to the province administrator', async () => {
    const roles = await auditPage(admin, 'entityType=role');
    expect(roles.total).toBe(2);
    expect(roles.items.every((e) => e.courtId === null)).toBe(true);
    expect((await auditPage(admin, 'entityType=province')).items.map((e) => e.action)).toEqual(['seed']);
    for (const client of [admin01, courtadmin, admin0103]) {
      expect((await auditPage(client, 'entityType=role')).total).toBe(0);
      expect((await auditPage(client, 'entityType=province')).total).toBe(0);
    }
    expect((await auditPage(admin, 'limit=1')).total).toBe((await trailState()).n);
  });

  it('an anonymous caller gets 401', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/audit' }), 401, 'UNAUTHENTICATED');
  });
});

describe('the hash chain', () => {
  const db = () => t.database.db;

  it('verifyAuditChain reports an intact chain covering every record, in one batch or many', async () => {
    const { n } = await trailState();
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: n, brokenAt: null, reason: null, unsealed: 0 });
    const progress: number[] = [];
    expect(await verifyAuditChain(db(), (c) => progress.push(c), 4)).toEqual({
      ok: true,
      checked: n,
      brokenAt: null,
      reason: null,
      unsealed: 0,
    });
    expect(progress.at(-1)).toBe(n);
  });

  it('every record links to its predecessor and the first to the genesis hash', async () => {
    const all = await db().select().from(auditLog).orderBy(asc(auditLog.id));
    expect(all[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
  });

  it('a record is written unsealed and sealed after its transaction, linked to the one before', async () => {
    const { response, written } = await mutate(admin, 'PATCH', `/api/courts/${newCourtId}`, {
      address: '双阳区（封存测试）',
      version: (await admin.get(`/api/courts/${newCourtId}`)).json().version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ prevHash: null, hash: null });
    const sealedNow = await sealAuditTrail(db());
    expect(sealedNow).toEqual({ sealed: 1, waiting: false });
    const [before, row] = await db()
      .select()
      .from(auditLog)
      .where(gte(auditLog.id, written[0].id - 1))
      .orderBy(asc(auditLog.id));
    expect(row.id).toBe(written[0].id);
    expect(row.prevHash).toBe(before.hash);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    // Nothing is left: a second sealing finds no work.
    expect(await sealAuditTrail(db())).toEqual({ sealed: 0, waiting: false });
  });

  it('concurrent audited writes are all sealed, in id order, and the chain stays whole', async () => {
    const { last } = await trailState();
    // Twelve sign-ins at once: each writes its record in its own transaction, none waits for another.
    await Promise.all(Array.from({ length: 12 }, () => signIn(t.app, 'judge')));
    const written = await rowsAfter(last);
    expect(written).toHaveLength(12);
    expect(written.every((r) => r.action === 'sign-in' && r.hash === null)).toBe(true);
    expect(await verifyAuditChain(db())).toMatchObject({ ok: true, brokenAt: null, unsealed: 0 });
    const sealed = await rowsAfter(last);
    for (let i = 1; i < sealed.length; i++) expect(sealed[i].prevHash).toBe(sealed[i - 1].hash);
  });

  // Needs a second connection while a transaction stays open: the server only (PGlite has one).
  it.runIf(usePostgres)('never seals past a record whose transaction is still running', async () => {
    const { last } = await trailState();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const held = db().transaction(async (tx) => {
      await recordAudit(
        tx,
        { actor: null, requestId: null, ip: null, systemName: 'test' },
        {
          entityType: 'test',
          entityId: 'held',
          action: 'hold',
          courtId: null,
        },
      );
      wrote();
      await gate;
    });
    await written;
    // A later record commits first: its number is higher than the held one's.
    await signIn(t.app, 'judge');
    expect(await sealAuditTrail(db(), { waitMs: 50 })).toEqual({ sealed: 0, waiting: true });
    const visible = await rowsAfter(last);
    expect(visible.map((r) => r.action)).toEqual(['sign-in']);
    expect(visible[0].hash).toBeNull();
    release();
    await held;
    expect(await sealAuditTrail(db())).toEqual({ sealed: 2, waiting: false });
    const sealed = await rowsAfter(last);
    expect(sealed.map((r) => r.action)).toEqual(['hold', 'sign-in']);
    expect(sealed[1].prevHash).toBe(sealed[0].hash);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('the sealing update is the only one admitted: not on a sealed record, not with other changes', async () => {
    const row = await rowById(courtUpdateRecord);
    for (const statement of [
      // Re-sealing a sealed record.
      sql`UPDATE audit_log SET hash = ${'f'.repeat(64)} WHERE id = ${courtUpdateRecord}`,
      // Un-sealing it.
      sql`UPDATE audit_log SET hash = NULL, prev_hash = NULL WHERE id = ${courtUpdateRecord}`,
    ]) {
      const error = await db()
        .execute(statement)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(sqlState(error)).toBe('42501');
    }
    expect(await rowById(courtUpdateRecord)).toEqual(row);
    // An unsealed record cannot be altered while being sealed either.
    await signIn(t.app, 'judge');
    const [{ last }] = await rows<{ last: number }>(db(), sql`SELECT max(id)::int AS last FROM audit_log`);
    const error = await db()
      .execute(sql`UPDATE audit_log SET prev_hash = ${'0'.repeat(64)}, hash = ${'1'.repeat(64)}, actor_name = 'x' WHERE id = ${last}`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(sqlState(error)).toBe('42501');
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE through SQL', async () => {
    const before = await trailState();
    const row = await rowById(courtUpdateRecord);
    for (const statement of [
      sql`UPDATE audit_log SET actor_name = 'someone else' WHERE id = ${courtUpdateRecord}`,
      sql`DELETE FROM audit_log WHERE id = ${courtUpdateRecord}`,
      sql`DELETE FROM audit_log`,
      sql`TRUNCATE audit_log`,
    ]) {
      const error = await db()
        .execute(statement)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).not.toBeNull();
      expect(sqlState(error)).toBe('42501');
    }
    expect(await trailState()).toEqual(before);
    expect(await rowById(courtUpdateRecord)).toEqual(row);
  });

  describe('with the trigger disabled, tampering is detected', () => {
    beforeAll(async () => {
      await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    });
    afterAll(async () => {
      await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });

    it('editing one record’s changes breaks that record', async () => {
      const original = await rowById(courtUpdateRecord);
      await db().execute(
        sql`UPDATE audit_log SET changes = ${JSON.stringify({ address: { before: 'x', after: 'y' } })}::jsonb WHERE id = ${courtUpdateRecord}`,
      );
      const result = await verifyAuditChain(db());
      expect(result).toMatchObject({ ok: false, brokenAt: courtUpdateRecord });
      expect(result.reason).toMatch(/altered/);
      expect(result.checked).toBe(
        (await rows<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM audit_log WHERE id < ${courtUpdateRecord}`))[0].n,
      );
      // Putting the original content back (same JSON, any key order) makes the chain whole again.
      await db().execute(sql`UPDATE audit_log SET changes = ${JSON.stringify(original.changes)}::jsonb WHERE id = ${courtUpdateRecord}`);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('editing one record’s actor_name breaks that record', async () => {
      const original = await rowById(courtUpdateRecord);
      await db().execute(sql`UPDATE audit_log SET actor_name = '另一个人' WHERE id = ${courtUpdateRecord}`);
      expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAt: courtUpdateRecord });
      await db().execute(sql`UPDATE audit_log SET actor_name = ${original.actorName} WHERE id = ${courtUpdateRecord}`);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('editing the time, the court or the request id is detected too', async () => {
      for (const [column, value] of [
        [sql`at`, sql`at - interval '1 hour'`],
        [sql`court_id`, sql`${courtId.吉0103}`],
        [sql`request_id`, sql`'forged'`],
        [sql`ip`, sql`'8.8.8.8'`],
      ] as const) {
        const original = await rowById(courtUpdateRecord);
        await db().execute(sql`UPDATE audit_log SET ${column} = ${value} WHERE id = ${courtUpdateRecord}`);
        expect(await verifyAuditChain(db())).toMatchObject({ ok: false, brokenAt: courtUpdateRecord });
        await db().delete(auditLog).where(eq(auditLog.id, courtUpdateRecord));
        await db().insert(auditLog).values(original);
        expect((await verifyAuditChain(db())).ok).toBe(true);
      }
    });

    it('deleting a middle record breaks the record that follows it', async () => {
      const original = await rowById(courtUpdateRecord);
      const [{ next }] = await rows<{ next: number }>(
        db(),
        sql`SELECT min(id)::int AS next FROM audit_log WHERE id > ${courtUpdateRecord}`,
      );
      expect(next).toBeGreaterThan(courtUpdateRecord);
      await db().execute(sql`DELETE FROM audit_log WHERE id = ${courtUpdateRecord}`);
      const result = await verifyAuditChain(db());
      expect(result).toMatchObject({ ok: false, brokenAt: next });
      expect(result.reason).toMatch(/removed/);
      await db().insert(auditLog).values(original);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('a record put back unsealed below the head is reported as never sealed', async () => {
      const original = await rowById(courtUpdateRecord);
      await db().execute(sql`DELETE FROM audit_log WHERE id = ${courtUpdateRecord}`);
      await db()
        .insert(auditLog)
        .values({ ...original, prevHash: null, hash: null });
      const result = await verifyAuditChain(db());
      expect(result).toMatchObject({ ok: false, brokenAt: courtUpdateRecord });
      expect(result.reason).toMatch(/never sealed/);
      await db().execute(sql`DELETE FROM audit_log WHERE id = ${courtUpdateRecord}`);
      await db().insert(auditLog).values(original);
      expect((await verifyAuditChain(db())).ok).toBe(true);
    });

    it('deleting the newest record is detected', async () => {
      const [{ last }] = await rows<{ last: number }>(db(), sql`SELECT max(id)::int AS last FROM audit_log`);
      const original = await rowById(last);
      await db().execute(sql`DELETE FROM audit_log WHERE id = ${last}`);
      const result = await verifyAuditChain(db());
      await db().insert(auditLog).values(original);
      expect((await verifyAuditChain(db())).ok).toBe(true);
      expect(result.ok).toBe(false);
    });
  });

  it('with the trigger enabled again, UPDATE is refused and the chain is intact', async () => {
    const error = await t.database.db.execute(sql`UPDATE audit_log SET ip = NULL WHERE id = ${courtUpdateRecord}`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(sqlState(error)).toBe('42501');
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true, brokenAt: null });
  });
});
