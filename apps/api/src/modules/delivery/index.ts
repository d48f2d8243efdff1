/**
 * Module `delivery`: delivery (送达) of court documents — tasks per document and recipient,
 * address confirmations, attempts by every method with their outcome and evidence, the suggested
 * next step, the proof of delivery and announcement documents, the hotline's call log and the
 * indicators. A task is settled when served or ended as undeliverable (终止送达); the case's delivery
 * node completes when every task is settled and one at least is served, and a 送达 work order is fed
 * back once all its tasks are settled.
 */

export { settleDueAnnouncements } from './announcements.service.js';
export { type AssistedAttempt, deliveryTaskForAssistance, recordAssistedAttempt } from './assisted.service.js';
export { type DeliveryRouteOptions, deliveryRoutes } from './delivery.routes.js';
export { type DeliverySeedOptions, type SeedRandom, seedDelivery } from './delivery.seed.js';
export { type ReadLinkRouteOptions, readLinkRoutes } from './electronic.routes.js';
