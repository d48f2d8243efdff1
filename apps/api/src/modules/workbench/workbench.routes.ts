import { workbench } from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requireAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { getWorkbench } from './workbench.service.js';

export const workbenchRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/workbench', { preHandler: requireAuth, schema: { tags: ['workbench'], response: { 200: workbench } } }, (req) =>
    getWorkbench(db, actorOf(req)),
  );
};
