import { BUILTIN_ROLES, PERMISSION_CODES, PERMISSIONS } from '@courtassist/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltinRoles } from '../src/modules/org/index.js';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, signInNewAccount, type TestApp } from './harness.js';

interface RoleBody {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

let t: TestApp;
let admin: Client;
let judge: Client;
let inspector: Client;
let higherCourtId: number;

beforeAll(async () => {
  t = await createTestApp();
  [admin, judge, inspector] = await Promise.all([
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'judge'),
    signIn(t.app, 'inspector'),
  ]);
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
  higherCourtId = (courts.find((c) => c.level === 'higher') as { id: number }).id;
});
afterAll(() => t.close());

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json();
  expect(body.code).toBe(code);
  return body;
}

async function roles(): Promise<RoleBody[]> {
  const response = await admin.get('/api/roles');
  expect(response.statusCode).toBe(200);
  return response.json().items;
}

async function role(code: string): Promise<RoleBody> {
  return (await roles()).find((r) => r.code === code) as RoleBody;
}

describe('listing roles and permissions', () => {
  it('lists the built-in roles with their permissions and number of holders', async () => {
    const response = await admin.get('/api/roles');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(body.items.length);
    const byCode = new Map<string, RoleBody>(body.items.map((r: RoleBody) => [r.code, r]));
    for (const [code, spec] of Object.entries(BUILTIN_ROLES)) {
      const found = byCode.get(code);
      expect(found, code).toBeDefined();
      expect(found).toMatchObject({ builtin: true, nameZh: spec.zh, nameEn: spec.en, version: 1 });
      expect(found?.permissions).toEqual([...spec.permissions].sort());
    }
    // One administrator per non-tribunal court (1 higher + 2 intermediate + 6 basic).
    expect(byCode.get('admin')?.userCount).toBe(9);
    expect(byCode.get('admin')?.permissions).toEqual([...PERMISSION_CODES].sort());
    // Two inspectors per trial-management office (9 non-tribunal courts).
    expect(byCode.get('inspector')?.userCount).toBe(18);
    // An assistant acts on their own tasks only (the repository decides which are theirs).
    expect(byCode.get('grassroots-assistant')?.permissions).toEqual(['network.task.report']);
    expect(byCode.get('grassroots-assistant')?.userCount).toBe(36);
  });

  it('user readers may list roles (to assign them); a user with no permission may not', async () => {
    expect((await judge.get('/api/roles')).statusCode).toBe(200);
    const grassroots = await signIn(t.app, 'grassroots');
    expectProblem(await grassroots.get('/api/roles'), 403, 'FORBIDDEN');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/roles' }), 401, 'UNAUTHENTICATED');
  });

  it('serves the permission catalogue with Chinese and English names to role managers only', async () => {
    const response = await admin.get('/api/permissions');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { code: string; zh: string; en: string }[];
    expect(items.map((p) => p.code)).toEqual(PERMISSION_CODES);
    for (const p of items) expect(p).toEqual({ code: p.code, ...PERMISSIONS[p.code as keyof typeof PERMISSIONS] });
    expectProblem(await judge.get('/api/permissions'), 403, 'FORBIDDEN');
  });
});

