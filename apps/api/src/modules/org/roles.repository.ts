import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.js';
import { rolePermissions, roles, userRoles } from './org.table.js';

export interface RoleRecord {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

const roleColumns = {
  id: roles.id,
  code: roles.code,
  nameZh: roles.nameZh,
  nameEn: roles.nameEn,
  builtin: roles.builtin,
  version: roles.version,
  permissions: sql<
    string[]
  >`coalesce((SELECT array_agg(rp.permission ORDER BY rp.permission) FROM role_permissions rp WHERE rp.role_id = ${roles.id}), '{}')`,
  userCount: sql<number>`(SELECT count(*)::int FROM user_roles ur WHERE ur.role_id = ${roles.id})`,
};

export function listRoles(ex: Executor): Promise<RoleRecord[]> {
  return ex.select(roleColumns).from(roles).orderBy(asc(roles.id));
}

export async function findRole(ex: Executor, id: number): Promise<RoleRecord | null> {
  const [row] = await ex.select(roleColumns).from(roles).where(eq(roles.id, id));
  return row ?? null;
}

export function findRolesByCodes(ex: Executor, codes: string[]): Promise<RoleRecord[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return ex.select(roleColumns).from(roles).where(inArray(roles.code, codes));
}

export async function insertRole(
  ex: Executor,
  values: { code: string; nameZh: string; nameEn: string; builtin?: boolean },
): Promise<number> {
  const [row] = await ex.insert(roles).values(values).returning({ id: roles.id });
  return row.id;
}

export async function updateRole(ex: Executor, id: number, version: number, patch: { nameZh?: string; nameEn?: string }): Promise<boolean> {
  const updated = await ex
    .update(roles)
    .set({ ...patch, version: sql`${roles.version} + 1`, updatedAt: new Date() })
    .where(sql`${roles.id} = ${id} AND ${roles.version} = ${version}`)
    .returning({ id: roles.id });
  return updated.length === 1;
}

export async function setRolePermissions(ex: Executor, roleId: number, permissions: readonly string[]): Promise<void> {
  await ex.delete(rolePermissions).where(eq(rolePermissions.roleId, roleId));
  if (permissions.length > 0) await ex.insert(rolePermissions).values(permissions.map((permission) => ({ roleId, permission })));
}

export async function setUserRoles(ex: Executor, userId: number, roleIds: number[]): Promise<void> {
  await ex.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleIds.length > 0) await ex.insert(userRoles).values(roleIds.map((roleId) => ({ userId, roleId })));
}

export async function holdsRole(ex: Executor, userId: number, roleId: number): Promise<boolean> {
  const found = await ex
    .select({ roleId: userRoles.roleId })
    .from(userRoles)
    .where(sql`${userRoles.userId} = ${userId} AND ${userRoles.roleId} = ${roleId}`);
  return found.length > 0;
}
