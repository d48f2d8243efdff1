// Measurements that are not HTTP load: scenarios of kind 'command' (see scenarios.mjs) call these
// from their `run(ctx)`. They run before the API starts, so that nothing else of the harness uses
// the machine meanwhile, and, on PGlite, because the database admits one process at a time.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, throughput, withExplicitCalendars } from './checks.mjs';
import { cpuBetween, sampleCpu } from './cpu.mjs';
import { chinaDay, previousMonth } from './network-plan.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const seconds = (ms) => Math.round(ms) / 1000;

/**
 * The full deadline sweep (sweepDeadlineWarnings: suspended cases' deadlines, every open case's
 * warning level in one statement, the notices, their in-app delivery) on the bench database,
 * timed in a process that opened the database beforehand, so that start-up and migration are not
 * counted. The runs, in order:
 *   first      today's sweep. After seeding it is the one-off first sweep: every open case
 *              enters its level at once, with its notices (hundreds of thousands at 1,000,000
 *              cases) — an import's cost, reported but not held against the target;
 *   repeat ×N  today's sweep again: nothing left to change, as the quarter-hourly runs of a day;
 *   next-day   the sweep of tomorrow: the cases whose days left cross a threshold overnight change
 *              level and notify, as at midnight;
 *   restore    today's sweep, putting the levels back for the HTTP scenarios (not counted).
 * The target is on the slowest of the recurring runs (repeats and next-day): `recurringSlowestS`.
 */
export async function measureSweep(ctx, { repeats = 3 } = {}) {
  const plan = [
    { label: 'first' },
    ...Array.from({ length: repeats }, () => ({ label: 'repeat' })),
    { label: 'next-day', dayOffset: 1 },
    { label: 'restore' },
  ];
  const out = await ctx.dbWorker({ job: 'sweep', plan });
  const of = (label) => out.runs.filter((r) => r.label === label);
  const [first] = of('first');
  const [nextDay] = of('next-day');
  const recurring = [...of('repeat'), nextDay];
  const repeatMedian = median(of('repeat').map((r) => r.ms));
  const figures = {
    recurringSlowestS: seconds(Math.max(...recurring.map((r) => r.ms))),
    firstS: seconds(first.ms),
    repeatMedianS: repeatMedian === null ? null : seconds(repeatMedian),
    nextDayS: seconds(nextDay.ms),
    openCases: out.openCases,
    changedFirst: first.changed,
    deliveredFirst: first.delivered,
    changedNextDay: nextDay.changed,
    deliveredNextDay: nextDay.delivered,
  };
  const n = (v) => v.toLocaleString('en-US');
  return {
    figures,
    detail:
      `${n(out.openCases)} open cases; first ${figures.firstS} s (${n(first.changed)} levels changed, ${n(first.delivered)} notices); ` +
      `repeats ${of('repeat')
        .map((r) => seconds(r.ms))
        .join(' / ')} s; next day ${figures.nextDayS} s (${n(nextDay.changed)} changed, ${n(nextDay.delivered)} notices)`,
    runs: out.runs,
    levels: out.levels,
    // The recurring run that set the figure.
    cpu: recurring.reduce((a, b) => (b.ms > a.ms ? b : a)).cpu,
  };
}

/**
 * The nightly inspection batch (runInspection: every active rule over all open cases, then the
 * defects whose data became valid closed), `repeats` times in the db-worker process: the first run
 * opens the defects, the later ones find them open already — the nightly case.
 */
export async function measureInspection(ctx, { repeats = 2 } = {}) {
  const out = await ctx.dbWorker({ job: 'inspection', repeats });
  const slowest = out.runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  const n = (v) => v.toLocaleString('en-US');
  return {
    figures: { slowestS: seconds(slowest.ms), firstS: seconds(out.runs[0].ms), openCases: out.openCases, rules: out.runs[0].rules },
    detail:
      `${n(out.openCases)} open cases, ${out.runs[0].rules} rules; runs ${out.runs.map((r) => seconds(r.ms)).join(' / ')} s; ` +
      `${n(out.runs[0].opened)} defects opened by the first, ${n(out.runs.at(-1).open)} open after the last`,
    runs: out.runs,
    cpu: slowest.cpu,
  };
}

/**
 * `courtassist deadline` on one batch of `requests` mixed trial-limit and period requests (the
 * API's calculator.bench-fixture, every period given the official 2026 calendar so that no
 * database is needed), piped to the command on stdin. requests/s = count ÷ wall time of the
 * process; the start-up (the wall time of a one-request run, the median of three) is also
 * subtracted for a second figure. The command runs in the bench's environment (DATABASE_URL or
 * DATA_DIR set, as on a server) and once more with no database configured.
 */
