import {
  ASSESSMENT_GRADE_NAMES,
  type AssistantAssessment,
  NETWORK_ASSESSMENT_FIELD_ERRORS,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_OUTCOME_NAMES,
  type NetworkTaskKind,
  type NetworkTaskOutcome,
  type StatementCheck,
  type StatementPage,
  type StatementQuery,
  type StatementView,
  SUBSIDY_STATUS_NAMES,
  type SubsidyRules,
  type SubsidyStatus,
  subsidyRules,
} from '@courtassist/contracts';
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { yuanText } from './months.js';
import { courtInScope } from './network.repository.js';
import { computeStatement, verifyStatement } from './subsidies.js';
import {
  confirmedTasksOf,
  currentTasksOf,
  findStatement,
  insertStatements,
  listStatements,
  mainStationsOf,
  type StatementFilter,
  type StatementRecord,
  statementTotals,
  updateStatement,
} from './subsidies.repository.js';

/**
 * The monthly statements of a run (以案定补): for every assessed assistant with confirmed tasks
 * in the month, the lines, subtotal, coefficient of the grade, cap and total — computed by the
 * pure rules and stored in one batch, as drafts.
 */
export async function statementsForRun(
  tx: Executor,
  runId: number,
  courtId: number,
  month: string,
  results: readonly AssistantAssessment[],
  rules: SubsidyRules,
): Promise<{ count: number; totalFen: number }> {
  const ids = results.map((r) => r.assistantId);
  const tasks = await confirmedTasksOf(tx, ids, month);
  const stations = await mainStationsOf(tx, ids);
  const values = [];
  let totalFen = 0;
  for (const r of results) {
    const own = tasks.get(r.assistantId);
    if (!own || own.length === 0) continue;
    const s = computeStatement(
      { assistantId: r.assistantId, stationId: stations.get(r.assistantId) ?? null, month, grade: r.grade.grade, tasks: own },
      rules,
    );
    totalFen += s.totalFen;
    values.push({
      runId,
      courtId,
      assistantId: s.assistantId,
      stationId: s.stationId,
      month,
      grade: s.grade,
      lines: s.lines,
      steps: s.steps,
      subtotalFen: s.subtotalFen,
      coefficientPermille: s.coefficientPermille,
      adjustedFen: s.adjustedFen,
      capFen: s.capFen,
      capReductionFen: s.capReductionFen,
      totalFen: s.totalFen,
    });
  }
  await insertStatements(tx, values);
  return { count: values.length, totalFen };
}

function toView(row: StatementRecord): StatementView {
  const { runId: _run, assistantUserId: _user, runStatus: _status, rules: _rules, ...view } = row;
  return view;
}

async function courtOrNotFound(db: Db, actor: Actor, courtId: number) {
  if (!(await courtInScope(db, courtId, actor))) throw AppError.notFound();
}

export async function findStatements(db: Db, actor: Actor, q: StatementQuery): Promise<StatementPage> {
  await courtOrNotFound(db, actor, q.courtId);
  const filter: StatementFilter = {
    courtId: q.courtId,
    month: q.month,
    status: q.status,
    stationId: q.stationId,
    assistantId: q.assistantId,
  };
  const { items, total } = await listStatements(db, actor, { ...filter, page: q.page, pageSize: q.pageSize });
  const stations = await statementTotals(db, actor, filter);
  const courtTotals = { statements: 0, tasks: 0, subtotalFen: 0, adjustedFen: 0, capReductionFen: 0, totalFen: 0 };
  for (const s of stations) {
    courtTotals.statements += s.statements;
    courtTotals.tasks += s.tasks;
    courtTotals.subtotalFen += s.subtotalFen;
    courtTotals.adjustedFen += s.adjustedFen;
    courtTotals.capReductionFen += s.capReductionFen;
    courtTotals.totalFen += s.totalFen;
  }
  return {
    items: items.map(toView),
    total,
    page: q.page,
    pageSize: q.pageSize,
    courtTotals,
    stationTotals: stations.map(({ stationId, stationName, ...totals }) => ({ stationId, stationName, totals })),
  };
}

