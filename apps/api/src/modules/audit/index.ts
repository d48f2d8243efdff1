/** Module `audit`: reading and verifying the trail. Writing it is `platform/audit.ts`. */
export { auditRoutes } from './audit.routes.js';
export { dailyActivity, hasSeedRecord, recentActivity, verifyAuditChain } from './audit.service.js';
