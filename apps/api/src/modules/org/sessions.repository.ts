import { eq, lt, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { sessions } from './org.table.js';

export async function insertSession(
  ex: Executor,
  values: { id: string; userId: number; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await ex.insert(sessions).values(values);
}

export interface SessionLookup {
  userId: number;
  csrfToken: string;
  username: string;
  displayName: string;
  courtId: number;
  courtPath: string;
  permissions: string[];
  mustChangePassword: boolean;
}

/** One round trip per request: the session, its active user, their court path and permissions. */
export async function lookupSession(ex: Executor, id: string): Promise<SessionLookup | null> {
  const [row] = await rows<SessionLookup>(
    ex,
    sql`SELECT s.user_id AS "userId", s.csrf_token AS "csrfToken", u.username, u.display_name AS "displayName",
               u.court_id AS "courtId", c.path AS "courtPath", u.must_change_password AS "mustChangePassword",
               coalesce(ARRAY(SELECT DISTINCT rp.permission FROM user_roles ur
                              JOIN role_permissions rp ON rp.role_id = ur.role_id
                              WHERE ur.user_id = u.id), '{}') AS permissions
        FROM sessions s
        JOIN users u ON u.id = s.user_id AND u.status = 'active'
        JOIN courts c ON c.id = u.court_id
        WHERE s.id = ${id} AND s.expires_at > now()`,
  );
  return row ?? null;
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.id, id));
}

/** All of a user's sessions end, e.g. after a password reset or when the account is disabled. */
export async function deleteSessionsOfUser(ex: Executor, userId: number, exceptId?: string): Promise<void> {
  await ex
    .delete(sessions)
    .where(exceptId ? sql`${sessions.userId} = ${userId} AND ${sessions.id} <> ${exceptId}` : eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(ex: Executor): Promise<number> {
  const deleted = await ex.delete(sessions).where(lt(sessions.expiresAt, new Date())).returning({ id: sessions.id });
  return deleted.length;
}
