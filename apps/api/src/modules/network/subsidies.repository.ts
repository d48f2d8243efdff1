import type { AssessmentGrade, StatementQuery, SubsidyLine, SubsidyStatus, SubsidyTask } from '@courtassist/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { networkSubsidyStatements } from './assessments.table.js';
import { monthBounds } from './months.js';

type Scope = Pick<Actor, 'courtPath'>;

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/**
 * The tasks confirmed in the month of every given assistant, in one statement, with the
 * assistant's main station (the lowest station id).
 */
export async function confirmedTasksOf(ex: Executor, assistantIds: readonly number[], month: string): Promise<Map<number, SubsidyTask[]>> {
  const byAssistant = new Map<number, SubsidyTask[]>();
  if (assistantIds.length === 0) return byAssistant;
  const { first, last } = monthBounds(month);
  const found = await rows<SubsidyTask & { assistantId: number }>(
    ex,
    sql`SELECT t.id AS "taskId", t.assistant_id AS "assistantId", t.kind, t.outcome, t.confirmed_on::text AS "confirmedOn"
        FROM network_tasks t
        WHERE t.assistant_id IN (SELECT unnest(${`{${assistantIds.join(',')}}`}::int[])) AND t.status = 'confirmed'
          AND t.confirmed_on BETWEEN ${first} AND ${last} AND t.outcome IS NOT NULL
        ORDER BY t.assistant_id, t.confirmed_on, t.id`,
  );
  for (const { assistantId, ...task } of found) {
    const list = byAssistant.get(assistantId);
    if (list) list.push(task);
    else byAssistant.set(assistantId, [task]);
  }
  return byAssistant;
}

/** Each assistant's main station: the lowest station id they belong to. */
export async function mainStationsOf(ex: Executor, assistantIds: readonly number[]): Promise<Map<number, number>> {
  if (assistantIds.length === 0) return new Map();
  const found = await rows<{ assistantId: number; stationId: number }>(
    ex,
    sql`SELECT assistant_id AS "assistantId", min(station_id)::int AS "stationId" FROM network_assistant_stations
        WHERE assistant_id IN (SELECT unnest(${`{${assistantIds.join(',')}}`}::int[])) GROUP BY assistant_id`,
  );
  return new Map(found.map((r) => [r.assistantId, r.stationId]));
}

export async function insertStatements(ex: Executor, values: (typeof networkSubsidyStatements.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) await ex.insert(networkSubsidyStatements).values(values.slice(i, i + 1000));
}

export interface StatementRecord {
  id: number;
  runId: number;
  courtId: number;
  assistantId: number;
  assistantName: string;
  assistantUserId: number | null;
  stationId: number | null;
  stationName: string | null;
  month: string;
  grade: AssessmentGrade;
  status: SubsidyStatus;
  runStatus: 'draft' | 'published';
  rules: unknown;
  lines: SubsidyLine[];
  steps: { rule: string; amountFen: number; detail: string }[];
  subtotalFen: number;
  coefficientPermille: number;
  adjustedFen: number;
  capFen: number;
  capReductionFen: number;
  totalFen: number;
  returnReason: string | null;
  submittedByName: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  version: number;
}

const statementColumns = sql`s.id, s.run_id AS "runId", s.court_id AS "courtId", s.assistant_id AS "assistantId", a.name AS "assistantName",
  a.user_id AS "assistantUserId", s.station_id AS "stationId", ns.name AS "stationName", s.month, s.grade, s.status, r.status AS "runStatus",
  r.rules, s.lines, s.steps, s.subtotal_fen AS "subtotalFen", s.coefficient_permille AS "coefficientPermille", s.adjusted_fen AS "adjustedFen",
  s.cap_fen AS "capFen", s.cap_reduction_fen AS "capReductionFen", s.total_fen AS "totalFen", s.return_reason AS "returnReason",
  s.submitted_by_name AS "submittedByName", s.approved_by_name AS "approvedByName", s.approved_at AS "approvedAt", s.version`;
const statementFrom = sql`network_subsidy_statements s JOIN network_assessment_runs r ON r.id = s.run_id
  JOIN network_assistants a ON a.id = s.assistant_id LEFT JOIN network_stations ns ON ns.id = s.station_id`;

function toStatement(row: StatementRecord): StatementRecord {
  return {
    ...row,
    rules: json(row.rules),
    lines: json(row.lines),
    steps: json(row.steps),
    approvedAt: iso(row.approvedAt),
  };
}

export interface StatementFilter {
  courtId?: number;
  month?: string;
  status?: SubsidyStatus;
  stationId?: number;
  assistantId?: number;
  ownUserId?: number;
}

