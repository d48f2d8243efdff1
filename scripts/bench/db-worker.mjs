// Work on the benchmark database through the API's own database layer (apps/api/dist), in a
// process of its own: PGlite admits one process at a time, so the orchestrator runs this while
// the API is stopped (before it starts, or after it stopped). Usage:
//
//   DATABASE_URL=… | DATA_DIR=…  node db-worker.mjs '<json job>'
//
// Jobs (one line of JSON on stdout):
//   {"job": "settle"}             → {ms}   VACUUM (ANALYZE) of the whole database, as autovacuum
//                                    would do some time after a bulk load: statistics for the
//                                    planner, visibility maps for index-only scans
//   {"job": "facts"}              → {cases, openCases, parties, nodes, workOrders, networkAssistants, networkTasks}
//   {"job": "sweep", "plan": [{label, dayOffset}, …]}
//                                 → {openCases, runs: [{label, today, ms, changed, refreshed, delivered, cpu}], levels}
//                                    one run of the full deadline sweep (sweepDeadlineWarnings) per
//                                    entry, for today (China Standard Time) plus dayOffset days, each
//                                    timed alone: the database is opened and migrated before the first
//   {"job": "inspection", "repeats": n}
//                                 → {openCases, runs: [{ms, rules, opened, refreshed, fixed, open, cpu}]}
//                                    the nightly inspection batch (runInspection) n times, each timed
//   {"job": "top-up-orders", "target": n}
//                                 → {before, after, ms}   earlier, completed orders (copies of the
//                                    completed orders the seed made, moved back in time by whole
//                                    weeks, started by hand) until the database holds n orders
//   {"job": "top-up-network", "assistants": n, "tasks": m, "accounts": 200}
//                                 → {before, after, accounts, month, ms}   the grassroots network at
//                                    scale (network-top-up.mjs): stations, assistants up to n, their
//                                    sign-ins, tasks up to m over 24 months; progress on stderr
//   {"job": "network-run", "court": "吉", "month": "YYYY-MM", "repeats": n}
//                                 → {month, assistants, tasks, confirmedInMonth, runs: [{label, ms, courts, assessed, cpu}]}
//                                    the monthly assessment and subsidy run of the court's subtree
//                                    (runNetworkAssessmentOf), n times on the same month, each timed
//   {"job": "query", "sql": "…"}  → {rows}   (verifications; the statement is the harness's own)
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cpuBetween, sampleCpu } from './cpu.mjs';
import { topUpNetwork } from './network-top-up.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (path) => import(pathToFileURL(join(root, 'apps', 'api', 'dist', path)).href);
const { sql } = createRequire(join(root, 'apps', 'api', 'package.json'))('drizzle-orm');

const job = JSON.parse(process.argv[2] ?? '{}');

async function facts(db, rows) {
  const [counts] = await rows(
    db,
    sql`SELECT (SELECT count(*) FROM cases)::int AS cases,
               (SELECT count(*) FROM cases WHERE status = 'open')::int AS "openCases",
               (SELECT count(*) FROM case_parties)::int AS parties,
               (SELECT count(*) FROM case_nodes)::int AS nodes,
               (SELECT count(*) FROM work_orders)::int AS "workOrders",
               (SELECT count(*) FROM network_assistants)::int AS "networkAssistants",
               (SELECT count(*) FROM network_tasks)::int AS "networkTasks"`,
  );
  return counts;
}

/** Today in China Standard Time, plus some days. */
const chinaDay = (offset) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function sweep(db, rows, plan) {
  const { sweepDeadlineWarnings } = await dist('modules/deadlines/index.js');
  const { caseDeadlineStore } = await dist('modules/cases/index.js');
  const [{ openCases }] = await rows(db, sql`SELECT count(*)::int AS "openCases" FROM cases WHERE status = 'open'`);
  const results = [];
  for (const { label, dayOffset = 0 } of plan) {
    const today = chinaDay(dayOffset);
    // This process is the one measured: its CPU goes to `server`, none to `load`.
    const before = sampleCpu(process.pid, { self: false });
    const started = performance.now();
    const result = await sweepDeadlineWarnings(db, caseDeadlineStore, today);
    const ms = performance.now() - started;
    results.push({
      label,
      today,
      ms: Math.round(ms * 10) / 10,
      ...result,
      cpu: cpuBetween(before, sampleCpu(process.pid, { self: false })),
    });
  }
  const levels = await rows(
    db,
    sql`SELECT warning_level AS level, count(*)::int AS n FROM cases WHERE status = 'open' GROUP BY 1 ORDER BY 2 DESC`,
  );
  return { openCases, runs: results, levels: Object.fromEntries(levels.map((l) => [l.level, l.n])) };
}

async function inspection(db, rows, repeats) {
  const { ensureInspectionRules, runInspection } = await dist('modules/inspection/index.js');
  // The API loads the rules when it starts; the commands run before it has ever started here.
  await ensureInspectionRules(db);
  const [{ openCases }] = await rows(db, sql`SELECT count(*)::int AS "openCases" FROM cases WHERE status = 'open'`);
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const before = sampleCpu(process.pid, { self: false });
    const started = performance.now();
    const result = await runInspection(db);
    const ms = performance.now() - started;
    runs.push({ ...result, ms: Math.round(ms * 10) / 10, cpu: cpuBetween(before, sampleCpu(process.pid, { self: false })) });
  }
  return { openCases, runs };
}

