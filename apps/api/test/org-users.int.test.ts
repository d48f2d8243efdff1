import { BUILTIN_ROLES, PERMISSION_CODES } from '@courtassist/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, DEMO_PASSWORD, signIn, signInNewAccount, type TestApp } from './harness.js';

interface UserBody {
  id: number;
  username: string;
  displayName: string;
  phone: string;
  courtId: number;
  courtName: string;
  departmentId: number | null;
  departmentName: string | null;
  roles: string[];
  status: 'active' | 'disabled';
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
}
interface Page {
  items: UserBody[];
  total: number;
  page: number;
  pageSize: number;
}

let t: TestApp;
let admin: Client;
let courtadmin: Client;
let judge: Client;
let kuancheng: Client;
/** The administrator of the sibling basic court 吉0103. */
let admin0103: Client;
/** The administrator of the intermediate court 吉01. */
let admin01: Client;
/** Non-tribunal court ids by code. */
const courtId: Record<string, number> = {};
/** Court ids by code → every court with that code (a basic court and its tribunals). */
const courtIds: Record<string, number[]> = {};
let judgeUser: UserBody;

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
  for (const c of (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[]) {
    if (c.level !== 'tribunal') courtId[c.code] = c.id;
    courtIds[c.code] = [...(courtIds[c.code] ?? []), c.id];
  }
  judgeUser = await readUser(judge.userId);
});
afterAll(() => t.close());

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.code).toBe(code);
  return body;
}

const fieldsOf = (body: { errors?: { field: string; code: string }[] }) =>
  (body.errors ?? []).map((e) => ({ field: e.field, code: e.code }));

