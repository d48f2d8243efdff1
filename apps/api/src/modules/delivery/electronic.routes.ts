import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemContext } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { readPageHtml, unknownLinkHtml } from './electronic.js';
import { openReadLink } from './electronic.service.js';

export interface ReadLinkRouteOptions {
  db: Db;
  /** Opens of read links per minute and client address. */
  perMinute?: number;
}

/**
 * The public read link of electronic delivery, `/r/<token>`, outside `/api` and without sign-in:
 * a small bilingual page for a phone. It is registered before the web app's fallback, so the SPA
 * never answers it. Rate-limited per client; a malformed token costs no database work.
 */
export const readLinkRoutes: FastifyPluginAsyncZod<ReadLinkRouteOptions> = async (app, { db, perMinute = 60 }) => {
  app.get(
    '/r/:token',
    {
      config: { rateLimit: { max: perMinute, timeWindow: 60_000 } },
      schema: { tags: ['delivery'], params: z.object({ token: z.string() }), produces: ['text/html'] },
    },
    async (req, reply) => {
      const ctx = { ...systemContext('read-link'), requestId: req.id, ip: req.ip };
      const found = await openReadLink(db, ctx, req.params.token);
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex, nofollow')
        .header('referrer-policy', 'no-referrer');
      return found ? reply.send(readPageHtml(found)) : reply.code(404).send(unknownLinkHtml());
    },
  );
};
