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
  'calendar.manage': { zh: '管理节假日安排', en: 'Manage the holiday calendar' },
  'case.read': { zh: '查看案件', en: 'View cases' },
  'case.file': { zh: '立案', en: 'File cases' },
  'case.assign': { zh: '分案', en: 'Assign cases' },
  'case.handle': { zh: '办理案件（节点、结案、归档）', en: 'Handle cases (nodes, closure, archiving)' },
  'case.export': { zh: '导出案件列表', en: 'Export case lists' },
  'reference.manage': { zh: '管理案件类型、审限与案由', en: 'Manage case types, trial limits and causes' },
  'hearing.schedule': { zh: '排期开庭（排期、改期、取消、传票）', en: 'Schedule hearings (schedule, reschedule, cancel, summonses)' },
  'courtroom.manage': { zh: '管理法庭', en: 'Manage courtrooms' },
  'limit.request': { zh: '申请审限变更（延长、扣除、中止）', en: 'Request trial-limit changes (extension, deduction, suspension)' },
  'limit.approve': { zh: '审批审限变更（庭长）', en: 'Approve trial-limit changes (division head step)' },
  'limit.approve.president': {
    zh: '审批再次延长审限（院长）',
    en: 'Approve trial-limit extensions beyond the first (president step)',
  },
  'supervision.issue': { zh: '督办案件', en: 'Issue supervision orders' },
  'warning.manage': { zh: '设置审限预警阈值', en: 'Set trial-limit warning thresholds' },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_CODES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(code: string): code is Permission {
  return Object.hasOwn(PERMISSIONS, code);
}

/** Built-in roles. Their permission lists are seeded as defaults and stay editable. */
export const BUILTIN_ROLES = {
  admin: { zh: '系统管理员', en: 'System administrator', permissions: PERMISSION_CODES },
  president: {
    zh: '院长',
    en: 'Court president',
    permissions: [
      'org.read',
      'user.read',
      'audit.read',
      'case.read',
      'case.assign',
      'case.export',
      'limit.approve.president',
      'supervision.issue',
    ],
  },
  'division-head': {
    zh: '庭长',
    en: 'Division head',
    permissions: [
      'org.read',
      'user.read',
      'audit.read',
      'case.read',
      'case.assign',
      'case.handle',
      'case.export',
      'limit.approve',
      'supervision.issue',
    ],
  },
  judge: {
    zh: '员额法官',
    en: 'Judge',
    permissions: ['org.read', 'user.read', 'case.read', 'case.handle', 'case.export', 'hearing.schedule', 'limit.request'],
  },
  'judge-assistant': {
    zh: '法官助理',
    en: 'Judge assistant',
    permissions: ['org.read', 'user.read', 'case.read', 'case.handle', 'case.export', 'hearing.schedule', 'limit.request'],
  },
  clerk: {
    zh: '书记员',
    en: 'Clerk',
    permissions: ['org.read', 'user.read', 'case.read', 'case.file', 'case.handle', 'hearing.schedule'],
  },
  'centre-staff': { zh: '集约中心工作人员', en: 'Centre staff', permissions: ['org.read', 'user.read', 'case.read', 'case.file'] },
  inspector: {
    zh: '质检员',
    en: 'Quality inspector',
    permissions: ['org.read', 'user.read', 'audit.read', 'case.read', 'case.export', 'supervision.issue'],
  },
  'enforcement-officer': { zh: '执行干警', en: 'Enforcement officer', permissions: ['org.read', 'user.read', 'case.read', 'case.handle'] },
  'grassroots-assistant': { zh: '司法协助员', en: 'Grassroots assistant', permissions: [] },
} as const satisfies Record<string, { zh: string; en: string; permissions: readonly Permission[] }>;

export type BuiltinRole = keyof typeof BUILTIN_ROLES;
