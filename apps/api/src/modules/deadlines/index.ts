/**
 * Module `deadlines`: statutory trial limits and party periods (the pure calculator and
 * `courtassist deadline`), and the stored deadlines of cases — limit changes and their approval,
 * warning levels and their sweep, the warning board, supervision orders (督办).
 */

/** Batches of requests for the benchmark and for tests of the command on large input. */
export { makeDeadlineBatch, OFFICIAL_CALENDAR_2026 } from './calculator.bench-fixture.js';
export { CalendarRequiredError, compute, computeTrialLimit } from './calculator.js';
export type { CaseDeadlineStore, CaseForDeadline } from './case-store.js';
export { mayStartWarned, noticeNewTeam, refreshCaseWarning, warningHorizonDays } from './case-warning.js';
export { type CommandOutput, finishDeadlineCommand, prepareDeadlineCommand, runDeadlineCommand } from './deadline-command.js';
export { type DeadlinesRouteOptions, deadlinesRoutes } from './deadlines.routes.js';
export { recomputeCase } from './limit-changes.service.js';
export { type DeadlineBasis, storedDeadline } from './stored-deadline.js';
export { levelFor } from './warning-levels.js';
export { type SweepResult, sweepDeadlineWarnings } from './warnings.service.js';
export { deadlineWorkbench } from './workbench.service.js';
