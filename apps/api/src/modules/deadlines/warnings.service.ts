import {
  DEFAULT_WARNING_THRESHOLDS,
  type PutWarningSettingRequest,
  type WarningBoard,
  type WarningBoardQuery,
  type WarningCounts,
  type WarningSettingView,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, type RequestContext, systemContext } from '../../platform/context.js';
import { type Db, type Executor, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverInApp, outboxInsertSql } from '../notifications/index.js';
import type { CaseDeadlineStore } from './case-store.js';
import {
  approvedChangesOf,
  type BoardRow,
  courtInScope,
  findWarningSetting,
  insertWarningSetting,
  listWarningSettings,
  lockWarningSettings,
  suspendedOpenCases,
  updateWarningSetting,
  warningBoardRows,
  warningComputation,
  warningNotices,
} from './deadlines.repository.js';
import { storedDeadline } from './stored-deadline.js';
import { chinaToday, usableThresholds } from './warning-levels.js';

// ---------------------------------------------------------------------------------------------
// The sweep

export interface SweepResult {
  /** Cases whose warning level changed. */
  changed: number;
  /** Suspended cases whose deadline was moved to count their suspension up to today. */
  refreshed: number;
  /** In-app notifications delivered (from this sweep and anything left in the outbox). */
  delivered: number;
}

/**
 * The warning sweep (scheduled, and `courtassist deadlines sweep`):
 * 1. suspended cases: their running suspension counts up to today, so their stored deadline is
 *    recomputed with the calculator (the one place rule 3 lives; suspended cases are few);
 * 2. every open case's level in ONE statement — UPDATE cases … FROM (SELECT …) with the outbox
 *    insert for the cases that entered a more urgent level in the same statement — audited once;
 * 3. the in-app adapter delivers the outbox.
 */
export async function sweepDeadlineWarnings(db: Db, cases: CaseDeadlineStore, today = chinaToday()): Promise<SweepResult> {
  const { changed, refreshed } = await db.transaction(async (tx) => {
    const suspended = await suspendedOpenCases(tx);
    for (const caseId of suspended) {
      const k = await cases.caseForDeadline(tx, null, caseId, { lock: true });
      if (k) await cases.storeDeadline(tx, caseId, storedDeadline(k, await approvedChangesOf(tx, caseId), today));
    }
    const changedLevels = await cases.storeWarningLevels(tx, warningComputation(today), (rows) => outboxInsertSql(warningNotices(rows)));
    if (changedLevels > 0 || suspended.length > 0) {
      await recordAudit(tx, systemContext('deadline-sweep'), {
        entityType: 'deadline-sweep',
        entityId: today,
        action: 'sweep',
        courtId: null,
        after: { changed: changedLevels, refreshed: suspended.length },
      });
    }
    return { changed: changedLevels, refreshed: suspended.length };
  });
  const delivered = await deliverInApp(db);
  return { changed, refreshed, delivered };
}

// ---------------------------------------------------------------------------------------------
// Settings

const DEFAULT_SETTING: WarningSettingView = {
  courtId: null,
  courtName: null,
  thresholds: [...DEFAULT_WARNING_THRESHOLDS],
  escalateHeadAt: 7,
  escalatePresidentWhenOverdue: true,
  version: 0,
};

/** The province default (built in until saved) and the courts' own settings in scope. */
export async function getWarningSettings(db: Db, actor: Actor): Promise<{ items: WarningSettingView[] }> {
  const stored = (await listWarningSettings(db, actor)).map(
    (r): WarningSettingView => ({
      courtId: r.courtId,
      courtName: r.courtName,
      thresholds: usableThresholds(r.thresholds),
      escalateHeadAt: r.escalateHeadAt,
      escalatePresidentWhenOverdue: r.escalatePresidentWhenOverdue === 1,
      version: r.version,
    }),
  );
  return { items: stored.some((s) => s.courtId === null) ? stored : [DEFAULT_SETTING, ...stored] };
}

/**
 * Saves the thresholds of the province default (an administrator of a root court) or of a court
 * in scope (and the courts below it). Version 0 creates; a stale version answers 409. The new
 * levels apply at once: the sweep's statement runs in the same transaction.
 */
export async function putWarningSetting(
  db: Db,
  cases: CaseDeadlineStore,
  ctx: RequestContext,
  actor: Actor,
  input: PutWarningSettingRequest,
): Promise<{ items: WarningSettingView[] }> {
  if (input.courtId === null && !/^\/\d+\/$/.test(actor.courtPath)) {
    throw new AppError('FORBIDDEN', 'forbidden', { detail: 'The province default is set at the higher court.' });
  }
  const court = input.courtId === null ? null : await courtInScope(db, actor, input.courtId);
  if (input.courtId !== null && !court) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  const values = {
    thresholds: input.thresholds,
    escalateHeadAt: input.escalateHeadAt,
    escalatePresidentWhenOverdue: input.escalatePresidentWhenOverdue ? 1 : 0,
  };
  try {
    await db.transaction(async (tx) => {
      if (input.courtId === null) await lockWarningSettings(tx);
      const existing = await findWarningSetting(tx, input.courtId);
      if ((existing?.version ?? 0) !== input.version) throw AppError.versionConflict(existing?.version ?? 0);
      if (existing) {
        if (!(await updateWarningSetting(tx, existing.id, input.version, values))) throw AppError.versionConflict();
      } else {
        await insertWarningSetting(tx, { courtId: input.courtId, ...values });
      }
      await applyLevels(tx, cases);
      await recordAudit(tx, ctx, {
        entityType: 'warning-setting',
        entityId: input.courtId ?? 'default',
        action: existing ? 'update' : 'create',
        courtId: input.courtId,
        before: existing
          ? {
              thresholds: existing.thresholds,
              escalateHeadAt: existing.escalateHeadAt,
              escalatePresidentWhenOverdue: existing.escalatePresidentWhenOverdue,
            }
          : null,
        after: values,
      });
    });
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) throw AppError.versionConflict();
    throw error;
  }
  await deliverInApp(db).catch(() => undefined);
  return getWarningSettings(db, actor);
}

async function applyLevels(tx: Executor, cases: CaseDeadlineStore) {
  await cases.storeWarningLevels(tx, warningComputation(chinaToday()), (rows) => outboxInsertSql(warningNotices(rows)));
}

// ---------------------------------------------------------------------------------------------
// The warning board (预警看板)

export function countsOf(row: BoardRow | undefined): WarningCounts {
  return {
    none: row?.none ?? 0,
    '30': row?.['30'] ?? 0,
    '15': row?.['15'] ?? 0,
    '7': row?.['7'] ?? 0,
    '3': row?.['3'] ?? 0,
    overdue: row?.overdue ?? 0,
    suspended: row?.suspended ?? 0,
    total: row?.total ?? 0,
  };
}

/** Open cases in scope by level, overall and per court, department and judge. */
export async function warningBoard(db: Db, actor: Actor, query: WarningBoardQuery): Promise<WarningBoard> {
  const found = await warningBoardRows(db, actor, query);
  const of = (grouping: BoardRow['grouping']) => found.filter((r) => r.grouping === grouping);
  return {
    counts: countsOf(of('all')[0]),
    byCourt: of('court')
      .filter((r) => r.key !== null)
      .map((r) => ({ courtId: r.key as number, courtName: r.name ?? '', counts: countsOf(r) })),
    byDepartment: of('department').map((r) => ({ departmentId: r.key, departmentName: r.name, counts: countsOf(r) })),
    byJudge: of('judge').map((r) => ({ judgeId: r.key, judgeName: r.name, counts: countsOf(r) })),
  };
}
