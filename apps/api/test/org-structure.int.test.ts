import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type Client, createTestApp, signIn, type TestApp } from './harness.js';

interface DepartmentBody {
  id: number;
  courtId: number;
  courtName: string;
  name: string;
  kind: string;
  active: boolean;
  version: number;
}
interface MemberBody {
  userId: number;
  displayName: string;
  position: 'judge' | 'assistant' | 'clerk';
}
interface TeamBody {
  id: number;
  courtId: number;
  courtName: string;
  departmentId: number;
  departmentName: string;
  name: string;
  template: { judge: number; assistant: number; clerk: number };
  members: MemberBody[];
  version: number;
}
interface UserBody {
  id: number;
  username: string;
  courtId: number;
  departmentId: number | null;
  roles: string[];
  status: string;
  version: number;
}

let t: TestApp;
let admin: Client;
let courtadmin: Client;
let judge: Client;
/** Non-tribunal court ids by code. */
const courtId: Record<string, number> = {};
/** Tribunal ids of 吉0102. */
let tribunals0102: number[];

beforeAll(async () => {
  t = await createTestApp();
  [admin, courtadmin, judge] = await Promise.all([
    signIn(t.app, 'admin', ADMIN_PASSWORD),
    signIn(t.app, 'courtadmin'),
    signIn(t.app, 'judge'),
  ]);
  const courts = (await admin.get('/api/courts')).json().items as { id: number; code: string; level: string }[];
  for (const c of courts) if (c.level !== 'tribunal') courtId[c.code] = c.id;
  tribunals0102 = courts.filter((c) => c.level === 'tribunal' && c.code === '吉0102').map((c) => c.id);
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

async function departmentsOf(
  client: Client,
  query = '',
): Promise<{ items: DepartmentBody[]; total: number; page: number; pageSize: number }> {
  const response = await client.get(`/api/departments?pageSize=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function readDepartment(id: number): Promise<DepartmentBody> {
  const response = await admin.get(`/api/departments/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function readTeam(id: number): Promise<TeamBody> {
  const response = await admin.get(`/api/teams/${id}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

async function usersOfCourt(id: number, extra = ''): Promise<UserBody[]> {
  return (await admin.get(`/api/users?courtId=${id}&pageSize=200${extra}`)).json().items;
}

describe('departments: listing', () => {
  it('lists the departments in scope with a total, page by page (courtadmin: 8 in 吉0102 + 1 per tribunal)', async () => {
    const all = await departmentsOf(courtadmin);
    expect(all.total).toBe(10);
    const seen: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const response = await courtadmin.get(`/api/departments?page=${page}&pageSize=3`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ total: 10, page, pageSize: 3 });
      expect(body.items).toHaveLength(page < 4 ? 3 : 1);
      seen.push(...body.items.map((d: DepartmentBody) => d.id));
    }
    expect(new Set(seen).size).toBe(10);
    expect(seen.sort()).toEqual(all.items.map((d) => d.id).sort());
    const beyond = (await courtadmin.get('/api/departments?page=5&pageSize=3')).json();
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(10);
  });

  it('filters by courtId (exact court, not its subtree)', async () => {
    const body = await departmentsOf(admin, `&courtId=${courtId.吉0103}`);
    expect(body.total).toBe(8);
    expect(body.items.every((d) => d.courtId === courtId.吉0103 && d.courtName === '长春市宽城区人民法院')).toBe(true);
    const tribunal = await departmentsOf(courtadmin, `&courtId=${tribunals0102[0]}`);
    expect(tribunal.total).toBe(1);
    expect(tribunal.items[0].kind).toBe('tribunal');
  });

  it('a courtId outside the scope yields an empty page, not another court’s departments', async () => {
    const body = await departmentsOf(courtadmin, `&courtId=${courtId.吉0103}`);
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('the province administrator sees all 81 departments', async () => {
    expect((await departmentsOf(admin)).total).toBe(81);
  });

  it('refuses unknown query parameters and a page size over 200', async () => {
    expect(fieldsOf(expectProblem(await admin.get('/api/departments?sort=name'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.sort', code: 'unrecognized_keys' },
    ]);
    expect(fieldsOf(expectProblem(await admin.get('/api/departments?pageSize=201'), 400, 'VALIDATION_FAILED'))).toEqual([
      { field: 'query.pageSize', code: 'too_big' },
    ]);
  });
});

describe('departments: writing', () => {
  let created: DepartmentBody;

  it('creates a department in the actor’s court', async () => {
    const response = await courtadmin.post('/api/departments', { courtId: courtId.吉0102, name: '诉讼服务中心', kind: 'filing' });
    expect(response.statusCode, response.body).toBe(201);
    created = response.json();
    expect(created).toMatchObject({
      courtId: courtId.吉0102,
      courtName: '长春市南关区人民法院',
      name: '诉讼服务中心',
      kind: 'filing',
      active: true,
      version: 1,
    });
    expect(await readDepartment(created.id)).toEqual(created);
    expect((await departmentsOf(courtadmin)).total).toBe(11);
  });

  it('edits it with the right version: 200 and version + 1', async () => {
    const response = await courtadmin.patch(`/api/departments/${created.id}`, { name: '诉讼服务中心（立案）', active: false, version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ ...created, name: '诉讼服务中心（立案）', active: false, version: 2 });
    created = response.json();
    expect(await readDepartment(created.id)).toEqual(created);
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const body = expectProblem(
      await courtadmin.patch(`/api/departments/${created.id}`, { name: '过期修改', version: 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(body.meta).toEqual({ currentVersion: 2 });
    expect(await readDepartment(created.id)).toEqual(created);
  });

  it('refuses a duplicate name within the court with 409 DUPLICATE on body.name (create and edit)', async () => {
    const before = (await departmentsOf(courtadmin)).total;
    const body = expectProblem(
      await courtadmin.post('/api/departments', { courtId: courtId.吉0102, name: '立案庭', kind: 'filing' }),
      409,
      'DUPLICATE',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    expect((await departmentsOf(courtadmin)).total).toBe(before);
    const edit = expectProblem(
      await courtadmin.patch(`/api/departments/${created.id}`, { name: '立案庭', version: created.version }),
      409,
      'DUPLICATE',
    );
    expect(edit.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    expect(await readDepartment(created.id)).toEqual(created);
  });

  it('allows the same name in another court', async () => {
    const response = await admin.post('/api/departments', { courtId: courtId.吉0103, name: '诉讼服务中心', kind: 'filing' });
    expect(response.statusCode, response.body).toBe(201);
  });

  it('answers 404 for reading or editing a department of another court, and changes nothing', async () => {
    const other = (await departmentsOf(admin, `&courtId=${courtId.吉0103}`)).items[0];
    expectProblem(await courtadmin.get(`/api/departments/${other.id}`), 404, 'NOT_FOUND');
    expectProblem(await courtadmin.patch(`/api/departments/${other.id}`, { name: '越权', version: other.version }), 404, 'NOT_FOUND');
    expect(await readDepartment(other.id)).toEqual(other);
  });

  it('refuses to create a department in a court outside the scope (400 on body.courtId)', async () => {
    const before = (await departmentsOf(admin, `&courtId=${courtId.吉0103}`)).total;
    const body = expectProblem(
      await courtadmin.post('/api/departments', { courtId: courtId.吉0103, name: '越权部门', kind: 'other' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.courtId', code: 'invalid_value' }]);
    expect((await departmentsOf(admin, `&courtId=${courtId.吉0103}`)).total).toBe(before);
  });

  it('refuses a judge (no org.manage) with 403 and an unknown kind with 400', async () => {
    const before = (await departmentsOf(courtadmin)).total;
    expectProblem(await judge.post('/api/departments', { courtId: courtId.吉0102, name: '法官部门', kind: 'other' }), 403, 'FORBIDDEN');
    expectProblem(await judge.patch(`/api/departments/${created.id}`, { name: '法官改名', version: created.version }), 403, 'FORBIDDEN');
    const body = expectProblem(
      await courtadmin.post('/api/departments', { courtId: courtId.吉0102, name: '怪部门', kind: 'weird' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['body.kind']);
    expect((await departmentsOf(courtadmin)).total).toBe(before);
    expect(await readDepartment(created.id)).toEqual(created);
  });
});

describe('trial teams', () => {
  let civil2: DepartmentBody;
  let team: TeamBody;
  let judges: UserBody[];
  let assistants: UserBody[];
  let clerks: UserBody[];

  beforeAll(async () => {
    civil2 = (await departmentsOf(courtadmin, `&courtId=${courtId.吉0102}`)).items.find(
      (d) => d.name === '民事审判第二庭',
    ) as DepartmentBody;
    judges = await usersOfCourt(courtId.吉0102, '&role=judge');
    assistants = await usersOfCourt(courtId.吉0102, '&role=judge-assistant');
    clerks = await usersOfCourt(courtId.吉0102, '&role=clerk');
  });

  it('lists teams in scope with their members (1 judge + 1 assistant + 1 clerk each)', async () => {
    const response = await courtadmin.get('/api/teams?pageSize=200');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // 吉0102: civil-1 ×2, civil-2, criminal, administrative, enforcement ×2 = 7 trial teams; each
    // tribunal 1; and the auxiliary-affairs centre's team (集约事务组), whose members are centre staff.
    expect(body.total).toBe(10);
    const centre = (body.items as TeamBody[]).filter((x) => x.name === '集约事务组');
    expect(centre).toHaveLength(1);
    expect(centre[0].members.length).toBeGreaterThan(0);
    for (const item of (body.items as TeamBody[]).filter((x) => x.name !== '集约事务组')) {
      expect(item.template).toEqual({ judge: 1, assistant: 1, clerk: 1 });
      expect(item.members.map((m) => m.position)).toEqual(['judge', 'assistant', 'clerk']);
      expect(item.members.every((m) => m.displayName.length > 0)).toBe(true);
    }
    const first = (body.items as TeamBody[]).find((x) => x.name === '民事审判第一庭第1审判团队' && x.courtId === courtId.吉0102);
    expect(first?.members.map((m) => m.userId)).toContain(judge.userId);
  });

  it('filters teams by courtId and departmentId, with pagination totals', async () => {
    const byCourt = (await courtadmin.get(`/api/teams?courtId=${courtId.吉0102}`)).json();
    expect(byCourt.total).toBe(8);
    expect(byCourt.items.every((x: TeamBody) => x.courtId === courtId.吉0102)).toBe(true);
    const byDepartment = (await courtadmin.get(`/api/teams?departmentId=${civil2.id}`)).json();
    expect(byDepartment.total).toBe(1);
    expect(byDepartment.items[0].departmentName).toBe('民事审判第二庭');
    const page = (await courtadmin.get('/api/teams?page=2&pageSize=4')).json();
    expect(page).toMatchObject({ total: 10, page: 2, pageSize: 4 });
    expect(page.items).toHaveLength(4);
    expect((await courtadmin.get(`/api/teams?courtId=${courtId.吉0103}`)).json()).toMatchObject({ items: [], total: 0 });
  });

  it('creates a team with a template and no members', async () => {
    const response = await courtadmin.post('/api/teams', {
      departmentId: civil2.id,
      name: '民事审判第二庭第2审判团队',
      template: { judge: 1, assistant: 2, clerk: 1 },
    });
    expect(response.statusCode, response.body).toBe(201);
    team = response.json();
    expect(team).toMatchObject({
      courtId: courtId.吉0102,
      departmentId: civil2.id,
      departmentName: '民事审判第二庭',
      template: { judge: 1, assistant: 2, clerk: 1 },
      members: [],
      version: 1,
    });
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('uses the default 1+1+1 template when none is given', async () => {
    const response = await courtadmin.post('/api/teams', { departmentId: civil2.id, name: '民事审判第二庭第3审判团队' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().template).toEqual({ judge: 1, assistant: 1, clerk: 1 });
  });

  it('refuses a duplicate team name in the department (409) and a department of another court (400)', async () => {
    const before = (await courtadmin.get('/api/teams')).json().total;
    const duplicate = expectProblem(
      await courtadmin.post('/api/teams', { departmentId: civil2.id, name: '民事审判第二庭第2审判团队' }),
      409,
      'DUPLICATE',
    );
    expect(duplicate.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    const otherDepartment = (await departmentsOf(admin, `&courtId=${courtId.吉0103}`)).items[0];
    const outside = expectProblem(
      await courtadmin.post('/api/teams', { departmentId: otherDepartment.id, name: '越权团队' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(outside)).toEqual([{ field: 'body.departmentId', code: 'invalid_value' }]);
    expect((await courtadmin.get('/api/teams')).json().total).toBe(before);
  });

  it('sets members within the template: 200, version + 1, members ordered by position', async () => {
    const members = [
      { userId: clerks[0].id, position: 'clerk' },
      { userId: assistants[0].id, position: 'assistant' },
      { userId: judges[0].id, position: 'judge' },
      { userId: assistants[1].id, position: 'assistant' },
    ];
    const response = await courtadmin.put(`/api/teams/${team.id}/members`, { members, version: team.version });
    expect(response.statusCode, response.body).toBe(200);
    const updated: TeamBody = response.json();
    expect(updated.version).toBe(team.version + 1);
    expect(updated.members.map((m) => m.position)).toEqual(['judge', 'assistant', 'assistant', 'clerk']);
    expect(updated.members.map((m) => m.userId).sort()).toEqual(members.map((m) => m.userId).sort());
    team = updated;
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('refuses more members than the template allows (400 on body.members.<position>) and changes nothing', async () => {
    const body = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, {
        members: [
          { userId: judges[0].id, position: 'judge' },
          { userId: judges[1].id, position: 'judge' },
        ],
        version: team.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.members.judge', code: 'too_big' }]);
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('refuses a user of another court, also one of its own tribunals (400 on the member’s userId), and changes nothing', async () => {
    const kuancheng = (await admin.get('/api/users?q=kuancheng')).json().items[0] as UserBody;
    const body = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, {
        members: [
          { userId: judges[0].id, position: 'judge' },
          { userId: kuancheng.id, position: 'assistant' },
        ],
        version: team.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.members.1.userId', code: 'invalid_value' }]);
    const tribunalUser = (await usersOfCourt(tribunals0102[0]))[0];
    const tribunal = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, {
        members: [{ userId: tribunalUser.id, position: 'clerk' }],
        version: team.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(tribunal)).toEqual([{ field: 'body.members.0.userId', code: 'invalid_value' }]);
    const unknown = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, { members: [{ userId: 999999, position: 'clerk' }], version: team.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(unknown)).toEqual([{ field: 'body.members.0.userId', code: 'invalid_value' }]);
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('refuses a disabled user as a member', async () => {
    const target = clerks[clerks.length - 1];
    const disabled = await courtadmin.patch(`/api/users/${target.id}`, { status: 'disabled', version: target.version });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const body = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, { members: [{ userId: target.id, position: 'clerk' }], version: team.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.members.0.userId', code: 'invalid_value' }]);
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('refuses the same person twice (400 on body.members) and changes nothing', async () => {
    const body = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, {
        members: [
          { userId: assistants[0].id, position: 'assistant' },
          { userId: assistants[0].id, position: 'assistant' },
        ],
        version: team.version,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.members', code: 'invalid_value' }]);
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('refuses a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const body = expectProblem(
      await courtadmin.put(`/api/teams/${team.id}/members`, {
        members: [{ userId: judges[0].id, position: 'judge' }],
        version: team.version - 1,
      }),
      409,
      'VERSION_CONFLICT',
    );
    expect(body.meta).toEqual({ currentVersion: team.version });
    expect(await readTeam(team.id)).toEqual(team);
    expectProblem(
      await courtadmin.patch(`/api/teams/${team.id}`, { name: '过期改名', version: team.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('edits the name and template; refuses a template smaller than the current members', async () => {
    const renamed = await courtadmin.patch(`/api/teams/${team.id}`, { name: '民事审判第二庭速裁团队', version: team.version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toEqual({ ...team, name: '民事审判第二庭速裁团队', version: team.version + 1 });
    team = renamed.json();
    const body = expectProblem(
      await courtadmin.patch(`/api/teams/${team.id}`, { template: { judge: 1, assistant: 1, clerk: 1 }, version: team.version }),
      400,
      'VALIDATION_FAILED',
    );
    expect(fieldsOf(body)).toEqual([{ field: 'body.template', code: 'too_small' }]);
    expect(await readTeam(team.id)).toEqual(team);
  });

  it('empties a team with an empty member list', async () => {
    const response = await courtadmin.put(`/api/teams/${team.id}/members`, { members: [], version: team.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().members).toEqual([]);
    team = response.json();
  });

  it('answers 404 for reading, editing or staffing a team of another court, and changes nothing', async () => {
    const other = (await admin.get(`/api/teams?courtId=${courtId.吉0103}`)).json().items[0] as TeamBody;
    expectProblem(await courtadmin.get(`/api/teams/${other.id}`), 404, 'NOT_FOUND');
    expectProblem(await courtadmin.patch(`/api/teams/${other.id}`, { name: '越权改名', version: other.version }), 404, 'NOT_FOUND');
    expectProblem(await courtadmin.put(`/api/teams/${other.id}/members`, { members: [], version: other.version }), 404, 'NOT_FOUND');
    expect(await readTeam(other.id)).toEqual(other);
  });

  it('refuses a judge (no org.manage) with 403 on every team write', async () => {
    expectProblem(await judge.post('/api/teams', { departmentId: civil2.id, name: '法官自建团队' }), 403, 'FORBIDDEN');
    expectProblem(await judge.patch(`/api/teams/${team.id}`, { name: '法官改名', version: team.version }), 403, 'FORBIDDEN');
    expectProblem(await judge.put(`/api/teams/${team.id}/members`, { members: [], version: team.version }), 403, 'FORBIDDEN');
    expect(await readTeam(team.id)).toEqual(team);
  });
});
