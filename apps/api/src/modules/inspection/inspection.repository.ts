import type { DefectStatus, InspectionGroup, InspectionSeverity } from '@courtassist/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { inspectionRules } from './inspection.table.js';
import { type CheckContext, DEFAULT_RESPONSIBLE, type RuleDefinition } from './rules.catalogue.js';

type Scope = Pick<Actor, 'courtPath'>;
export type RuleRow = typeof inspectionRules.$inferSelect;
export type NewRule = typeof inspectionRules.$inferInsert;

/** Raw queries give moments as Date (node-postgres) or text (PGlite): ISO text for both. */
export const isoOf = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

// ---- rules ----

/** Adds the rows of rules not yet stored; stored rows keep what inspectors changed. */
export async function insertMissingRules(ex: Executor, rules: NewRule[]): Promise<void> {
  if (rules.length === 0) return;
  await ex.insert(inspectionRules).values(rules).onConflictDoNothing({ target: inspectionRules.code });
}

export function allRules(ex: Executor): Promise<RuleRow[]> {
  return ex.select().from(inspectionRules).orderBy(inspectionRules.code);
}

export async function ruleRowsWithCounts(ex: Executor, scope: Scope): Promise<(RuleRow & { openDefects: number })[]> {
  return rows(
    ex,
    sql`SELECT r.code, r.area, r.name_zh AS "nameZh", r.name_en AS "nameEn", r.description_zh AS "descriptionZh",
               r.description_en AS "descriptionEn", r.severity, r.case_types AS "caseTypes", r.case_statuses AS "caseStatuses",
               r.active, r.version,
               (SELECT count(*)::int FROM inspection_defects d WHERE d.rule_code = r.code AND d.status = 'open'
                  AND ${courtIdInScope(sql`d.court_id`, scope)}) AS "openDefects"
        FROM inspection_rules r ORDER BY r.area, r.code`,
  );
}

export async function updateRule(ex: Executor, code: string, version: number, patch: { active?: boolean; severity?: InspectionSeverity }) {
  const found = await rows<{ code: string }>(
    ex,
    sql`UPDATE inspection_rules SET
          active = coalesce(${patch.active ?? null}::boolean, active),
          severity = coalesce(${patch.severity ?? null}::text, severity),
          version = version + 1, updated_at = now()
        WHERE code = ${code} AND version = ${version} RETURNING code`,
  );
  return found.length > 0;
}

// ---- the checks ----

