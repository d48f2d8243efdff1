import type { AuditQuery } from '@courtassist/contracts';
import { and, asc, desc, eq, gt, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { auditHead, auditLog } from '../../platform/audit.table.js';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * An actor sees the records of courts in their scope; records tied to no court (province-wide
 * roles, system jobs) only an actor of a root court sees.
 */
function scopeOf(actor: Pick<Actor, 'courtPath'>): SQL {
  const isRoot = /^\/\d+\/$/.test(actor.courtPath);
  const inTree = sql`EXISTS (SELECT 1 FROM courts c WHERE c.id = ${auditLog.courtId} AND c.path LIKE ${`${actor.courtPath}%`})`;
  return isRoot ? sql`(${auditLog.courtId} IS NULL OR ${inTree})` : inTree;
}

function filterOf(actor: Pick<Actor, 'courtPath'>, query: Partial<AuditQuery>): SQL | undefined {
  return and(
    scopeOf(actor),
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.from ? gte(auditLog.at, new Date(query.from)) : undefined,
    query.to ? lte(auditLog.at, new Date(query.to)) : undefined,
  );
}

/** Newest first, keyset on id: `cursor` is the last id of the previous page. */
export async function listAudit(
  ex: Executor,
  actor: Pick<Actor, 'courtPath'>,
  query: Partial<AuditQuery> & { limit: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const where = filterOf(actor, query);
  const cursor = query.cursor ? Number(query.cursor) : null;
  const items = await ex
    .select()
    .from(auditLog)
    .where(and(where, cursor ? lt(auditLog.id, cursor) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
  const [{ total }] = await ex.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where);
  return { items, total };
}

/** Records per day (China Standard Time) over the last `days` days, in scope, optionally by one actor. */
export async function activityByDay(
  ex: Executor,
  actor: Pick<Actor, 'courtPath'>,
  days: number,
  actorId?: number,
): Promise<{ day: string; count: number }[]> {
  const since = new Date(Date.now() - days * 86_400_000);
  return rows<{ day: string; count: number }>(
    ex,
    sql`SELECT to_char(${auditLog.at} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, count(*)::int AS count
        FROM ${auditLog}
        WHERE ${and(scopeOf(actor), gte(auditLog.at, since), actorId ? eq(auditLog.actorId, actorId) : undefined)}
        GROUP BY 1 ORDER BY 1`,
  );
}

/** One batch of the chain, in order, for verification. */
export function chainBatch(ex: Executor, afterId: number, size: number): Promise<AuditRow[]> {
  return ex.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(size);
}

export async function countByAction(ex: Executor, entityType: string, action: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.action, action)));
  return row.n;
}

export async function chainHead(ex: Executor): Promise<{ lastId: number; lastHash: string } | null> {
  const [head] = await ex.select({ lastId: auditHead.lastId, lastHash: auditHead.lastHash }).from(auditHead).where(eq(auditHead.id, 1));
  return head ?? null;
}
