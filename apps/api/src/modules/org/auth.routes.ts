import {
  CSRF_COOKIE,
  changePasswordRequest,
  currentUser as currentUserSchema,
  loginRequest,
  loginResponse,
  okResponse,
  SESSION_COOKIE,
} from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { changeOwnPassword, currentUser, resolveSession, signIn, signOut } from './auth.service.js';

export interface AuthRouteOptions {
  db: Db;
  sessionHours: number;
  loginRateLimitPerMinute: number;
  secureCookies: boolean;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, opts) => {
  const { db } = opts;
  const tags = ['auth'];
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: opts.secureCookies };

  app.post(
    '/auth/login',
    {
      schema: { tags, body: loginRequest, response: { 200: loginResponse } },
      config: { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: 60_000 } },
    },
    async (req, reply) => {
      const session = await signIn(db, req.ctx, {
        ...req.body,
        userAgent: req.headers['user-agent'] ?? null,
        sessionHours: opts.sessionHours,
      });
      const resolved = await resolveSession(db, session.token);
      if (!resolved) throw new Error('a session just created could not be resolved');
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
      // Readable by the page's script so it can echo it in the CSRF header; useless to other sites.
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
      return { user: await currentUser(db, resolved.actor), csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { schema: { tags, response: { 200: okResponse } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(db, req.ctx, token);
    reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
    return { ok: true as const };
  });

  app.get('/auth/me', { preHandler: requireAuth, schema: { tags, response: { 200: currentUserSchema } } }, (req) =>
    currentUser(db, actorOf(req)),
  );

  app.post(
    '/auth/password',
    { preHandler: requireAuth, schema: { tags, body: changePasswordRequest, response: { 200: okResponse } } },
    async (req) => {
      await changeOwnPassword(db, req.ctx, actorOf(req), { ...req.body, currentToken: req.cookies[SESSION_COOKIE] ?? '' });
      return { ok: true as const };
    },
  );
};