export async function getStatement(db: Db, actor: Actor, id: number): Promise<StatementView> {
  const row = await findStatement(db, id, actor);
  if (!row) throw AppError.notFound();
  return toView(row);
}

/** The assistant's own statements, of published months only. */
export async function myStatements(db: Db, actor: Actor, q: { page: number; pageSize: number }) {
  const { items, total } = await listStatements(db, actor, { ownUserId: actor.userId, page: q.page, pageSize: q.pageSize });
  return { items: items.map(toView), total, page: q.page, pageSize: q.pageSize };
}

/** One of the assistant's own statements, of a published month; anyone else's answers 404. */
export async function getMyStatement(db: Db, actor: Actor, id: number): Promise<StatementView> {
  const row = await findStatement(db, id, { ownUserId: actor.userId });
  if (!row) throw AppError.notFound();
  return toView(row);
}

type Step = 'submit' | 'approve' | 'return';
const STEP_FROM: Record<Step, readonly SubsidyStatus[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};
const STEP_TO: Record<Step, SubsidyStatus> = { submit: 'submitted', approve: 'approved', return: 'returned' };

/** draft/returned → submitted (network manager, month published) → approved or returned (court finance). */
export async function moveStatement(db: Db, ctx: RequestContext, actor: Actor, id: number, step: Step, version: number, reason?: string) {
  const row = await findStatement(db, id, actor);
  if (!row) throw AppError.notFound();
  if (row.version !== version) throw AppError.versionConflict(row.version);
  if (!STEP_FROM[step].includes(row.status))
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: `A statement that is ${row.status} cannot take the ${step} step.`,
      meta: { status: row.status, statusName: SUBSIDY_STATUS_NAMES[row.status] },
    });
  if (step === 'submit' && row.runStatus !== 'published')
    throw AppError.invalid(fieldProblem('id', 'month_not_published', NETWORK_ASSESSMENT_FIELD_ERRORS.month_not_published));
  const now = new Date();
  const patch =
    step === 'submit'
      ? { status: STEP_TO[step], submittedBy: actor.userId, submittedByName: actor.displayName, submittedAt: now, returnReason: null }
      : step === 'approve'
        ? { status: STEP_TO[step], approvedBy: actor.userId, approvedByName: actor.displayName, approvedAt: now }
        : { status: STEP_TO[step], returnReason: reason ?? '' };
  await db.transaction(async (tx) => {
    if (!(await updateStatement(tx, id, version, STEP_FROM[step], patch))) throw AppError.versionConflict(row.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-subsidy-statement',
      entityId: id,
      action: step,
      courtId: row.courtId,
      before: { status: row.status },
      after: { status: STEP_TO[step], ...(reason ? { returnReason: reason } : {}), totalFen: row.totalFen },
    });
  });
  return getStatement(db, actor, id);
}

/**
 * Recomputes a statement with `verifyStatement` from its own lines and the rules the run kept,
 * and compares its lines with the tasks as recorded now (a task confirmed or changed since).
 */
export async function checkStatement(db: Db, actor: Actor, id: number): Promise<StatementCheck> {
  const row = await findStatement(db, id, actor);
  if (!row) throw AppError.notFound();
  const rules = subsidyRules.parse((row.rules as { subsidy: unknown }).subsidy);
  const differences = verifyStatement(
    {
      assistantId: row.assistantId,
      stationId: row.stationId,
      month: row.month,
      grade: row.grade,
      lines: row.lines,
      subtotalFen: row.subtotalFen,
      coefficientPermille: row.coefficientPermille,
      adjustedFen: row.adjustedFen,
      capFen: row.capFen,
      capReductionFen: row.capReductionFen,
      totalFen: row.totalFen,
      steps: row.steps,
    },
    rules,
  );
  const current = await currentTasksOf(
    db,
    row.assistantId,
    row.month,
    row.lines.map((l) => l.taskId),
  );
  const now = new Map(current.map((t) => [t.taskId, t]));
  const listed = new Set(row.lines.map((l) => l.taskId));
  const taskDifferences: StatementCheck['taskDifferences'] = [];
  for (const line of row.lines) {
    const t = now.get(line.taskId);
    if (!t) taskDifferences.push({ taskId: line.taskId, problem: 'gone' });
    else if (t.status !== 'confirmed' || t.kind !== line.kind || t.outcome !== line.outcome || t.confirmedOn !== line.confirmedOn)
      taskDifferences.push({ taskId: line.taskId, problem: 'changed' });
  }
  for (const t of current) {
    if (!listed.has(t.taskId) && t.status === 'confirmed' && t.outcome !== null)
      taskDifferences.push({ taskId: t.taskId, problem: 'missing' });
  }
  return { statementId: id, reproducible: differences.length === 0 && taskDifferences.length === 0, differences, taskDifferences };
}

