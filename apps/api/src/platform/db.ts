import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder } from './config.js';
import { PreparingClient } from './prepared-client.js';

// Both drivers produce a PgDatabase; repositories only ever see this common type, so every
// statement they build runs on PGlite and on a PostgreSQL server alike.
// biome-ignore lint/suspicious/noExplicitAny: the schema generic is irrelevant to callers
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>, any>;
// biome-ignore lint/suspicious/noExplicitAny: idem
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, any>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** App data folder for PGlite, or `memory://` for an in-memory database. */
  dataDir: string;
  poolSize?: number;
}

/** Advisory-lock key under which migrations run, so that several instances start safely. */
const MIGRATION_LOCK = 7_240_001;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Dates of law are reckoned in China Standard Time whatever the server's own zone is.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=Asia/Shanghai', Client: PreparingClient });
  // An idle connection the server drops (restart, failover, admin action) must not crash the
  // process: the pool discards it and opens a new one for the next query.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  });
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migrateNodePg(drizzleNodePg(client), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => undefined : lockDataDir(dataDir);
  try {
    // pg_trgm serves partial-text search on party names and case numbers (CJK included).
    const client = new PGlite(inMemory ? 'memory://' : join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
    await client.waitReady;
    await client.exec("SET TIME ZONE 'Asia/Shanghai'");
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite is a single-process database: two processes writing the same folder would corrupt it.
 * A pid file refuses a second opener while the first is alive, and is taken over when stale
 * (after a crash or kill -9).
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'courtassist.pid');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The data folder ${dataDir} is in use by process ${pid}. Stop it first (or use DATABASE_URL for a shared server).`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rows<T>(executor: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The PostgreSQL SQLSTATE of a failed statement, looking through Drizzle's wrapper. */
export function sqlState(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const UNIQUE_VIOLATION = '23505';

/** The constraint a failed statement violated, looking through Drizzle's wrapper. */
export function constraintOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const name = (current as { constraint?: unknown }).constraint;
    if (typeof name === 'string') return name;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Text for a LIKE pattern, with its wildcards (%, _) and the escape character taken literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Counting every match of a list over millions of rows costs more than its page; beyond this, estimate. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * The total of a list: exact up to EXACT_COUNT_LIMIT; above it, the planner's estimate, flagged
 * approximate (the page then says "about 1,234,000"). `fromWhere` is the list's FROM … WHERE …,
 * selecting rows without columns.
 */
export async function cappedCount(ex: Executor, fromWhere: SQL): Promise<{ total: number; totalApproximate: boolean }> {
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromWhere} LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`,
  );
  if (n <= EXACT_COUNT_LIMIT) return { total: n, totalApproximate: false };
  const [plan] = await rows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] | string }>(
    ex,
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${fromWhere}`,
  );
  const parsed = typeof plan['QUERY PLAN'] === 'string' ? JSON.parse(plan['QUERY PLAN']) : plan['QUERY PLAN'];
  return { total: Math.max(EXACT_COUNT_LIMIT + 1, Math.round(parsed[0].Plan['Plan Rows'])), totalApproximate: true };
}
