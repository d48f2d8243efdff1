/** Module `hearings`: courtrooms, hearing schedules (排期), announcements (开庭公告) and summonses (传票). */

export { hearingsRoutes } from './hearings.routes.js';
export { seedCourtrooms } from './hearings.seed.js';
