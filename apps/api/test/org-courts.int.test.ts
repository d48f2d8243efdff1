import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

interface CourtBody {
  id: number;
  parentId: number | null;
  level: string;
  name: string;
  code: string;
  address: string;
  jurisdiction: string;
  version: number;
}

let t: TestApp;
let admin: Client;
let courtadmin: Client;
let kuancheng: Client;
let judge: Client;
/** Court ids by code, for courts other than tribunals (which share their basic court's code). */
const courtId: Record<string, number> = {};
let allCourts: CourtBody[];

beforeAll(async () => {
  t = await createTestApp();
  [admin, courtadmin, kuancheng, judge] = await Promise.all([
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'kuancheng'),
    signIn(t.app, 'judge'),
  ]);
  allCourts = (await admin.get('/api/courts')).json().items;
  for (const c of allCourts) if (c.level !== 'tribunal') courtId[c.code] = c.id;
});
afterAll(() => t.close());

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.code).toBe(code);
  return body;
}

function fieldsOf(body: { errors?: { field: string; code: string }[] }) {
  return (body.errors ?? []).map((e) => ({ field: e.field, code: e.code }));
}

async function courtCount(): Promise<number> {
  return (await admin.get('/api/courts')).json().total;
}

async function readCourt(id: number): Promise<CourtBody> {
  const response = await admin.get(`/api/courts/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('listing courts in scope', () => {
  it('the province administrator sees all 21 courts of the province', async () => {
    const response = await admin.get('/api/courts');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(21);
    expect(body.items).toHaveLength(21);
    const levels: Record<string, number> = {};
    for (const c of body.items as CourtBody[]) levels[c.level] = (levels[c.level] ?? 0) + 1;
    expect(levels).toEqual({ higher: 1, intermediate: 2, basic: 6, tribunal: 12 });
    expect(body.items.find((c: CourtBody) => c.code === '吉').name).toBe('吉林省高级人民法院');
  });

  it('the 吉0102 court administrator sees 吉0102 and its two tribunals only', async () => {
    const body = (await courtadmin.get('/api/courts')).json();
    expect(body.total).toBe(3);
    expect(body.items.map((c: CourtBody) => c.code)).toEqual(['吉0102', '吉0102', '吉0102']);
    expect(body.items.map((c: CourtBody) => c.level).sort()).toEqual(['basic', 'tribunal', 'tribunal']);
    const tribunals = body.items.filter((c: CourtBody) => c.level === 'tribunal');
    expect(tribunals.every((c: CourtBody) => c.parentId === courtId.吉0102)).toBe(true);
  });

  it('a judge of the sibling court 吉0103 sees the three courts of 吉0103', async () => {
    const body = (await kuancheng.get('/api/courts')).json();
    expect(body.total).toBe(3);
    expect(body.items.every((c: CourtBody) => c.code === '吉0103')).toBe(true);
  });

  it('an intermediate court sees itself and the courts below it (吉01: 1 + 4 basic + 8 tribunals)', async () => {
    const jl01 = await signIn(t.app, 'jl01-002');
    const body = (await jl01.get('/api/courts')).json();
    expect(body.total).toBe(13);
    expect(body.items.some((c: CourtBody) => c.code.startsWith('吉02'))).toBe(false);
  });

  it('a user without org.read (grassroots assistant) is refused with 403', async () => {
    const grassroots = await signIn(t.app, 'grassroots');
    expectProblem(await grassroots.get('/api/courts'), 403, 'FORBIDDEN');
  });

  it('an anonymous caller gets 401', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/courts' }), 401, 'UNAUTHENTICATED');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/courts/${courtId.吉0102}` }), 401, 'UNAUTHENTICATED');
  });
});

describe('reading one court', () => {
  it('returns a court in scope with all its fields', async () => {
    const response = await courtadmin.get(`/api/courts/${courtId.吉0102}`);
    expect(response.statusCode).toBe(200);
    const court = response.json();
    expect(court).toMatchObject({
      id: courtId.吉0102,
      parentId: courtId.吉01,
      level: 'basic',
      code: '吉0102',
      name: '长春市南关区人民法院',
      version: 1,
    });
    expect(court).not.toHaveProperty('path');
  });

  it('answers 404, not 403, for a court outside the scope', async () => {
    expectProblem(await courtadmin.get(`/api/courts/${courtId.吉0103}`), 404, 'NOT_FOUND');
    expectProblem(await courtadmin.get(`/api/courts/${courtId.吉01}`), 404, 'NOT_FOUND');
    expectProblem(await kuancheng.get(`/api/courts/${courtId.吉0102}`), 404, 'NOT_FOUND');
  });

  it('answers 404 for an id that does not exist and 400 for an id that is not a number', async () => {
    expectProblem(await admin.get('/api/courts/999999'), 404, 'NOT_FOUND');
    const body = expectProblem(await admin.get('/api/courts/abc'), 400, 'VALIDATION_FAILED');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('params.id');
  });
});