/** Whether case `k` is one the rule inspects: its status and type, and for closed cases, closed this year. */
function applies(rule: Pick<RuleRow, 'caseTypes' | 'caseStatuses'>, yearStart: string): SQL {
  const statuses = sql.join(
    rule.caseStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const types = rule.caseTypes?.length
    ? sql` AND k.case_type_code IN (${sql.join(
        rule.caseTypes.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;
  return sql`k.status IN (${statuses}) AND (k.status <> 'closed' OR k.closed_on IS NULL OR k.closed_on >= ${yearStart}::date)${types}`;
}

export interface RunCounts {
  opened: number;
  refreshed: number;
}

/**
 * One rule over every inspected case (or one case) in ONE statement: opens a defect for each
 * failing case without a live one, and refreshes `last_seen_at` (and the responsible person)
 * of those already open or waived.
 */
export async function applyRule(
  ex: Executor,
  rule: RuleRow,
  def: RuleDefinition,
  c: CheckContext & { runAt: Date; yearStart: string },
  caseId?: number,
): Promise<RunCounts> {
  const [counts] = await rows<RunCounts>(
    ex,
    sql`WITH up AS (
          INSERT INTO inspection_defects (case_id, rule_code, court_id, department_id, responsible_id, status, first_found_at, last_seen_at)
          SELECT k.id, ${rule.code}, k.court_id, k.department_id, coalesce(${def.responsible ?? DEFAULT_RESPONSIBLE}, ${DEFAULT_RESPONSIBLE}),
                 'open', ${c.runAt}, ${c.runAt}
          FROM cases k
          WHERE ${applies(rule, c.yearStart)} ${caseId === undefined ? sql`` : sql`AND k.id = ${caseId}`} AND (${def.check(c)})
          ON CONFLICT (case_id, rule_code) WHERE status IN ('open','waived')
          DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, responsible_id = EXCLUDED.responsible_id,
                        department_id = EXCLUDED.department_id, court_id = EXCLUDED.court_id
          RETURNING (xmax = 0) AS inserted)
        SELECT (count(*) FILTER (WHERE inserted))::int AS opened, (count(*) FILTER (WHERE NOT inserted))::int AS refreshed FROM up`,
  );
  return counts;
}

/**
 * Closes (fixed) every open or waived defect of an active rule not seen by the run at `runAt`,
 * whose case is still inspected — the data became valid (should it go wrong again, a new defect
 * opens). One statement for all rules.
 */
export async function closeFixed(ex: Executor, runAt: Date, yearStart: string, caseId?: number): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ex,
    sql`WITH closed AS (
          UPDATE inspection_defects d SET status = 'fixed', fixed_at = ${runAt}, version = d.version + 1
          FROM cases k, inspection_rules r
          WHERE d.status IN ('open','waived') AND d.last_seen_at < ${runAt} AND k.id = d.case_id AND r.code = d.rule_code AND r.active
            AND k.status IN ('pending-assignment','open','closed')
            AND (k.status <> 'closed' OR k.closed_on IS NULL OR k.closed_on >= ${yearStart}::date)
            ${caseId === undefined ? sql`` : sql`AND d.case_id = ${caseId}`}
          RETURNING d.id)
        SELECT count(*)::int AS n FROM closed`,
  );
  return row.n;
}

export async function countOpen(ex: Executor): Promise<number> {
  const [row] = await rows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM inspection_defects WHERE status = 'open'`);
  return row.n;
}

/** The codes of the given rules that case `caseId` fails now: one statement for all of them. */
export async function failingRules(
  ex: Executor,
  caseId: number,
  rules: { row: RuleRow; def: RuleDefinition }[],
  c: CheckContext & { yearStart: string },
): Promise<string[]> {
  if (rules.length === 0) return [];
  const parts = rules.map(
    ({ row, def }) =>
      sql`SELECT ${row.code}::text AS code WHERE EXISTS (SELECT 1 FROM cases k WHERE k.id = ${caseId} AND ${applies(row, '1900-01-01')} AND (${def.check(c)}))`,
  );
  const found = await rows<{ code: string }>(ex, sql.join(parts, sql` UNION ALL `));
  return found.map((r) => r.code);
}

// ---- defects ----

export interface DefectRecord {
  id: number;
  caseId: number;
  caseNumber: string;
  courtId: number;
  courtName: string;
  departmentId: number | null;
  departmentName: string | null;
  responsibleId: number | null;
  responsibleName: string | null;
  ruleCode: string;
  ruleNameZh: string;
  ruleNameEn: string;
  severity: InspectionSeverity;
  status: DefectStatus;
  firstFoundAt: Date | string;
  lastSeenAt: Date | string;
  fixedAt: Date | string | null;
  waivedReason: string | null;
  correctionOrderId: number | null;
  correctionStatus: string | null;
  version: number;
}

const defectColumns = sql`d.id, d.case_id AS "caseId", k.case_number AS "caseNumber", d.court_id AS "courtId", c.name AS "courtName",
  d.department_id AS "departmentId", dp.name AS "departmentName", d.responsible_id AS "responsibleId", u.display_name AS "responsibleName",
  d.rule_code AS "ruleCode", r.name_zh AS "ruleNameZh", r.name_en AS "ruleNameEn", r.severity, d.status,
  d.first_found_at AS "firstFoundAt", d.last_seen_at AS "lastSeenAt", d.fixed_at AS "fixedAt", d.waived_reason AS "waivedReason",
  d.correction_order_id AS "correctionOrderId", o.status AS "correctionStatus", d.version`;
