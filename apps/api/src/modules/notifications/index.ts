/**
 * Module `notifications`: the outbox (written in the same transaction as the change that causes a
 * notification) and its channel adapters — in-app, which the users' list reads, and the external
 * channels SMS (an HTTP gateway) and mail (SMTP), sent after the commit with retries and a
 * dead-letter state the administrators see on the outbox page.
 */
export { type ChannelAdapter, type ChannelAdapters, messageAdapters } from './adapters.js';
export { type OutboxRouteOptions, outboxRoutes } from './messages.routes.js';
export { normaliseAddress } from './messages.rules.js';
export {
  createMessageSender,
  type MessageSender,
  type MessageSettled,
  type MessageSettledHandler,
  onMessageSettled,
  type QueueMessageInput,
  queueMessage,
} from './messages.service.js';
export { type Notice, outboxInsertSql } from './notifications.repository.js';
export { notificationsRoutes } from './notifications.routes.js';
export { deliverInApp, deliverSoon, notify, unreadOf } from './notifications.service.js';
