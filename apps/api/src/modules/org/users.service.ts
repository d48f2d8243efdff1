import { type CreateUserRequest, ERRORS, type UpdateUserRequest, type User, type UserQuery } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { findCourtInScope } from './courts.repository.js';
import { duplicateOn } from './courts.service.js';
import { findDepartmentInScope } from './departments.repository.js';
import { isStrongPassword, permissionsBeyond } from './org.policy.js';
import { hashPassword } from './passwords.js';
import { findRolesByCodes, setUserRoles } from './roles.repository.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import {
  clearLoginFailures,
  findUserInScope,
  insertUser,
  listUsers,
  setPassword,
  type UserRecord,
  updateUser,
} from './users.repository.js';

export function weakPassword(field: string): AppError {
  return new AppError('WEAK_PASSWORD', 'validation', { fields: [fieldProblem(field, 'custom', ERRORS.WEAK_PASSWORD)] });
}

export function toUser(row: UserRecord): User {
  const { mustChangePassword: _m, ...user } = row;
  return { ...user, lockedUntil: row.lockedUntil?.toISOString() ?? null, lastLoginAt: row.lastLoginAt?.toISOString() ?? null };
}

/** What the trail keeps of a user: never the password hash. */
function auditable(user: User) {
  const { lockedUntil: _l, lastLoginAt: _a, courtName: _c, departmentName: _d, ...rest } = user;
  return rest;
}

