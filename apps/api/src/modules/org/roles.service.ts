import { PERMISSIONS, type Role } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { duplicateOn } from './courts.service.js';
import { permissionsBeyond } from './org.policy.js';
import { findRole, insertRole, listRoles, type RoleRecord, setRolePermissions, updateRole } from './roles.repository.js';

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

export async function createRole(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { code: string; nameZh: string; nameEn: string; permissions: string[] },
): Promise<Role> {
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
  const before = await getRole(db, id);
  const { version, permissions, ...patch } = input;
  if (permissions) refuseEscalation(actor, permissions);
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
