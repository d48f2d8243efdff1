import {
  BUILTIN_ROLES,
  type CourtLevel,
  DEFAULT_TEAM_TEMPLATE,
  type DepartmentKind,
  PERMISSION_CODES,
  type TeamPosition,
} from '@courtassist/contracts';
import { inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import { type Db, type Executor, rows } from '../../platform/db.js';
import { chineseName, mobilePhone, type Random } from '../../seed/random.js';
import { countAllCourts } from './courts.repository.js';
import { courts, departments, roleDefaultGrants, rolePermissions, roles, teamMembers, teams, userRoles, users } from './org.table.js';
import { hashPassword } from './passwords.js';

/**
 * Built-in roles always exist. The administrator role always holds every permission the code
 * knows (so that new features reach administrators). Other built-in roles receive each of their
 * default permissions once — when created, or when a new version adds it to their defaults — and
 * are the administrators' to change after that: a removed permission is not given back.
 */
export async function ensureBuiltinRoles(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const existing = await tx.select({ id: roles.id, code: roles.code }).from(roles);
    const missing = Object.entries(BUILTIN_ROLES).filter(([code]) => !existing.some((r) => r.code === code));
    if (missing.length > 0) {
      await tx.insert(roles).values(missing.map(([code, r]) => ({ code, nameZh: r.zh, nameEn: r.en, builtin: true })));
    }
    const builtin = await tx
      .select({ id: roles.id, code: roles.code })
      .from(roles)
      .where(inArray(roles.code, Object.keys(BUILTIN_ROLES)));
    const offered = await tx.select().from(roleDefaultGrants);
    const due = builtin.flatMap((r) =>
      (r.code === 'admin' ? PERMISSION_CODES : BUILTIN_ROLES[r.code as keyof typeof BUILTIN_ROLES].permissions)
        .filter((permission) => !offered.some((o) => o.roleCode === r.code && o.permission === permission))
        .map((permission) => ({ roleId: r.id, roleCode: r.code, permission })),
    );
    if (due.length === 0) return;
    await tx
      .insert(rolePermissions)
      .values(due.map(({ roleId, permission }) => ({ roleId, permission })))
      .onConflictDoNothing();
    await tx.insert(roleDefaultGrants).values(due.map(({ roleCode, permission }) => ({ roleCode, permission })));
  });
}

// ---------------------------------------------------------------------------------------------
// The demo province. Court names follow real courts of Jilin province; every person, phone number
// and team is invented.

interface CourtPlan {
  key: string;
  level: CourtLevel;
  name: string;
  code: string;
  parent: string | null;
  address: string;
  jurisdiction: string;
  login: string;
}

const TRIBUNAL_TOWNS: Record<string, [string, string]> = {
  吉0102: ['幸福', '新湖'],
  吉0103: ['兰家', '奋进'],
  吉0104: ['永春', '乐山'],
  吉0105: ['劝农', '英俊'],
  吉0202: ['孤店子', '桦皮厂'],
  吉0203: ['江密峰', '乌拉街'],
};

const BASIC_COURTS: [string, string, string, string][] = [
  ['吉0102', '长春市南关区人民法院', '吉01', '南关区'],
  ['吉0103', '长春市宽城区人民法院', '吉01', '宽城区'],
  ['吉0104', '长春市朝阳区人民法院', '吉01', '朝阳区'],
  ['吉0105', '长春市二道区人民法院', '吉01', '二道区'],
  ['吉0202', '吉林市昌邑区人民法院', '吉02', '昌邑区'],
  ['吉0203', '吉林市龙潭区人民法院', '吉02', '龙潭区'],
];

function provincePlan(random: Random): CourtPlan[] {
  const street = () =>
    `${random.pick(['人民大街', '解放大路', '自由大路', '重庆路', '亚泰大街', '长江路', '北京大街', '松江路'])}${random.int(1, 2999)}号`;
  const plan: CourtPlan[] = [
    {
      key: '吉',
      level: 'higher',
      name: '吉林省高级人民法院',
      code: '吉',
      parent: null,
      address: `吉林省长春市${street()}`,
      jurisdiction: '吉林省全省',
      login: 'jl',
    },
    {
      key: '吉01',
      level: 'intermediate',
      name: '长春市中级人民法院',
      code: '吉01',
      parent: '吉',
      address: `吉林省长春市${street()}`,
      jurisdiction: '长春市',
      login: 'jl01',
    },
    {
      key: '吉02',
      level: 'intermediate',
      name: '吉林市中级人民法院',
      code: '吉02',
      parent: '吉',
      address: `吉林省吉林市${street()}`,
      jurisdiction: '吉林市',
      login: 'jl02',
    },
  ];
  for (const [code, name, parent, district] of BASIC_COURTS) {
    const city = parent === '吉01' ? '长春市' : '吉林市';
    plan.push({
      key: code,
      level: 'basic',
      name,
      code,
      parent,
      address: `吉林省${city}${district}${street()}`,
      jurisdiction: `${city}${district}`,
      login: `jl${code.slice(1)}`,
    });
    TRIBUNAL_TOWNS[code].forEach((town, i) => {
      plan.push({
        key: `${code}t${i + 1}`,
        level: 'tribunal',
        name: `${name}${town}人民法庭`,
        code,
        parent: code,
        address: `吉林省${city}${district}${town}${random.pick(['镇', '街道'])}${random.int(1, 300)}号`,
        jurisdiction: `${district}${town}及周边乡镇、街道`,
        login: `jl${code.slice(1)}t${i + 1}`,
      });
    });
  }
  return plan;
}

