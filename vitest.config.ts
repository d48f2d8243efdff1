import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/', import.meta.url));
// The package and its two light entries (deadlines, errors: what `courtassist deadline` loads), from source.
const alias = [
  { find: /^@courtassist\/contracts$/, replacement: `${contracts}index.ts` },
  { find: /^@courtassist\/contracts\/(deadlines|errors)$/, replacement: `${contracts}$1.ts` },
];
const integration = ['apps/api/test/**/*.int.test.ts'];
// With a PostgreSQL server the whole integration suite runs there, and on PGlite (what `npm start`
// uses) only these journeys, which cross every module: running everything twice took half of
// CI's 30 minutes.
const pgliteSmoke = ['lifecycle', 'auth', 'http', 'cases', 'work-orders', 'delivery'].map((name) => `apps/api/test/${name}.int.test.ts`);

// Integration tests run on PGlite, and on the PostgreSQL server when CI (or you) set TEST_DATABASE_URL.
const postgres = process.env.TEST_DATABASE_URL
  ? [
      {
        resolve: { alias },
        test: {
          name: 'integration-postgres',
          include: integration,
          env: { TEST_DB: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ]
  : [];

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default on a 2-core machine (CI's) is one worker, one file at a time; most of a test's
    // time is spent waiting on PostgreSQL or the browser, so two files at once nearly halve the run.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration-pglite',
          include: process.env.TEST_DATABASE_URL ? pgliteSmoke : integration,
          env: { TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...postgres,
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page under load (CI runs two test files at once) can take more than the default second.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
