import { hasSeedRecord } from '../modules/audit/index.js';
import { ensureCaseReferenceData, seedCases } from '../modules/cases/index.js';
import { seedCourtrooms } from '../modules/hearings/index.js';
import { seedNetworkTasks } from '../modules/network/index.js';
import { countCourts, DEMO_ACCOUNTS, ensureBuiltinRoles, type SeededOrganisation, seedOrganisation } from '../modules/org/index.js';
import { seedWorkOrders } from '../modules/work-orders/index.js';
import type { Db } from '../platform/db.js';
import { seedDeliveryDemo } from './delivery-demo.js';
import { seedNetworkDemo } from './network-demo.js';
import { chineseName, mobilePhone, seededRandom } from './random.js';

export { DEFAULT_SEED } from './defaults.js';

import { DEFAULT_SEED } from './defaults.js';

export interface SeedOptions {
  seed?: number;
  /** Cases to generate over the last two years (0: the province only). */
  cases?: number;
  progress?: (message: string) => void;
}

/**
 * Loads the demo province (when the database has no courts yet) and then `cases` cases: the same
 * seed always gives the same data. Cases can be added to a province loaded earlier.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeededOrganisation & { cases: number }> {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const hasProvince = (await countCourts(db)) > 0;
  const organisation = hasProvince
    ? { courts: 0, departments: 0, teams: 0, users: 0 }
    : await seedOrganisation(db, random, options.progress);
  // Courts without rooms get their demo courtrooms (第一法庭 …, 科技法庭, 车载法庭, tribunal rooms).
  await seedCourtrooms(db);
  const count = options.cases ?? 0;
  // The CLI seeds without starting the app: the reference data (procedures, limits) must exist.
  await ensureCaseReferenceData(db);
  if (count > 0) await seedCases(db, { random, count, name: chineseName, phone: mobilePhone, progress: options.progress });
  // Centre teams, default order types (also for a province loaded earlier) and orders of demo cases.
  await ensureBuiltinRoles(db);
  await seedWorkOrders(db, options.progress);
  // The grassroots assistance network of the basic courts and tribunals (once).
  await seedNetworkDemo(db, random, options.progress);
  // Deliveries of the demo cases' 送达 orders (once).
  await seedDeliveryDemo(db, random, options.progress);
  await seedNetworkTasks(db, { random, name: chineseName }, options.progress);
  return { ...organisation, cases: count };
}

export { DEMO_ACCOUNTS, hasSeedRecord };

export function demoAccountsTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${a.password.padEnd(11)} ${a.note}`);
  return ['Demo accounts 演示账号 (username / password / who):', ...lines].join('\n');
}