/** Departments by court level: [name, kind, number of 1+1+1 trial teams]. */
const DEPARTMENTS: Record<CourtLevel, [string, DepartmentKind, number][]> = {
  higher: [
    ['立案庭', 'filing', 0],
    ['民事审判第一庭', 'civil', 1],
    ['刑事审判第一庭', 'criminal', 1],
    ['行政审判庭', 'administrative', 1],
    ['执行局', 'enforcement', 1],
    ['审判管理办公室', 'management', 0],
    ['办公室', 'office', 0],
  ],
  intermediate: [
    ['立案庭', 'filing', 0],
    ['民事审判第一庭', 'civil', 2],
    ['刑事审判庭', 'criminal', 1],
    ['行政审判庭', 'administrative', 1],
    ['执行局', 'enforcement', 1],
    ['审判管理办公室', 'management', 0],
    ['审判辅助事务集约中心', 'centre', 0],
  ],
  basic: [
    ['立案庭', 'filing', 0],
    ['民事审判第一庭', 'civil', 2],
    ['民事审判第二庭', 'civil', 1],
    ['刑事审判庭', 'criminal', 1],
    ['行政审判庭', 'administrative', 1],
    ['执行局', 'enforcement', 2],
    ['审判管理办公室', 'management', 0],
    ['审判辅助事务集约中心', 'centre', 0],
  ],
  tribunal: [['综合审判庭', 'tribunal', 1]],
};

/** Extra staff per department kind, by role: filing clerks, centre staff, inspectors. */
const SUPPORT_STAFF: Partial<Record<DepartmentKind, [string, number][]>> = {
  filing: [['clerk', 2]],
  centre: [['centre-staff', 4]],
  management: [['inspector', 2]],
  office: [['clerk', 1]],
};

export const DEMO_PASSWORD = 'Demo@2026';
export const ADMIN_PASSWORD = 'Admin@2026';

