// The load generator, run as its own process so that it never shares an event loop with the
// server it measures. Usage: node load.mjs '<json>' (or node load.mjs - with the JSON on stdin) where the JSON is
//   { url, method, headers, body, requests?, connections, duration, warmup, serverPid? }
// (`url` is the full URL of the first request; `body` a string; a request of `requests` may carry
// a `group` label). Prints one line of JSON:
//   { rps, total, sent, durationS, non2xx, errors, timeouts, statusCodes, latency: {p50, p90, p95, p99, max, mean, count},
//     groups?: {<label>: {p50, p90, p95, p99, max, mean, count}},   (when requests carry groups)
//     warmup: {total, non2xx, statusCodes},
//     cpu: {cpus, busy, server, load, postgres, other} }   (cores used during the measured part; see cpu.mjs)
// Latencies are in milliseconds, recorded per 2xx response with sub-millisecond precision
// (autocannon's own histogram has whole milliseconds and no p95).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpuBetween, sampleCpu } from './cpu.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

// The spec comes on stdin when the argument is '-': a scenario's request list (thousands of claims,
// each with its headers) is larger than the system allows a command line to be.
const spec = JSON.parse(process.argv[2] === '-' ? readFileSync(0, 'utf8') : (process.argv[2] ?? '{}'));

function options(duration) {
  const opts = {
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers ?? {},
    connections: spec.connections ?? 10,
    duration,
    timeout: 30,
  };
  if (spec.body !== undefined && spec.body !== null) opts.body = spec.body;
  if (Array.isArray(spec.requests) && spec.requests.length > 0) {
    opts.requests = spec.sharedRequests ? [sharedCursor(spec.requests)] : spec.requests.map(withGroup);
  }
  return opts;
}

// With `sharedRequests`, the connections take the list's requests in turn from one cursor, as a
// team takes orders from one pool, instead of each walking the whole list from its start.
let shared = 0;
function sharedCursor(requests) {
  return {
    setupRequest: (request) => {
      const { group: _group, ...next } = requests[shared++ % requests.length];
      return { ...request, ...next };
    },
  };
}

// autocannon calls a request's onResponse and then, synchronously, emits 'response' for the
// same answer: the label set here is the one of the answer being counted.
let answeredGroup = null;

function withGroup({ group, ...request }) {
  if (group === undefined) return request;
  return {
    ...request,
    onResponse: () => {
      answeredGroup = group;
    },
  };
}

/** Latencies (ms) in a growable buffer. */
function recorder() {
  let values = new Float64Array(1 << 12);
  let count = 0;
  return {
    add(v) {
      if (count === values.length) {
        const bigger = new Float64Array(values.length * 2);
        bigger.set(values);
        values = bigger;
      }
      values[count++] = v;
    },
    summary() {
      const sorted = values.subarray(0, count).sort();
      let sum = 0;
      for (const v of sorted) sum += v;
      return {
        p50: round(percentile(sorted, 50)),
        p90: round(percentile(sorted, 90)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        max: round(count ? sorted[count - 1] : null),
        mean: round(count ? sum / count : null),
        count,
      };
    },
  };
}

const statusCounts = (result) => Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count: n }]) => [code, n]));

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const round = (n) => (n === null ? null : Math.round(n * 1000) / 1000);

async function main() {
  const warm = spec.warmup > 0 ? await autocannon(options(spec.warmup)) : null;

  const all = recorder();
  const groups = new Map();
  const cpuBefore = sampleCpu(spec.serverPid);
  const instance = autocannon(options(spec.duration ?? 10));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const group = answeredGroup;
    answeredGroup = null;
    if (statusCode < 200 || statusCode > 299) return;
    all.add(responseTime);
    if (group === null) return;
    if (!groups.has(group)) groups.set(group, recorder());
    groups.get(group).add(responseTime);
  });
  const result = await instance;
  const cpu = cpuBetween(cpuBefore, sampleCpu(spec.serverPid));

  const out = {
    rps: Math.round(result.requests.average * 10) / 10,
    total: result.requests.total,
    sent: result.requests.sent,
    durationS: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: statusCounts(result),
    latency: all.summary(),
    ...(groups.size ? { groups: Object.fromEntries([...groups].map(([g, r]) => [g, r.summary()])) } : {}),
    warmup: warm
      ? { total: warm.requests.total, non2xx: warm.non2xx, statusCodes: statusCounts(warm) }
      : { total: 0, non2xx: 0, statusCodes: {} },
    cpu,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
