import { CSRF_HEADER, type Permission, SESSION_COOKIE } from '@courtassist/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from './context.js';
import { AppError } from './errors.js';

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  /** Set by an administrator's reset: until the owner picks a new password, nothing else is allowed. */
  mustChangePassword: boolean;
}

/** What an account that must change its password may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout', '/api/health']);

/** Looks a session token up; supplied by the `org` module, which owns users and sessions. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie on every request and builds the request context. Writes made with
 * a session cookie must carry the CSRF token in a header: a cross-site page can make the browser
 * send the cookie but cannot read the token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { resolveSession: SessionResolver }) => {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies?.[SESSION_COOKIE];
    request.session = token ? await opts.resolveSession(token) : null;
    request.ctx = { actor: request.session?.actor ?? null, requestId: request.id, ip: request.ip };
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (header !== request.session.csrfToken) throw new AppError('CSRF_FAILED', 'forbidden');
    }
    const path = request.url.split('?')[0];
    if (request.session?.mustChangePassword && path.startsWith('/api/') && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'forbidden');
    }
  });
});

/** The signed-in actor, or 401. */
export function actorOf(request: FastifyRequest): Actor {
  const actor = request.ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', 'auth');
  return actor;
}

export function requireAuth(request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) {
  done(request.ctx.actor ? undefined : new AppError('UNAUTHENTICATED', 'auth'));
}

/** A preHandler refusing actors who lack the permission. */
export function requirePermission(permission: Permission) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    const actor = request.ctx.actor;
    if (!actor) return done(new AppError('UNAUTHENTICATED', 'auth'));
    done(actor.permissions.has(permission) ? undefined : AppError.forbidden());
  };
}

/** A preHandler letting through actors holding any one of the permissions. */
export function requireAnyPermission(...permissions: Permission[]) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    const actor = request.ctx.actor;
    if (!actor) return done(new AppError('UNAUTHENTICATED', 'auth'));
    done(permissions.some((p) => actor.permissions.has(p)) ? undefined : AppError.forbidden());
  };
}
