import { CASE_NODES, CASE_TYPES, CAUSES, type CaseNode, EXTRA_PROCEDURES, TRIAL_LIMITS } from '@courtassist/contracts';
import type { Db } from '../../platform/db.js';
import { caseTypes, causes, nodeLimits, procedures } from './cases.table.js';

/**
 * Default node time limits (节点时限), in days from the node's start; administrators may change
 * them per case type. Archiving within three months of closure follows the archiving rules.
 */
export const DEFAULT_NODE_DAYS: Readonly<Record<Exclude<CaseNode, 'filing'>, number>> = {
  assignment: 3,
  delivery: 15,
  scheduling: 10,
  hearing: 30,
  deliberation: 10,
  pronouncement: 10,
  closure: 5,
  archive: 90,
};

/** Loads the reference data that is missing (never overwrites an administrator's edits). */
export async function ensureCaseReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(caseTypes)
      .values(
        Object.values(CASE_TYPES).map((t, i) => ({
          code: t.code,
          nameZh: t.name.zh,
          nameEn: t.name.en,
          category: t.category,
          departmentKind: t.department,
          sort: i,
        })),
      )
      .onConflictDoNothing();
    const procedureRows = Object.values(CASE_TYPES).flatMap((t) =>
      t.procedures.map((code) => {
        const known = (TRIAL_LIMITS as Record<string, { months?: number; days?: number; zh: string; en: string }>)[code];
        const extra = (EXTRA_PROCEDURES as Record<string, { limit: { months?: number; days?: number } | null; zh: string; en: string }>)[
          code
        ];
        const limit = known ?? extra?.limit ?? null;
        const names = known ?? extra;
        return {
          code,
          caseTypeCode: t.code,
          nameZh: names.zh,
          nameEn: names.en,
          limitMonths: limit?.months ?? null,
          limitDays: limit?.days ?? null,
        };
      }),
    );
    await tx.insert(procedures).values(procedureRows).onConflictDoNothing();
    const causeRows = CAUSES.map((c) => ({
      code: c.code,
      parentCode: c.parent,
      level: c.level,
      category: c.category,
      nameZh: c.name.zh,
      nameEn: c.name.en,
    }));
    for (let i = 0; i < causeRows.length; i += 500)
      await tx
        .insert(causes)
        .values(causeRows.slice(i, i + 500))
        .onConflictDoNothing();
    const limits = Object.keys(CASE_TYPES).flatMap((caseTypeCode) =>
      CASE_NODES.filter((n): n is Exclude<CaseNode, 'filing'> => n !== 'filing').map((node) => ({
        caseTypeCode,
        node,
        days: DEFAULT_NODE_DAYS[node],
      })),
    );
    await tx.insert(nodeLimits).values(limits).onConflictDoNothing();
  });
}
