/**
 * Module `notifications`: the outbox (written in the same transaction as the change that causes a
 * notification) and its channel adapters; for now the in-app one, which the users' list reads.
 */
export { type Notice, outboxInsertSql } from './notifications.repository.js';
export { notificationsRoutes } from './notifications.routes.js';
export { deliverInApp, deliverSoon, notify, unreadOf } from './notifications.service.js';
