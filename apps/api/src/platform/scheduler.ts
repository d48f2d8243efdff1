import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, rows } from './db.js';

export interface ScheduledJob {
  name: string;
  everyMs: number;
  /** Advisory-lock key: with several API instances, one runs the job and the others skip it. */
  lockKey: number;
  run(db: Db): Promise<unknown>;
}

/** Runs each job on its interval; returns a stop function. Jobs never overlap themselves. */
export function startScheduler(db: Db, jobs: ScheduledJob[], log: FastifyBaseLogger): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await db.transaction(async (tx) => {
          const [{ got }] = await rows<{ got: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${job.lockKey}) AS got`);
          if (got) await job.run(tx as unknown as Db);
        });
      } catch (err) {
        log.error({ err, job: job.name }, 'scheduled job failed');
      } finally {
        running = false;
      }
    };
    // Once soon after start (a server that was down may have missed runs), then on the interval.
    const first = setTimeout(tick, 3_000);
    const timer = setInterval(tick, job.everyMs);
    first.unref();
    timer.unref();
    return { first, timer };
  });
  return () => {
    for (const { first, timer } of timers) {
      clearTimeout(first);
      clearInterval(timer);
    }
  };
}