describe('creating courts', () => {
  const base = { name: '长春市双阳区人民法院', address: '吉林省长春市双阳区', jurisdiction: '长春市双阳区' };

  it('creates a basic court under 吉01 with a valid code, visible in the list afterwards', async () => {
    const response = await admin.post('/api/courts', { ...base, parentId: courtId.吉01, level: 'basic', code: '吉0106' });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ ...base, parentId: courtId.吉01, level: 'basic', code: '吉0106', version: 1 });
    expect(await readCourt(created.id)).toEqual(created);
    expect(await courtCount()).toBe(22);
    courtId.吉0106 = created.id;
    // The new court lies under 吉01, so the 吉01 administrator sees it, and 吉0102 does not.
    const jl01 = await signIn(t.app, 'jl01-002');
    expect((await jl01.get(`/api/courts/${created.id}`)).statusCode).toBe(200);
    expectProblem(await courtadmin.get(`/api/courts/${created.id}`), 404, 'NOT_FOUND');
  });

  it('creates a people’s tribunal whose code equals its basic court’s code', async () => {
    const response = await admin.post('/api/courts', {
      parentId: courtId.吉0106,
      level: 'tribunal',
      name: '长春市双阳区人民法院奢岭人民法庭',
      code: '吉0106',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      level: 'tribunal',
      code: '吉0106',
      parentId: courtId.吉0106,
      address: '',
      jurisdiction: '',
    });
    expect(await courtCount()).toBe(23);
  });

  it.each([
    [
      'a code with the wrong prefix (吉0206 under 吉01)',
      { parentId: () => courtId.吉01, level: 'basic', code: '吉0206' },
      'body.code',
      'court_code',
    ],
    ['a basic code with letters (吉01A7)', { parentId: () => courtId.吉01, level: 'basic', code: '吉01A7' }, 'body.code', 'court_code'],
    [
      'an intermediate code at the basic level (吉03 as basic)',
      { parentId: () => courtId.吉01, level: 'basic', code: '吉03' },
      'body.code',
      'court_code',
    ],
    [
      'a basic court directly under the higher court',
      { parentId: () => courtId.吉, level: 'basic', code: '吉0107' },
      'body.level',
      'court_parent',
    ],
    [
      'an intermediate court under an intermediate court',
      { parentId: () => courtId.吉01, level: 'intermediate', code: '吉03' },
      'body.level',
      'court_parent',
    ],
    [
      'a tribunal under an intermediate court',
      { parentId: () => courtId.吉01, level: 'tribunal', code: '吉01' },
      'body.level',
      'court_parent',
    ],
    [
      'a tribunal whose code differs from its basic court',
      { parentId: () => courtId.吉0102, level: 'tribunal', code: '吉0107' },
      'body.code',
      'court_code',
    ],
    [
      'a second higher court under the higher court',
      { parentId: () => courtId.吉, level: 'higher', code: '辽' },
      'body.level',
      'court_parent',
    ],
  ])('refuses %s with 400 naming the field, and creates nothing', async (_label, input, field, code) => {
    const before = await courtCount();
    const response = await admin.post('/api/courts', {
      name: `测试法院${code}${field}${input.code}${input.level}`,
      parentId: input.parentId(),
      level: input.level,
      code: input.code,
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual([{ field, code }]);
    expect(body.errors[0].message.zh).toBeTruthy();
    expect(body.errors[0].message.en).toBeTruthy();
    expect(await courtCount()).toBe(before);
  });

  it('refuses a new root court (parentId null) with 400 on body.parentId', async () => {
    const before = await courtCount();
    const body = expectProblem(
      await admin.post('/api/courts', { parentId: null, level: 'higher', name: '辽宁省高级人民法院', code: '辽' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.parentId', code: 'court_parent' }]);
    expect(await courtCount()).toBe(before);
  });

  it('refuses a duplicate court code with 409 DUPLICATE on body.code', async () => {
    const before = await courtCount();
    const body = expectProblem(
      await admin.post('/api/courts', { parentId: courtId.吉01, level: 'basic', name: '另一个宽城区法院', code: '吉0103' }),
      409,
      'DUPLICATE',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.code']);
    expect(await courtCount()).toBe(before);
  });

  it('refuses a duplicate court name with 409 DUPLICATE on body.name (not body.code)', async () => {
    const before = await courtCount();
    const body = expectProblem(
      await admin.post('/api/courts', { parentId: courtId.吉01, level: 'basic', name: '长春市南关区人民法院', code: '吉0107' }),
      409,
      'DUPLICATE',
    );
    expect(await courtCount()).toBe(before);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
  });

  it('a court administrator creates a tribunal under their own court', async () => {
    const response = await courtadmin.post('/api/courts', {
      parentId: courtId.吉0102,
      level: 'tribunal',
      name: '长春市南关区人民法院桃源人民法庭',
      code: '吉0102',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((await courtadmin.get('/api/courts')).json().total).toBe(4);
  });

  it('refuses a parent outside the actor’s scope with 400 on body.parentId (courtadmin under 吉0103)', async () => {
    const before = await courtCount();
    const body = expectProblem(
      await courtadmin.post('/api/courts', {
        parentId: courtId.吉0103,
        level: 'tribunal',
        name: '长春市宽城区人民法院新设人民法庭',
        code: '吉0103',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.parentId', code: 'court_parent' }]);
    expect(await courtCount()).toBe(before);
  });

  it('refuses a judge (no org.manage) with 403 FORBIDDEN and creates nothing', async () => {
    const before = await courtCount();
    expectProblem(
      await judge.post('/api/courts', {
        parentId: courtId.吉0102,
        level: 'tribunal',
        name: '长春市南关区人民法院法官新设人民法庭',
        code: '吉0102',
      }),
      403,
      'FORBIDDEN',
    );
    expect(await courtCount()).toBe(before);
  });

  it('refuses an anonymous caller with 401', async () => {
    const before = await courtCount();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/courts',
      payload: { parentId: courtId.吉01, level: 'basic', name: '匿名法院', code: '吉0108' },
    });
    expectProblem(response, 401, 'UNAUTHENTICATED');
    expect(await courtCount()).toBe(before);
  });

  it('refuses unknown fields and missing fields with field details', async () => {
    const body = expectProblem(
      await admin.post('/api/courts', { parentId: courtId.吉01, level: 'basic', name: '多余字段法院', code: '吉0109', path: '/1/' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toContainEqual({ field: 'body.path', code: 'unrecognized_keys' });
    const missing = expectProblem(await admin.post('/api/courts', { parentId: courtId.吉01, level: 'basic' }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(missing)).toEqual(
      expect.arrayContaining([
        { field: 'body.name', code: 'required' },
        { field: 'body.code', code: 'required' },
      ]),
    );
  });
});

describe('editing courts', () => {
  it('edits with the right version: 200, version + 1, change visible', async () => {
    const id = courtId.吉0102;
    const before = await readCourt(id);
    const response = await courtadmin.patch(`/api/courts/${id}`, { address: '吉林省长春市南关区新址1号', version: before.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ...before, address: '吉林省长春市南关区新址1号', version: before.version + 1 });
    expect(await readCourt(id)).toEqual(response.json());
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const id = courtId.吉0102;
    const before = await readCourt(id);
    const body = expectProblem(
      await courtadmin.patch(`/api/courts/${id}`, { name: '改名的法院', version: before.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(body.meta).toEqual({ currentVersion: before.version });
    expect(await readCourt(id)).toEqual(before);
  });

  it('refuses a name another court has with 409 DUPLICATE on body.name and changes nothing', async () => {
    const id = courtId.吉0102;
    const before = await readCourt(id);
    const body = expectProblem(
      await admin.patch(`/api/courts/${id}`, { name: '长春市宽城区人民法院', version: before.version }),
      409,
      'DUPLICATE',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    expect(await readCourt(id)).toEqual(before);
  });

  it('does not let the code or level be changed (unknown fields → 400)', async () => {
    const id = courtId.吉0102;
    const before = await readCourt(id);
    const body = expectProblem(
      await admin.patch(`/api/courts/${id}`, { code: '吉0199', version: before.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.code', code: 'unrecognized_keys' }]);
    expect(await readCourt(id)).toEqual(before);
  });

  it('answers 404, not 403, when editing a court outside the scope, and changes nothing', async () => {
    const id = courtId.吉0103;
    const before = await readCourt(id);
    expectProblem(await courtadmin.patch(`/api/courts/${id}`, { name: '越权修改', version: before.version }), 404, 'NOT_FOUND');
    expectProblem(await courtadmin.patch(`/api/courts/${courtId.吉01}`, { name: '越权修改', version: 1 }), 404, 'NOT_FOUND');
    expect(await readCourt(id)).toEqual(before);
  });

  it('refuses a judge (no org.manage) with 403 and an anonymous caller with 401, changing nothing', async () => {
    const id = courtId.吉0102;
    const before = await readCourt(id);
    expectProblem(await judge.patch(`/api/courts/${id}`, { name: '法官改名', version: before.version }), 403, 'FORBIDDEN');
    expectProblem(
      await t.app.inject({ method: 'PATCH', url: `/api/courts/${id}`, payload: { name: '匿名改名', version: before.version } }),
      401,
      'UNAUTHENTICATED',
    );
    expect(await readCourt(id)).toEqual(before);
  });
});
