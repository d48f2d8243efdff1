import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, cookieHeader, createTestApp, DEMO_PASSWORD, signIn, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const response = await login('admin', ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const session = response.cookies.find((c) => c.name === 'ca_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const csrf = response.cookies.find((c) => c.name === 'ca_csrf');
    expect(csrf?.httpOnly).toBeFalsy();
    const body = response.json();
    expect(body.user.username).toBe('admin');
    expect(body.user.permissions).toContain('role.manage');
    expect(body.csrfToken).toBe(csrf?.value);
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody-here', 'Whatever1');
    const wrong = await login('judge', 'Wrong-pass1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(unknown.json())).toEqual(strip(wrong.json()));
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account for 15 minutes after five wrong passwords, even with the right one', async () => {
    for (let i = 0; i < 4; i++) expect((await login('clerk', 'Wrong-pass1')).statusCode).toBe(401);
    const fifth = await login('clerk', 'Wrong-pass1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(fifth.json().meta.lockedUntil).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const right = await login('clerk', DEMO_PASSWORD);
    expect(right.statusCode).toBe(423);
  });

  it('locks unknown usernames the same way, so a lock-out reveals nothing', async () => {
    for (let i = 0; i < 4; i++) await login('ghost-user', 'Wrong-pass1');
    expect((await login('ghost-user', 'Wrong-pass1')).json().code).toBe('ACCOUNT_LOCKED');
  });

  it('an administrator unlocks a locked account', async () => {
    for (let i = 0; i < 5; i++) await login('centre', 'Wrong-pass1');
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const found = (await admin.get('/api/users?q=centre')).json().items.find((u: { username: string }) => u.username === 'centre');
    expect(found.lockedUntil).not.toBeNull();
    const unlocked = await admin.post(`/api/users/${found.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login('centre', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('rate-limits sign-in per IP', async () => {
    const limited = await createTestApp({ seed: false, config: { loginRateLimitPerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'a', password: 'b' },
          remoteAddress: '10.9.9.9',
        });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes[3]).toBe(429);
      const other = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'a', password: 'b' },
        remoteAddress: '10.9.9.10',
      });
      expect(other.statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('rejects a malformed sign-in body with field details', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.username', 'body.password']));
  });
});

describe('session', () => {
  it('answers 401 without a session and the current user with one', async () => {
    expect((await t.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const judge = await signIn(t.app, 'judge');
    const me = (await judge.get('/api/auth/me')).json();
    expect(me.court.code).toBe('吉0102');
    expect(me.roles.map((r: { code: string }) => r.code)).toEqual(['judge']);
  });

  it('refuses a write without the CSRF header, and accepts it with the header', async () => {
    const judge = await signIn(t.app, 'judge');
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Another-pass1' },
      headers: { cookie: judge.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_FAILED');
    const wrongToken = await judge.request(
      'POST',
      '/api/auth/password',
      { currentPassword: DEMO_PASSWORD, newPassword: 'Another-pass1' },
      { 'x-csrf-token': 'forged' },
    );
    expect(wrongToken.json().code).toBe('CSRF_FAILED');
  });

  it('signs out: the cookie no longer works', async () => {
    const clerk2 = await signIn(t.app, 'assistant');
    expect((await clerk2.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await clerk2.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password: old one refused, new one works, other sessions end', async () => {
    const first = await signIn(t.app, 'inspector');
    const second = await signIn(t.app, 'inspector');
    const wrong = await first.post('/api/auth/password', { currentPassword: 'Nope-nope1', newPassword: 'Fresh-pass2' });
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const weak = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    expect(weak.json().errors[0].field).toBe('body.newPassword');
    const ok = await first.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Fresh-pass2' });
    expect(ok.statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('inspector', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('inspector', 'Fresh-pass2')).statusCode).toBe(200);
  });

  it('a disabled user cannot sign in and loses their sessions', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const enforcer = await signIn(t.app, 'enforcer');
    const user = (await admin.get('/api/users?q=enforcer')).json().items.find((u: { username: string }) => u.username === 'enforcer');
    const disabled = await admin.patch(`/api/users/${user.id}`, { status: 'disabled', version: user.version });
    expect(disabled.statusCode).toBe(200);
    expect((await enforcer.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('enforcer', DEMO_PASSWORD)).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps the session cookie out of reach of other paths of attack: no Set-Cookie on failure', async () => {
    const response = await login('admin', 'Wrong-pass1');
    expect(cookieHeader(response)).toBe('');
  });

  it('an account whose password was reset may do nothing but change it, and not to the same password', async () => {
    const admin = await signIn(t.app, 'admin', ADMIN_PASSWORD);
    const target = (await admin.get('/api/users?q=divhead')).json().items.find((u: { username: string }) => u.username === 'divhead');
    expect((await admin.post(`/api/users/${target.id}/reset-password`, { newPassword: 'Reset-pass1' })).statusCode).toBe(200);
    const divhead = await signIn(t.app, 'divhead', 'Reset-pass1');
    expect((await divhead.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await divhead.get('/api/workbench');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = await divhead.post('/api/auth/password', { currentPassword: 'Reset-pass1', newPassword: 'Reset-pass1' });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0].field).toBe('body.newPassword');
    expect((await divhead.post('/api/auth/password', { currentPassword: 'Reset-pass1', newPassword: 'Own-choice2' })).statusCode).toBe(200);
    expect((await divhead.get('/api/workbench')).statusCode).toBe(200);
  });
});
