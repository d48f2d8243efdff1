import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from './context.js';

/**
 * Data scope: an actor sees the subtree of courts under their own court. `pathColumn` is a
 * court's materialised path; paths hold only digits and slashes, so LIKE needs no escaping.
 */
export function inScope(pathColumn: PgColumn | SQL, actor: Pick<Actor, 'courtPath'>): SQL {
  return sql`${pathColumn} LIKE ${`${actor.courtPath}%`}`;
}
