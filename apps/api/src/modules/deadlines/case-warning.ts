import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.js';
import { outboxInsertSql } from '../notifications/index.js';
import type { CaseDeadlineStore } from './case-store.js';
import { WARNING_HORIZON, warningComputation, warningNotices } from './deadlines.repository.js';
import { chinaToday } from './warning-levels.js';

/**
 * Sets one case's warning level now rather than at the next sweep (a case filed late in its
 * limit is already near it), with the sweep's own statement and notices. Inside the caller's
 * transaction; returns how many levels changed (0 or 1).
 */
export function refreshCaseWarning(tx: Executor, cases: CaseDeadlineStore, caseId: number, today = chinaToday()): Promise<number> {
  return cases.storeWarningLevels(tx, warningComputation(today, caseId), (changed) => outboxInsertSql(warningNotices(changed)));
}

/** The widest warning threshold of any court, in days, as a value to select (for filing's one read of its facts). */
export const warningHorizonDays: SQL = sql`(${WARNING_HORIZON})::int`;

/**
 * Whether a new case with this deadline may start at a warning level: false when the deadline is
 * beyond every court's widest threshold (`warningHorizonDays`), so that filing can skip
 * `refreshCaseWarning`, which would find the level `none`.
 */
export function mayStartWarned(deadlineOn: string | null, horizonDays: number, today = chinaToday()): boolean {
  if (deadlineOn === null) return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + horizonDays);
  return deadlineOn <= limit.toISOString().slice(0, 10);
}

/**
 * Tells a case's newly assigned team (judge, assistant, clerk) the warning level the case already
 * has — they missed the notice of its entering that level — and, past the escalation point, the
 * head of the division it now belongs to. The president's notice does not depend on the division,
 * so it is not repeated.
 */
export async function noticeNewTeam(tx: Executor, caseId: number, today = chinaToday()): Promise<void> {
  const current = sql`(SELECT c.id, 'none'::text AS previous, c.level, c.days_left, c.case_number, c.court_id,
                              c.department_id, c.judge_id, c.assistant_id, c.clerk_id, c.president_court_id,
                              c.escalate_head_at, false AS escalate_president
                       FROM (${warningComputation(today, caseId)}) c WHERE c.level <> 'none') AS handed_over`;
  await tx.execute(outboxInsertSql(warningNotices(current)));
}
