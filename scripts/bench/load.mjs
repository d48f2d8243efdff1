// The load generator, run as its own process so that it never shares an event loop with the
// server it measures. Usage: node load.mjs '<json>' where the JSON is
//   { url, method, headers, body, requests?, connections, duration, warmup, serverPid? }
// (`url` is the full URL of the first request; `body` a string). Prints one line of JSON:
//   { rps, total, sent, durationS, non2xx, errors, timeouts, statusCodes, latency: {p50, p90, p95, p99, max, mean, count},
//     cpu: {cpus, busy, server, load, postgres, other} }   (cores used during the measured part; see cpu.mjs)
// Latencies are in milliseconds, recorded per 2xx response with sub-millisecond precision
// (autocannon's own histogram has whole milliseconds and no p95).
import { createRequire } from 'node:module';
import { cpuBetween, sampleCpu } from './cpu.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const spec = JSON.parse(process.argv[2] ?? '{}');

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
  if (Array.isArray(spec.requests) && spec.requests.length > 0) opts.requests = spec.requests;
  return opts;
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const round = (n) => (n === null ? null : Math.round(n * 1000) / 1000);

async function main() {
  if (spec.warmup > 0) await autocannon(options(spec.warmup));

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const cpuBefore = sampleCpu(spec.serverPid);
  const instance = autocannon(options(spec.duration ?? 10));
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode < 200 || statusCode > 299) return;
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = responseTime;
  });
  const result = await instance;
  const cpu = cpuBetween(cpuBefore, sampleCpu(spec.serverPid));

  const sorted = latencies.subarray(0, count).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count: n }]) => [code, n]));
  const out = {
    rps: Math.round(result.requests.average * 10) / 10,
    total: result.requests.total,
    sent: result.requests.sent,
    durationS: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    latency: {
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(count ? sorted[count - 1] : null),
      mean: round(count ? sum / count : null),
      count,
    },
    cpu,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
