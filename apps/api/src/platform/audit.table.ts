import { bigint, bigserial, index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit trail (留痕). Append-only: a trigger (migrations `audit_append_only`, `audit_sealed_after_commit`)
 * refuses UPDATE and DELETE but the one update that seals a row, and every sealed row carries the
 * hash of the previous one, so that `courtassist audit verify` detects a row altered or removed by
 * someone who got round the trigger. Rows are written unsealed (`prev_hash`, `hash` NULL) and
 * sealed in id order shortly after their transaction commits (`sealAuditTrail`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    courtId: integer('court_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    /** NULL until the row is sealed. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.id),
    index('audit_log_court_idx').on(t.courtId, t.id),
    index('audit_log_at_idx').on(t.at),
  ],
);

/**
 * The head of the chain: the id and hash of the newest sealed record, updated by the sealer in the
 * transaction that seals. Its row lock serialises sealers (never writers), and verify compares the
 * chain's end with it, so removing the newest records is detected too.
 */
export const auditHead = pgTable('audit_head', {
  id: smallint('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
