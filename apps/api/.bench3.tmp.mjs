import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase } from '/work/main/apps/api/dist/platform/db.js';
import { seedDemo } from '/work/main/apps/api/dist/seed/index.js';
import { caseDeadlineStore } from '/work/main/apps/api/dist/modules/cases/index.js';
import { deliverInApp, outboxInsertSql } from '/work/main/apps/api/dist/modules/notifications/index.js';
const repo = await import('/work/main/apps/api/dist/modules/deadlines/deadlines.repository.js');
const name = `ca_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
await admin.connect(); await admin.query(`CREATE DATABASE ${name}`); await admin.end();
const database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:5432/${name}`, dataDir: 'memory://' });
const db = database.db;
const time = async (label, f) => { const t = Date.now(); const r = await f(); console.log(label, Date.now() - t, 'ms', typeof r === 'object' ? '' : r); return r; };
try {
  await database.migrate();
  await seedDemo(db, { cases: 50000 });
  const today = '2026-11-22';
  for (let i = 0; i < 2; i++) {
    await time('suspended', () => repo.suspendedOpenCases(db).then((r) => r.length));
    await time('levels', () => db.transaction((tx) => caseDeadlineStore.storeWarningLevels(tx, repo.warningComputation(today), (c) => outboxInsertSql(repo.warningNotices(c)))));
    await time('deliver', () => deliverInApp(db));
  }
} finally {
  await database.close();
  await new Promise((r) => setTimeout(r, 300));
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await c.connect(); await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await c.end();
}