async function list(client: Client, query: string): Promise<Page> {
  const response = await client.get(`/api/users?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function readUser(id: number): Promise<UserBody> {
  const response = await admin.get(`/api/users/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function byUsername(username: string): Promise<UserBody | undefined> {
  return (await list(admin, `q=${encodeURIComponent(username)}&pageSize=200`)).items.find(
    (u) => u.username.toLowerCase() === username.toLowerCase(),
  );
}

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

async function departmentOf(courtCode: string, name: string): Promise<number> {
  const items = (await admin.get(`/api/departments?courtId=${courtId[courtCode]}&pageSize=200`)).json().items as {
    id: number;
    name: string;
  }[];
  return (items.find((d) => d.name === name) as { id: number }).id;
}

describe('listing users', () => {
  it('paginates with page, pageSize and a total; the pages cover every user once', async () => {
    const first = await list(courtadmin, 'pageSize=10');
    expect(first).toMatchObject({ page: 1, pageSize: 10 });
    expect(first.items).toHaveLength(10);
    const total = first.total;
    expect(total).toBeGreaterThan(30);
    const ids: number[] = [];
    const pages = Math.ceil(total / 10);
    for (let page = 1; page <= pages; page++) {
      const body = await list(courtadmin, `pageSize=10&page=${page}`);
      expect(body.total).toBe(total);
      expect(body.items).toHaveLength(page < pages ? 10 : total - 10 * (pages - 1));
      ids.push(...body.items.map((u) => u.id));
    }
    expect(new Set(ids).size).toBe(total);
    // Default order is by id ascending.
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((await list(courtadmin, `pageSize=10&page=${pages + 1}`)).items).toEqual([]);
  });

  it('defaults to page 1 of 20', async () => {
    const body = await list(courtadmin, '');
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.items).toHaveLength(20);
  });

  it('filters by courtId', async () => {
    const body = await list(courtadmin, `courtId=${courtIds.吉0102[1]}&pageSize=200`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((u) => u.courtId === courtIds.吉0102[1])).toBe(true);
    const all = await list(courtadmin, 'pageSize=200');
    const basic = await list(courtadmin, `courtId=${courtId.吉0102}&pageSize=200`);
    expect(basic.total).toBe(all.items.filter((u) => u.courtId === courtId.吉0102).length);
  });

  it('filters by role', async () => {
    const body = await list(courtadmin, 'role=judge&pageSize=200');
    expect(body.total).toBeGreaterThan(3);
    expect(body.items.every((u) => u.roles.includes('judge'))).toBe(true);
    expect(body.items.map((u) => u.username)).toEqual(expect.arrayContaining(['judge', 'divhead']));
    expect((await list(courtadmin, 'role=no-such-role')).total).toBe(0);
  });

  it('filters by status', async () => {
    expect((await list(courtadmin, 'status=disabled')).total).toBe(0);
    const active = await list(courtadmin, 'status=active&pageSize=1');
    expect(active.total).toBe((await list(courtadmin, 'pageSize=1')).total);
    expectProblem(await courtadmin.get('/api/users?status=gone'), 400, 'VALIDATION_FAILED');
  });

  it('searches by part of the username, case-insensitively', async () => {
    const body = await list(courtadmin, 'q=JUDG');
    expect(body.items.map((u) => u.username)).toContain('judge');
    expect(body.items.every((u) => u.username.toLowerCase().includes('judg') || u.displayName.includes('JUDG'))).toBe(true);
  });

  it('searches by part of a Chinese display name (two characters)', async () => {
    const part = judgeUser.displayName.slice(-2);
    const body = await list(courtadmin, `q=${encodeURIComponent(part)}&pageSize=200`);
    expect(body.items.map((u) => u.id)).toContain(judgeUser.id);
    expect(body.items.every((u) => u.displayName.includes(part) || u.username.includes(part))).toBe(true);
    const single = await list(courtadmin, `q=${encodeURIComponent(judgeUser.displayName.slice(0, 1))}&pageSize=200`);
    expect(single.items.map((u) => u.id)).toContain(judgeUser.id);
  });

  it('treats % and _ in the search text literally', async () => {
    expect((await list(courtadmin, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list(courtadmin, 'q=_')).total).toBe(0);
  });

  it('sorts by username descending', async () => {
    const body = await list(admin, `courtId=${courtId.吉0103}&sort=username&order=desc&pageSize=200`);
    const names = body.items.map((u) => u.username);
    expect(names.length).toBeGreaterThan(5);
    expect(names).toEqual([...names].sort().reverse());
    expect(names[0]).toBe('kuancheng');
  });

  it('refuses an unknown query parameter and a pageSize of 1000 with 400', async () => {
    expect(fieldsOf(expectProblem(await courtadmin.get('/api/users?colour=red'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.colour', code: 'unrecognized_keys' },
    ]);
    expect(fieldsOf(expectProblem(await courtadmin.get('/api/users?pageSize=1000'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.pageSize', code: 'too_big' },
    ]);
    expect(fieldsOf(expectProblem(await courtadmin.get('/api/users?page=0'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.page', code: 'too_small' },
    ]);
    expect(fieldsOf(expectProblem(await courtadmin.get('/api/users?sort=password'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.sort', code: 'invalid_value' },
    ]);
  });

  it('never exposes password hashes', async () => {
    const response = await courtadmin.get('/api/users?pageSize=200');
    expect(response.body).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });
});

describe('creating users', () => {
  const newUser = () => ({
    username: 'newclerk1',
    displayName: '新书记员',
    phone: '13800001111',
    courtId: courtId.吉0102,
    roles: ['clerk'],
    password: 'Start-pass1',
  });

  it('creates a user who can then sign in and must change the password', async () => {
    const filing = await departmentOf('吉0102', '立案庭');
    const response = await courtadmin.post('/api/users', { ...newUser(), departmentId: filing });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      username: 'newclerk1',
      displayName: '新书记员',
      phone: '13800001111',
      courtId: courtId.吉0102,
      departmentId: filing,
      departmentName: '立案庭',
      roles: ['clerk'],
      status: 'active',
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
    });
    expect(created).not.toHaveProperty('password');
    const signedIn = await login('newclerk1', 'Start-pass1');
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user.mustChangePassword).toBe(true);
    expect(signedIn.json().user.permissions).toEqual([...BUILTIN_ROLES.clerk.permissions].sort());
  });

  it('refuses a weak password with 400 WEAK_PASSWORD on body.password, creating nothing', async () => {
    for (const password of ['short1', 'onlyletters', '123456789']) {
      const body = expectProblem(
        await courtadmin.post('/api/users', { ...newUser(), username: 'weakling', password }),
        400,
        'WEAK_PASSWORD',
      );
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.password']);
    }
    expect(await byUsername('weakling')).toBeUndefined();
  });

  it('refuses a username that exists in another case with 409 DUPLICATE on body.username', async () => {
    const before = await readUser(judge.userId);
    const body = expectProblem(await courtadmin.post('/api/users', { ...newUser(), username: 'JUDGE' }), 409, 'DUPLICATE');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.username']);
    expect(await readUser(judge.userId)).toEqual(before);
    expect((await list(admin, 'q=judge&pageSize=200')).items.filter((u) => u.username.toLowerCase() === 'judge')).toHaveLength(1);
  });

  it('refuses an unknown role with 400 on body.roles', async () => {
    const body = expectProblem(
      await courtadmin.post('/api/users', { ...newUser(), username: 'norole1', roles: ['clerk', 'emperor'] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.roles', code: 'invalid_value' }]);
    expect(body.errors[0].message.en).toContain('emperor');
    expect(await byUsername('norole1')).toBeUndefined();
  });

  it('refuses a department of another court with 400 on body.departmentId', async () => {
    const other = await departmentOf('吉0103', '立案庭');
    const body = expectProblem(
      await admin.post('/api/users', { ...newUser(), username: 'wrongdept1', departmentId: other }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.departmentId', code: 'invalid_value' }]);
    // A department of one of the court's own tribunals is another court too.
    const tribunalDepartment = (await admin.get(`/api/departments?courtId=${courtIds.吉0102[1]}`)).json().items[0].id;
    expectProblem(
      await admin.post('/api/users', { ...newUser(), username: 'wrongdept1', departmentId: tribunalDepartment }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await byUsername('wrongdept1')).toBeUndefined();
  });

  it('refuses a court outside the scope with 400 on body.courtId', async () => {
    const body = expectProblem(
      await courtadmin.post('/api/users', { ...newUser(), username: 'outside1', courtId: courtId.吉0103 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.courtId', code: 'invalid_value' }]);
    expect(await byUsername('outside1')).toBeUndefined();
  });

  it('refuses malformed usernames and phone numbers, and an empty role list', async () => {
    const body = expectProblem(
      await courtadmin.post('/api/users', { ...newUser(), username: 'a b', phone: '12345', roles: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.phone', 'body.roles', 'body.username']);
  });

  it('a court administrator holding every permission of `admin` may grant `admin`', async () => {
    const response = await courtadmin.post('/api/users', { ...newUser(), username: 'deputyadmin', roles: ['admin'] });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().roles).toEqual(['admin']);
  });

  it('a judge (no user.manage) cannot create users (403)', async () => {
    expectProblem(await judge.post('/api/users', { ...newUser(), username: 'byjudge1' }), 403, 'FORBIDDEN');
    expect(await byUsername('byjudge1')).toBeUndefined();
  });
});

describe('privilege escalation', () => {
  let userManager: Client;
  let victimAdmin: UserBody;

  beforeAll(async () => {
    const role = await admin.post('/api/roles', {
      code: 'user-manager',
      nameZh: '用户管理员',
      nameEn: 'User manager',
      permissions: ['user.read', 'user.manage'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const created = await admin.post('/api/users', {
      username: 'usermgr',
      displayName: '用户管理员',
      courtId: courtId.吉0102,
      roles: ['user-manager'],
      password: 'Manager-pass1',
    });
    expect(created.statusCode, created.body).toBe(201);
    userManager = await signInNewAccount(t.app, 'usermgr', 'Manager-pass1');
    const victim = await courtadmin.post('/api/users', {
      username: 'victimadmin',
      displayName: '另一位管理员',
      courtId: courtId.吉0102,
      roles: ['admin'],
      password: 'Victim-pass1',
    });
    expect(victim.statusCode, victim.body).toBe(201);
    victimAdmin = victim.json();
  });

  it('a user with only user.manage cannot grant `admin` when creating a user (403, nothing created)', async () => {
    const body = expectProblem(
      await userManager.post('/api/users', {
        username: 'sneaky1',
        displayName: '越权',
        courtId: courtId.吉0102,
        roles: ['admin'],
        password: 'Sneaky-pass1',
      }),
      403,
      'FORBIDDEN',
    );
    // Everything the administrator role holds beyond the manager's own two permissions.
    expect(body.meta.permissions).toEqual(PERMISSION_CODES.filter((p) => p !== 'user.read' && p !== 'user.manage').sort());
    expect(await byUsername('sneaky1')).toBeUndefined();
  });

  it('nor grant `admin` to an existing user, nor to themselves (403, nothing changed)', async () => {
    const before = await readUser(judge.userId);
    expectProblem(await userManager.patch(`/api/users/${judge.userId}`, { roles: ['admin'], version: before.version }), 403, 'FORBIDDEN');
    expect(await readUser(judge.userId)).toEqual(before);
    const self = await readUser(userManager.userId);
    expectProblem(
      await userManager.patch(`/api/users/${userManager.userId}`, { roles: ['admin'], version: self.version }),
      403,
      'FORBIDDEN',
    );
    expect(await readUser(userManager.userId)).toEqual(self);
  });

  it('but may grant a role within their own permissions', async () => {
    const response = await userManager.post('/api/users', {
      username: 'usermgr2',
      displayName: '第二位用户管理员',
      courtId: courtId.吉0102,
      roles: ['user-manager'],
      password: 'Manager-pass2',
    });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('a user with only user.manage cannot reset the password of a more powerful account', async () => {
    const response = await userManager.post(`/api/users/${victimAdmin.id}/reset-password`, { newPassword: 'Taken-over1' });
    const takenOver = await login('victimadmin', 'Taken-over1');
    expect(takenOver.statusCode).toBe(401);
    expectProblem(response, 403, 'FORBIDDEN');
  });

  it('a user with only user.manage cannot disable or demote a more powerful account', async () => {
    const before = await readUser(victimAdmin.id);
    const response = await userManager.patch(`/api/users/${victimAdmin.id}`, { roles: ['user-manager'], version: before.version });
    expect((await readUser(victimAdmin.id)).roles).toEqual(['admin']);
    expectProblem(response, 403, 'FORBIDDEN');
  });
});

describe('editing users', () => {
  it('edits with the right version (200, version + 1) and refuses a stale version (409, nothing changed)', async () => {
    const target = (await byUsername('newclerk1')) as UserBody;
    const ok = await courtadmin.patch(`/api/users/${target.id}`, { displayName: '新书记员甲', phone: '', version: target.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      ...target,
      displayName: '新书记员甲',
      phone: '',
      version: target.version + 1,
      lastLoginAt: ok.json().lastLoginAt,
    });
    const after = await readUser(target.id);
    const body = expectProblem(
      await courtadmin.patch(`/api/users/${target.id}`, { displayName: '过期', version: target.version }),
      409,
      'VERSION_CONFLICT',
    );
    expect(body.meta).toEqual({ currentVersion: after.version });
    expect(await readUser(target.id)).toEqual(after);
  });

  it('changes roles and department', async () => {
    const target = (await byUsername('newclerk1')) as UserBody;
    const civil = await departmentOf('吉0102', '民事审判第一庭');
    const response = await courtadmin.patch(`/api/users/${target.id}`, {
      roles: ['judge-assistant', 'clerk'],
      departmentId: civil,
      version: target.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ roles: ['judge-assistant', 'clerk'], departmentId: civil, departmentName: '民事审判第一庭' });
  });

  it('refuses a department of another court when editing (400) and changes nothing', async () => {
    const target = (await byUsername('newclerk1')) as UserBody;
    const other = await departmentOf('吉0103', '立案庭');
    const body = expectProblem(
      await admin.patch(`/api/users/${target.id}`, { departmentId: other, version: target.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.departmentId', code: 'invalid_value' }]);
    expect(await readUser(target.id)).toEqual(target);
  });

  it('refuses to disable oneself (400 on body.status) and to change one’s own roles', async () => {
    const self = await readUser(courtadmin.userId);
    const body = expectProblem(
      await courtadmin.patch(`/api/users/${self.id}`, { status: 'disabled', version: self.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.status', code: 'invalid_value' }]);
    const roles = expectProblem(
      await courtadmin.patch(`/api/users/${self.id}`, { roles: ['clerk'], version: self.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(roles)).toEqual([{ field: 'body.roles', code: 'invalid_value' }]);
    expect(await readUser(self.id)).toEqual(self);
    expect((await courtadmin.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses a username change (unknown field) with 400', async () => {
    const target = (await byUsername('newclerk1')) as UserBody;
    const body = expectProblem(
      await courtadmin.patch(`/api/users/${target.id}`, { username: 'renamed', version: target.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.username', code: 'unrecognized_keys' }]);
    expect(await readUser(target.id)).toEqual(target);
  });
});

describe('resetting passwords', () => {
  it('an administrator’s reset ends the user’s sessions and forces a change at next sign-in', async () => {
    const first = await signIn(t.app, 'clerk');
    const second = await signIn(t.app, 'clerk');
    const before = await readUser(first.userId);
    const response = await courtadmin.post(`/api/users/${first.userId}/reset-password`, { newPassword: 'Reset-pass1' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('clerk', DEMO_PASSWORD)).statusCode).toBe(401);
    const again = await login('clerk', 'Reset-pass1');
    expect(again.statusCode).toBe(200);
    expect(again.json().user.mustChangePassword).toBe(true);
    expect((await readUser(first.userId)).version).toBe(before.version + 1);
  });

  it('refuses a weak new password with 400 WEAK_PASSWORD on body.newPassword, keeping the old one', async () => {
    const body = expectProblem(
      await courtadmin.post(`/api/users/${judge.userId}/reset-password`, { newPassword: 'weak' }),
      400,
      'WEAK_PASSWORD',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.newPassword']);
    expect((await judge.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('judge', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown user', async () => {
    expectProblem(await courtadmin.post('/api/users/999999/reset-password', { newPassword: 'Reset-pass1' }), 404, 'NOT_FOUND');
  });
});

describe('cross-court scope', () => {
  it('kuancheng (a judge of the sibling court 吉0103) gets 404 reading a 吉0102 user and 403 writing (no user.manage)', async () => {
    judgeUser = await readUser(judge.userId);
    expectProblem(await kuancheng.get(`/api/users/${judge.userId}`), 404, 'NOT_FOUND');
    expectProblem(
      await kuancheng.patch(`/api/users/${judge.userId}`, { displayName: '改名', version: judgeUser.version }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await kuancheng.post(`/api/users/${judge.userId}/reset-password`, { newPassword: 'Stolen-pass1' }), 403, 'FORBIDDEN');
    expect(await readUser(judge.userId)).toEqual(judgeUser);
  });

  it('the 吉0103 administrator gets 404 for GET, PATCH, reset-password and unlock of a 吉0102 user, and nothing changes', async () => {
    judgeUser = await readUser(judge.userId);
    expectProblem(await admin0103.get(`/api/users/${judge.userId}`), 404, 'NOT_FOUND');
    expectProblem(
      await admin0103.patch(`/api/users/${judge.userId}`, { displayName: '改名', status: 'disabled', version: judgeUser.version }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await admin0103.post(`/api/users/${judge.userId}/reset-password`, { newPassword: 'Stolen-pass1' }), 404, 'NOT_FOUND');
    expectProblem(await admin0103.post(`/api/users/${judge.userId}/unlock`), 404, 'NOT_FOUND');
    expect(await readUser(judge.userId)).toEqual(judgeUser);
    expect((await judge.get('/api/auth/me')).statusCode).toBe(200);
    expect((await login('judge', 'Stolen-pass1')).statusCode).toBe(401);
  });

  it('the 吉0103 administrator’s user list holds no 吉0102 user, whatever the filter', async () => {
    const all = await list(admin0103, 'pageSize=200');
    expect(all.total).toBeGreaterThan(0);
    expect(all.items.every((u) => courtIds.吉0103.includes(u.courtId))).toBe(true);
    expect(all.items.map((u) => u.username)).not.toContain('judge');
    expect((await list(admin0103, `courtId=${courtId.吉0102}`)).total).toBe(0);
    expect((await list(admin0103, 'q=judge')).items.map((u) => u.username)).not.toContain('judge');
  });

  it('the 吉01 administrator sees users of 吉0102 and 吉0103 but not of 吉0202', async () => {
    expect((await admin01.get(`/api/users/${judge.userId}`)).statusCode).toBe(200);
    expect((await admin01.get(`/api/users/${kuancheng.userId}`)).statusCode).toBe(200);
    expect((await list(admin01, `courtId=${courtId.吉0102}&pageSize=1`)).total).toBeGreaterThan(0);
    expect((await list(admin01, `courtId=${courtId.吉0103}&pageSize=1`)).total).toBeGreaterThan(0);
    expect((await list(admin01, `courtId=${courtId.吉0202}`)).total).toBe(0);
    const far = (await list(admin, `courtId=${courtId.吉0202}&pageSize=1`)).items[0];
    expectProblem(await admin01.get(`/api/users/${far.id}`), 404, 'NOT_FOUND');
    const all = await list(admin01, 'pageSize=200');
    expect(all.items.some((u) => u.username.startsWith('jl02'))).toBe(false);
    const total01 = all.total;
    const sum = await Promise.all(
      ['吉01', '吉0102', '吉0103', '吉0104', '吉0105'].flatMap((code) =>
        (courtIds[code] ?? []).map(async (id) => (await list(admin, `courtId=${id}&pageSize=1`)).total),
      ),
    );
    expect(total01).toBe(sum.reduce((a, b) => a + b, 0));
  });
});
