// The benchmark scenarios. A later module adds its own by appending objects to `scenarios`.
//
// An HTTP scenario (the default kind) is plain data, plus an optional async `setup(ctx)` that runs
// once, before the load, in the orchestrator (run.mjs), against the API under test:
//
//   {
//     name: 'current-user',              // key in the JSON output and value of --scenario
//     title: 'current user',             // optional, for the table
//     method: 'GET',                      // default GET
//     path: '/api/auth/me',
//     headers: { … },                     // optional
//     body: { … },                        // optional; an object is sent as JSON
//     maxConnections: 4,                  // optional cap on --connections (slow endpoints)
//     connections: 100,                   // optional fixed connection count, whatever --connections says
//     warmup: 0,                          // optional warm-up seconds instead of --warmup
//     probe: false,                       // optional: skip sending each request once before the load
//                                         // (requests that change state once, like a claim)
//     expectedStatuses: [409],            // optional non-2xx answers that are no failure (a lost race)
//     sharedRequests: true,               // optional: connections take `requests` in turn from one
//                                         // cursor instead of each walking the list from its start
//     requests: [{ method, path, headers, body, group }, …],
//                                         // optional: rotate through several requests; those with a
//                                         // `group` label also get percentiles per group
//     target: { figure: 'p95', max: 50, unit: 'ms', source: '…' },
//                                         // optional: a figure of the result (p95, rps, …) that must
//                                         // stay ≤ max or reach ≥ min; shown as ok / NOT OK
//     setup: async (ctx) => ({ headers, body, path, requests, state, skip, notes }),
//                                         // optional; what it returns overrides the fields above;
//                                         // `state` is handed to verify, `skip` (a reason) skips the
//                                         // scenario, `notes` (strings) go to the report
//     verify: async (ctx, { state, result, answered }) => ({ ok, summary, problems, … }),
//                                         // optional check after the API stopped (the scenario shows
//                                         // NOT OK and the run exits 3 when ok is false); `answered`
//                                         // counts its 2xx answers: probe, warm-up and measurement
//   }
//
// `ctx` (setup) offers:
//   ctx.baseUrl                           e.g. http://127.0.0.1:41234
//   ctx.signIn(username?, password?)      → { cookie, csrfToken, headers, user }; `headers` carries the
//                                           session cookie and the CSRF header, good for reads and writes
//   ctx.request(method, path, { headers, body }) → { status, headers, body } (body parsed when JSON)
//   ctx.cases                             number of cases asked for with --cases
// `ctx` (verify) offers ctx.query(sqlText) → rows, run on the bench database (the statement is the
// scenario's own: no parameters, no user input).
//
// A scenario of kind 'command' measures something other than HTTP load: `run(ctx)` returns
// `{ figures, detail, cpu?, … }` (`target.figure` names one of `figures`). Commands run before
// the API starts (nothing else of the harness runs meanwhile; PGlite admits one process at a
// time); their ctx has `env` (the bench database's environment), `envWithoutDatabase`, `cases`,
// `runNode(args, { env, input })` → { code, stdout, stderr, wallMs } and `dbWorker(job)` (db-worker.mjs).
// A command may also have `verify(ctx, { state, result })`: it runs right after the command, with
// ctx.query as for HTTP scenarios and `state` what `run` returned as `state`; a problem makes the
// command NOT OK (exit status 3).
//
// Every response that is not 2xx is counted and shown; latency percentiles are of 2xx responses.
// HTTP scenarios run in this order: read-only ones first, then those that write (sign-in adds a
// session and an audit record per request, filing a case).

import { caseDetailSetup, caseFilingSetup, caseFilingVerify, caseListSetup } from './cases-setup.mjs';
import { measureDeadlineCli, measureInspection, measureNetworkRun, measureSweep } from './measures.mjs';
import { networkRunVerify, phoneListSetup } from './network-setup.mjs';
import { workOrderClaimSetup, workOrderClaimVerify, workOrderListSetup } from './work-orders-setup.mjs';

