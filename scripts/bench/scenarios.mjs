// The benchmark scenarios. A later module adds its own by appending objects to `scenarios`.
//
// A scenario is plain data, plus an optional async `setup(ctx)` that runs once, before the load,
// in the orchestrator (run.mjs), against the API under test:
//
//   {
//     name: 'current-user',              // key in the JSON output and value of --scenario
//     title: 'current user',             // optional, for the table
//     method: 'GET',                      // default GET
//     path: '/api/auth/me',
//     headers: { … },                     // optional
//     body: { … },                        // optional; an object is sent as JSON
//     maxConnections: 4,                  // optional cap on --connections (slow endpoints)
//     requests: [{ method, path, headers, body }, …],
//                                         // optional: rotate through several requests
//     setup: async (ctx) => ({ headers, body, path, requests }),
//                                         // optional; what it returns overrides the fields above
//   }
//
// `ctx` offers:
//   ctx.baseUrl                           e.g. http://127.0.0.1:41234
//   ctx.signIn(username?, password?)      → { cookie, csrfToken, headers, user }; `headers` carries the
//                                           session cookie and the CSRF header, good for reads and writes
//   ctx.request(method, path, { headers, body }) → { status, headers, body } (body parsed when JSON)
//   ctx.cases                             number of cases asked for with --cases
//
// Every response that is not 2xx is counted and shown; latency percentiles are of 2xx responses.
// Scenarios run in this order: read-only ones first, then those that write (sign-in adds a session
// and an audit record per request).

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
    name: 'sign-in',
    title: 'sign-in',
    method: 'POST',
    path: '/api/auth/login',
    body: { username: DEMO_USER.username, password: DEMO_USER.password },
    // argon2id is deliberately slow (~20–40 ms of CPU per verification): more connections only queue.
    maxConnections: 4,
  },
];