/** The accounts the README lists; all others generated share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: { username: string; court: string; role: string; password: string; note: string }[] = [
  { username: 'admin', court: '吉', role: 'admin', password: ADMIN_PASSWORD, note: '全省系统管理员 province administrator' },
  { username: 'courtadmin', court: '吉0102', role: 'admin', password: DEMO_PASSWORD, note: '南关区法院系统管理员 court administrator' },
  { username: 'president', court: '吉0102', role: 'president', password: DEMO_PASSWORD, note: '南关区法院院长 court president' },
  { username: 'divhead', court: '吉0102', role: 'division-head', password: DEMO_PASSWORD, note: '民事审判第一庭庭长 division head' },
  { username: 'judge', court: '吉0102', role: 'judge', password: DEMO_PASSWORD, note: '员额法官 judge (team 1)' },
  { username: 'assistant', court: '吉0102', role: 'judge-assistant', password: DEMO_PASSWORD, note: '法官助理 judge assistant (team 1)' },
  { username: 'clerk', court: '吉0102', role: 'clerk', password: DEMO_PASSWORD, note: '书记员 clerk (team 1)' },
  { username: 'centre', court: '吉0102', role: 'centre-staff', password: DEMO_PASSWORD, note: '集约中心工作人员 centre staff' },
  { username: 'inspector', court: '吉0102', role: 'inspector', password: DEMO_PASSWORD, note: '质检员 quality inspector' },
  { username: 'enforcer', court: '吉0102', role: 'enforcement-officer', password: DEMO_PASSWORD, note: '执行干警 enforcement officer' },
  {
    username: 'grassroots',
    court: '吉0102t1',
    role: 'grassroots-assistant',
    password: DEMO_PASSWORD,
    note: '幸福法庭司法协助员 grassroots assistant',
  },
  {
    username: 'kuancheng',
    court: '吉0103',
    role: 'judge',
    password: DEMO_PASSWORD,
    note: '宽城区法院法官（兄弟法院） judge of a sibling court',
  },
];

interface PersonPlan {
  username: string;
  displayName: string;
  phone: string;
  courtKey: string;
  department: string | null;
  roles: string[];
  team?: { key: string; position: TeamPosition };
  password: 'demo' | 'admin';
}

interface TeamPlan {
  key: string;
  courtKey: string;
  department: string;
  name: string;
}

const POSITION_ROLE: Record<TeamPosition, string> = { judge: 'judge', assistant: 'judge-assistant', clerk: 'clerk' };

function staffPlan(random: Random, plan: CourtPlan[]): { people: PersonPlan[]; teamPlans: TeamPlan[] } {
  const people: PersonPlan[] = [];
  const teamPlans: TeamPlan[] = [];
  const seq = new Map<string, number>();
  const person = (court: CourtPlan, department: string | null, roleCodes: string[], team?: PersonPlan['team']) => {
    const n = (seq.get(court.key) ?? 0) + 1;
    seq.set(court.key, n);
    people.push({
      username: `${court.login}-${String(n).padStart(3, '0')}`,
      displayName: chineseName(random),
      phone: mobilePhone(random),
      courtKey: court.key,
      department,
      roles: roleCodes,
      team,
      password: 'demo',
    });
  };
  for (const court of plan) {
    person(court, null, [court.level === 'tribunal' ? 'division-head' : 'president']);
    if (court.level !== 'tribunal') person(court, null, ['admin']);
    for (const [name, kind, teamCount] of DEPARTMENTS[court.level]) {
      if (teamCount > 0 && court.level !== 'tribunal') person(court, name, ['division-head', 'judge']);
      for (let t = 1; t <= teamCount; t++) {
        const key = `${court.key}/${name}/${t}`;
        teamPlans.push({ key, courtKey: court.key, department: name, name: `${name}第${t}审判团队` });
        for (const position of ['judge', 'assistant', 'clerk'] as TeamPosition[]) {
          const roleCodes =
            kind === 'enforcement' && position !== 'clerk' ? ['enforcement-officer', POSITION_ROLE[position]] : [POSITION_ROLE[position]];
          person(court, name, roleCodes, { key, position });
        }
      }
      for (const [role, count] of SUPPORT_STAFF[kind] ?? []) for (let i = 0; i < count; i++) person(court, name, [role]);
    }
    if (court.level === 'tribunal') for (let i = 0; i < 3; i++) person(court, null, ['grassroots-assistant']);
  }
  assignDemoAccounts(people);
  return { people, teamPlans };
}

/** Renames one generated person per demo account, so the named accounts sit in real teams. */
function assignDemoAccounts(people: PersonPlan[]) {
  const taken = new Set<PersonPlan>();
  for (const account of DEMO_ACCOUNTS) {
    const match = (p: PersonPlan) =>
      !taken.has(p) &&
      p.courtKey === account.court &&
      p.roles.includes(account.role) &&
      // A plain judge account is a team's judge, not a division head who also judges.
      (account.role !== 'judge' || p.team?.position === 'judge') &&
      (account.role !== 'division-head' || p.department === '民事审判第一庭') &&
      (!['judge', 'judge-assistant', 'clerk'].includes(account.role) ||
        account.court !== '吉0102' ||
        p.team?.key === '吉0102/民事审判第一庭/1');
    const found = people.find(match);
    if (!found) throw new Error(`demo plan has no place for ${account.username}`);
    taken.add(found);
    found.username = account.username;
    found.password = account.password === ADMIN_PASSWORD ? 'admin' : 'demo';
  }
}

export interface SeededOrganisation {
  courts: number;
  departments: number;
  teams: number;
  users: number;
}