export async function measureDeadlineCli(ctx, { requests = 200_000, runs = 3, seed = 1 } = {}) {
  const fixture = await import(
    pathToFileURL(join(root, 'apps', 'api', 'dist', 'modules', 'deadlines', 'calculator.bench-fixture.js')).href
  );
  const batch = withExplicitCalendars(fixture.makeDeadlineBatch(requests, seed), fixture.OFFICIAL_CALENDAR_2026);
  // As bytes, encoded once here: encoding 77 MB of text at every run was the harness's work, timed as the command's.
  const input = Buffer.from(JSON.stringify(batch));
  const single = JSON.stringify([batch.find((r) => r.type === 'trial')]);
  const trials = batch.filter((r) => r.type === 'trial').length;

  const configured = await cliRuns(ctx, ctx.env, { input, single, requests, runs });
  const bare = await cliRuns(ctx, ctx.envWithoutDatabase, { input, single, requests, runs });
  const figures = {
    rps: configured.rps,
    rpsExcludingStartup: configured.rpsExcludingStartup,
    requests,
    wallMedianMs: configured.wallMedianMs,
    startupMs: configured.startupMs,
    rpsNoDatabase: bare.rps,
    rpsNoDatabaseExcludingStartup: bare.rpsExcludingStartup,
  };
  return {
    figures,
    detail:
      `${requests.toLocaleString('en-US')} requests (${trials.toLocaleString('en-US')} trial, ${(requests - trials).toLocaleString('en-US')} period), ` +
      `${(input.length / 2 ** 20).toFixed(1)} MB; wall ${configured.wallMs.join(' / ')} ms, start-up ${configured.startupMs} ms; ` +
      `${configured.rpsExcludingStartup?.toLocaleString('en-US') ?? '—'}/s without start-up; no database configured: ` +
      `${bare.rps?.toLocaleString('en-US') ?? '—'}/s (${bare.rpsExcludingStartup?.toLocaleString('en-US') ?? '—'}/s without start-up)`,
    runs: { configured, noDatabase: bare },
    cpu: configured.cpu,
  };
}

async function cliRuns(ctx, env, { input, single, requests, runs }) {
  const startups = [];
  for (let i = 0; i < 3; i++) startups.push((await runDeadline(ctx, env, single, 1)).wallMs);
  const measured = [];
  for (let i = 0; i < runs; i++) measured.push(await runDeadline(ctx, env, input, requests));
  const wallMedianMs = median(measured.map((m) => m.wallMs));
  const startupMs = median(startups);
  return {
    ...throughput({ count: requests, wallMs: wallMedianMs, startupMs }),
    wallMs: measured.map((m) => m.wallMs),
    wallMedianMs,
    startupMs,
    startupRunsMs: startups,
    // The run whose wall time is the median one.
    cpu: measured.find((m) => m.wallMs === wallMedianMs)?.cpu ?? measured[0].cpu,
  };
}

/** One run of `courtassist deadline`; its output is checked to hold one result per request. */
async function runDeadline(ctx, env, input, count) {
  const before = sampleCpu(null, { children: true });
  const result = await ctx.runNode([join(here, 'courtassist-cli.mjs'), 'deadline'], { env, input });
  const cpu = cpuBetween(before, sampleCpu(null, { children: true }));
  if (result.code !== 0) {
    throw new Error(`courtassist deadline exited with ${result.code ?? result.signal}: ${(result.stdout + result.stderr).slice(0, 500)}`);
  }
  const answers = JSON.parse(result.stdout);
  if (!Array.isArray(answers) || answers.length !== count) {
    throw new Error(`courtassist deadline answered ${Array.isArray(answers) ? answers.length : 'no'} results for ${count} requests`);
  }
  return { wallMs: Math.round(result.wallMs), cpu };
}

/**
 * The grassroots network's monthly assessment and subsidy run for the whole province
 * (runNetworkAssessmentOf with the province's code, as `courtassist network assess --court 吉
 * --month M` runs it) on the month before this one, `repeats` times in the db-worker process:
 *   first    makes every court's draft run (assessments and subsidy statements);
 *   re-run   the same month again while it is unpublished: each court's draft is deleted (its
 *            assessments and statements with it) and computed afresh — what an administrator does
 *            after correcting a rating or an item.
 * The target is on the slowest run (`slowestS`); the verification then checks the results.
 */
export async function measureNetworkRun(ctx, { repeats = 2, court = '吉' } = {}) {
  const month = previousMonth(chinaDay());
  const out = await ctx.dbWorker({ job: 'network-run', court, month, repeats });
  const slowest = out.runs.reduce((a, b) => (b.ms > a.ms ? b : a));
  const n = (v) => v.toLocaleString('en-US');
  const [first, ...again] = out.runs;
  return {
    figures: {
      slowestS: seconds(slowest.ms),
      firstS: seconds(first.ms),
      rerunS: again.length ? seconds(Math.max(...again.map((r) => r.ms))) : null,
      assistants: out.assistants,
      tasks: out.tasks,
      confirmedInMonth: out.confirmedInMonth,
      assessed: first.assessed,
      courts: first.courts,
    },
    detail:
      `${month}: ${n(first.assessed)} of ${n(out.assistants)} assistants assessed in ${first.courts} courts, ` +
      `${n(out.confirmedInMonth)} tasks confirmed in the month (${n(out.tasks)} in all); ` +
      `first ${seconds(first.ms)} s, re-run ${again.map((r) => seconds(r.ms)).join(' / ') || '—'} s`,
    runs: out.runs,
    state: { month, court },
    cpu: slowest.cpu,
  };
}
