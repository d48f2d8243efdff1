import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.js';
import { causes, nodeLimits, procedures } from './cases.table.js';

export async function findProcedure(ex: Executor, code: string) {
  const [row] = await ex.select().from(procedures).where(eq(procedures.code, code));
  return row ?? null;
}

export async function updateProcedure(
  ex: Executor,
  code: string,
  version: number,
  patch: { nameZh?: string; nameEn?: string; limitMonths?: number | null; limitDays?: number | null },
): Promise<boolean> {
  const updated = await ex
    .update(procedures)
    .set({ ...patch, version: sql`${procedures.version} + 1` })
    .where(and(eq(procedures.code, code), eq(procedures.version, version)))
    .returning({ code: procedures.code });
  return updated.length === 1;
}

export function listNodeLimits(ex: Executor, caseTypeCode?: string) {
  return ex
    .select()
    .from(nodeLimits)
    .where(caseTypeCode ? eq(nodeLimits.caseTypeCode, caseTypeCode) : undefined)
    .orderBy(asc(nodeLimits.caseTypeCode), asc(nodeLimits.node));
}

export async function upsertNodeLimit(ex: Executor, value: { caseTypeCode: string; node: string; days: number }): Promise<void> {
  await ex
    .insert(nodeLimits)
    .values(value)
    .onConflictDoUpdate({ target: [nodeLimits.caseTypeCode, nodeLimits.node], set: { days: value.days } });
}

export async function findNodeLimit(ex: Executor, caseTypeCode: string, node: string) {
  const [row] = await ex
    .select()
    .from(nodeLimits)
    .where(and(eq(nodeLimits.caseTypeCode, caseTypeCode), eq(nodeLimits.node, node)));
  return row ?? null;
}

export async function findCause(ex: Executor, code: string) {
  const [row] = await ex.select().from(causes).where(eq(causes.code, code));
  return row ?? null;
}

export async function insertCause(ex: Executor, value: typeof causes.$inferInsert): Promise<void> {
  await ex.insert(causes).values(value);
}

export async function updateCause(
  ex: Executor,
  code: string,
  version: number,
  patch: { nameZh?: string; nameEn?: string; active?: boolean },
): Promise<boolean> {
  const updated = await ex
    .update(causes)
    .set({ ...patch, version: sql`${causes.version} + 1` })
    .where(and(eq(causes.code, code), eq(causes.version, version)))
    .returning({ code: causes.code });
  return updated.length === 1;
}
