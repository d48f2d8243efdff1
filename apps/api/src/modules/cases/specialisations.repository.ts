import { eq, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../platform/db.js';
import { judgeSpecialisations } from './cases.table.js';

export interface SpecialisationRow {
  caseTypeCode: string;
  /** '' for the whole case type. */
  causePrefix: string;
}

export interface SpecialistTarget {
  id: number;
  displayName: string;
  courtId: number;
  /** Leads a trial team as its judge, or holds the judge role. */
  isJudge: boolean;
}

/** The user, if their court lies in the scope `courtPath`; null otherwise (answered as 404). */
export async function specialistInScope(ex: Executor, userId: number, courtPath: string): Promise<SpecialistTarget | null> {
  const [row] = await rows<SpecialistTarget>(
    ex,
    sql`SELECT u.id, u.display_name AS "displayName", u.court_id AS "courtId",
               (EXISTS (SELECT 1 FROM team_members tm WHERE tm.user_id = u.id AND tm.position = 'judge')
                OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                           WHERE ur.user_id = u.id AND r.code = 'judge')) AS "isJudge"
        FROM users u JOIN courts c ON c.id = u.court_id
        WHERE u.id = ${userId} AND c.path LIKE ${`${courtPath}%`}`,
  );
  return row ?? null;
}

/** In a stable order, so that the revision digest does not depend on insertion order. */
export function specialisationsOf(ex: Executor, userId: number): Promise<SpecialisationRow[]> {
  return rows<SpecialisationRow>(
    ex,
    sql`SELECT case_type_code AS "caseTypeCode", cause_prefix AS "causePrefix"
        FROM judge_specialisations WHERE user_id = ${userId}
        ORDER BY case_type_code, cause_prefix`,
  );
}

/** Serialises writers of one judge's list (the list may be empty, so row locks alone are not enough). */
export async function lockSpecialist(ex: Executor, userId: number): Promise<void> {
  await ex.execute(sql`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`);
}

export async function replaceSpecialisations(ex: Executor, userId: number, items: SpecialisationRow[]): Promise<void> {
  await ex.delete(judgeSpecialisations).where(eq(judgeSpecialisations.userId, userId));
  if (items.length > 0) await ex.insert(judgeSpecialisations).values(items.map((i) => ({ userId, ...i })));
}
