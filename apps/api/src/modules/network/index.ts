/**
 * Module `network`: the grassroots judicial-assistance network (基层司法协助网络) — liaison
 * stations, assistants with categories and status history, the composition view, volunteer
 * recruitment, training and commendations.
 */
import type { Db } from '../../platform/db.js';
import { ensureCategories } from './network.repository.js';

export { assessMonth } from './assessment.js';
export { runMonthOfCourtCode as runNetworkAssessmentOf } from './assessments.service.js';
export { type NetworkRouteOptions, networkRoutes } from './network.routes.js';
export { type NetworkCourtPlan, type SeedCourt, seedNetwork } from './network.seed.js';
export { DEFAULT_ASSESSMENT_RULES, DEFAULT_SUBSIDY_RULES } from './rules-defaults.js';
export { type NetworkTaskSeedOptions, seedNetworkTasks } from './tasks.seed.js';
export { sweepNetworkTaskReminders } from './tasks.service.js';

/** The built-in assistant categories exist (村干部 … 其他). */
export async function ensureNetworkCategories(db: Db): Promise<void> {
  await ensureCategories(db);
}
