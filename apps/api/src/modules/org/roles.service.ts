import { PERMISSIONS, type Role } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { duplicateOn } from './courts.service.js';
import { permissionsBeyond } from './org.policy.js';
import { findRole, holdsRole, insertRole, listRoles, type RoleRecord, setRolePermissions, updateRole } from './roles.repository.js';

const toRole = (row: RoleRecord): Role => row;

export async function findRoles(db: Db) {
  const items = (await listRoles(db)).map(toRole);
  return { items, total: items.length };
}

export function permissionCatalogue() {
  return { items: Object.entries(PERMISSIONS).map(([code, names]) => ({ code, ...names })) };
}

async function getRole(db: Db, id: number): Promise<Role> {
  const row = await findRole(db, id);
  if (!row) throw AppError.notFound();
  return toRole(row);
}

function refuseEscalation(actor: Actor, permissions: string[]) {
  const beyond = permissionsBeyond(actor.permissions, permissions);
  if (beyond.length > 0) throw new AppError('FORBIDDEN', 'forbidden', { meta: { permissions: beyond } });
}

/** Roles are province-wide: only an actor of a root (higher) court may change them. */
function refuseBelowRoot(actor: Actor) {
  if (!/^\/\d+\/$/.test(actor.courtPath)) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'Roles apply to the whole province; they are managed at the higher court.' });
  }
}

function invalidPermissions(zh: string, en: string): AppError {
  return AppError.invalid(fieldProblem('body.permissions', 'invalid_value', { zh, en }));
}

/**
 * Rules for changing a role's permissions: the administrator role keeps them all; nobody adds
 * or removes a permission they do not hold; nobody removes role.manage from a role they hold,
 * which could leave the province with no one able to manage roles.
 */
async function checkPermissionChange(db: Db, actor: Actor, role: Role, next: string[]) {
  if (role.code === 'admin')
    throw invalidPermissions('系统管理员角色始终拥有全部权限', 'The administrator role always holds every permission');
  const removed = role.permissions.filter((p) => !next.includes(p));
  refuseEscalation(actor, [...next, ...removed]);
  if (removed.includes('role.manage') && (await holdsRole(db, actor.userId, role.id))) {
    throw invalidPermissions('不能从自己所持角色中移除角色管理权限', 'You cannot remove role management from a role you hold');
  }
}

export async function createRole(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { code: string; nameZh: string; nameEn: string; permissions: string[] },
): Promise<Role> {
  refuseBelowRoot(actor);
  refuseEscalation(actor, input.permissions);
  try {
    const id = await db.transaction(async (tx) => {
      const { permissions, ...values } = input;
      const newId = await insertRole(tx, values);
      await setRolePermissions(tx, newId, [...new Set(permissions)]);
      await recordAudit(tx, ctx, { entityType: 'role', entityId: newId, action: 'create', courtId: null, after: input });
      return newId;
    });
    return getRole(db, id);
  } catch (error) {
    return duplicateOn(error, 'body.code');
  }
}

/**
 * Roles are province-wide, so editing them is for holders of role.manage; a change of
 * permissions must stay within the editor's own, and applies to every holder at their next request.
 */
export async function editRole(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { nameZh?: string; nameEn?: string; permissions?: string[]; version: number },
): Promise<Role> {
  refuseBelowRoot(actor);
  const before = await getRole(db, id);
  const { version, permissions, ...patch } = input;
  if (permissions) await checkPermissionChange(db, actor, before, permissions);
  await db.transaction(async (tx) => {
    if (!(await updateRole(tx, id, version, patch))) throw AppError.versionConflict(before.version);
    if (permissions) await setRolePermissions(tx, id, [...new Set(permissions)].sort());
    const after = { ...before, ...patch, permissions: permissions ? [...new Set(permissions)].sort() : before.permissions };
    await recordAudit(tx, ctx, {
      entityType: 'role',
      entityId: id,
      action: 'update',
      courtId: null,
      before,
      after,
      omit: ['version', 'userCount'],
    });
  });
  return getRole(db, id);
}
