import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const contracts = fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url));
const alias = { '@courtassist/contracts': contracts };
const integration = ['apps/api/test/**/*.int.test.ts'];

// Integration tests run on PGlite always, and again on the PostgreSQL server when CI (or you)
// set TEST_DATABASE_URL.
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
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: { name: 'integration-pglite', include: integration, env: { TEST_DB: 'pglite' }, testTimeout: 60_000, hookTimeout: 120_000 },
      },
      ...postgres,
      {
        resolve: { alias },
        test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
