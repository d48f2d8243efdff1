import { auditPage, auditQuery } from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { findAuditEntries } from './audit.service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/audit',
    { preHandler: requirePermission('audit.read'), schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditPage } } },
    (req) => findAuditEntries(db, actorOf(req), req.query),
  );
};
