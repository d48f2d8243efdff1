/**
 * Module `work-orders`: work orders (事务工单) of the intensive auxiliary-affairs centre — types
 * as data, the lifecycle, pool, dispatch and hand-over, automatic start on case events, the team
 * board, statistics and the time-limit warnings.
 */

export { type AssignedOrderInput, createOrderForCase } from './assigned-order.service.js';
export { type CaseEventFacts, startOrdersForAssignment, startOrdersForCase, startOrdersForClosure } from './auto-start.service.js';
export { type DeliveryFeedback, type DeliveryFeedbackOutcome, feedbackFromDelivery } from './from-delivery.service.js';
export { type OrderWarningResult, sweepWorkOrderWarnings } from './warnings.service.js';
export { type WorkOrdersRouteOptions, workOrdersRoutes } from './work-orders.routes.js';
export { seedWorkOrders } from './work-orders.seed.js';
