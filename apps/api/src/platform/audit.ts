import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { auditHead, auditLog } from './audit.table.js';
import type { Actor } from './context.js';
import { type Executor, rows } from './db.js';

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
 * Appends one record to the trail inside the caller's transaction. The head row stays locked until
 * that transaction ends, so call this as the last statement of a use case.
 */
export async function recordAudit(tx: Executor, ctx: AuditContext, event: AuditEvent): Promise<void> {
  // Locking the head row serialises appends until this transaction ends.
  const [head] = await tx.select({ lastHash: auditHead.lastHash }).from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const [{ id }] = await rows<{ id: number }>(tx, sql`SELECT nextval('audit_log_id_seq')::int AS id`);
  const row: ChainedFields = {
    id: Number(id),
    at: new Date(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? ctx.systemName ?? 'system',
    courtId: event.courtId,
    entityType: event.entityType,
    entityId: String(event.entityId),
    action: event.action,
    changes: diff(event.before, event.after, event.omit),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const prevHash = head?.lastHash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, row);
  await tx.insert(auditLog).values({ ...row, prevHash, hash });
  await tx.update(auditHead).set({ lastId: row.id, lastHash: hash }).where(eq(auditHead.id, 1));
}
