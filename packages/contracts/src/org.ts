import { z } from 'zod';
import { dbId, dbIdParam, idParam, pageOf, pageQuery, versionField } from './common.js';
import { COURT_LEVELS, DEPARTMENT_KINDS, TEAM_POSITIONS } from './courts.js';
import { PERMISSION_CODES } from './permissions.js';

const name = z.string().trim().min(1).max(100);
const optionalText = (max: number) => z.string().trim().max(max).default('');

// ---- courts ----
export const court = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  level: z.enum(COURT_LEVELS),
  name: z.string(),
  code: z.string(),
  address: z.string(),
  jurisdiction: z.string(),
  version: z.number().int(),
});
export type Court = z.infer<typeof court>;
export const courtList = z.object({ items: z.array(court), total: z.number().int() });

export const createCourtRequest = z.strictObject({
  parentId: dbId.nullable(),
  level: z.enum(COURT_LEVELS),
  name,
  code: z.string().trim().min(1).max(16),
  address: optionalText(200),
  jurisdiction: optionalText(2000),
});
export type CreateCourtRequest = z.infer<typeof createCourtRequest>;

export const updateCourtRequest = z.strictObject({
  name: name.optional(),
  address: z.string().trim().max(200).optional(),
  jurisdiction: z.string().trim().max(2000).optional(),
  version: versionField,
});
export type UpdateCourtRequest = z.infer<typeof updateCourtRequest>;

// ---- departments ----
export const department = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  name: z.string(),
  kind: z.enum(DEPARTMENT_KINDS),
  active: z.boolean(),
  version: z.number().int(),
});
export type Department = z.infer<typeof department>;

export const departmentQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  ...pageQuery,
});
export const departmentPage = pageOf(department);

export const createDepartmentRequest = z.strictObject({
  courtId: dbId,
  name,
  kind: z.enum(DEPARTMENT_KINDS),
});
export const updateDepartmentRequest = z.strictObject({
  name: name.optional(),
  kind: z.enum(DEPARTMENT_KINDS).optional(),
  active: z.boolean().optional(),
  version: versionField,
});

// ---- teams ----
export const teamTemplate = z.strictObject({
  judge: z.number().int().min(1).max(5),
  assistant: z.number().int().min(0).max(10),
  clerk: z.number().int().min(0).max(10),
});

export const teamMember = z.object({
  userId: z.number().int(),
  displayName: z.string(),
  position: z.enum(TEAM_POSITIONS),
});

export const team = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  departmentId: z.number().int(),
  departmentName: z.string(),
  name: z.string(),
  template: teamTemplate,
  members: z.array(teamMember),
  version: z.number().int(),
});
export type Team = z.infer<typeof team>;

export const teamQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  departmentId: dbIdParam.optional(),
  ...pageQuery,
});
export const teamPage = pageOf(team);

export const createTeamRequest = z.strictObject({
  departmentId: dbId,
  name,
  template: teamTemplate.default({ judge: 1, assistant: 1, clerk: 1 }),
});
export const updateTeamRequest = z.strictObject({
  name: name.optional(),
  template: teamTemplate.optional(),
  version: versionField,
});
export const setTeamMembersRequest = z.strictObject({
  members: z.array(z.strictObject({ userId: dbId, position: z.enum(TEAM_POSITIONS) })).max(30),
  version: versionField,
});

// ---- roles ----
const permissionEnum = z.enum(PERMISSION_CODES as [string, ...string[]]);
export const role = z.object({
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  builtin: z.boolean(),
  permissions: z.array(permissionEnum),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type Role = z.infer<typeof role>;
export const roleList = z.object({ items: z.array(role), total: z.number().int() });

export const createRoleRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/),
  nameZh: name,
  nameEn: name,
  permissions: z.array(permissionEnum).max(200),
});
export const updateRoleRequest = z.strictObject({
  nameZh: name.optional(),
  nameEn: name.optional(),
  permissions: z.array(permissionEnum).max(200).optional(),
  version: versionField,
});

export const permissionInfo = z.object({ code: z.string(), zh: z.string(), en: z.string() });
export const permissionList = z.object({ items: z.array(permissionInfo) });

// ---- users ----
export const USER_STATUSES = ['active', 'disabled'] as const;

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string(),
  courtId: z.number().int(),
  courtName: z.string(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.enum(USER_STATUSES),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const userQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  departmentId: dbIdParam.optional(),
  role: z.string().max(40).optional(),
  status: z.enum(USER_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(['username', 'displayName', 'id']).default('id'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageQuery,
});
export type UserQuery = z.infer<typeof userQuery>;
export const userPage = pageOf(user);

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/)
  .default('');

export const createUserRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,40}$/),
  displayName: name,
  phone,
  courtId: dbId,
  departmentId: dbId.nullable().default(null),
  roles: z.array(z.string()).min(1).max(20),
  password: z.string().min(1).max(128),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.strictObject({
  displayName: name.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/)
    .optional(),
  departmentId: dbId.nullable().optional(),
  roles: z.array(z.string()).min(1).max(20).optional(),
  status: z.enum(USER_STATUSES).optional(),
  version: versionField,
});
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export const resetPasswordRequest = z.strictObject({ newPassword: z.string().min(1).max(128) });

export { idParam };