const defectFrom = sql`inspection_defects d JOIN cases k ON k.id = d.case_id JOIN courts c ON c.id = d.court_id
  JOIN inspection_rules r ON r.code = d.rule_code LEFT JOIN departments dp ON dp.id = d.department_id
  LEFT JOIN users u ON u.id = d.responsible_id LEFT JOIN work_orders o ON o.id = d.correction_order_id`;

export interface DefectFilter {
  courtId?: number;
  departmentId?: number;
  responsibleId?: number;
  caseId?: number;
  ruleCode?: string;
  status?: DefectStatus;
  severity?: InspectionSeverity;
  cursor: number | null;
  limit: number;
}

function defectWhere(scope: Scope, f: Omit<DefectFilter, 'cursor' | 'limit'>): SQL {
  const parts: SQL[] = [sql`c.path LIKE ${`${scope.courtPath}%`}`];
  if (f.courtId) parts.push(sql`d.court_id = ${f.courtId}`);
  if (f.departmentId) parts.push(sql`d.department_id = ${f.departmentId}`);
  if (f.responsibleId) parts.push(sql`d.responsible_id = ${f.responsibleId}`);
  if (f.caseId) parts.push(sql`d.case_id = ${f.caseId}`);
  if (f.ruleCode) parts.push(sql`d.rule_code = ${f.ruleCode}`);
  if (f.status) parts.push(sql`d.status = ${f.status}`);
  if (f.severity) parts.push(sql`r.severity = ${f.severity}`);
  return sql.join(parts, sql` AND `);
}