describe('custom roles', () => {
  let custom: RoleBody;

  it('creates a custom role', async () => {
    const response = await admin.post('/api/roles', {
      code: 'duty-officer',
      nameZh: '值班员',
      nameEn: 'Duty officer',
      permissions: ['user.read', 'org.read', 'org.read'],
    });
    expect(response.statusCode, response.body).toBe(201);
    custom = response.json();
    expect(custom).toMatchObject({
      code: 'duty-officer',
      nameZh: '值班员',
      nameEn: 'Duty officer',
      builtin: false,
      permissions: ['org.read', 'user.read'],
      userCount: 0,
      version: 1,
    });
    expect(await role('duty-officer')).toEqual(custom);
  });

  it('refuses a duplicate code (409 on body.code), a malformed code and an unknown permission (400), creating nothing', async () => {
    const count = (await roles()).length;
    const duplicate = expectProblem(
      await admin.post('/api/roles', { code: 'judge', nameZh: '法官2', nameEn: 'Judge 2', permissions: [] }),
      409,
      'DUPLICATE',
    );
    expect(duplicate.errors.map((e: { field: string }) => e.field)).toEqual(['body.code']);
    const malformed = expectProblem(
      await admin.post('/api/roles', { code: 'Bad Code', nameZh: '坏', nameEn: 'Bad', permissions: [] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(malformed.errors.map((e: { field: string }) => e.field)).toEqual(['body.code']);
    const unknown = expectProblem(
      await admin.post('/api/roles', {
        code: 'case-deleter',
        nameZh: '删案',
        nameEn: 'Case deleter',
        permissions: ['org.read', 'case.delete'],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['body.permissions.1', 'invalid_value'],
    ]);
    expect((await roles()).length).toBe(count);
  });

  it('edits permissions with the right version: 200, version + 1, permissions sorted', async () => {
    const response = await admin.patch(`/api/roles/${custom.id}`, {
      permissions: ['user.read', 'audit.read', 'org.read'],
      nameEn: 'Duty officer (audit)',
      version: custom.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      ...custom,
      nameEn: 'Duty officer (audit)',
      permissions: ['audit.read', 'org.read', 'user.read'],
      version: custom.version + 1,
    });
    custom = response.json();
    expect(await role('duty-officer')).toEqual(custom);
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const body = expectProblem(
      await admin.patch(`/api/roles/${custom.id}`, { permissions: [], version: custom.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(body.meta).toEqual({ currentVersion: custom.version });
    expect(await role('duty-officer')).toEqual(custom);
  });

  it('refuses an unknown permission code when editing (400) and changes nothing', async () => {
    const body = expectProblem(
      await admin.patch(`/api/roles/${custom.id}`, { permissions: ['root'], version: custom.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.permissions.0']);
    expect(await role('duty-officer')).toEqual(custom);
  });

  it('answers 404 for a role that does not exist', async () => {
    expectProblem(await admin.patch('/api/roles/999999', { nameZh: '无', version: 1 }), 404, 'NOT_FOUND');
  });

  it('refuses a judge (no role.manage) with 403 on create and edit, changing nothing', async () => {
    const count = (await roles()).length;
    expectProblem(
      await judge.post('/api/roles', { code: 'judge-made', nameZh: '法官自建', nameEn: 'Judge made', permissions: [] }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await judge.patch(`/api/roles/${custom.id}`, { permissions: ['org.read'], version: custom.version }), 403, 'FORBIDDEN');
    const judgeRole = await role('judge');
    expectProblem(
      await judge.patch(`/api/roles/${judgeRole.id}`, { permissions: [...PERMISSION_CODES], version: judgeRole.version }),
      403,
      'FORBIDDEN',
    );
    expect((await roles()).length).toBe(count);
    expect(await role('duty-officer')).toEqual(custom);
    expect(await role('judge')).toEqual(judgeRole);
  });
});

describe('roles are managed at the higher court only', () => {
  it('a basic court administrator, though holding role.manage, may not create or edit roles (403)', async () => {
    const courtAdmin = await signIn(t.app, 'courtadmin');
    const created = await courtAdmin.post('/api/roles', {
      code: 'local-role',
      nameZh: '本院角色',
      nameEn: 'Local role',
      permissions: ['org.read'],
    });
    expect(created.statusCode).toBe(403);
    const judgeRole = await role('judge');
    const edited = await courtAdmin.patch(`/api/roles/${judgeRole.id}`, { nameZh: '法官', version: judgeRole.version });
    expect(edited.statusCode).toBe(403);
    expect((await role('judge')).nameZh).toBe(judgeRole.nameZh);
    expect((await roles()).some((r) => r.code === 'local-role')).toBe(false);
  });
});

describe('a role manager cannot hand out powers they lack', () => {
  let roleManager: Client;
  let target: RoleBody;

  beforeAll(async () => {
    const managerRole = await admin.post('/api/roles', {
      code: 'role-manager',
      nameZh: '角色管理员',
      nameEn: 'Role manager',
      permissions: ['role.manage', 'org.read'],
    });

    it('removing a permission the manager does not hold is refused (403), and nothing changes', async () => {
      const auditor = (
        await admin.post('/api/roles', { code: 'auditor', nameZh: '审计员', nameEn: 'Auditor', permissions: ['org.read', 'audit.read'] })
      ).json();
      const refused = await roleManager.patch(`/api/roles/${auditor.id}`, { permissions: ['org.read'], version: auditor.version });
      expect(refused.statusCode).toBe(403);
      expect((await role('auditor')).permissions).toEqual(['audit.read', 'org.read']);
    });

    it('removing role.manage from a role one holds is refused (400), so roles never become unmanageable', async () => {
      const own = await role('role-manager');
      const refused = await roleManager.patch(`/api/roles/${own.id}`, { permissions: ['org.read'], version: own.version });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0].field).toBe('body.permissions');
      expect((await role('role-manager')).permissions).toEqual(own.permissions);
    });
    expect(managerRole.statusCode, managerRole.body).toBe(201);
    const user = await admin.post('/api/users', {
      username: 'rolemgr',
      displayName: '角色管理员',
      // Roles are province-wide: they are managed at the higher court.
      courtId: higherCourtId,
      roles: ['role-manager'],
      password: 'Rolemgr-pass1',
    });
    expect(user.statusCode, user.body).toBe(201);
    roleManager = await signInNewAccount(t.app, 'rolemgr', 'Rolemgr-pass1');
    const created = await admin.post('/api/roles', { code: 'reader', nameZh: '只读', nameEn: 'Reader', permissions: ['org.read'] });
    target = created.json();
  });

  it('adding a permission the editor does not hold is refused with 403 naming it, and nothing changes', async () => {
    const body = expectProblem(
      await roleManager.patch(`/api/roles/${target.id}`, { permissions: ['org.read', 'audit.read'], version: target.version }),
      403,
      'FORBIDDEN',
    );
    expect(body.meta).toEqual({ permissions: ['audit.read'] });
    expect(await role('reader')).toEqual(target);
  });

  it('nor can they raise their own role', async () => {
    const own = await role('role-manager');
    expectProblem(
      await roleManager.patch(`/api/roles/${own.id}`, { permissions: [...PERMISSION_CODES], version: own.version }),
      403,
      'FORBIDDEN',
    );
    expect(await role('role-manager')).toEqual(own);
    expect((await roleManager.get('/api/auth/me')).json().permissions).toEqual(['org.read', 'role.manage']);
  });

  it('creating a role with a permission the creator lacks is refused with 403, creating nothing', async () => {
    const count = (await roles()).length;
    const body = expectProblem(
      await roleManager.post('/api/roles', { code: 'super', nameZh: '超级', nameEn: 'Super', permissions: ['user.manage', 'org.read'] }),
      403,
      'FORBIDDEN',
    );
    expect(body.meta).toEqual({ permissions: ['user.manage'] });
    expect((await roles()).length).toBe(count);
  });

  it('within their own permissions they may create and edit roles', async () => {
    const created = await roleManager.post('/api/roles', {
      code: 'org-viewer',
      nameZh: '组织查看',
      nameEn: 'Organisation viewer',
      permissions: ['org.read'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await roleManager.patch(`/api/roles/${target.id}`, {
      nameZh: '只读用户',
      permissions: ['org.read', 'role.manage'],
      version: target.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ nameZh: '只读用户', permissions: ['org.read', 'role.manage'], version: target.version + 1 });
  });
});

describe('permission changes apply at the holder’s next request', () => {
  it('removing audit.read from `inspector` turns the inspector’s GET /api/audit into 403 in the same session, and restoring it gives access back', async () => {
    expect((await inspector.get('/api/audit')).statusCode).toBe(200);
    const before = await role('inspector');
    const removed = await admin.patch(`/api/roles/${before.id}`, { permissions: ['org.read', 'user.read'], version: before.version });
    expect(removed.statusCode, removed.body).toBe(200);
    expectProblem(await inspector.get('/api/audit'), 403, 'FORBIDDEN');
    expect((await inspector.get('/api/auth/me')).json().permissions).toEqual(['org.read', 'user.read']);
    const restored = await admin.patch(`/api/roles/${before.id}`, { permissions: before.permissions, version: before.version + 1 });
    expect(restored.statusCode, restored.body).toBe(200);
    expect((await inspector.get('/api/audit')).statusCode).toBe(200);
  });

  it('granting a role to a user applies at their next request too', async () => {
    expectProblem(await judge.get('/api/audit'), 403, 'FORBIDDEN');
    const me = (await admin.get(`/api/users/${judge.userId}`)).json();
    const granted = await admin.patch(`/api/users/${judge.userId}`, { roles: ['judge', 'inspector'], version: me.version });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((await judge.get('/api/audit')).statusCode).toBe(200);
    const revoked = await admin.patch(`/api/users/${judge.userId}`, { roles: ['judge'], version: me.version + 1 });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectProblem(await judge.get('/api/audit'), 403, 'FORBIDDEN');
  });
});

describe('the built-in administrator role', () => {
  it('keeps every permission: an edit removing permissions from `admin` is refused', async () => {
    const before = await role('admin');
    try {
      const response = await admin.patch(`/api/roles/${before.id}`, { permissions: ['org.read', 'user.read'], version: before.version });
      expect((await admin.get('/api/auth/me')).json().permissions).toEqual([...PERMISSION_CODES].sort());
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
    } finally {
      await ensureBuiltinRoles(t.database.db);
    }
  });
});
