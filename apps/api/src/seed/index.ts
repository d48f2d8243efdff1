import { hasSeedRecord } from '../modules/audit/index.js';
import { ensureCaseReferenceData, seedCases } from '../modules/cases/index.js';
import { seedCourtrooms } from '../modules/hearings/index.js';
import { countCourts, DEMO_ACCOUNTS, type SeededOrganisation, seedOrganisation } from '../modules/org/index.js';
import type { Db } from '../platform/db.js';
import { chineseName, mobilePhone, seededRandom } from './random.js';

export const DEFAULT_SEED = 20_261_121;

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
  return { ...organisation, cases: count };
}

export { DEMO_ACCOUNTS, hasSeedRecord };

export function demoAccountsTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${a.password.padEnd(11)} ${a.note}`);
  return ['Demo accounts 演示账号 (username / password / who):', ...lines].join('\n');
}