/** Defects in scope, newest first (keyset on id), with the total matching the filter. */
export async function listDefects(ex: Executor, scope: Scope, f: DefectFilter): Promise<{ items: DefectRecord[]; total: number }> {
  const where = defectWhere(scope, f);
  const [items, [count]] = await Promise.all([
    rows<DefectRecord>(
      ex,
      sql`SELECT ${defectColumns} FROM ${defectFrom} WHERE ${where} ${f.cursor ? sql`AND d.id < ${f.cursor}` : sql``}
          ORDER BY d.id DESC LIMIT ${f.limit}`,
    ),
    rows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM ${defectFrom} WHERE ${where}`),
  ]);
  return { items, total: count.n };
}

export async function findDefect(ex: Executor, id: number, scope: Scope): Promise<DefectRecord | null> {
  const [row] = await rows<DefectRecord>(
    ex,
    sql`SELECT ${defectColumns} FROM ${defectFrom} WHERE d.id = ${id} AND c.path LIKE ${`${scope.courtPath}%`}`,
  );
  return row ?? null;
}

export async function updateDefect(
  ex: Executor,
  id: number,
  version: number,
  patch: { status?: DefectStatus; waivedBy?: number; waivedReason?: string; correctionOrderId?: number },
): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`UPDATE inspection_defects SET
          status = coalesce(${patch.status ?? null}::text, status),
          waived_by = coalesce(${patch.waivedBy ?? null}::int, waived_by),
          waived_reason = coalesce(${patch.waivedReason ?? null}::text, waived_reason),
          correction_order_id = coalesce(${patch.correctionOrderId ?? null}::int, correction_order_id),
          version = version + 1
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return found.length > 0;
}

/** Whether the court lies in the scope (a filter naming a court out of scope answers 404). */
export async function courtInScope(ex: Executor, courtId: number, scope: Scope): Promise<boolean> {
  const found = await rows<{ id: number }>(ex, sql`SELECT id FROM courts WHERE id = ${courtId} AND path LIKE ${`${scope.courtPath}%`}`);
  return found.length > 0;
}

export async function caseInScope(ex: Executor, caseId: number, scope: Scope): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT k.id FROM cases k WHERE k.id = ${caseId} AND ${courtIdInScope(sql`k.court_id`, scope)}`,
  );
  return found.length > 0;
}

// ---- summary and completeness ----

const SUMMARY_KEYS: Record<InspectionGroup, { key: SQL; zh: SQL; en: SQL; join: SQL }> = {
  court: { key: sql`d.court_id::text`, zh: sql`c.name`, en: sql`c.name`, join: sql`` },
  department: {
    key: sql`coalesce(d.department_id::text, '')`,
    zh: sql`coalesce(dp.name, '未分配部门')`,
    en: sql`coalesce(dp.name, 'No department')`,
    join: sql`LEFT JOIN departments dp ON dp.id = d.department_id`,
  },
  person: {
    key: sql`coalesce(d.responsible_id::text, '')`,
    zh: sql`coalesce(u.display_name, '未确定责任人')`,
    en: sql`coalesce(u.display_name, 'No responsible person')`,
    join: sql`LEFT JOIN users u ON u.id = d.responsible_id`,
  },
  rule: { key: sql`d.rule_code`, zh: sql`r.name_zh`, en: sql`r.name_en`, join: sql`` },
};

export interface SummaryRecord {
  key: string;
  nameZh: string;
  nameEn: string;
  defects: number;
  cases: number;
  errors: number;
}

/** Defect counts per court, department, person or rule, most defects first. */
export async function defectSummary(
  ex: Executor,
  scope: Scope,
  by: InspectionGroup,
  f: { courtId?: number; status: DefectStatus },
): Promise<SummaryRecord[]> {
  const g = SUMMARY_KEYS[by];
  return rows<SummaryRecord>(
    ex,
    sql`SELECT ${g.key} AS key, ${g.zh} AS "nameZh", ${g.en} AS "nameEn", count(*)::int AS defects,
               count(DISTINCT d.case_id)::int AS cases, (count(*) FILTER (WHERE r.severity = 'error'))::int AS errors
        FROM inspection_defects d JOIN courts c ON c.id = d.court_id JOIN inspection_rules r ON r.code = d.rule_code ${g.join}
        WHERE c.path LIKE ${`${scope.courtPath}%`} AND d.status = ${f.status} ${f.courtId ? sql`AND d.court_id = ${f.courtId}` : sql``}
        GROUP BY 1, 2, 3 ORDER BY defects DESC, 1`,
  );
}

const COMPLETENESS_KEYS = {
  court: { id: sql`k.court_id`, name: sql`c.name`, join: sql`` },
  department: {
    id: sql`k.department_id`,
    name: sql`coalesce(dp.name, '')`,
    join: sql`LEFT JOIN departments dp ON dp.id = k.department_id`,
  },
  judge: { id: sql`k.judge_id`, name: sql`coalesce(u.display_name, '')`, join: sql`LEFT JOIN users u ON u.id = k.judge_id` },
} as const;

export interface CompletenessRecord {
  id: number | null;
  name: string;
  cases: number;
  complete: number;
}

/** Open cases and cases closed this year, and how many of them have no open defect, per group. */
export async function completenessRows(
  ex: Executor,
  scope: Scope,
  by: keyof typeof COMPLETENESS_KEYS,
  f: { courtId?: number; yearStart: string },
): Promise<CompletenessRecord[]> {
  const g = COMPLETENESS_KEYS[by];
  return rows<CompletenessRecord>(
    ex,
    sql`SELECT ${g.id} AS id, ${g.name} AS name, count(*)::int AS cases,
               (count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM inspection_defects d WHERE d.case_id = k.id AND d.status = 'open')))::int AS complete
        FROM cases k JOIN courts c ON c.id = k.court_id ${g.join}
        WHERE c.path LIKE ${`${scope.courtPath}%`} ${f.courtId ? sql`AND k.court_id = ${f.courtId}` : sql``}
          AND (k.status IN ('pending-assignment','open') OR (k.status IN ('closed','archived') AND k.closed_on >= ${f.yearStart}::date))
        GROUP BY 1, 2 ORDER BY cases DESC, 1`,
  );
}
