import type { UserQuery } from '@courtassist/contracts';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, escapeLike } from '../../platform/db.js';
import { inScope } from '../../platform/scope.js';
import { courts, departments, loginFailures, users } from './org.table.js';

type Scope = Pick<Actor, 'courtPath'>;

export interface UserRecord {
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
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  mustChangePassword: boolean;
  version: number;
}

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  phone: users.phone,
  courtId: users.courtId,
  courtName: courts.name,
  departmentId: users.departmentId,
  departmentName: departments.name,
  roles: sql<
    string[]
  >`coalesce((SELECT array_agg(r.code ORDER BY r.id) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${users.id}), '{}')`,
  status: sql<'active' | 'disabled'>`${users.status}`,
  lockedUntil:
    sql<Date | null>`(SELECT lf.locked_until FROM login_failures lf WHERE lf.username = lower(${users.username}) AND lf.locked_until > now())`.mapWith(
      (v: string | Date | null) => (v === null ? null : new Date(v)),
    ),
  lastLoginAt: users.lastLoginAt,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
};

function fromUsers(ex: Executor) {
  return ex
    .select(userColumns)
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .leftJoin(departments, eq(departments.id, users.departmentId));
}

function userFilter(scope: Scope, query: Partial<UserQuery>): SQL | undefined {
  const q = query.q?.trim();
  return and(
    inScope(courts.path, scope),
    query.courtId ? eq(users.courtId, query.courtId) : undefined,
    query.departmentId ? eq(users.departmentId, query.departmentId) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.role
      ? sql`EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${users.id} AND r.code = ${query.role})`
      : undefined,
    q ? sql`(${users.username} ILIKE ${`%${escapeLike(q)}%`} OR ${users.displayName} ILIKE ${`%${escapeLike(q)}%`})` : undefined,
  );
}

const SORTS = { id: users.id, username: users.username, displayName: users.displayName } as const;

export async function listUsers(ex: Executor, scope: Scope, query: UserQuery): Promise<{ items: UserRecord[]; total: number }> {
  const where = userFilter(scope, query);
  const column = SORTS[query.sort];
  const items = await fromUsers(ex)
    .where(where)
    .orderBy(query.order === 'desc' ? desc(column) : asc(column), asc(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [{ total }] = await ex
    .select({ total: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(where);
  return { items, total };
}

export async function findUserInScope(ex: Executor, scope: Scope, id: number): Promise<UserRecord | null> {
  const [row] = await fromUsers(ex).where(and(eq(users.id, id), inScope(courts.path, scope)));
  return row ?? null;
}

export async function countUsersInScope(ex: Executor, scope: Scope): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(courts, eq(courts.id, users.courtId))
    .where(inScope(courts.path, scope));
  return row.n;
}

/** For sign-in only: the credentials of a user, found by case-insensitive username. */
export async function findCredentials(
  ex: Executor,
  username: string,
): Promise<{ id: number; displayName: string; passwordHash: string; status: string; courtId: number } | null> {
  const [row] = await ex
    .select({
      id: users.id,
      displayName: users.displayName,
      passwordHash: users.passwordHash,
      status: users.status,
      courtId: users.courtId,
    })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  return row ?? null;
}

export async function passwordHashOf(ex: Executor, id: number): Promise<string | null> {
  const [row] = await ex.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.h ?? null;
}

export async function insertUser(
  ex: Executor,
  values: {
    username: string;
    displayName: string;
    phone: string;
    courtId: number;
    departmentId: number | null;
    passwordHash: string;
    mustChangePassword: boolean;
  },
): Promise<number> {
  const [row] = await ex.insert(users).values(values).returning({ id: users.id });
  return row.id;
}

export async function updateUser(
  ex: Executor,
  id: number,
  version: number,
  patch: { displayName?: string; phone?: string; departmentId?: number | null; status?: string },
): Promise<boolean> {
  const updated = await ex
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return updated.length === 1;
}

export async function setPassword(ex: Executor, id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await ex
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function touchLastLogin(ex: Executor, id: number): Promise<void> {
  await ex.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id));
}

// ---- failed sign-ins ----

export async function lockedUntil(ex: Executor, username: string): Promise<Date | null> {
  const [row] = await ex
    .select({ lockedUntil: loginFailures.lockedUntil })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username.toLowerCase()), sql`${loginFailures.lockedUntil} > now()`));
  return row?.lockedUntil ?? null;
}

/**
 * Counts one more failure atomically (concurrent wrong passwords cannot slip past the limit);
 * the `max`th failure in a row locks the name for `minutes` and restarts the count.
 */
export async function recordLoginFailure(ex: Executor, username: string, max: number, minutes: number): Promise<Date | null> {
  const key = username.toLowerCase();
  const [row] = await ex
    .insert(loginFailures)
    .values({ username: key, failures: 1, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: loginFailures.username,
      set: {
        failures: sql`CASE WHEN ${loginFailures.failures} + 1 >= ${max} THEN 0 ELSE ${loginFailures.failures} + 1 END`,
        lockedUntil: sql`CASE WHEN ${loginFailures.failures} + 1 >= ${max} THEN now() + make_interval(mins => ${minutes}) ELSE ${loginFailures.lockedUntil} END`,
        lastFailureAt: new Date(),
      },
    })
    .returning({ lockedUntil: loginFailures.lockedUntil, failures: loginFailures.failures });
  return row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil : null;
}

export async function clearLoginFailures(ex: Executor, username: string): Promise<void> {
  await ex.delete(loginFailures).where(eq(loginFailures.username, username.toLowerCase()));
}

/** Which of `ids` are active users of the court. */
export async function activeUsersOfCourt(ex: Executor, courtId: number, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await ex
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.courtId, courtId), eq(users.status, 'active'), inArray(users.id, ids)));
  return new Set(found.map((u) => u.id));
}
