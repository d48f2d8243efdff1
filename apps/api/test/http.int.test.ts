import { readFileSync } from 'node:fs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp, usePostgres } from './harness.js';

let t: TestApp;
let admin: Client;
let judge: Client;

beforeAll(async () => {
  t = await createTestApp();
  [admin, judge] = await Promise.all([signIn(t.app, 'admin', ADMIN_PASSWORD), signIn(t.app, 'judge')]);
});
afterAll(() => t.close());

/** Asserts the RFC 9457 shape every refusal shares, and returns the body. */
function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({
    status,
    code,
    title: expect.any(String),
    type: expect.stringContaining(code.toLowerCase().replaceAll('_', '-')),
  });
  expect(typeof body.message.zh).toBe('string');
  expect(typeof body.message.en).toBe('string');
  expect(body.message.zh.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  expect(typeof body.requestId).toBe('string');
  expect(body.requestId.length).toBeGreaterThan(0);
  expect(body).not.toHaveProperty('stack');
  expect(response.body).not.toMatch(/"stack"|\n\s+at |node_modules|\.ts:\d+/);
  return body;
}

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => ({ field: e.field, code: e.code }));
const inject = (options: InjectOptions) => t.app.inject(options);

describe('problem+json for every kind of refusal', () => {
  it('an unknown /api route answers 404 ROUTE_NOT_FOUND (any method)', async () => {
    expectProblem(await inject({ method: 'GET', url: '/api/no-such-thing' }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await inject({ method: 'POST', url: '/api/no-such-thing', payload: {} }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await admin.get('/api/courts/1/nothing'), 404, 'ROUTE_NOT_FOUND');
  });

  it('a non-API path without the web app built answers 404 ROUTE_NOT_FOUND too', async () => {
    expectProblem(await inject({ method: 'GET', url: '/some/page' }), 404, 'ROUTE_NOT_FOUND');
  });

  it('malformed JSON answers 400 MALFORMED_JSON', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username": "judge", "password": ',
      headers: { 'content-type': 'application/json' },
    });
    const body = expectProblem(response, 400, 'MALFORMED_JSON');
    expect(body.message.en).toBe('The request body is not valid JSON');
  });

  it('an empty body declared as JSON answers 400 MALFORMED_JSON', async () => {
    expectProblem(
      await inject({ method: 'POST', url: '/api/auth/login', payload: '', headers: { 'content-type': 'application/json' } }),
      400,
      'MALFORMED_JSON',
    );
  });

  it('a body over the limit (1 MiB) answers 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'judge', password: 'x'.repeat(1024 * 1024 + 10) }),
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a body over a configured smaller limit answers 413 as well', async () => {
    const small = await createTestApp({ seed: false, config: { bodyLimitBytes: 1024 } });
    try {
      const response = await small.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'someone', password: 'y'.repeat(2000) },
      });
      expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
      const fits = await small.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'someone', password: 'Short-pass1' },
      });
      expectProblem(fits, 401, 'INVALID_CREDENTIALS');
    } finally {
      await small.close();
    }
  });

  it('a text/plain body answers 415 UNSUPPORTED_MEDIA_TYPE (no CSRF-free form posts)', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":"judge","password":"Demo@2026"}',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(response.cookies).toEqual([]);
    const form = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=judge&password=Demo%402026',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(form, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown field answers 400 with errors[].code unrecognized_keys naming the field', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'judge', password: 'Demo@2026', remember: true },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual([{ field: 'body.remember', code: 'unrecognized_keys' }]);
    expect(body.errors[0].message).toEqual({ zh: expect.any(String), en: expect.any(String) });
  });

  it('missing fields answer 400 with errors[].code required for each', async () => {
    const body = expectProblem(await inject({ method: 'POST', url: '/api/auth/login', payload: {} }), 400, 'VALIDATION_FAILED');
    expect(fieldsOf(body)).toEqual(
      expect.arrayContaining([
        { field: 'body.username', code: 'required' },
        { field: 'body.password', code: 'required' },
      ]),
    );
    expect(body.errors).toHaveLength(2);
  });

  it('a wrong type answers 400 invalid_type; a nested field is named by its path', async () => {
    const wrongType = expectProblem(
      await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42, password: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(wrongType)).toEqual([{ field: 'body.username', code: 'invalid_type' }]);
    const nested = expectProblem(
      await admin.put('/api/teams/1/members', { members: [{ userId: 'one', position: 'judge' }], version: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(nested)).toEqual([{ field: 'body.members.0.userId', code: 'invalid_type' }]);
  });

  it('401, 403 and 404 problems carry the same shape', async () => {
    expectProblem(await inject({ method: 'GET', url: '/api/users' }), 401, 'UNAUTHENTICATED');
    expectProblem(await judge.post('/api/roles', { code: 'x-role', nameZh: 'x', nameEn: 'x', permissions: [] }), 403, 'FORBIDDEN');
    expectProblem(await admin.get('/api/users/999999'), 404, 'NOT_FOUND');
    expectProblem(
      await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'judge', password: 'Wrong-pass1' } }),
      401,
      'INVALID_CREDENTIALS',
    );
  });

  it('a write with a session but without the CSRF header answers 403 CSRF_FAILED', async () => {
    expectProblem(await inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: judge.cookie } }), 403, 'CSRF_FAILED');
  });

  it('echoes the client’s x-request-id as the problem’s requestId, and generates one otherwise', async () => {
    const echoed = expectProblem(
      await inject({ method: 'GET', url: '/api/nowhere', headers: { 'x-request-id': 'client-req-42' } }),
      404,
      'ROUTE_NOT_FOUND',
    );
    expect(echoed.requestId).toBe('client-req-42');
    const validation = expectProblem(
      await inject({ method: 'POST', url: '/api/auth/login', payload: {}, headers: { 'x-request-id': 'client-req-43' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(validation.requestId).toBe('client-req-43');
    const generated = expectProblem(await inject({ method: 'GET', url: '/api/nowhere' }), 404, 'ROUTE_NOT_FOUND');
    expect(generated.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const other = expectProblem(await inject({ method: 'GET', url: '/api/nowhere' }), 404, 'ROUTE_NOT_FOUND');
    expect(other.requestId).not.toBe(generated.requestId);
  });
});

describe('input that passes the schemas never causes a 500', () => {
  it('an id or version beyond the integer range answers 400 or 404, not 500', async () => {
    const big = 2 ** 31;
    const statuses = [
      (await admin.get(`/api/courts/${big}`)).statusCode,
      (await admin.get(`/api/users?courtId=${big}`)).statusCode,
      (await admin.post('/api/departments', { courtId: big, name: '超大编号', kind: 'other' })).statusCode,
      (await admin.patch('/api/courts/1', { name: '吉林省高级人民法院', version: big })).statusCode,
    ];
    expect(
      statuses.every((s) => s === 400 || s === 404 || s === 409),
      String(statuses),
    ).toBe(true);
  });

  it('a NUL character in a text field answers 400, not 500', async () => {
    const login = await inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ju\u0000dge', password: 'Whatever1' } });
    const search = await admin.get(`/api/users?q=${encodeURIComponent('a\u0000b')}`);
    expect([login.statusCode, search.statusCode]).toEqual([400, 400]);
  });

  it('a Content-Length that does not match the body answers 400, not 415', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '999' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('security headers', () => {
  function expectSecurityHeaders(response: LightMyRequestResponse) {
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    const framing = String(response.headers['x-frame-options'] ?? '') + csp;
    expect(framing).toMatch(/SAMEORIGIN|DENY|frame-ancestors 'self'|frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(String(response.headers['strict-transport-security'])).toMatch(/max-age=\d+/);
    expect(response.headers['referrer-policy']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  }

  it('are set on ordinary responses', async () => {
    expectSecurityHeaders(await inject({ method: 'GET', url: '/api/health' }));
    expectSecurityHeaders(await judge.get('/api/auth/me'));
  });

  it('are set on problem responses', async () => {
    expectSecurityHeaders(await inject({ method: 'GET', url: '/api/nowhere' }));
    expectSecurityHeaders(await inject({ method: 'POST', url: '/api/auth/login', payload: {} }));
  });
});

describe('system endpoints', () => {
  it('GET /api/health reports status, database kind and version', async () => {
    const response = await inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const version = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
    expect(response.json()).toEqual({ status: 'ok', db: usePostgres ? 'postgres' : 'pglite', version });
  });

  it('GET /api/docs/json serves the OpenAPI document with the sign-in path', async () => {
    const response = await inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login']).toHaveProperty('post');
    expect(doc.paths['/api/users']).toHaveProperty('get');
    expect(doc.paths['/api/audit']).toHaveProperty('get');
    expect(doc.info.title).toContain('CourtAssist');
  });
});

describe('workbench', () => {
  it('for the judge: court 吉0102, their team of three, and 14 days of activity', async () => {
    const response = await judge.get('/api/workbench');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.court).toMatchObject({ code: '吉0102', name: '长春市南关区人民法院', level: 'basic' });
    expect(body.department).toMatchObject({ name: '民事审判第一庭' });
    expect(body.courtsInScope).toBe(3);
    expect(body.teams).toHaveLength(1);
    const [team] = body.teams;
    expect(team.position).toBe('judge');
    expect(team.members).toHaveLength(3);
    expect(team.members.map((m: { position: string }) => m.position)).toEqual(['judge', 'assistant', 'clerk']);
    expect(team.members[0].userId).toBe(judge.userId);
    expect(body.activityByDay).toHaveLength(14);
    const days = body.activityByDay.map((d: { day: string }) => d.day);
    for (let i = 1; i < days.length; i++) expect(Date.parse(days[i]) - Date.parse(days[i - 1])).toBe(86_400_000);
    const todayInChina = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(days.at(-1)).toBe(todayInChina);
    // The judge cannot read the trail: they see their own actions only (their sign-in today).
    expect(body.courtRecentActivity).toEqual([]);
    expect(body.myRecentActivity.length).toBeGreaterThan(0);
    expect(body.myRecentActivity.every((e: { actorId: number }) => e.actorId === judge.userId)).toBe(true);
    expect(body.activityByDay.at(-1).count).toBe(body.myRecentActivity.length);
  });

  it('for the province administrator: 21 courts in scope and the province’s activity', async () => {
    const body = (await admin.get('/api/workbench')).json();
    expect(body.court).toMatchObject({ code: '吉', level: 'higher' });
    expect(body.courtsInScope).toBe(21);
    expect(body.usersInScope).toBe((await admin.get('/api/users?pageSize=1')).json().total);
    expect(body.courtRecentActivity.length).toBeGreaterThanOrEqual(2);
    expect(body.activityByDay).toHaveLength(14);
  });

  it('answers 401 without a session', async () => {
    expectProblem(await inject({ method: 'GET', url: '/api/workbench' }), 401, 'UNAUTHENTICATED');
  });
});
