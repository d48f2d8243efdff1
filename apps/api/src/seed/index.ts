import { hasSeedRecord } from '../modules/audit/index.js';
import { DEMO_ACCOUNTS, type SeededOrganisation, seedOrganisation } from '../modules/org/index.js';
import type { Db } from '../platform/db.js';
import { seededRandom } from './random.js';

export const DEFAULT_SEED = 20_261_121;

export interface SeedOptions {
  seed?: number;
  progress?: (message: string) => void;
}

/** Loads the demo province: the same seed always gives the same data. */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeededOrganisation> {
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  return seedOrganisation(db, random, options.progress);
}

export { DEMO_ACCOUNTS, hasSeedRecord };

export function demoAccountsTable(): string {
  const lines = DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(12)} ${a.password.padEnd(11)} ${a.note}`);
  return ['Demo accounts 演示账号 (username / password / who):', ...lines].join('\n');
}
