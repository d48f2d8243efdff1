import { createHash, randomBytes } from 'node:crypto';
import { type CurrentUser, ERRORS, LOCKOUT_MINUTES, MAX_FAILED_LOGINS, type Permission } from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { ResolvedSession } from '../../platform/auth.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { findCourtById } from './courts.repository.js';
import { isStrongPassword } from './org.policy.js';
import { burnVerification, hashPassword, verifyPassword } from './passwords.js';
import { findRolesByCodes } from './roles.repository.js';
import { deleteSession, deleteSessionsOfUser, insertSession, lookupSession } from './sessions.repository.js';
import {
  clearLoginFailures,
  findCredentials,
  findUserInScope,
  lockedUntil,
  passwordHashOf,
  recordLoginFailure,
  setPassword,
  touchLastLogin,
} from './users.repository.js';
import { weakPassword } from './users.service.js';

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: number;
}

function lockedError(until: Date): AppError {
  return new AppError('ACCOUNT_LOCKED', 'auth', { meta: { lockedUntil: until.toISOString() } });
}

/**
 * Sign-in. Unknown names, disabled accounts and wrong passwords all answer INVALID_CREDENTIALS
 * after the same amount of work, and all count towards the lock-out of that name.
 */
export async function signIn(
  db: Db,
  ctx: RequestContext,
  input: { username: string; password: string; userAgent: string | null; sessionHours: number },
): Promise<SignInResult> {
  const until = await lockedUntil(db, input.username);
  if (until) throw lockedError(until);
  const credentials = await findCredentials(db, input.username);
  let passwordOk = false;
  if (credentials) passwordOk = await verifyPassword(credentials.passwordHash, input.password);
  else await burnVerification(input.password);
  if (!credentials || !passwordOk || credentials.status !== 'active') {
    const lockedNow = await recordLoginFailure(db, input.username, MAX_FAILED_LOGINS, LOCKOUT_MINUTES);
    if (lockedNow) {
      if (credentials) await auditLockout(db, ctx, credentials, lockedNow);
      throw lockedError(lockedNow);
    }
    throw new AppError('INVALID_CREDENTIALS', 'auth');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await clearLoginFailures(tx, input.username);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: credentials.id,
      csrfToken,
      expiresAt,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await touchLastLogin(tx, credentials.id);
    const actorCtx = { ...ctx, actor: { userId: credentials.id, displayName: credentials.displayName } };
    await recordAudit(tx, actorCtx, { entityType: 'user', entityId: credentials.id, action: 'sign-in', courtId: credentials.courtId });
  });
  return { token, csrfToken, expiresAt, userId: credentials.id };
}

async function auditLockout(db: Db, ctx: RequestContext, user: { id: number; courtId: number }, until: Date) {
  await db.transaction((tx) =>
    recordAudit(
      tx,
      { ...ctx, systemName: 'system' },
      {
        entityType: 'user',
        entityId: user.id,
        action: 'lock',
        courtId: user.courtId,
        after: { lockedUntil: until.toISOString() },
      },
    ),
  );
}

export async function signOut(db: Db, ctx: RequestContext, token: string): Promise<void> {
  const actor = ctx.actor;
  await db.transaction(async (tx) => {
    await deleteSession(tx, sessionIdOf(token));
    if (actor) await recordAudit(tx, ctx, { entityType: 'user', entityId: actor.userId, action: 'sign-out', courtId: actor.courtId });
  });
}

export async function resolveSession(db: Db, token: string): Promise<ResolvedSession | null> {
  const found = await lookupSession(db, sessionIdOf(token));
  if (!found) return null;
  return {
    csrfToken: found.csrfToken,
    mustChangePassword: found.mustChangePassword,
    actor: {
      userId: found.userId,
      username: found.username,
      displayName: found.displayName,
      courtId: found.courtId,
      courtPath: found.courtPath,
      permissions: new Set(found.permissions),
    },
  };
}

export async function currentUser(db: Db, actor: Actor): Promise<CurrentUser> {
  const user = await findUserInScope(db, actor, actor.userId);
  const court = await findCourtById(db, actor.courtId);
  if (!user || !court) throw new AppError('UNAUTHENTICATED', 'auth');
  const roles = await findRolesByCodes(db, user.roles);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    court: { id: court.id, name: court.name, level: court.level, code: court.code },
    department: user.departmentId && user.departmentName ? { id: user.departmentId, name: user.departmentName } : null,
    roles: roles.map((r) => ({ code: r.code, nameZh: r.nameZh, nameEn: r.nameEn })),
    permissions: [...actor.permissions].sort() as Permission[],
    mustChangePassword: user.mustChangePassword,
  };
}

/** Changing one's own password ends every other session of the account. */
export async function changeOwnPassword(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; currentToken: string },
): Promise<void> {
  const stored = await passwordHashOf(db, actor.userId);
  if (!stored || !(await verifyPassword(stored, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', 'validation', { fields: [fieldProblem('body.currentPassword', 'custom', ERRORS.WRONG_PASSWORD)] });
  }
  if (!isStrongPassword(input.newPassword)) throw weakPassword('body.newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('WEAK_PASSWORD', 'validation', {
      fields: [
        fieldProblem('body.newPassword', 'custom', {
          zh: '新密码不能与原密码相同',
          en: 'The new password must differ from the current one',
        }),
      ],
    });
  }
  const newHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, actor.userId, newHash, false);
    await deleteSessionsOfUser(tx, actor.userId, sessionIdOf(input.currentToken));
    await recordAudit(tx, ctx, { entityType: 'user', entityId: actor.userId, action: 'change-password', courtId: actor.courtId });
  });
}
