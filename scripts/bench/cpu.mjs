// Where the machine's CPU time went during one measurement (Linux /proc; null elsewhere): the
// server under test, the load generator itself, PostgreSQL (every `postgres` process: on a shared
// server this includes other databases' work) and everything else. "Everything else" is other
// work on the machine (tests, builds, a browser) and time the hypervisor gave to other machines (steal):
// when it is large the figures are unreliable.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const USER_HZ = 100; // clock ticks per second of /proc on Linux

function machineTicks() {
  // user nice system idle iowait irq softirq steal (guest time is already counted in user and nice)
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/**
 * utime + stime of a process (all its threads), in ticks; its command name; and `reaped`, the
 * utime + stime of its children that ended and were waited for.
 */
function processTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name, ticks: Number(rest[11]) + Number(rest[12]), reaped: Number(rest[13]) + Number(rest[14]) };
}

/**
 * Every postgres process's CPU, its ended children's included: the postmaster reaps the backends
 * and parallel workers that exit, so a short-lived one still counts, through its parent.
 */
function postgresTicks() {
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const p = processTicks(entry);
      if (p.name === 'postgres') ticks.set(entry, p.ticks + p.reaped);
    } catch {
      /* gone meanwhile */
    }
  }
  return ticks;
}

/** utime + stime of this process's children that have ended (and been waited for), in ticks. */
function endedChildrenTicks() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[13]) + Number(rest[14]);
}

/**
 * A sample to pass to cpuBetween. The "server" is the process `serverPid`, or with
 * `{ children: true }` the children of this process that ended between the two samples (a
 * command run to completion, whose /proc entry is gone when the second sample is taken).
 * `{ self: false }` leaves this process out of `load` (when it is itself the one measured).
 */
export function sampleCpu(serverPid, { children = false, self = true } = {}) {
  try {
    return {
      machine: machineTicks(),
      server: children ? endedChildrenTicks() : serverPid ? processTicks(serverPid).ticks : 0,
      postgres: postgresTicks(),
      self: self ? process.cpuUsage() : { user: 0, system: 0 },
    };
  } catch {
    return null;
  }
}

/** CPU used between two samples, in cores (CPU-seconds per second; the machine has `cpus` of them). */
export function cpuBetween(before, after) {
  if (!before || !after) return null;
  const cpus = os.availableParallelism?.() ?? os.cpus().length;
  const total = after.machine.total - before.machine.total;
  if (total <= 0) return null;
  const cores = (ticks) => Math.round((ticks / total) * cpus * 100) / 100;
  let postgres = 0;
  // A process absent from the first sample started after it: all its time falls in between.
  for (const [pid, ticks] of after.postgres) postgres += ticks - (before.postgres.get(pid) ?? 0);
  const selfMicros = after.self.user + after.self.system - before.self.user - before.self.system;
  const load = (selfMicros / 1e6) * USER_HZ;
  const busy = after.machine.busy - before.machine.busy;
  const server = after.server - before.server;
  return {
    cpus,
    busy: cores(busy),
    server: cores(server),
    load: cores(load),
    postgres: cores(postgres),
    other: cores(Math.max(0, busy - server - load - postgres)),
  };
}