/** Allocates `n` ids of a serial column in one round trip, so rows can be inserted with their ids. */
async function allocateIds(ex: Executor, table: string, n: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT nextval(pg_get_serial_sequence(${table}, 'id'))::int AS id FROM generate_series(1, ${n}) ORDER BY 1`,
  );
  return found.map((r) => r.id);
}

/** Loads the demo province with multi-row inserts in one transaction. Refuses a database that has courts. */
export async function seedOrganisation(
  db: Db,
  random: Random,
  progress: (message: string) => void = () => undefined,
): Promise<SeededOrganisation> {
  await ensureBuiltinRoles(db);
  if ((await countAllCourts(db)) > 0)
    throw new Error('The database already holds courts; demo organisation data is only loaded into an empty one.');
  const plan = provincePlan(random);
  const { people, teamPlans } = staffPlan(random, plan);
  const [demoHash, adminHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(ADMIN_PASSWORD)]);
  return db.transaction(async (tx) => {
    const courtIds = await insertCourts(tx, plan);
    progress(`courts: ${plan.length}`);
    const departmentIds = await insertDepartments(tx, plan, courtIds);
    progress(`departments: ${departmentIds.size}`);
    const teamIds = await insertTeams(tx, teamPlans, courtIds, departmentIds);
    const userIds = await insertPeople(tx, people, courtIds, departmentIds, { demo: demoHash, admin: adminHash });
    await insertMemberships(tx, people, userIds, teamIds);
    progress(`users: ${people.length}, teams: ${teamPlans.length}`);
    const summary = { courts: plan.length, departments: departmentIds.size, teams: teamPlans.length, users: people.length };
    await recordAudit(tx, systemContext('seed'), {
      entityType: 'province',
      entityId: courtIds.get('吉') ?? 0,
      action: 'seed',
      courtId: null,
      after: summary,
    });
    return summary;
  });
}

async function insertCourts(tx: Executor, plan: CourtPlan[]): Promise<Map<string, number>> {
  const ids = await allocateIds(tx, 'courts', plan.length);
  const byKey = new Map(plan.map((c, i) => [c.key, ids[i]]));
  const paths = new Map<string, string>();
  const values = plan.map((c) => {
    const path = `${c.parent ? paths.get(c.parent) : '/'}${byKey.get(c.key)}/`;
    paths.set(c.key, path);
    const { key: _k, parent, login: _l, ...court } = c;
    return { ...court, id: byKey.get(c.key) as number, parentId: parent ? (byKey.get(parent) as number) : null, path };
  });
  await tx.insert(courts).values(values);
  return byKey;
}

async function insertDepartments(tx: Executor, plan: CourtPlan[], courtIds: Map<string, number>): Promise<Map<string, number>> {
  const values = plan.flatMap((c) => DEPARTMENTS[c.level].map(([name, kind]) => ({ courtId: courtIds.get(c.key) as number, name, kind })));
  const inserted = await tx
    .insert(departments)
    .values(values)
    .returning({ id: departments.id, courtId: departments.courtId, name: departments.name });
  const keyOfCourt = new Map([...courtIds].map(([k, id]) => [id, k]));
  return new Map(inserted.map((d) => [`${keyOfCourt.get(d.courtId)}/${d.name}`, d.id]));
}

async function insertTeams(
  tx: Executor,
  teamPlans: TeamPlan[],
  courtIds: Map<string, number>,
  departmentIds: Map<string, number>,
): Promise<Map<string, number>> {
  const ids = await allocateIds(tx, 'teams', teamPlans.length);
  await tx.insert(teams).values(
    teamPlans.map((t, i) => ({
      id: ids[i],
      courtId: courtIds.get(t.courtKey) as number,
      departmentId: departmentIds.get(`${t.courtKey}/${t.department}`) as number,
      name: t.name,
      template: DEFAULT_TEAM_TEMPLATE,
    })),
  );
  return new Map(teamPlans.map((t, i) => [t.key, ids[i]]));
}

async function insertPeople(
  tx: Executor,
  people: PersonPlan[],
  courtIds: Map<string, number>,
  departmentIds: Map<string, number>,
  hashes: { demo: string; admin: string },
): Promise<number[]> {
  const ids = await allocateIds(tx, 'users', people.length);
  await tx.insert(users).values(
    people.map((p, i) => ({
      id: ids[i],
      username: p.username,
      displayName: p.displayName,
      phone: p.phone,
      courtId: courtIds.get(p.courtKey) as number,
      departmentId: p.department ? (departmentIds.get(`${p.courtKey}/${p.department}`) ?? null) : null,
      passwordHash: hashes[p.password],
    })),
  );
  const roleRows = await tx
    .select({ id: roles.id, code: roles.code })
    .from(roles)
    .where(inArray(roles.code, Object.keys(BUILTIN_ROLES)));
  const roleId = new Map(roleRows.map((r) => [r.code, r.id]));
  await tx
    .insert(userRoles)
    .values(people.flatMap((p, i) => p.roles.map((code) => ({ userId: ids[i], roleId: roleId.get(code) as number }))));
  return ids;
}

async function insertMemberships(tx: Executor, people: PersonPlan[], userIds: number[], teamIds: Map<string, number>) {
  const values = people.flatMap((p, i) =>
    p.team ? [{ teamId: teamIds.get(p.team.key) as number, userId: userIds[i], position: p.team.position }] : [],
  );
  await tx.insert(teamMembers).values(values);
}
