import { createHash } from 'node:crypto';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { auditHead, auditLog } from './audit.table.js';
import type { Actor } from './context.js';
import { type Db, type Executor, rows } from './db.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Who the record names: a signed-in actor, or a named system job (CLI, scheduler). */
export interface AuditContext {
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  requestId: string | null;
  ip: string | null;
  systemName?: string;
}

export type Changes = Record<string, { before?: unknown; after?: unknown }>;

export interface AuditEvent {
  entityType: string;
  entityId: string | number;
  action: string;
  courtId: number | null;
  /** Full records before and after; only the fields that differ are stored. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields never to be written to the trail (password hashes, tokens). */
  omit?: readonly string[];
}

/** The fields stored in a row that take part in its hash. */
export interface ChainedFields {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  courtId: number | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted at every depth, so that a jsonb round trip hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  const body = canonicalJson({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Only what changed: `{field: {before, after}}`; dates become ISO strings. */
export function diff(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  omit: readonly string[] = [],
): Changes {
  const entries: [string, { before?: unknown; after?: unknown }][] = [];
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (omit.includes(key)) continue;
    const b = normalise(own(before, key));
    const a = normalise(own(after, key));
    if (canonicalJson(b) === canonicalJson(a)) continue;
    entries.push([key, { ...(before ? { before: b } : {}), ...(after ? { after: a } : {}) }]);
  }
  // fromEntries defines own properties, so even a field named `__proto__` is kept as data.
  return Object.fromEntries(entries);
}

/** A record's own field only: `valueOf` or `constructor` must not come from the prototype. */
function own(record: Record<string, unknown> | null | undefined, key: string): unknown {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value));
}

/**
 * Appends one record to the trail inside the caller's transaction, unsealed: no lock is taken, so
 * audited writes of different cases, orders and courts never wait for one another. The sealer
 * (`sealAuditTrail`) chains it after the transaction commits.
 *
 * The statement makes sure the transaction has its id (xid) before the record takes its number
 * from the sequence: the sealer relies on it to know when every number it saw handed out has
 * either committed or rolled back (see `settledWatermark`).
 */
export async function recordAudit(tx: Executor, ctx: AuditContext, event: AuditEvent): Promise<void> {
  const at = new Date();
  const changes = diff(event.before, event.after, event.omit);
  await tx.execute(sql`
    WITH xact AS MATERIALIZED (SELECT pg_current_xact_id())
    INSERT INTO audit_log (at, actor_id, actor_name, court_id, entity_type, entity_id, action, changes, request_id, ip)
    SELECT ${at.toISOString()}::timestamptz, ${ctx.actor?.userId ?? null}::int, ${ctx.actor?.displayName ?? ctx.systemName ?? 'system'},
           ${event.courtId}::int, ${event.entityType}, ${String(event.entityId)}, ${event.action}, ${JSON.stringify(changes)}::jsonb,
           ${ctx.requestId}, ${ctx.ip}
    FROM xact`);
}

// ---------------------------------------------------------------------------------------------
// Sealing

export interface SealResult {
  /** Records sealed by this call. */
  sealed: number;
  /** Records that could not be sealed yet: a transaction that may still add a lower number is running. */
  waiting: boolean;
}

/** How long one sealing waits for running transactions before leaving the rest to the next run. */
const SETTLE_WAIT_MS = 1_000;
const SEAL_BATCH = 5_000;

/**
 * The highest record number below which the trail is final: every number up to it was handed out
 * to a transaction that has since committed or rolled back. Read in two steps, in this order: the
 * sequence's last number, then the transactions of this database that hold an xid. A transaction
 * holding a number up to it took its xid before the number (recordAudit), so it is among those or
 * already done. (Only this database's: on a shared server, other databases' long transactions
 * must not hold the sealing up.) Returns null when they are still running after `waitMs`.
 */
async function settledWatermark(db: Executor, waitMs: number): Promise<number | null> {
  const [{ handedOut }] = await rows<{ handedOut: string }>(
    db,
    sql`SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS "handedOut" FROM audit_log_id_seq`,
  );
  const deadline = Date.now() + waitMs;
  let running = await runningWriters(db, null);
  while (running.length > 0) {
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
    running = await runningWriters(db, running);
  }
  return Number(handedOut);
}

/**
 * `pid:xid` of this database's other sessions whose transaction holds an xid; with `among`, only
 * those of that list still in the same transaction. The statistics snapshot is cleared first: inside
 * a transaction (the scheduler's) it would otherwise be read once and kept.
 */
async function runningWriters(db: Executor, among: string[] | null): Promise<string[]> {
  await db.execute(sql`SELECT pg_stat_clear_snapshot()`);
  const [{ writers }] = await rows<{ writers: string[] }>(
    db,
    sql`SELECT array(
          SELECT a.pid || ':' || a.backend_xid FROM pg_stat_activity a
          WHERE a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND a.pid <> pg_backend_pid() AND a.backend_xid IS NOT NULL) AS writers`,
  );
  return among === null ? writers : writers.filter((w) => among.includes(w));
}

/**
 * Seals the records written since the last sealing, in id order: each gets the hash of the one
 * before it and its own. One sealer at a time (the head's row lock); safe to call at any moment
 * and from any process — the scheduler runs it every second, `courtassist audit verify` before
 * verifying.
 */
export async function sealAuditTrail(db: Db, options: { waitMs?: number; batch?: number } = {}): Promise<SealResult> {
  const watermark = await settledWatermark(db, options.waitMs ?? SETTLE_WAIT_MS);
  if (watermark === null) return { sealed: 0, waiting: true };
  let sealed = 0;
  for (;;) {
    const count = await db.transaction((tx) => sealBatch(tx, watermark, options.batch ?? SEAL_BATCH));
    sealed += count;
    if (count === 0) return { sealed, waiting: false };
  }
}

async function sealBatch(tx: Executor, watermark: number, size: number): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const lastId = head?.lastId ?? 0;
  const batch = await tx
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.id, lastId), lte(auditLog.id, watermark)))
    .orderBy(asc(auditLog.id))
    .limit(size);
  let prev = head?.lastHash ?? GENESIS_HASH;
  const ids: number[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  for (const { prevHash, hash, ...fields } of batch) {
    // A sealed record past the head was not sealed here: leave it to verify, which reports it.
    if (prevHash !== null || hash !== null) break;
    const own = chainHash(prev, fields);
    ids.push(fields.id);
    prevHashes.push(prev);
    hashes.push(own);
    prev = own;
  }
  if (ids.length === 0) return 0;
  // Three parameters, not one per value: numbers and hex digests joined by commas need no quoting.
  await tx.execute(sql`
    UPDATE audit_log a SET prev_hash = s.prev_hash, hash = s.hash
    FROM unnest(string_to_array(${ids.join(',')}, ',')::bigint[], string_to_array(${prevHashes.join(',')}, ','),
                string_to_array(${hashes.join(',')}, ',')) AS s(id, prev_hash, hash)
    WHERE a.id = s.id`);
  const last = ids.length - 1;
  await tx
    .insert(auditHead)
    .values({ id: 1, lastId: ids[last], lastHash: hashes[last] })
    .onConflictDoUpdate({ target: auditHead.id, set: { lastId: ids[last], lastHash: hashes[last] } });
  return ids.length;
}
