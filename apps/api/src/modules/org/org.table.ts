import type { TeamTemplate } from '@courtassist/contracts';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/**
 * Courts form a tree. `path` is the materialised path of ids (`/1/2/5/`): a data-scope check is
 * a prefix match on it, which a text_pattern_ops index serves without recursion.
 */
export const courts = pgTable(
  'courts',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => courts.id),
    level: text('level').notNull(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    address: text('address').notNull().default(''),
    jurisdiction: text('jurisdiction').notNull().default(''),
    path: text('path').notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('courts_level_check', sql`${t.level} IN ('higher','intermediate','basic','tribunal')`),
    uniqueIndex('courts_name_key').on(t.name),
    // A people's tribunal files under its basic court's code, so only other levels are unique.
    uniqueIndex('courts_code_key')
      .on(t.code)
      .where(sql`${t.level} <> 'tribunal'`),
    index('courts_path_idx').on(t.path.op('text_pattern_ops')),
    index('courts_parent_idx').on(t.parentId),
  ],
);

export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id')
      .notNull()
      .references(() => courts.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('departments_court_name_key').on(t.courtId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone').notNull().default(''),
    courtId: integer('court_id')
      .notNull()
      .references(() => courts.id),
    departmentId: integer('department_id').references(() => departments.id),
    passwordHash: text('password_hash').notNull(),
    status: text('status').notNull().default('active'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    check('users_status_check', sql`${t.status} IN ('active','disabled')`),
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    index('users_court_idx').on(t.courtId, t.id),
    index('users_department_idx').on(t.departmentId),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    courtId: integer('court_id')
      .notNull()
      .references(() => courts.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    template: jsonb('template').$type<TeamTemplate>().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('teams_department_name_key').on(t.departmentId, t.name), index('teams_court_idx').on(t.courtId)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    position: text('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    check('team_members_position_check', sql`${t.position} IN ('judge','assistant','clerk')`),
    index('team_members_user_idx').on(t.userId),
  ],
);

export const roles = pgTable(
  'roles',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('roles_code_key').on(t.code)],
);

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_roles_role_idx').on(t.roleId)],
);

/** Server-side sessions; `id` is the SHA-256 of the cookie token, so a leaked table grants nothing. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins, keyed by the lower-cased username whether or not such a user exists:
 * unknown and known names lock out alike, so the answer never reveals which exist.
 */
export const loginFailures = pgTable('login_failures', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Default permissions already offered to each built-in role. A permission that a later version
 * adds to a role's defaults is granted once; one an administrator removed is not given back.
 */
export const roleDefaultGrants = pgTable(
  'role_default_grants',
  {
    roleCode: text('role_code').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleCode, t.permission] })],
);
