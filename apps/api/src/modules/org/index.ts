/** Module `org`: courts, departments, trial teams, users, roles, sign-in and sessions. */
import type { FastifyPluginAsync } from 'fastify';
import type { ResolvedSession } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { type AuthRouteOptions, authRoutes } from './auth.routes.js';
import { resolveSession } from './auth.service.js';
import { orgRoutes } from './org.routes.js';

export { createRootCourt, createUserFromCli, resetPasswordFromCli } from './cli.service.js';
export { countAllCourts as countCourts } from './courts.repository.js';
export { organisationOf } from './org.queries.js';
export { DEMO_ACCOUNTS, ensureBuiltinRoles, type SeededOrganisation, seedOrganisation } from './org.seed.js';
export { hashPassword } from './passwords.js';
export { purgeExpiredSessions } from './sessions.repository.js';
export { createUser, setLinkedAccountStatus } from './users.service.js';

export const orgPlugin: FastifyPluginAsync<AuthRouteOptions> = async (app, opts) => {
  await app.register(authRoutes, opts);
  await app.register(orgRoutes, { db: opts.db });
};

export function sessionResolver(db: Db): (token: string) => Promise<ResolvedSession | null> {
  return (token) => resolveSession(db, token);
}
