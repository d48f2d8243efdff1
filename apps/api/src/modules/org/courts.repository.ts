import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { inScope } from '../../platform/scope.js';
import { courts } from './org.table.js';

export type CourtRow = typeof courts.$inferSelect;

const courtColumns = {
  id: courts.id,
  parentId: courts.parentId,
  level: courts.level,
  name: courts.name,
  code: courts.code,
  address: courts.address,
  jurisdiction: courts.jurisdiction,
  path: courts.path,
  version: courts.version,
};
export type CourtRecord = { [K in keyof typeof courtColumns]: CourtRow[K] };

export function listCourtsInScope(ex: Executor, actor: Pick<Actor, 'courtPath'>): Promise<CourtRecord[]> {
  return ex.select(courtColumns).from(courts).where(inScope(courts.path, actor)).orderBy(asc(courts.path));
}

export async function findCourtInScope(ex: Executor, actor: Pick<Actor, 'courtPath'>, id: number): Promise<CourtRecord | null> {
  const [row] = await ex
    .select(courtColumns)
    .from(courts)
    .where(and(eq(courts.id, id), inScope(courts.path, actor)));
  return row ?? null;
}

export async function findCourtById(ex: Executor, id: number): Promise<CourtRecord | null> {
  const [row] = await ex.select(courtColumns).from(courts).where(eq(courts.id, id));
  return row ?? null;
}

export interface NewCourt {
  parentId: number | null;
  parentPath: string | null;
  level: string;
  name: string;
  code: string;
  address: string;
  jurisdiction: string;
}

/** The id is drawn first so that the path (`parent path + id + /`) is written in one insert. */
export async function insertCourt(ex: Executor, court: NewCourt): Promise<CourtRecord> {
  const [{ id }] = await rows<{ id: number }>(ex, sql`SELECT nextval(pg_get_serial_sequence('courts', 'id'))::int AS id`);
  const path = `${court.parentPath ?? '/'}${id}/`;
  const { parentPath: _unused, ...values } = court;
  const [row] = await ex
    .insert(courts)
    .values({ ...values, id, path })
    .returning(courtColumns);
  return row;
}

/** Compare-and-set on `version`: null when the row moved on (or vanished) since it was read. */
export async function updateCourt(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<Pick<CourtRow, 'name' | 'address' | 'jurisdiction'>>,
): Promise<CourtRecord | null> {
  const [row] = await ex
    .update(courts)
    .set({ ...patch, version: sql`${courts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(courts.id, id), eq(courts.version, version)))
    .returning(courtColumns);
  return row ?? null;
}

export async function countCourtsInScope(ex: Executor, actor: Pick<Actor, 'courtPath'>): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(courts).where(inScope(courts.path, actor));
  return row.n;
}

export async function countAllCourts(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(courts);
  return row.n;
}