/** Issue 3: the figures a PostgreSQL server with 1,000,000 generated cases must reach. */
const ISSUE = 'issue 3 (1,000,000 cases on PostgreSQL)';
/** Issue 4: the centre's figures with 1,000,000 cases and 5,000,000 work orders on PostgreSQL. */
const CENTRE = 'issue 4 (1,000,000 cases, 5,000,000 work orders on PostgreSQL)';
/** Issue 5: the grassroots network's figures with 20,000 assistants and 2,000,000 tasks on PostgreSQL. */
const NETWORK = 'issue 5 (20,000 assistants, 2,000,000 tasks on PostgreSQL)';

/** A demo account of the seeded province (see `courtassist seed`). */
export const DEMO_USER = { username: 'judge', password: 'Demo@2026' };

export const scenarios = [
  {
    name: 'health',
    title: 'health',
    method: 'GET',
    path: '/api/health',
  },
  {
    name: 'current-user',
    title: 'current user',
    method: 'GET',
    path: '/api/auth/me',
    setup: async (ctx) => ({ headers: (await ctx.signIn()).headers }),
  },
  {
    name: 'case-list',
    title: 'case list (typical filters)',
    method: 'GET',
    path: '/api/cases',
    target: { figure: 'p95', max: 50, unit: 'ms', source: ISSUE },
    setup: caseListSetup,
  },
  {
    name: 'case-detail',
    title: 'case detail',
    method: 'GET',
    path: '/api/cases/1',
    target: { figure: 'p95', max: 20, unit: 'ms', source: ISSUE },
    setup: caseDetailSetup,
  },
  {
    name: 'work-order-lists',
    title: 'work orders: pool, mine, team overdue',
    method: 'GET',
    path: '/api/work-orders',
    target: { figure: 'p95', max: 50, unit: 'ms', source: CENTRE },
    setup: workOrderListSetup,
  },
  {
    name: 'network-phone-list',
    title: 'network: an assistant’s task list on the phone',
    method: 'GET',
    path: '/api/my/network-tasks?view=todo&limit=20',
    target: { figure: 'p95', max: 50, unit: 'ms', source: NETWORK },
    setup: phoneListSetup,
  },
  {
    name: 'sign-in',
    title: 'sign-in',
    method: 'POST',
    path: '/api/auth/login',
    body: { username: DEMO_USER.username, password: DEMO_USER.password },
    // argon2id is deliberately slow (~20–40 ms of CPU per verification): more connections only queue.
    maxConnections: 4,
  },
  {
    name: 'case-filing',
    title: 'case filing (clerk)',
    method: 'POST',
    path: '/api/cases',
    target: { figure: 'rps', min: 300, unit: 'cases/s', source: ISSUE },
    setup: caseFilingSetup,
    verify: caseFilingVerify,
  },
  {
    name: 'work-order-claim',
    title: 'work orders: 100 concurrent claimers',
    method: 'POST',
    path: '/api/work-orders/1/claim',
    // 100 claimers whatever --connections says, taking the pool's orders in turn; no probe and no
    // warm-up: a claim can be made once.
    connections: 100,
    sharedRequests: true,
    warmup: 0,
    probe: false,
    expectedStatuses: [409],
    target: { figure: 'p95', max: 30, unit: 'ms', source: CENTRE },
    setup: workOrderClaimSetup,
    verify: workOrderClaimVerify,
  },
  {
    name: 'deadline-sweep',
    kind: 'command',
    title: 'deadline sweep (all open cases)',
    target: { figure: 'recurringSlowestS', max: 5, unit: 's', source: ISSUE },
    run: (ctx) => measureSweep(ctx, { repeats: 3 }),
  },
  {
    name: 'deadline-cli',
    kind: 'command',
    title: 'courtassist deadline (one batch)',
    target: { figure: 'rps', min: 100_000, unit: 'requests/s', source: ISSUE },
    run: (ctx) => measureDeadlineCli(ctx, { requests: 200_000, runs: 3 }),
  },
  {
    name: 'inspection-batch',
    kind: 'command',
    title: 'nightly inspection batch (all open cases)',
    target: { figure: 'slowestS', max: 60, unit: 's', source: CENTRE },
    run: (ctx) => measureInspection(ctx, { repeats: 2 }),
  },
  {
    name: 'network-monthly-run',
    kind: 'command',
    title: 'network: monthly assessment and subsidy run (whole province)',
    target: { figure: 'slowestS', max: 30, unit: 's', source: NETWORK },
    run: (ctx) => measureNetworkRun(ctx, { repeats: 2 }),
    verify: networkRunVerify,
  },
];