function statementWhere(scope: Scope, q: StatementFilter): SQL {
  const parts: SQL[] = [];
  if (q.ownUserId !== undefined) parts.push(sql`a.user_id = ${q.ownUserId} AND r.status = 'published'`);
  else parts.push(courtIdInScope(sql`s.court_id`, scope));
  if (q.courtId)
    parts.push(
      sql`s.court_id IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${q.courtId}) || '%')`,
    );
  if (q.month) parts.push(sql`s.month = ${q.month}`);
  if (q.status) parts.push(sql`s.status = ${q.status}`);
  if (q.stationId) parts.push(sql`s.station_id = ${q.stationId}`);
  if (q.assistantId) parts.push(sql`s.assistant_id = ${q.assistantId}`);
  return sql.join(parts, sql` AND `);
}

export async function listStatements(
  ex: Executor,
  scope: Scope,
  q: StatementFilter & Partial<Pick<StatementQuery, 'page' | 'pageSize'>>,
): Promise<{ items: StatementRecord[]; total: number }> {
  const where = statementWhere(scope, q);
  const page = q.pageSize ? sql`LIMIT ${q.pageSize} OFFSET ${((q.page ?? 1) - 1) * q.pageSize}` : sql``;
  const items = await rows<StatementRecord>(
    ex,
    sql`SELECT ${statementColumns} FROM ${statementFrom} WHERE ${where} ORDER BY s.month DESC, s.court_id, ns.name NULLS LAST, a.name, s.id ${page}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM ${statementFrom} WHERE ${where}`);
  return { items: items.map(toStatement), total };
}

export interface TotalsRow {
  stationId: number | null;
  stationName: string | null;
  statements: number;
  tasks: number;
  subtotalFen: number;
  adjustedFen: number;
  capReductionFen: number;
  totalFen: number;
}

/** Totals per station of the filtered statements, summed in SQL (bigint, then checked to be safe integers). */
export async function statementTotals(ex: Executor, scope: Scope, q: StatementFilter): Promise<TotalsRow[]> {
  const where = statementWhere(scope, q);
  const found = await rows<Record<keyof TotalsRow, number | string | null>>(
    ex,
    sql`SELECT s.station_id AS "stationId", min(ns.name) AS "stationName", count(*)::int AS statements,
               sum(jsonb_array_length(s.lines))::bigint AS tasks, sum(s.subtotal_fen)::bigint AS "subtotalFen",
               sum(s.adjusted_fen)::bigint AS "adjustedFen", sum(s.cap_reduction_fen)::bigint AS "capReductionFen",
               sum(s.total_fen)::bigint AS "totalFen"
        FROM ${statementFrom} WHERE ${where} GROUP BY s.station_id ORDER BY s.station_id NULLS LAST`,
  );
  const safe = (v: number | string | null) => {
    const n = Number(v ?? 0);
    if (!Number.isSafeInteger(n)) throw new RangeError('Subsidy totals out of the safe integer range');
    return n;
  };
  return found.map((r) => ({
    stationId: r.stationId === null ? null : Number(r.stationId),
    stationName: r.stationName as string | null,
    statements: safe(r.statements),
    tasks: safe(r.tasks),
    subtotalFen: safe(r.subtotalFen),
    adjustedFen: safe(r.adjustedFen),
    capReductionFen: safe(r.capReductionFen),
    totalFen: safe(r.totalFen),
  }));
}

export async function findStatement(ex: Executor, id: number, scope: Scope | { ownUserId: number }): Promise<StatementRecord | null> {
  const guard =
    'ownUserId' in scope ? sql`a.user_id = ${scope.ownUserId} AND r.status = 'published'` : courtIdInScope(sql`s.court_id`, scope);
  const [row] = await rows<StatementRecord>(ex, sql`SELECT ${statementColumns} FROM ${statementFrom} WHERE s.id = ${id} AND ${guard}`);
  return row ? toStatement(row) : null;
}

export async function updateStatement(
  ex: Executor,
  id: number,
  version: number,
  from: readonly SubsidyStatus[],
  patch: Partial<typeof networkSubsidyStatements.$inferInsert>,
): Promise<boolean> {
  const updated = await ex
    .update(networkSubsidyStatements)
    .set({ ...patch, version: sql`${networkSubsidyStatements.version} + 1` })
    .where(
      and(
        eq(networkSubsidyStatements.id, id),
        eq(networkSubsidyStatements.version, version),
        inArray(networkSubsidyStatements.status, [...from]),
      ),
    )
    .returning({ id: networkSubsidyStatements.id });
  return updated.length === 1;
}

/** The confirmed tasks of the assistant in the month as they are now, to compare with a stored statement. */
export async function currentTasksOf(ex: Executor, assistantId: number, month: string, taskIds: readonly number[]) {
  const { first, last } = monthBounds(month);
  const listed = `{${taskIds.join(',')}}`;
  return rows<{ taskId: number; kind: string; outcome: string | null; status: string; confirmedOn: string | null }>(
    ex,
    sql`SELECT t.id AS "taskId", t.kind, t.outcome, t.status, t.confirmed_on::text AS "confirmedOn" FROM network_tasks t
        WHERE (t.assistant_id = ${assistantId} AND t.status = 'confirmed' AND t.confirmed_on BETWEEN ${first} AND ${last})
           OR t.id IN (SELECT unnest(${listed}::int[]))`,
  );
}
