import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { health } from '@courtassist/contracts';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from './modules/audit/index.js';
import { calendarRoutes, ensureOfficialCalendar } from './modules/calendar/index.js';
import { caseDeadlineStore, casesRoutes, ensureCaseReferenceData, referenceRoutes } from './modules/cases/index.js';
import { deadlinesRoutes, sweepDeadlineWarnings } from './modules/deadlines/index.js';
import { hearingsRoutes } from './modules/hearings/index.js';
import { deliverInApp, notificationsRoutes } from './modules/notifications/index.js';
import { ensureBuiltinRoles, orgPlugin, purgeExpiredSessions, sessionResolver } from './modules/org/index.js';
import { workbenchRoutes } from './modules/workbench/index.js';
import { authPlugin } from './platform/auth.js';
import type { AppConfig } from './platform/config.js';
import { type Database, openDatabase } from './platform/db.js';
import { AppError } from './platform/errors.js';
import { registerErrorHandling, sendProblem } from './platform/http-errors.js';
import { startScheduler } from './platform/scheduler.js';

export interface BuildOptions {
  /** A database opened by the caller (tests); otherwise one is opened from the config and closed with the app. */
  database?: Database;
  logger?: boolean | Record<string, unknown>;
  /** Run periodic jobs (session clean-up …). Off in tests. */
  scheduler?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Resolves when no request handler is running any more (or after `timeoutMs`). */
    drain(timeoutMs: number): Promise<void>;
  }
}

/** Builds the whole application without listening: `main.ts` listens, tests use `app.inject()`. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const database = options.database ?? (await openDatabase(config));
  const ownsDatabase = !options.database;
  await database.migrate();
  await ensureBuiltinRoles(database.db);
  await ensureOfficialCalendar(database.db);
  await ensureCaseReferenceData(database.db);

  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // A client's request id is kept only when it is short and plain: it ends up in the audit trail.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    forceCloseConnections: 'idle',
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('database', database);
  trackRequestsInFlight(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Only JSON bodies: a cross-site form can post text/plain without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"], 'script-src': ["'self'"] },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, errorResponseBuilder: () => new AppError('RATE_LIMITED', 'limit') });
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'CourtAssist API 法院审判辅助事务管理系统', version: config.version } },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin, { resolveSession: sessionResolver(database.db) });

  await app.register(
    async (api) => {
      api.get('/health', { schema: { tags: ['system'], response: { 200: health } } }, async () => ({
        status: 'ok' as const,
        db: database.kind,
        version: config.version,
      }));
      await api.register(orgPlugin, {
        db: database.db,
        sessionHours: config.sessionHours,
        loginRateLimitPerMinute: config.loginRateLimitPerMinute,
        secureCookies: config.secureCookies,
      });
      await api.register(auditRoutes, { db: database.db });
      await api.register(calendarRoutes, { db: database.db });
      await api.register(workbenchRoutes, { db: database.db });
      await api.register(casesRoutes, { db: database.db });
      await api.register(referenceRoutes, { db: database.db });
      await api.register(deadlinesRoutes, { db: database.db, cases: caseDeadlineStore });
      await api.register(notificationsRoutes, { db: database.db });
      await api.register(hearingsRoutes, { db: database.db });
    },
    { prefix: '/api' },
  );

  serveWebApp(app, config.webDist);

  if (options.scheduler) {
    const stop = startScheduler(
      database.db,
      [
        { name: 'purge-expired-sessions', everyMs: 3_600_000, lockKey: 7_240_010, run: purgeExpiredSessions },
        // Levels change at midnight (China Standard Time); a quarter-hour sweep picks that up soon after.
        { name: 'deadline-warnings', everyMs: 900_000, lockKey: 7_240_020, run: (db) => sweepDeadlineWarnings(db, caseDeadlineStore) },
        // Anything a request left in the outbox (its delivery right after the commit failed).
        { name: 'deliver-notifications', everyMs: 60_000, lockKey: 7_240_021, run: (db) => deliverInApp(db) },
      ],
      app.log,
    );
    app.addHook('onClose', async () => stop());
  }
  if (ownsDatabase) app.addHook('onClose', async () => database.close());
  return app;
}

/** The built web app at `/`, with client-side routes falling back to index.html; `/api/*` misses are problems. */
function serveWebApp(app: FastifyInstance, webDist: string | null) {
  const hasWeb = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (hasWeb) app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api') || !hasWeb || request.method !== 'GET') {
      return sendProblem(request, reply, new AppError('ROUTE_NOT_FOUND', 'not-found'));
    }
    return reply.sendFile('index.html');
  });
}

/**
 * Counts handlers still running. `app.close()` stops listening and closes idle connections, but a
 * handler whose client already hung up may still be working; shutdown waits for it before the
 * database is closed, so that no write is cut off half-way.
 */
function trackRequestsInFlight(app: FastifyInstance) {
  const running = new Set<FastifyRequest>();
  let idle: (() => void)[] = [];
  // A request may be both aborted and answered: the set counts it once.
  const done = async (request: FastifyRequest) => {
    if (!running.delete(request) || running.size > 0) return;
    for (const resolve of idle) resolve();
    idle = [];
  };
  app.addHook('onRequest', async (request) => {
    running.add(request);
  });
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
  app.decorate('drain', (timeoutMs: number) =>
    running.size === 0
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          idle.push(resolve);
          setTimeout(resolve, timeoutMs).unref();
        }),
  );
}