const COLUMNS: { header: string; width: number; value: (s: StatementRecord) => string | number }[] = [
  { header: '结算月份', width: 10, value: (s) => s.month },
  { header: '协助员', width: 12, value: (s) => s.assistantName },
  { header: '联络站', width: 22, value: (s) => s.stationName ?? '' },
  { header: '考核等次', width: 10, value: (s) => ASSESSMENT_GRADE_NAMES[s.grade].zh },
  { header: '任务件数', width: 10, value: (s) => s.lines.length },
  { header: '按件小计（元）', width: 14, value: (s) => yuanText(s.subtotalFen) },
  { header: '绩效系数（‰）', width: 14, value: (s) => s.coefficientPermille },
  { header: '系数调整后（元）', width: 16, value: (s) => yuanText(s.adjustedFen) },
  { header: '月度上限（元）', width: 14, value: (s) => yuanText(s.capFen) },
  { header: '封顶核减（元）', width: 14, value: (s) => yuanText(s.capReductionFen) },
  { header: '应发补贴（元）', width: 14, value: (s) => yuanText(s.totalFen) },
  { header: '状态', width: 10, value: (s) => SUBSIDY_STATUS_NAMES[s.status].zh },
  { header: '审批人', width: 10, value: (s) => s.approvedByName ?? '' },
];

/** The statements of a court and month as XLSX: a summary sheet and a sheet of task lines. */
export async function exportStatements(
  db: Db,
  actor: Actor,
  q: { courtId: number; month: string; status?: SubsidyStatus },
): Promise<{ file: Buffer; fileName: string }> {
  await courtOrNotFound(db, actor, q.courtId);
  const { items } = await listStatements(db, actor, { courtId: q.courtId, month: q.month, status: q.status });
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('补贴结算汇总');
  summary.columns = COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width }));
  let total = 0;
  for (const s of items) {
    summary.addRow(Object.fromEntries(COLUMNS.map((c, i) => [`c${i}`, c.value(s)])));
    total += s.totalFen;
  }
  summary.addRow({ c0: '合计', c4: items.reduce((n, s) => n + s.lines.length, 0), c10: yuanText(total) });
  summary.getRow(1).font = { bold: true };
  const lines = workbook.addWorksheet('任务明细');
  lines.columns = [
    { header: '协助员', key: 'name', width: 12 },
    { header: '任务编号', key: 'task', width: 10 },
    { header: '确认日期', key: 'day', width: 12 },
    { header: '任务类型', key: 'kind', width: 14 },
    { header: '结果', key: 'outcome', width: 12 },
    { header: '补贴标准（元）', key: 'amount', width: 14 },
  ];
  lines.getRow(1).font = { bold: true };
  for (const s of items) {
    for (const l of s.lines) {
      lines.addRow({
        name: s.assistantName,
        task: l.taskId,
        day: l.confirmedOn,
        kind: NETWORK_TASK_KIND_NAMES[l.kind as NetworkTaskKind].zh,
        outcome: NETWORK_TASK_OUTCOME_NAMES[l.kind as NetworkTaskKind][l.outcome as NetworkTaskOutcome].zh,
        amount: yuanText(l.amountFen),
      });
    }
  }
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  return { file, fileName: `补贴结算-${q.month}.xlsx` };
}
