import { idParam, outboxMessageView, outboxPage, outboxQuery } from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, requirePermission } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { findOutbox, getOutboxMessage, type MessageSender, retryMessage } from './messages.service.js';

export interface OutboxRouteOptions {
  db: Db;
  sender: MessageSender;
}

/** The outbox page of administrators: SMS and mail in their scope, the dead letters, retry. */
export const outboxRoutes: FastifyPluginAsyncZod<OutboxRouteOptions> = async (app, { db, sender }) => {
  const tags = ['notifications'];
  const manage = { preHandler: requirePermission('notifications.manage') };

  app.get('/outbox', { ...manage, schema: { tags, querystring: outboxQuery, response: { 200: outboxPage } } }, (req) =>
    findOutbox(db, actorOf(req), req.query, sender),
  );
  app.get('/outbox/:id', { ...manage, schema: { tags, params: idParam, response: { 200: outboxMessageView } } }, (req) =>
    getOutboxMessage(db, actorOf(req), req.params.id),
  );
  app.post('/outbox/:id/retry', { ...manage, schema: { tags, params: idParam, response: { 200: outboxMessageView } } }, async (req) => {
    const message = await retryMessage(db, req.ctx, actorOf(req), req.params.id);
    sender.kick();
    return message;
  });
};
