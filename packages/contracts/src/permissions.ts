/**
 * Permissions are data: roles hold lists of these codes, and an administrator edits them.
 * The catalogue below is what the code knows how to check; later modules add their own.
 */
export const PERMISSIONS = {
  'org.read': { zh: '查看组织机构', en: 'View organisation' },
  'org.manage': { zh: '管理法院、部门和审判团队', en: 'Manage courts, departments and teams' },
  'user.read': { zh: '查看用户', en: 'View users' },
  'user.manage': { zh: '管理用户（新建、修改、重置密码、解锁）', en: 'Manage users (create, edit, reset password, unlock)' },
  'role.manage': { zh: '管理角色与权限', en: 'Manage roles and permissions' },
  'audit.read': { zh: '查看审计留痕', en: 'View the audit trail' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(code: string): code is Permission {
  return Object.hasOwn(PERMISSIONS, code);
}

/** Built-in roles. Their permission lists are seeded as defaults and stay editable. */
export const BUILTIN_ROLES = {
  admin: { zh: '系统管理员', en: 'System administrator', permissions: PERMISSION_CODES },
  president: { zh: '院长', en: 'Court president', permissions: ['org.read', 'user.read', 'audit.read'] },
  'division-head': { zh: '庭长', en: 'Division head', permissions: ['org.read', 'user.read', 'audit.read'] },
  judge: { zh: '员额法官', en: 'Judge', permissions: ['org.read', 'user.read'] },
  'judge-assistant': { zh: '法官助理', en: 'Judge assistant', permissions: ['org.read', 'user.read'] },
  clerk: { zh: '书记员', en: 'Clerk', permissions: ['org.read', 'user.read'] },
  'centre-staff': { zh: '集约中心工作人员', en: 'Centre staff', permissions: ['org.read', 'user.read'] },
  inspector: { zh: '质检员', en: 'Quality inspector', permissions: ['org.read', 'user.read', 'audit.read'] },
  'enforcement-officer': { zh: '执行干警', en: 'Enforcement officer', permissions: ['org.read', 'user.read'] },
  'grassroots-assistant': { zh: '司法协助员', en: 'Grassroots assistant', permissions: [] },
} as const satisfies Record<string, { zh: string; en: string; permissions: readonly Permission[] }>;

export type BuiltinRole = keyof typeof BUILTIN_ROLES;
