#!/usr/bin/env node
// `npm run bench`: builds a database of the given size, runs the command measurements (deadline
// sweep, `courtassist deadline`), starts the API and a bare Fastify baseline, drives both from a
// separate load process (autocannon), prints latency percentiles and throughput per scenario, each
// also as a ratio to the baseline and against its target, and runs the scenarios' verifications.
// See scripts/bench/README.md.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkTarget, formatNumber, formatTarget } from './checks.mjs';
import { scenarios as allScenarios, DEMO_USER } from './scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cliBin = join(root, 'bin', 'courtassist.mjs');
const buildScript = pathToFileURL(join(root, 'scripts', 'build-if-needed.mjs')).href;
const apiMain = join(root, 'apps', 'api', 'dist', 'main.js');
const requireFromApi = createRequire(join(root, 'apps', 'api', 'package.json'));

const USAGE = `Usage: npm run bench -- [options]

  --cases N          cases to generate in the database (default 0; needs a seed that accepts --cases)
  --work-orders N    after seeding, top the work orders up to N with earlier completed ones
                     (the seed's rules start about 3.3 per case); also on a --reuse database,
                     which then keeps them
  --assistants N     after seeding, top the grassroots network up to N assistants (stations,
                     200 of them with sign-ins); also on a --reuse database, which keeps them
  --network-tasks N  … and up to N network tasks over the last 24 months (issue 5: 20,000 and
                     2,000,000)
  --duration S       seconds of load per scenario and baseline (default 10)
  --connections C    concurrent connections (default 10; a scenario may cap it, e.g. sign-in at 4)
  --warmup S         seconds of unmeasured load before each measurement (default 1)
  --scenario NAME    run only this scenario (repeatable, or comma-separated)
  --db pglite|postgres
                     default: postgres when BENCH_DATABASE_URL or DATABASE_URL is set, else pglite
  --keep             keep the benchmark database (or PGlite folder) afterwards
  --reuse NAME       run on a database kept earlier (a database name with --db postgres, else a
                     PGlite folder) as it is: no seeding, not removed afterwards; not with --cases
  --json             end the output with one line of JSON holding every figure
  --help

Scenarios: ${allScenarios.map((s) => s.name).join(', ')}`;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = {
    cases: 0,
    workOrders: 0,
    assistants: 0,
    networkTasks: 0,
    json: false,
    duration: 10,
    connections: 10,
    warmup: 1,
    scenarios: [],
    db: null,
    keep: false,
    reuse: null,
  };
  let casesGiven = false;
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) fail(`${name} needs a value`);
    return v;
  };
  const whole = (v, name, min) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) fail(`${name} expects a whole number ≥ ${min}, got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let inline;
    if (arg.startsWith('--') && arg.includes('=')) {
      [arg, inline] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
      argv = [...argv.slice(0, i), arg, inline, ...argv.slice(i + 1)];
    }
    switch (arg) {
      case '--cases':
        args.cases = whole(value(i, arg), arg, 0);
        casesGiven = true;
        i++;
        break;
      case '--work-orders':
        args.workOrders = whole(value(i, arg), arg, 0);
        i++;
        break;
      case '--assistants':
        args.assistants = whole(value(i, arg), arg, 0);
        i++;
        break;
      case '--network-tasks':
        args.networkTasks = whole(value(i, arg), arg, 0);
        i++;
        break;
      case '--reuse':
        args.reuse = value(i, arg);
        i++;
        break;
      case '--duration':
        args.duration = whole(value(i, arg), arg, 1);
        i++;
        break;
      case '--connections':
        args.connections = whole(value(i, arg), arg, 1);
        i++;
        break;
      case '--warmup':
        args.warmup = whole(value(i, arg), arg, 0);
        i++;
        break;
      case '--scenario':
        args.scenarios.push(
          ...value(i, arg)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        i++;
        break;
      case '--db':
        args.db = value(i, arg);
        if (!['pglite', 'postgres'].includes(args.db)) fail(`--db expects pglite or postgres, got "${args.db}"`);
        i++;
        break;
      case '--json':
        args.json = true;
        break;
      case '--keep':
        args.keep = true;
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        fail(`unknown argument "${arg}"`);
    }
  }
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || null;
  args.db ??= adminUrl ? 'postgres' : 'pglite';
  if (args.db === 'postgres' && !adminUrl)
    fail('--db postgres needs BENCH_DATABASE_URL (or DATABASE_URL), e.g. postgres://postgres@127.0.0.1:5432/postgres');
  args.adminUrl = adminUrl;
  if (args.reuse !== null) {
    if (casesGiven) fail('--reuse runs on the database as it is: leave out --cases');
    if (args.db === 'postgres' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(args.reuse))
      fail(`--reuse expects a database name, got "${args.reuse}"`);
  }
  return args;
}

function fail(message) {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const slug = (name) => name.trim().toLowerCase().replace(/\s+/g, '-');

function selectScenarios(names) {
  if (names.length === 0) return allScenarios;
  const wanted = names.map(slug);
  const unknown = wanted.filter((w) => !allScenarios.some((s) => s.name === w));
  if (unknown.length) fail(`unknown scenario ${unknown.map((u) => `"${u}"`).join(', ')}`);
  return allScenarios.filter((s) => wanted.includes(s.name));
}

// ---------------------------------------------------------------------------------------------
// Progress (stderr, so that stdout holds only the table and the JSON line)

const log = (message) => process.stderr.write(`bench: ${message}\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Child processes and clean-up: every child and every temporary resource is registered, and
// released on normal exit, on error and on Ctrl-C.

const children = new Set();
const cleanupTasks = []; // async functions, run last-registered first
const syncCleanups = []; // run from the 'exit' handler when the async clean-up could not finish
let cleaning = null;
let interrupted = null; // the signal that stopped the run

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function alive(child) {
  return child.exitCode === null && child.signalCode === null;
}

async function stopChild(child, graceMs = 5000) {
  if (!alive(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => alive(child) && child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...children].map((c) => stopChild(c).catch(() => undefined)));
    for (const task of cleanupTasks.reverse()) {
      try {
        await task();
      } catch (error) {
        log(`clean-up: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

process.on('exit', () => {
  for (const child of children) if (alive(child)) child.kill('SIGKILL');
  for (const task of syncCleanups) {
    try {
      task();
    } catch {
      /* best effort */
    }
  }
});

const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
for (const [signal, code] of Object.entries(SIGNALS)) {
  process.on(signal, () => {
    if (cleaning) {
      log(`${signal} again: forcing exit`);
      process.exit(code);
    }
    interrupted = signal;
    log(`${signal}: stopping and cleaning up …`);
    cleanup().finally(() => process.exit(code));
  });
}

/** Lines of a child's output kept for diagnosis. */
function ring(max = 200) {
  const lines = [];
  let partial = '';
  return {
    push(chunk) {
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop();
      for (const line of parts) {
        lines.push(line);
        if (lines.length > max) lines.shift();
      }
      return parts;
    },
    tail: (n = 30) => [...lines, ...(partial ? [partial] : [])].slice(-n).join('\n'),
  };
}

/**
 * Runs `node <args>` to completion; stdout is collected, both streams optionally echoed to stderr.
 * `input` (text or bytes) is written to its stdin; `wallMs` is the time from spawning to the process's exit.
 */
function runNode(args, { env = process.env, echo = null, input = null } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    let wallMs = null;
    const child = track(spawn(process.execPath, args, { cwd: root, env, stdio: [input === null ? 'ignore' : 'pipe', 'pipe', 'pipe'] }));
    child.once('exit', () => {
      wallMs = performance.now() - started;
    });
    if (input !== null) {
      child.stdin.on('error', () => undefined); // a child that exits early: its exit code says why
      child.stdin.end(input);
    }
    // Kept as bytes and decoded once at the end: decoding tens of MB piece by piece while the
    // command runs took CPU from it (and could split a character between two pieces).
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (d) => {
      stdout.push(d);
      if (echo) process.stderr.write(d.toString().replace(/^(?=.)/gm, echo));
    });
    child.stderr.on('data', (d) => {
      stderr.push(d);
      if (echo) process.stderr.write(d.toString().replace(/^(?=.)/gm, echo));
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallMs,
      }),
    );
  });
}

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Database

/** The environment of the CLI and the API: exactly one of DATA_DIR / DATABASE_URL. */
function baseEnv(database) {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'DEMO', 'LOG_LEVEL', 'LOGIN_RATE_LIMIT']) delete env[key];
  if (database.kind === 'pglite') env.DATA_DIR = database.dataDir;
  else env.DATABASE_URL = database.url;
  return env;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return '(unparsable URL)';
  }
}

async function prepareDatabase(args) {
  if (args.reuse !== null) return reuseDatabase(args);
  if (args.db === 'pglite') {
    const dataDir = mkdtempSync(join(os.tmpdir(), 'courtassist-bench-'));
    if (args.keep) {
      log(`PGlite data folder (kept afterwards): ${dataDir}`);
    } else {
      cleanupTasks.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      syncCleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      log(`PGlite data folder: ${dataDir}`);
    }
    return { kind: 'pglite', dataDir, label: 'pglite' };
  }

  const pg = requireFromApi('pg');
  const name = `courtassist_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: args.adminUrl });
  await admin.connect();
  let serverVersion;
  try {
    serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(args.adminUrl);
  url.pathname = `/${name}`;
  if (args.keep) {
    log(`PostgreSQL ${serverVersion}: database ${name} (kept afterwards) on ${redact(url.href)}`);
  } else {
    log(`PostgreSQL ${serverVersion}: database ${name} on ${redact(url.href)}`);
    cleanupTasks.push(async () => {
      const client = new pg.Client({ connectionString: args.adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(async (error) => {
          if (error.code !== '42601') throw error; // before PostgreSQL 13: no WITH (FORCE)
          await client.query(`DROP DATABASE IF EXISTS "${name}"`);
        });
      } finally {
        await client.end();
      }
      log(`dropped database ${name}`);
    });
  }
  return { kind: 'postgres', url: url.href, name, serverVersion, label: 'postgres' };
}

/** A database kept by an earlier run (--keep), used as it is and left in place. */
async function reuseDatabase(args) {
  if (args.db === 'pglite') {
    const dataDir = resolve(args.reuse);
    if (!existsSync(join(dataDir, 'pgdata'))) throw new Error(`--reuse: ${dataDir} holds no PGlite database (no pgdata folder)`);
    log(`PGlite data folder (reused, kept afterwards): ${dataDir}`);
    return { kind: 'pglite', dataDir, label: 'pglite', reused: true };
  }
  const pg = requireFromApi('pg');
  const admin = new pg.Client({ connectionString: args.adminUrl });
  await admin.connect();
  let serverVersion;
  try {
    serverVersion = (await admin.query('SHOW server_version')).rows[0].server_version;
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [args.reuse]);
    if (found.rowCount === 0) throw new Error(`--reuse: no database "${args.reuse}" on ${redact(args.adminUrl)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(args.adminUrl);
  url.pathname = `/${args.reuse}`;
  log(`PostgreSQL ${serverVersion}: database ${args.reuse} (reused, kept afterwards) on ${redact(url.href)}`);
  return { kind: 'postgres', url: url.href, name: args.reuse, serverVersion, label: 'postgres', reused: true };
}

async function seedDatabase(args, database) {
  if (database.reused) {
    return { seedTakesCases: true, seedMs: null, summary: null, notes: ['database reused as it was (--reuse): not seeded in this run'] };
  }
  const help = await runNode([cliBin, 'seed', '--help'], { env: baseEnv(database) });
  const seedTakesCases = help.code === 0 && /--cases\b/.test(help.stdout);
  const seedArgs = [cliBin, 'seed'];
  const notes = [];
  if (seedTakesCases) {
    seedArgs.push('--cases', String(args.cases));
  } else {
    notes.push(
      `case data is not generated yet: \`courtassist seed\` does not accept --cases, so the database holds the demo province only (courts, staff) and --cases ${args.cases} is recorded but not applied`,
    );
    log(`NOTE: ${notes[0]}`);
  }
  log(`seeding: node ${seedArgs.map((a) => a.replace(`${root}/`, '')).join(' ')}`);
  const started = Date.now();
  const result = await runNode(seedArgs, { env: baseEnv(database), echo: '  seed | ' });
  if (result.code !== 0) throw new Error(`seeding failed (exit ${result.code ?? result.signal})`);
  const seedMs = Date.now() - started;
  const summaryLine = result.stdout.split('\n').find((l) => l.startsWith('Seeded in'));
  let summary = null;
  try {
    summary = summaryLine ? JSON.parse(summaryLine.slice(summaryLine.indexOf('{'))) : null;
  } catch {
    summary = null;
  }
  log(`seeded in ${seconds(seedMs)}`);
  return { seedTakesCases, seedMs, summary, notes };
}

/** One job of db-worker.mjs on the bench database (while the API is not running); `echo` prefixes its progress on stderr. */
async function dbWorker(database, job, { echo = null } = {}) {
  const result = await runNode([join(here, 'db-worker.mjs'), JSON.stringify(job)], { env: baseEnv(database), echo });
  if (result.code !== 0) throw new Error(`db-worker ${job.job} failed (exit ${result.code ?? result.signal}):\n${result.stderr.trim()}`);
  return JSON.parse(result.stdout.trim().split('\n').pop());
}

/**
 * The API runs its scheduled jobs (the deadline sweep among them) 3 s after it starts: on a
 * PostgreSQL server, wait until no connection to the bench database is busy, so that no
 * measurement shares the machine with them. (PGlite: requests simply queue behind them.)
 */
async function waitForQuietDatabase(args, database) {
  if (database.kind !== 'postgres') return;
  const pg = requireFromApi('pg');
  const client = new pg.Client({ connectionString: args.adminUrl });
  await client.connect();
  const started = Date.now();
  try {
    await sleep(4000);
    for (let quiet = 0; quiet < 3 && Date.now() - started < 600_000; await sleep(500)) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE datname = $1 AND state <> 'idle' AND pid <> pg_backend_pid()`,
        [database.name],
      );
      quiet = rows[0].busy === 0 ? quiet + 1 : 0;
    }
  } finally {
    await client.end();
  }
  log(`the API's start-up jobs are done (${seconds(Date.now() - started)} after start)`);
}

// ---------------------------------------------------------------------------------------------
// Servers

async function waitForHttp(url, child, output, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive(child)) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return await response.json();
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  throw new Error(`no answer from ${url} after ${timeoutMs / 1000} s:\n${output.tail()}`);
}

/** One pino line, shortened: level, message, error type and message, its cause, the request. */
function summariseLogLine(line) {
  try {
    const entry = JSON.parse(line);
    const err = entry.err ?? entry.error;
    const firstLine = (text) =>
      String(text ?? '')
        .split('\n')[0]
        .slice(0, 240);
    const parts = [entry.msg];
    if (err) parts.push(`${err.type ?? 'Error'}: ${firstLine(err.message)}`);
    const cause = err?.cause?.message ?? /caused by: (.*)/.exec(err?.stack ?? '')?.[1];
    if (cause) parts.push(`cause: ${firstLine(cause)}`);
    if (entry.req) parts.push(`${entry.req.method} ${entry.req.url}`);
    return `[${entry.level}] ${parts.filter(Boolean).join(' — ')}`;
  } catch {
    return line.slice(0, 500);
  }
}

async function startApi(database) {
  const port = await freePort();
  const env = { ...baseEnv(database), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000000' };
  const output = ring();
  const logStats = { warnings: 0, errors: 0, lines: [] };
  const child = track(spawn(process.execPath, [apiMain], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  const onData = (chunk) => {
    for (const line of output.push(chunk)) {
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level && Number(level) >= 40) {
        if (Number(level) >= 50) logStats.errors++;
        else logStats.warnings++;
        if (logStats.lines.length < 5) logStats.lines.push(summariseLogLine(line));
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const health = await waitForHttp(`${baseUrl}/api/health`, child, output, 180_000);
  log(`API up on ${baseUrl} in ${seconds(Date.now() - started)} (${JSON.stringify(health)})`);
  return { child, baseUrl, health, logStats, output };
}

async function startBaseline() {
  const child = track(spawn(process.execPath, [join(here, 'baseline-server.mjs')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }));
  const output = ring();
  child.stderr.on('data', (d) => output.push(d));
  const port = await new Promise((resolvePromise, reject) => {
    let buffer = '';
    child.stdout.on('data', (d) => {
      buffer += d;
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n')) {
        try {
          resolvePromise(JSON.parse(line).port);
        } catch (error) {
          reject(error);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`the baseline server exited (${code}):\n${output.tail()}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/baseline`, child, output, 10_000);
  return { child, baseUrl };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

function jsonRequest(method, headers, body) {
  const h = { ...(headers ?? {}) };
  let payload;
  if (body !== undefined && body !== null) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
  }
  return { method: (method ?? 'GET').toUpperCase(), headers: h, body: payload };
}

function setupContext(baseUrl, args) {
  const request = async (method, path, { headers, body } = {}) => {
    const r = jsonRequest(method, headers, body);
    const response = await fetch(baseUrl + path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  const signIn = async (username = DEMO_USER.username, password = DEMO_USER.password) => {
    const response = await request('POST', '/api/auth/login', { body: { username, password } });
    if (response.status < 200 || response.status > 299) {
      throw new Error(`sign-in as ${username} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrfToken = response.body.csrfToken;
    return { cookie, csrfToken, user: response.body.user, headers: { cookie, 'x-csrf-token': csrfToken } };
  };
  return { baseUrl, cases: args.cases, request, signIn };
}

/** The scenario's requests after its setup step, as plain data for the load process. */
async function resolveScenario(scenario, ctx) {
  const overrides = scenario.setup ? ((await scenario.setup(ctx)) ?? {}) : {};
  const notes = overrides.notes ?? [];
  if (overrides.skip) return { skip: overrides.skip, notes };
  const merged = { ...scenario, ...overrides, headers: { ...(scenario.headers ?? {}), ...(overrides.headers ?? {}) } };
  const requests =
    Array.isArray(merged.requests) && merged.requests.length > 0
      ? merged.requests.map((r) => ({
          path: r.path ?? merged.path,
          ...jsonRequest(r.method ?? merged.method, { ...merged.headers, ...(r.headers ?? {}) }, r.body ?? merged.body),
          ...(r.group !== undefined ? { group: String(r.group) } : {}),
        }))
      : null;
  const main = requests ? requests[0] : { path: merged.path, ...jsonRequest(merged.method, merged.headers, merged.body) };
  if (typeof main.path !== 'string' || !main.path.startsWith('/'))
    throw new Error(`scenario ${scenario.name}: path must start with "/", got ${JSON.stringify(main.path)}`);
  return { main, requests, sharedRequests: merged.sharedRequests === true, state: overrides.state, notes };
}

/** Each request once: the problems of those that were not 2xx, and how many were. */
async function probe(baseUrl, resolved) {
  const list = resolved.requests ?? [resolved.main];
  const problems = [];
  for (const r of list) {
    const response = await fetch(baseUrl + r.path, {
      method: r.method,
      headers: r.headers,
      body: r.body,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status < 200 || response.status > 299)
      problems.push({ method: r.method, path: r.path, status: response.status, body: text.slice(0, 300) });
  }
  return { problems, answered: list.length - problems.length };
}

async function runLoad({ baseUrl, serverPid, resolved, connections, duration, warmup, label }) {
  const spec = {
    url: baseUrl + resolved.main.path,
    method: resolved.main.method,
    headers: resolved.main.headers,
    body: resolved.main.body,
    requests: resolved.requests ?? undefined,
    sharedRequests: resolved.sharedRequests === true,
    connections,
    duration,
    warmup,
    serverPid,
  };
  log(`${label}: ${connections} connections, ${warmup ? `${warmup} s warm-up + ` : ''}${duration} s …`);
  const result = await runNode([join(here, 'load.mjs'), '-'], { input: JSON.stringify(spec) });
  if (result.code !== 0) throw new Error(`the load process failed for ${label} (exit ${result.code ?? result.signal}):\n${result.stderr}`);
  const lastLine = result.stdout.trim().split('\n').pop();
  return JSON.parse(lastLine);
}

function figures(load, connections) {
  return {
    connections,
    rps: load.rps,
    p50: load.latency.p50,
    p90: load.latency.p90,
    p95: load.latency.p95,
    p99: load.latency.p99,
    max: load.latency.max,
    mean: load.latency.mean,
    total: load.total,
    non2xx: load.non2xx,
    errors: load.errors,
    timeouts: load.timeouts,
    statusCodes: load.statusCodes,
    ...(load.groups ? { groups: load.groups } : {}),
    warmup: load.warmup,
    cpu: load.cpu,
  };
}

/** How many of the non-2xx answers have a status the scenario lists in `expectedStatuses`. */
function expectedAnswers(scenario, statusCodes = {}) {
  return (scenario.expectedStatuses ?? []).reduce((sum, status) => sum + (statusCodes[status] ?? 0), 0);
}

/** 2xx answers of a scenario in all: its probe, its warm-up and its measurement. */
function answered2xx(probeAnswered, f) {
  return probeAnswered + (f.warmup.total - f.warmup.non2xx) + (f.total - f.non2xx);
}

const ratio = (a, b) => (a === null || b === null || !b ? null : Number((a / b).toPrecision(3)));

// ---------------------------------------------------------------------------------------------
// Output

const cores = (cpu) =>
  cpu
    ? `${[cpu.server, cpu.load, cpu.postgres, cpu.other].map((c) => c.toFixed(2)).join(' ')}${cpu.other >= 0.1 * cpu.cpus ? ' !' : ''}`
    : '—';

function formatTable(rows) {
  const columns = [
    ['scenario', (r) => r.name, 'left'],
    ['conns', (r) => (r.connections === undefined ? '' : String(r.connections))],
    ['req/s', (r) => fmt(r.rps, 1)],
    ['p50 ms', (r) => fmt(r.p50)],
    ['p90 ms', (r) => fmt(r.p90)],
    ['p95 ms', (r) => fmt(r.p95)],
    ['p99 ms', (r) => fmt(r.p99)],
    ['max ms', (r) => fmt(r.max)],
    ['requests', (r) => String(r.total)],
    ['non-2xx', (r) => (r.non2xx === undefined ? '' : r.non2xx ? `${r.non2xx} !` : '0')],
    ['errors', (r) => (r.errors === undefined ? '' : r.errors + r.timeouts ? `${r.errors + r.timeouts} !` : '0')],
    ['req/s ÷ base', (r) => (r.vsBaseline ? fmt(r.vsBaseline.rps, 3) : '—')],
    ['p95 ÷ base', (r) => (r.vsBaseline ? fmt(r.vsBaseline.p95, 3) : '—')],
    ['target (issue)', (r) => (r.target === undefined ? '' : formatTarget(r.target)), 'left'],
    ['cores srv/load/pg/other', (r) => (r.cpu === undefined ? '' : cores(r.cpu))],
  ];
  return renderTable(columns, rows);
}

/** The command measurements: the figure the target names, the target, the cores; details below. */
function formatCommandTable(rows) {
  const columns = [
    ['command', (r) => (r.verification && !r.verification.ok ? `${r.name} !` : r.name), 'left'],
    ['measured', (r) => (r.error ? 'failed !' : measuredText(r.target)), 'left'],
    ['target (issue)', (r) => formatTarget(r.target), 'left'],
    ['cores srv/load/pg/other', (r) => cores(r.cpu)],
  ];
  const lines = renderTable(columns, rows).split('\n');
  return [...lines.slice(0, 2), ...rows.flatMap((r, i) => [lines[i + 2], `    ${r.error ?? r.detail}`])].join('\n');
}

function measuredText(check) {
  if (!check) return '—';
  return `${check.figure} ${formatNumber(check.measured)}${check.unit ? ` ${check.unit}` : ''}`;
}

function renderTable(columns, rows) {
  const cells = rows.map((r) => columns.map(([, get]) => get(r)));
  const widths = columns.map(([title], i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
  const line = (values) =>
    values
      .map((v, i) => (columns[i][2] === 'left' ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([t]) => t)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function fmt(n, digits = 2) {
  if (n === null || n === undefined) return '—';
  if (digits === 3) return Number(n.toPrecision(3)).toString();
  return n.toFixed(digits);
}

/** The rows of one HTTP scenario: its own, then one per request group (percentiles only). */
function scenarioRows(name, r) {
  const groups = Object.entries(r.groups ?? {}).map(([group, g]) => ({ name: `  › ${group}`, ...g, total: g.count }));
  return [{ name: r.verification && !r.verification.ok ? `${name} !` : name, ...r }, ...groups];
}

// ---------------------------------------------------------------------------------------------

/** The command scenarios, before the API starts: a failure is recorded, not fatal. */
async function runCommands(commands, database, args) {
  if (commands.length === 0) return {};
  const envWithoutDatabase = baseEnv({ kind: 'pglite', dataDir: mkdtempSync(join(os.tmpdir(), 'courtassist-bench-nodb-')) });
  cleanupTasks.push(async () => rmSync(envWithoutDatabase.DATA_DIR, { recursive: true, force: true }));
  const ctx = {
    env: baseEnv(database),
    envWithoutDatabase,
    cases: args.cases,
    runNode: (nodeArgs, options) => runNode(nodeArgs, options),
    dbWorker: (job) => dbWorker(database, job),
  };
  const results = {};
  for (const scenario of commands) {
    log(`${scenario.name} …`);
    const started = Date.now();
    try {
      const { state, ...out } = await scenario.run(ctx);
      const target = checkTarget(scenario.target, out.figures);
      results[scenario.name] = {
        title: scenario.title ?? scenario.name,
        ...out,
        target,
        ok: true,
        elapsedS: (Date.now() - started) / 1000,
      };
      log(`${scenario.name}: ${out.detail}`);
      if (scenario.verify) await verifyOne(scenario, results[scenario.name], database, { state, result: results[scenario.name] });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`WARNING ${scenario.name} failed: ${message}`);
      results[scenario.name] = {
        title: scenario.title ?? scenario.name,
        error: message,
        target: checkTarget(scenario.target, {}),
        cpu: null,
        ok: false,
      };
    }
  }
  return results;
}

/** One scenario's verification on the database (no process may hold a PGlite database meanwhile). */
async function verifyOne(scenario, result, database, input) {
  const ctx = { query: async (sqlText) => (await dbWorker(database, { job: 'query', sql: sqlText })).rows };
  try {
    const verdict = await scenario.verify(ctx, input);
    result.verification = verdict;
    log(`${scenario.name} verification: ${verdict.ok ? 'ok' : 'NOT OK'} — ${verdict.summary}`);
    for (const problem of verdict.problems ?? []) log(`  ${problem}`);
  } catch (error) {
    result.verification = {
      ok: false,
      summary: 'the verification failed',
      problems: [error instanceof Error ? error.message : String(error)],
    };
    log(`WARNING ${scenario.name} verification failed: ${result.verification.problems[0]}`);
  }
  if (!result.verification.ok) result.ok = false;
}

/** The HTTP scenarios' verifications, after the API stopped (PGlite admits one process at a time). */
async function runVerifications(prepared, results, database) {
  for (const { scenario, resolved, answered } of prepared) {
    const result = results[scenario.name];
    if (!scenario.verify || resolved.skip || !result || result.error) continue;
    await verifyOne(scenario, result, database, { state: resolved.state, result, answered: answered2xx(answered, result) });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const selected = selectScenarios(args.scenarios);
  const commands = selected.filter((s) => s.kind === 'command');
  const scenarios = selected.filter((s) => (s.kind ?? 'http') === 'http');
  const startedAt = new Date();
  const machine = {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? null,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
  log(
    `${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}; db ${args.db}, ${args.reuse ? `reusing ${args.reuse}` : `cases ${args.cases}`}, ${args.duration} s per measurement`,
  );

  const database = await prepareDatabase(args);
  const started = Date.now();
  log('building the API (tsc -b) …');
  // In a child process, so that compiler errors go to stderr and Ctrl-C stays responsive.
  const build = await runNode(['--input-type=module', '-e', `import(${JSON.stringify(buildScript)}).then((m) => m.ensureApiBuilt())`]);
  if (build.code !== 0)
    throw new Error(`the API does not build:\n${(build.stdout + build.stderr).trim().split('\n').slice(0, 40).join('\n')}`);
  log(`API built in ${seconds(Date.now() - started)}`);

  const seed = await seedDatabase(args, database);
  if (args.workOrders > 0) {
    const topUp = await dbWorker(database, { job: 'top-up-orders', target: args.workOrders });
    log(`work orders: ${topUp.before.toLocaleString('en-US')} → ${topUp.after.toLocaleString('en-US')} in ${seconds(topUp.ms)}`);
  }
  let networkTopUp = null;
  if (args.assistants > 0 || args.networkTasks > 0) {
    networkTopUp = await dbWorker(
      database,
      { job: 'top-up-network', assistants: args.assistants, tasks: args.networkTasks },
      { echo: '  network | ' },
    );
    const { before, after } = networkTopUp;
    log(
      `grassroots network: ${before.assistants.toLocaleString('en-US')} → ${after.assistants.toLocaleString('en-US')} assistants, ` +
        `${before.tasks.toLocaleString('en-US')} → ${after.tasks.toLocaleString('en-US')} tasks, ${after.stations.toLocaleString('en-US')} stations, ` +
        `${networkTopUp.accounts} assistant sign-ins, in ${seconds(networkTopUp.ms)}`,
    );
  }
  // Statistics and visibility maps, as autovacuum would leave them some time after a bulk load.
  const settled = await dbWorker(database, { job: 'settle' });
  log(`VACUUM (ANALYZE) in ${seconds(settled.ms)}`);
  const contents = await dbWorker(database, { job: 'facts' });
  log(
    `the database holds ${Object.entries(contents)
      .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
      .join(', ')}`,
  );
  const notes = [...seed.notes];

  const commandResults = await runCommands(commands, database, args);

  const results = {};
  let counts = [];
  const baselines = {};
  let api = null;
  const prepared = [];
  if (scenarios.length > 0) {
    api = await startApi(database);
    await waitForQuietDatabase(args, database);
    const baseline = await startBaseline();

    const ctx = setupContext(api.baseUrl, args);
    for (const scenario of scenarios) {
      const resolved = await resolveScenario(scenario, ctx);
      notes.push(...resolved.notes);
      if (resolved.skip) {
        log(`${scenario.name}: skipped — ${resolved.skip}`);
        notes.push(`${scenario.name} skipped: ${resolved.skip}`);
        continue;
      }
      // A scenario whose requests change state once (a claim) is not probed: the probe would use them up.
      const { problems, answered } = scenario.probe === false ? { problems: [], answered: 0 } : await probe(api.baseUrl, resolved);
      for (const p of problems) log(`WARNING ${scenario.name}: ${p.method} ${p.path} answered ${p.status}: ${p.body}`);
      const connections = scenario.connections ?? Math.min(args.connections, scenario.maxConnections ?? Number.POSITIVE_INFINITY);
      prepared.push({ scenario, resolved, problems, answered, connections });
    }

    // The baseline at every connection count a scenario uses, so that latencies compare like with like.
    counts = [...new Set([args.connections, ...prepared.map((p) => p.connections)])];
    const baselineRequest = { main: { path: '/baseline', method: 'GET', headers: {}, body: undefined }, requests: null };
    for (const connections of counts) {
      const load = await runLoad({
        baseUrl: baseline.baseUrl,
        serverPid: baseline.child.pid,
        resolved: baselineRequest,
        connections,
        duration: args.duration,
        warmup: args.warmup,
        label: `baseline @${connections}`,
      });
      baselines[connections] = figures(load, connections);
    }
    await stopChild(baseline.child);

    for (const { scenario, resolved, problems, connections } of prepared) {
      // One scenario's failure is reported as its result; the others' figures are kept.
      const load = await runLoad({
        baseUrl: api.baseUrl,
        serverPid: api.child.pid,
        resolved,
        connections,
        duration: args.duration,
        warmup: scenario.warmup ?? args.warmup,
        label: scenario.name,
      }).catch((error) => ({ failed: error instanceof Error ? error.message : String(error) }));
      if (load.failed) {
        log(`WARNING ${scenario.name}: the load failed: ${load.failed.split('\n')[0]}`);
        results[scenario.name] = { title: scenario.title ?? scenario.name, ok: false, error: load.failed, connections };
        continue;
      }
      const f = figures(load, connections);
      const base = baselines[connections];
      // Answers the scenario expects besides 2xx (the losers of a claim race: 409) are no failure.
      const unexpected = f.non2xx - expectedAnswers(scenario, f.statusCodes);
      results[scenario.name] = {
        title: scenario.title ?? scenario.name,
        method: resolved.main.method,
        path: resolved.main.path,
        ...f,
        ok: unexpected === 0 && f.errors === 0 && f.timeouts === 0 && problems.length === 0,
        vsBaseline: { connections, rps: ratio(f.rps, base.rps), p95: ratio(f.p95, base.p95) },
        ...(scenario.target ? { target: checkTarget(scenario.target, f) } : {}),
        ...(problems.length ? { probeProblems: problems } : {}),
      };
    }
    // The load process drops its connections mid-request; let those requests finish before SIGTERM
    // (the API ends its database pool without waiting for requests whose client has gone).
    await sleep(1000);
    await stopChild(api.child);
    await runVerifications(prepared, results, database);
  }

  // Output: the tables on stdout, then (with --json) one line of JSON.
  const rows = [
    ...counts.map((c) => ({ name: `baseline (bare Fastify)${counts.length > 1 ? ` @${c}` : ''}`, ...baselines[c] })),
    ...Object.entries(results).flatMap(([name, r]) => scenarioRows(name, r)),
  ];
  const casesNote = database.reused
    ? `${contents.cases.toLocaleString('en-US')} (reused database)`
    : seed.seedTakesCases
      ? `${args.cases.toLocaleString('en-US')}`
      : `${args.cases} requested, not generated (seed has no --cases)`;
  const header = `CourtAssist bench — db ${database.label}${database.serverVersion ? ` ${database.serverVersion}` : ''}, cases ${casesNote}, ${args.duration} s per scenario, ${machine.cpus} CPUs, Node ${machine.node}`;
  console.log(`\n${header}\n`);
  if (rows.length) {
    console.log(`${formatTable(rows)}\n`);
    console.log(
      'req/s ÷ base: throughput as a fraction of the bare Fastify route; p95 ÷ base: p95 latency as a multiple of its p95 (same connection count).\n' +
        '› rows: the percentiles of one group of a scenario’s requests.\n' +
        `cores: CPU used during the measurement by the server, the load generator, PostgreSQL and everything else (of ${machine.cpus}).`,
    );
  }
  const commandRows = Object.entries(commandResults).map(([name, r]) => ({ name, ...r }));
  if (commandRows.length) {
    console.log(`\n${formatCommandTable(commandRows)}\n`);
    console.log(
      'cores (commands): the process measured (the sweep’s process, the deadline command), the harness, PostgreSQL, everything else.',
    );
  }
  for (const [name, r] of [...Object.entries(commandResults), ...Object.entries(results)]) {
    if (r.verification) console.log(`${name} verification: ${r.verification.ok ? 'ok' : 'NOT OK'} — ${r.verification.summary}`);
    for (const problem of r.verification?.problems ?? []) console.log(`  ${problem}`);
  }
  const disturbed = [...rows, ...commandRows].filter((r) => r.cpu && r.cpu.other >= 0.1 * r.cpu.cpus);
  if (disturbed.length) {
    console.log(
      `WARNING: other processes used the CPUs during ${disturbed.map((r) => `${r.name.trim()} (${r.cpu.other} of ${r.cpu.cpus} cores)`).join(', ')}: those figures are unreliable, their ratios to the baseline less so.`,
    );
  }
  const targets = [...Object.entries(results), ...Object.entries(commandResults)]
    .filter(([, r]) => r.target)
    .map(([name, r]) => ({ scenario: name, ...r.target }));
  const missed = targets.filter((t) => !t.ok);
  if (targets.length) {
    console.log(
      missed.length
        ? `TARGETS MISSED: ${missed.map((t) => `${t.scenario} (${t.text}; measured ${formatNumber(t.measured)})`).join(', ')}`
        : `All ${targets.length} targets met.`,
    );
  }
  if (api && (api.logStats.warnings || api.logStats.errors)) {
    log(
      `the API logged ${api.logStats.warnings} warnings and ${api.logStats.errors} errors during the run; first ones:\n${api.logStats.lines.join('\n')}`,
    );
  }
  const failed = [...Object.entries(results), ...Object.entries(commandResults)].filter(([, r]) => !r.ok);
  for (const [name, r] of failed) {
    if (r.error) log(`WARNING ${name}: ${r.error}`);
    else if (r.verification && !r.verification.ok) log(`WARNING ${name}: verification NOT OK`);
    else log(`WARNING ${name}: ${r.non2xx} non-2xx (${JSON.stringify(r.statusCodes)}), ${r.errors} errors, ${r.timeouts} timeouts`);
  }

  if (args.json) {
    const report = {
      machine,
      db: database.label,
      ...(database.serverVersion ? { dbServerVersion: database.serverVersion } : {}),
      cases: database.reused ? contents.cases : args.cases,
      casesGenerated: seed.seedTakesCases,
      reused: database.reused === true,
      database: contents,
      seeded: seed.summary,
      seedMs: seed.seedMs,
      ...(networkTopUp ? { networkTopUp } : {}),
      vacuumAnalyzeMs: settled.ms,
      duration: args.duration,
      warmup: args.warmup,
      connections: args.connections,
      apiVersion: api?.health?.version ?? null,
      startedAt: startedAt.toISOString(),
      elapsedS: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      baseline: baselines[args.connections] ?? null,
      ...(counts.length > 1 ? { baselines } : {}),
      scenarios: results,
      commands: commandResults,
      targets,
      apiLog: api ? { warnings: api.logStats.warnings, errors: api.logStats.errors, first: api.logStats.lines } : null,
      notes,
      ok: failed.length === 0,
      targetsMet: missed.length === 0,
    };
    console.log(JSON.stringify(report));
  }
  await cleanup();
  return failed.length > 0 ? 3 : missed.length > 0 ? 4 : 0;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    // After Ctrl-C the children die first and the run fails: the signal handler reports and exits.
    if (!interrupted) log(`failed: ${error instanceof Error ? error.message : error}`);
    await cleanup();
    process.exit(interrupted ? SIGNALS[interrupted] : 1);
  },
);