export async function findUsers(db: Db, actor: Actor, query: UserQuery) {
  const { items, total } = await listUsers(db, actor, query);
  return { items: items.map(toUser), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<User> {
  const row = await findUserInScope(db, actor, id);
  if (!row) throw AppError.notFound();
  return toUser(row);
}

/** Role codes → role ids, refusing unknown roles and roles carrying powers the actor lacks. */
async function grantableRoleIds(ex: Executor, actor: Actor, codes: string[]): Promise<number[]> {
  const found = await findRolesByCodes(ex, codes);
  const unknown = codes.filter((c) => !found.some((r) => r.code === c));
  if (unknown.length > 0)
    throw AppError.invalid(
      fieldProblem('body.roles', 'invalid_value', { zh: `未知角色：${unknown.join('、')}`, en: `Unknown roles: ${unknown.join(', ')}` }),
    );
  const beyond = permissionsBeyond(
    actor.permissions,
    found.flatMap((r) => r.permissions),
  );
  if (beyond.length > 0) throw new AppError('FORBIDDEN', 'forbidden', { meta: { permissions: beyond } });
  return found.map((r) => r.id);
}

async function checkDepartment(ex: Executor, actor: Actor, courtId: number, departmentId: number | null | undefined) {
  if (!departmentId) return;
  const department = await findDepartmentInScope(ex, actor, departmentId);
  if (!department || department.courtId !== courtId) throw AppError.invalid(fieldProblem('body.departmentId', 'invalid_value'));
  checkActiveDepartment(department);
}

/**
 * Acting on an account (editing, disabling, resetting its password, unlocking it) is refused
 * when the account holds permissions the actor lacks: otherwise a user manager could take over
 * an administrator's account by resetting its password.
 */
async function refuseMorePowerful(ex: Executor, actor: Actor, target: User): Promise<void> {
  const held = (await findRolesByCodes(ex, target.roles)).flatMap((r) => r.permissions);
  const beyond = permissionsBeyond(actor.permissions, held);
  if (beyond.length > 0) throw new AppError('FORBIDDEN', 'forbidden', { meta: { permissions: beyond } });
}

function checkActiveDepartment(department: { active: boolean } | null) {
  if (department && !department.active) {
    throw AppError.invalid(fieldProblem('body.departmentId', 'invalid_value', { zh: '该部门已停用', en: 'This department is inactive' }));
  }
}

export async function createUser(db: Db, ctx: RequestContext, actor: Actor, input: CreateUserRequest): Promise<User> {
  if (!(await findCourtInScope(db, actor, input.courtId))) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  await checkDepartment(db, actor, input.courtId, input.departmentId);
  if (!isStrongPassword(input.password)) throw weakPassword('body.password');
  const roleIds = await grantableRoleIds(db, actor, input.roles);
  const passwordHash = await hashPassword(input.password);
  try {
    const id = await db.transaction(async (tx) => {
      const { password: _p, roles: _r, ...values } = input;
      // An account made by someone else starts with a password its owner must replace.
      const newId = await insertUser(tx, { ...values, passwordHash, mustChangePassword: true });
      await setUserRoles(tx, newId, roleIds);
      await recordAudit(tx, ctx, {
        entityType: 'user',
        entityId: newId,
        action: 'create',
        courtId: input.courtId,
        after: { ...values, roles: input.roles },
      });
      return newId;
    });
    return getUser(db, actor, id);
  } catch (error) {
    return duplicateOn(error, 'body.username');
  }
}

export async function editUser(db: Db, ctx: RequestContext, actor: Actor, id: number, input: UpdateUserRequest): Promise<User> {
  const before = await getUser(db, actor, id);
  await refuseMorePowerful(db, actor, before);
  const { version, roles, ...patch } = input;
  if (id === actor.userId && patch.status === 'disabled') {
    throw AppError.invalid(
      fieldProblem('body.status', 'invalid_value', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' }),
    );
  }
  if (patch.departmentId !== undefined && patch.departmentId !== before.departmentId)
    await checkDepartment(db, actor, before.courtId, patch.departmentId);
  const roleIds = roles ? await grantableRoleIds(db, actor, roles) : null;
  if (roles && id === actor.userId && [...new Set(roles)].sort().join() !== [...before.roles].sort().join()) {
    throw AppError.invalid(
      fieldProblem('body.roles', 'invalid_value', { zh: '不能修改自己的角色', en: 'You cannot change your own roles' }),
    );
  }
  await db.transaction(async (tx) => {
    if (!(await updateUser(tx, id, version, patch))) throw AppError.versionConflict(before.version);
    if (roleIds) await setUserRoles(tx, id, roleIds);
    if (patch.status === 'disabled') await deleteSessionsOfUser(tx, id);
    const after = { ...auditable(before), ...patch, roles: roles ?? before.roles };
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: auditable(before),
      after,
      omit: ['version'],
    });
  });
  return getUser(db, actor, id);
}

/**
 * Turns an account off or on because of another module's decision — a grassroots assistant who
 * leaves the network loses their sign-in, and gets it back when reinstated. It runs inside the
 * caller's transaction, so the decision, the account and both audit rows commit together.
 * Disabling ends every session at once (the next request answers 401), as editUser does.
 * An account holding only `ownRoles` (the roles the caller's domain gave it) follows the caller's
 * permission; any other account needs the powers of user management over it (refuseMorePowerful),
 * so the network cannot be used to switch off, say, a judge's account. Answers the new status, or
 * null when the account is not in the actor's scope.
 */
export async function setLinkedAccountStatus(
  tx: Executor,
  ctx: RequestContext,
  actor: Actor,
  userId: number,
  status: 'active' | 'disabled',
  ownRoles: readonly string[],
  reason: string,
): Promise<'active' | 'disabled' | null> {
  const row = await findUserInScope(tx, actor, userId);
  if (!row) return null;
  if (row.status === status) return status;
  const before = toUser(row);
  if (before.roles.some((r) => !ownRoles.includes(r))) {
    if (!actor.permissions.has('user.manage')) throw AppError.forbidden();
    await refuseMorePowerful(tx, actor, before);
  }
  if (!(await updateUser(tx, userId, before.version, { status }))) throw AppError.versionConflict(before.version);
  if (status === 'disabled') await deleteSessionsOfUser(tx, userId);
  await recordAudit(tx, ctx, {
    entityType: 'user',
    entityId: userId,
    action: 'update',
    courtId: before.courtId,
    before: { status: before.status },
    after: { status, reason },
  });
  return status;
}

/** An administrator sets a new password; the owner must change it at next sign-in, and all sessions end. */
export async function resetPassword(db: Db, ctx: RequestContext, actor: Actor, id: number, newPassword: string): Promise<void> {
  const user = await getUser(db, actor, id);
  await refuseMorePowerful(db, actor, user);
  if (!isStrongPassword(newPassword)) throw weakPassword('body.newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, id, passwordHash, true);
    await deleteSessionsOfUser(tx, id);
    await clearLoginFailures(tx, user.username);
    await recordAudit(tx, ctx, { entityType: 'user', entityId: id, action: 'reset-password', courtId: user.courtId });
  });
}

export async function unlockUser(db: Db, ctx: RequestContext, actor: Actor, id: number): Promise<User> {
  const user = await getUser(db, actor, id);
  await refuseMorePowerful(db, actor, user);
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, user.username);
    await recordAudit(tx, ctx, {
      entityType: 'user',
      entityId: id,
      action: 'unlock',
      courtId: user.courtId,
      before: { lockedUntil: user.lockedUntil },
      after: { lockedUntil: null },
    });
  });
  return getUser(db, actor, id);
}
