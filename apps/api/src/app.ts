import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
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
import { deliveryRoutes, readLinkRoutes, settleDueAnnouncements } from './modules/delivery/index.js';
import { hearingsRoutes } from './modules/hearings/index.js';
import { ensureInspectionRules, inspectionRoutes, runInspection } from './modules/inspection/index.js';
import { ensureNetworkCategories, networkRoutes, sweepNetworkTaskReminders } from './modules/network/index.js';
import {
  createMessageSender,
  deliverInApp,
  type MessageSender,
  messageAdapters,
  notificationsRoutes,
  outboxRoutes,
} from './modules/notifications/index.js';
import { ensureBuiltinRoles, orgPlugin, purgeExpiredSessions, sessionResolver } from './modules/org/index.js';
import { sweepWorkOrderWarnings, workOrdersRoutes } from './modules/work-orders/index.js';
import { workbenchRoutes } from './modules/workbench/index.js';
import { sealAuditTrail } from './platform/audit.js';
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
  /** The random source of the automatic draw (分案), uniform in [0, 1); tests pass a seeded one to replay draws. */
  random?: () => number;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    /** Sends queued SMS and mail (the outbox's external channels). */
    messages: MessageSender;
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
  await ensureInspectionRules(database.db);
  await ensureNetworkCategories(database.db);

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
  const messages = createMessageSender(database.db, messageAdapters(config), app.log);
  app.decorate('messages', messages);
  // Right after a request whose transaction queued SMS or mail, they are sent; the scheduled job
  // below picks up the rest (failures waiting for a retry, messages queued by jobs).
  app.addHook('onResponse', async () => messages.kickIfQueued());
  app.addHook('preClose', async () => messages.stop());
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
      await api.register(casesRoutes, { db: database.db, random: options.random ?? Math.random });
      await api.register(referenceRoutes, { db: database.db });
      await api.register(deadlinesRoutes, { db: database.db, cases: caseDeadlineStore });
      await api.register(notificationsRoutes, { db: database.db });
      await api.register(outboxRoutes, { db: database.db, sender: messages });
      await api.register(hearingsRoutes, { db: database.db });
      await api.register(workOrdersRoutes, { db: database.db });
      await api.register(inspectionRoutes, { db: database.db });
      await api.register(deliveryRoutes, { db: database.db, publicBaseUrl: config.publicBaseUrl });
      await api.register(networkRoutes, { db: database.db });
    },
    { prefix: '/api' },
  );

  // Electronic delivery's public read links (/r/<token>): a route, so the web app's fallback never answers them.
  await app.register(readLinkRoutes, { db: database.db });
  serveWebApp(app, config.webDist);

  if (options.scheduler) {
    const stop = startScheduler(
      database.db,
      [
        // Audit records are written unsealed (no lock on the write path); this chains them soon after.
        { name: 'seal-audit-trail', everyMs: 1_000, lockKey: 7_240_005, run: (db) => sealAuditTrail(db) },
        { name: 'purge-expired-sessions', everyMs: 3_600_000, lockKey: 7_240_010, run: purgeExpiredSessions },
        // Levels change at midnight (China Standard Time); a quarter-hour sweep picks that up soon after.
        { name: 'deadline-warnings', everyMs: 900_000, lockKey: 7_240_020, run: (db) => sweepDeadlineWarnings(db, caseDeadlineStore) },
        // Anything a request left in the outbox (its delivery right after the commit failed).
        { name: 'deliver-notifications', everyMs: 60_000, lockKey: 7_240_021, run: (db) => deliverInApp(db) },
        // SMS and mail due (new, or a retry after its back-off): the sender claims them with a lease
        // and sends outside this job's transaction, which must not stay open during network calls.
        { name: 'send-messages', everyMs: 60_000, lockKey: 7_240_060, run: async () => messages.kick() },
        // Work-order time limits are hours or office days: a five-minute sweep warns in time.
        { name: 'work-order-warnings', everyMs: 300_000, lockKey: 7_240_030, run: (db) => sweepWorkOrderWarnings(db) },
        // The nightly inspection batch: once soon after start (like every job), then every 24 hours.
        { name: 'inspection', everyMs: 86_400_000, lockKey: 7_240_050, run: (db) => runInspection(db) },
        // An announcement (公告送达) serves its task on the effective day: an hourly look is soon enough.
        { name: 'delivery-announcements', everyMs: 3_600_000, lockKey: 7_240_040, run: (db) => settleDueAnnouncements(db) },
        // Assistants hear of tasks due tomorrow, assigners of overdue ones, once each: hourly is soon enough.
        { name: 'network-task-reminders', everyMs: 3_600_000, lockKey: 7_240_070, run: (db) => sweepNetworkTaskReminders(db) },
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
  if (hasWeb) {
    app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: 'index.html',
      // The phone pages' service worker: the browser checks it for a new version on every visit.
      setHeaders: (reply, path) => {
        if (basename(path) === 'm-sw.js') reply.header('cache-control', 'no-cache');
      },
    });
  }
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