/**
 * The seed starts the orders the rules would have started (about 3.3 per case). A centre also has
 * orders people started by hand over the years: these copy completed orders back in time, a batch
 * per statement, so the pool and "my orders" indexes carry the volume of the 5,000,000.
 */
async function topUpOrders(db, rows, target) {
  const count = async () => (await rows(db, sql`SELECT count(*)::int AS n FROM work_orders`))[0].n;
  const before = await count();
  const started = performance.now();
  for (let round = 1, missing = target - before; missing > 0; round++) {
    const batch = Math.min(missing, 500_000);
    const shift = sql.raw(`interval '${7 * round} days'`);
    const [{ n }] = await rows(
      db,
      sql`WITH ins AS (
            INSERT INTO work_orders (court_id, case_id, type_id, party_id, status, origin, initiator_id, assignee_id, team_id, due_at,
                                     result, checklist, accepted_at, started_at, feedback_at, completed_at, warned_near_at,
                                     warned_overdue_at, created_at, updated_at)
            SELECT court_id, case_id, type_id, party_id, 'completed', 'manual', initiator_id, assignee_id, team_id, due_at - ${shift},
                   result, checklist, accepted_at - ${shift}, started_at - ${shift}, feedback_at - ${shift}, completed_at - ${shift},
                   warned_near_at - ${shift}, warned_overdue_at - ${shift}, created_at - ${shift}, updated_at - ${shift}
            FROM work_orders WHERE status = 'completed' AND origin = 'rule'
            ORDER BY id LIMIT ${batch}
            RETURNING 1)
          SELECT count(*)::int AS n FROM ins`,
    );
    if (n === 0) break;
    missing -= n;
  }
  return { before, after: await count(), ms: Math.round(performance.now() - started) };
}

/**
 * The grassroots network's monthly assessment and subsidy run for a whole province
 * (runNetworkAssessmentOf, as `courtassist network assess --court 吉 --month M` runs it), `repeats`
 * times on the same month, each timed alone: the first run makes the drafts, a re-run of the
 * unpublished month replaces them (each court's draft run is deleted, its assessments and
 * statements with it, and computed again).
 */
async function networkRun(db, rows, { court = '吉', month, repeats = 2 }) {
  const { runNetworkAssessmentOf } = await dist('modules/network/index.js');
  const { systemContext } = await dist('platform/context.js');
  const [year, monthNumber] = month.split('-').map(Number);
  const [first, last] = [`${month}-01`, new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10)];
  const [facts] = await rows(
    db,
    sql`SELECT (SELECT count(*) FROM network_assistants)::int AS assistants,
               (SELECT count(*) FROM network_tasks)::int AS tasks,
               (SELECT count(*) FROM network_tasks WHERE status = 'confirmed' AND confirmed_on BETWEEN ${first}::date AND ${last}::date)::int AS "confirmedInMonth"`,
  );
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const before = sampleCpu(process.pid, { self: false });
    const started = performance.now();
    const result = await runNetworkAssessmentOf(db, systemContext('bench'), court, month);
    const ms = performance.now() - started;
    if (!result) throw new Error(`no court ${court}`);
    runs.push({
      label: i === 0 ? 'first' : 're-run',
      ms: Math.round(ms * 10) / 10,
      courts: result.runs.length,
      assessed: result.runs.reduce((sum, r) => sum + r.assistants, 0),
      cpu: cpuBetween(before, sampleCpu(process.pid, { self: false })),
    });
  }
  return { month, ...facts, runs };
}

async function main() {
  const { loadConfig } = await dist('platform/config.js');
  const { openDatabase, rows } = await dist('platform/db.js');
  const database = await openDatabase(loadConfig());
  try {
    await database.migrate();
    let out;
    if (job.job === 'settle') {
      const started = performance.now();
      await database.db.execute(sql.raw('VACUUM (ANALYZE)'));
      out = { ms: Math.round(performance.now() - started) };
    } else if (job.job === 'facts') out = await facts(database.db, rows);
    else if (job.job === 'sweep') out = await sweep(database.db, rows, job.plan ?? [{ label: 'first' }]);
    else if (job.job === 'inspection') out = await inspection(database.db, rows, job.repeats ?? 2);
    else if (job.job === 'top-up-orders') out = await topUpOrders(database.db, rows, job.target);
    else if (job.job === 'top-up-network')
      out = await topUpNetwork({
        db: database.db,
        rows,
        sql,
        assistants: job.assistants,
        tasks: job.tasks,
        accounts: job.accounts ?? 200,
        log: (message) => process.stderr.write(`${message}\n`),
      });
    else if (job.job === 'network-run') out = await networkRun(database.db, rows, job);
    else if (job.job === 'query') out = { rows: await rows(database.db, sql.raw(job.sql)) };
    else throw new Error(`unknown job ${JSON.stringify(job.job)}`);
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  // Drizzle wraps the driver's error: its message says what PostgreSQL found wrong.
  if (error?.cause) console.error(`caused by: ${error.cause.message ?? error.cause}`);
  process.exit(1);
});
