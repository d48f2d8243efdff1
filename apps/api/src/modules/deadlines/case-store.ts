import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import type { Executor } from '../../platform/db.js';

/**
 * What this module needs of the `cases` module: read a case's deadline facts and store the
 * recomputed deadline and warning levels. The cases module implements it (`caseDeadlineStore`
 * in its index) and the application passes it in: `cases` already imports the calculator from
 * this module, so importing `cases` here would close a cycle.
 */
export interface CaseForDeadline {
  id: number;
  courtId: number;
  caseNumber: string;
  status: string;
  procedureCode: string;
  filedOn: string;
  departmentId: number | null;
  judgeId: number | null;
  assistantId: number | null;
  clerkId: number | null;
  deadlineOn: string | null;
  suspended: boolean;
  warningLevel: string;
  limitMonths: number | null;
  limitDays: number | null;
  procedureNameZh: string | null;
  procedureNameEn: string | null;
}

export interface CaseDeadlineStore {
  /** The case, if in the scope given (null: no scope, for system work); `lock` takes its row lock. */
  caseForDeadline(
    ex: Executor,
    scope: Pick<Actor, 'courtPath'> | null,
    id: number,
    options?: { lock?: boolean },
  ): Promise<CaseForDeadline | null>;
  storeDeadline(ex: Executor, id: number, values: { deadlineOn: string | null; deadlineSteps: unknown; suspended: boolean }): Promise<void>;
  /**
   * One statement: `UPDATE cases SET warning_level = c.level FROM (computed) c` for the rows whose
   * level changed, returning `c.*` as the CTE named by `followUp`'s argument, which may add a
   * data-modifying CTE reading it (the outbox insert). Answers how many cases changed level.
   */
  storeWarningLevels(ex: Executor, computed: SQL, followUp?: (changed: SQL) => SQL): Promise<number>;
}
