import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit.js';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { insertCourt } from './courts.repository.js';
import { courtPlacementProblem, isStrongPassword } from './org.policy.js';
import { ensureBuiltinRoles } from './org.seed.js';
import { courts, roles, users } from './org.table.js';
import { hashPassword } from './passwords.js';
import { setUserRoles } from './roles.repository.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import { clearLoginFailures, insertUser, setPassword } from './users.repository.js';

// Command-line use cases act with full rights, as the operator of the installation: whoever can
// run the CLI can already read the database directly.

export async function createUserFromCli(
  db: Db,
  input: { username: string; displayName: string; courtCode: string; roles: string[]; password: string },
): Promise<number> {
  if (!isStrongPassword(input.password)) throw new AppError('WEAK_PASSWORD', 'validation');
  await ensureBuiltinRoles(db);
  const [court] = await db
    .select({ id: courts.id })
    .from(courts)
    .where(sql`${courts.code} = ${input.courtCode} AND ${courts.level} <> 'tribunal'`);
  if (!court) throw new Error(`No court with code ${input.courtCode}`);
  const roleRows = await db.select({ id: roles.id, code: roles.code }).from(roles);
  const unknown = input.roles.filter((code) => !roleRows.some((r) => r.code === code));
  if (unknown.length > 0) throw new Error(`Unknown roles: ${unknown.join(', ')} (known: ${roleRows.map((r) => r.code).join(', ')})`);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      phone: '',
      courtId: court.id,
      departmentId: null,
      passwordHash,
      mustChangePassword: false,
    });
    await setUserRoles(
      tx,
      id,
      roleRows.filter((r) => input.roles.includes(r.code)).map((r) => r.id),
    );
    await recordAudit(tx, systemContext('cli'), {
      entityType: 'user',
      entityId: id,
      action: 'create',
      courtId: court.id,
      after: { username: input.username, displayName: input.displayName, roles: input.roles },
    });
    return id;
  });
}

export async function resetPasswordFromCli(db: Db, username: string, password: string): Promise<void> {
  if (!isStrongPassword(password)) throw new AppError('WEAK_PASSWORD', 'validation');
  const [user] = await db
    .select({ id: users.id, courtId: users.courtId })
    .from(users)
    .where(sql`lower(${users.username}) = ${username.toLowerCase()}`);
  if (!user) throw new Error(`No user named ${username}`);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash, true);
    await deleteSessionsOfUser(tx, user.id);
    await clearLoginFailures(tx, username);
    await recordAudit(tx, systemContext('cli'), { entityType: 'user', entityId: user.id, action: 'reset-password', courtId: user.courtId });
  });
}

/** The first court of a real installation (a province's higher court), made from the command line. */
export async function createRootCourt(db: Db, input: { name: string; code: string }): Promise<number> {
  const problem = courtPlacementProblem('higher', input.code, null);
  if (problem) throw new Error(`A higher court's code is one province character, e.g. 吉 (got "${input.code}")`);
  const [existing] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, input.code));
  if (existing) throw new Error(`A court with code ${input.code} exists already`);
  return db.transaction(async (tx) => {
    const court = await insertCourt(tx, {
      parentId: null,
      parentPath: null,
      level: 'higher',
      name: input.name,
      code: input.code,
      address: '',
      jurisdiction: '',
    });
    await recordAudit(tx, systemContext('cli'), {
      entityType: 'court',
      entityId: court.id,
      action: 'create',
      courtId: court.id,
      after: { name: input.name, code: input.code, level: 'higher' },
    });
    return court.id;
  });
}
