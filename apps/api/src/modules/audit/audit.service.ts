import type { AuditEntry, AuditQuery, AuditVerifyResult } from '@courtassist/contracts';
import { chainHash, GENESIS_HASH } from '../../platform/audit.js';
import type { Actor } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { type AuditRow, activityByDay, chainBatch, chainHead, countByAction, listAudit } from './audit.repository.js';

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    courtId: row.courtId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    changes: row.changes as AuditEntry['changes'],
    requestId: row.requestId,
    ip: row.ip,
  };
}

export async function findAuditEntries(db: Db, actor: Actor, query: AuditQuery) {
  const { items, total } = await listAudit(db, actor, query);
  const last = items.at(-1);
  return {
    items: items.map(toAuditEntry),
    total,
    nextCursor: items.length === query.limit && last ? String(last.id) : null,
  };
}

export async function recentActivity(db: Db, actor: Actor, filter: { actorId?: number; limit: number }): Promise<AuditEntry[]> {
  const { items } = await listAudit(db, actor, filter);
  return items.map(toAuditEntry);
}

export function dailyActivity(db: Db, actor: Actor, days: number, actorId?: number) {
  return activityByDay(db, actor, days, actorId);
}

/**
 * Walks the whole chain in id order and recomputes every hash. An edited row breaks its own
 * hash; a deleted row breaks the next row's link to its predecessor; deleted newest rows leave
 * the chain ending short of the head recorded beside it.
 */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void, batchSize = 5_000): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const batch = await chainBatch(db, lastId, batchSize);
    if (batch.length === 0) return checkHead(db, lastId, prev, checked);
    for (const row of batch) {
      if (row.prevHash !== prev)
        return { ok: false, checked, brokenAt: row.id, reason: 'link to the previous record is broken (a record was removed or altered)' };
      const { prevHash: _p, hash, ...fields } = row;
      if (chainHash(prev, fields) !== hash)
        return { ok: false, checked, brokenAt: row.id, reason: 'record content does not match its hash (the record was altered)' };
      prev = hash;
      lastId = row.id;
      checked += 1;
    }
    onProgress?.(checked);
  }
}

/** Whether demo data was ever loaded into this database (the seed leaves a record in the trail). */
export async function hasSeedRecord(db: Db): Promise<boolean> {
  return (await countByAction(db, 'province', 'seed')) > 0;
}

async function checkHead(db: Db, lastId: number, lastHash: string, checked: number): Promise<AuditVerifyResult> {
  const head = await chainHead(db);
  if (!head || (head.lastId === lastId && head.lastHash === lastHash)) return { ok: true, checked, brokenAt: null, reason: null };
  return {
    ok: false,
    checked,
    brokenAt: head.lastId,
    reason: `the chain ends at record ${lastId} but its head names record ${head.lastId}: the newest records were removed or the head was altered`,
  };
}
