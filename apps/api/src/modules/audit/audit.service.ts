import type { AuditEntry, AuditQuery, AuditVerifyResult } from '@courtassist/contracts';
import { chainHash, GENESIS_HASH, sealAuditTrail } from '../../platform/audit.js';
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
 * Seals what is waiting, then walks the whole chain in id order and recomputes every hash. An
 * edited row breaks its own hash; a deleted row breaks the next row's link to its predecessor;
 * deleted newest rows leave the chain ending short of the head recorded beside it; a row slipped
 * in below the head was never sealed. Records written by transactions still running when the
 * sealing began are counted as `unsealed` (the newest ones only, after every sealed record).
 */
export async function verifyAuditChain(db: Db, onProgress?: (checked: number) => void, batchSize = 5_000): Promise<AuditVerifyResult> {
  await sealAuditTrail(db);
  const head = await chainHead(db);
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let unsealed = 0;
  let afterId = 0;
  for (;;) {
    const batch = await chainBatch(db, afterId, batchSize);
    if (batch.length === 0) return checkHead(head, lastId, prev, checked, unsealed);
    for (const row of batch) {
      afterId = row.id;
      const broken = (reason: string): AuditVerifyResult => ({ ok: false, checked, brokenAt: row.id, reason, unsealed });
      if (row.prevHash === null && row.hash === null) {
        if (head && row.id <= head.lastId) return broken('record was never sealed although later ones were (it was inserted afterwards)');
        unsealed += 1;
        continue;
      }
      if (unsealed > 0) return broken('a sealed record follows an unsealed one (the head was altered)');
      if (row.prevHash !== prev) return broken('link to the previous record is broken (a record was removed or altered)');
      const { prevHash: _p, hash, ...fields } = row;
      if (chainHash(prev, fields) !== hash) return broken('record content does not match its hash (the record was altered)');
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

function checkHead(
  head: { lastId: number; lastHash: string } | null,
  lastId: number,
  lastHash: string,
  checked: number,
  unsealed: number,
): AuditVerifyResult {
  if (!head || (head.lastId === lastId && head.lastHash === lastHash)) return { ok: true, checked, brokenAt: null, reason: null, unsealed };
  return {
    ok: false,
    checked,
    brokenAt: head.lastId,
    reason: `the chain ends at record ${lastId} but its head names record ${head.lastId}: the newest records were removed or the head was altered`,
    unsealed,
  };
}
