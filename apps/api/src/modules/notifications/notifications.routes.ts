import { idParam, notificationPage, notificationQuery, unreadCount } from '@courtassist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireAuth } from '../../platform/auth.js';
import type { Db } from '../../platform/db.js';
import { myNotifications, readAllNotifications, readNotification, unreadOf } from './notifications.service.js';

export const notificationsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['notifications'];
  const signedIn = { preHandler: requireAuth };

  app.get('/notifications', { ...signedIn, schema: { tags, querystring: notificationQuery, response: { 200: notificationPage } } }, (req) =>
    myNotifications(db, actorOf(req), req.query),
  );
  app.get('/notifications/unread-count', { ...signedIn, schema: { tags, response: { 200: unreadCount } } }, async (req) => ({
    unread: await unreadOf(db, actorOf(req).userId),
  }));
  app.post('/notifications/:id/read', { ...signedIn, schema: { tags, params: idParam, response: { 200: unreadCount } } }, async (req) => {
    const actor = actorOf(req);
    await readNotification(db, actor, req.params.id);
    return { unread: await unreadOf(db, actor.userId) };
  });
  app.post(
    '/notifications/read-all',
    { ...signedIn, schema: { tags, response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) } } },
    async (req) => ({ marked: await readAllNotifications(db, actorOf(req)), unread: 0 }),
  );
};
