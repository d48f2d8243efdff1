import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';
import { inScope } from '../../platform/scope.js';
import { courts, departments } from './org.table.js';

const departmentColumns = {
  id: departments.id,
  courtId: departments.courtId,
  courtName: courts.name,
  name: departments.name,
  kind: departments.kind,
  active: departments.active,
  version: departments.version,
};
export type DepartmentRecord = {
  id: number;
  courtId: number;
  courtName: string;
  name: string;
  kind: string;
  active: boolean;
  version: number;
};

type Scope = Pick<Actor, 'courtPath'>;

export async function listDepartments(
  ex: Executor,
  scope: Scope,
  filter: { courtId?: number; page: number; pageSize: number },
): Promise<{ items: DepartmentRecord[]; total: number }> {
  const where = and(inScope(courts.path, scope), filter.courtId ? eq(departments.courtId, filter.courtId) : undefined);
  const items = await ex
    .select(departmentColumns)
    .from(departments)
    .innerJoin(courts, eq(courts.id, departments.courtId))
    .where(where)
    .orderBy(asc(courts.path), asc(departments.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [{ total }] = await ex
    .select({ total: sql<number>`count(*)::int` })
    .from(departments)
    .innerJoin(courts, eq(courts.id, departments.courtId))
    .where(where);
  return { items, total };
}

export async function findDepartmentInScope(ex: Executor, scope: Scope, id: number): Promise<DepartmentRecord | null> {
  const [row] = await ex
    .select(departmentColumns)
    .from(departments)
    .innerJoin(courts, eq(courts.id, departments.courtId))
    .where(and(eq(departments.id, id), inScope(courts.path, scope)));
  return row ?? null;
}

export async function insertDepartment(ex: Executor, values: { courtId: number; name: string; kind: string }): Promise<number> {
  const [row] = await ex.insert(departments).values(values).returning({ id: departments.id });
  return row.id;
}

export async function updateDepartment(
  ex: Executor,
  id: number,
  version: number,
  patch: { name?: string; kind?: string; active?: boolean },
): Promise<boolean> {
  const updated = await ex
    .update(departments)
    .set({ ...patch, version: sql`${departments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(departments.id, id), eq(departments.version, version)))
    .returning({ id: departments.id });
  return updated.length === 1;
}
