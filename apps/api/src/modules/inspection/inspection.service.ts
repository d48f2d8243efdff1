import type {
  CaseInspection,
  CompletenessReport,
  CorrectionRequest,
  DefectQuery,
  DefectStatus,
  DefectView,
  InspectionGroup,
  InspectionRuleView,
  InspectionRunResult,
  InspectionSeverity,
  InspectionSummary,
  UpdateInspectionRuleRequest,
  WaiveDefectRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import { type Actor, type RequestContext, systemContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverSoon } from '../notifications/index.js';
import { createOrderForCase } from '../work-orders/index.js';
import {
  allRules,
  applyRule,
  caseInScope,
  closeFixed,
  completenessRows,
  countOpen,
  courtInScope,
  type DefectRecord,
  defectSummary,
  failingRules,
  findDefect,
  insertMissingRules,
  isoOf,
  listDefects,
  type RuleRow,
  ruleRowsWithCounts,
  updateDefect,
  updateRule,
} from './inspection.repository.js';
import { bySeverity, chinaToday, completenessOf, correctionNote, defaultRow, yearStartOf } from './inspection.rules.js';
import { RULES, type RuleDefinition, ruleDefinition } from './rules.catalogue.js';

/** The work-order type of correction requests (信息补正), seeded for every court by work-orders. */
export const CORRECTION_TYPE_CODE = 'correction';

/** Stores the rows of rules new to this version (at start-up); rows already stored keep their edits. */
export async function ensureInspectionRules(db: Db): Promise<void> {
  await insertMissingRules(db, RULES.map(defaultRow));
}

/** Active stored rules with their check in code. */
async function runnableRules(ex: Executor): Promise<{ row: RuleRow; def: RuleDefinition }[]> {
  const stored = await allRules(ex);
  return stored.flatMap((row) => {
    const def = ruleDefinition(row.code);
    return row.active && def ? [{ row, def }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// The batch and the check of one case

/**
 * The nightly inspection (scheduled, and `courtassist inspection run`): per active rule ONE
 * INSERT … SELECT over every inspected case (open ones and those closed this year), then ONE
 * UPDATE closing the defects no rule saw again. Audited once.
 */
export async function runInspection(db: Db, now: Date = new Date()): Promise<InspectionRunResult> {
  const started = performance.now();
  const today = chinaToday(now);
  const c = { today, runAt: now, yearStart: yearStartOf(today) };
  const result = await db.transaction(async (tx) => {
    const rules = await runnableRules(tx);
    let opened = 0;
    let refreshed = 0;
    for (const { row, def } of rules) {
      const counts = await applyRule(tx, row, def, c);
      opened += counts.opened;
      refreshed += counts.refreshed;
    }
    const fixed = await closeFixed(tx, now, c.yearStart);
    const open = await countOpen(tx);
    await recordAudit(tx, systemContext('inspection'), {
      entityType: 'inspection-run',
      entityId: today,
      action: 'run',
      courtId: null,
      after: { rules: rules.length, opened, fixed, open },
    });
    return { rules: rules.length, opened, refreshed, fixed, open };
  });
  return { ...result, ms: Math.round(performance.now() - started) };
}

/** The rules case `caseId` fails now, most severe first: the warnings for the person editing it. */
export async function checkCase(ex: Executor, caseId: number, now: Date = new Date()) {
  const today = chinaToday(now);
  const rules = await runnableRules(ex);
  const failing = new Set(await failingRules(ex, caseId, rules, { today, yearStart: yearStartOf(today) }));
  return bySeverity(
    rules
      .filter(({ row }) => failing.has(row.code))
      .map(({ row }) => ({
        ruleCode: row.code,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        descriptionZh: row.descriptionZh,
        descriptionEn: row.descriptionEn,
        severity: row.severity as InspectionSeverity,
      })),
  );
}

/**
 * Brings the defects of one case up to date inside the caller's transaction (after a save):
 * the batch's statements restricted to the case, so a correction closes its defect at once.
 */
export async function syncCaseDefects(tx: Executor, caseId: number, now: Date = new Date()): Promise<{ opened: number; fixed: number }> {
  const today = chinaToday(now);
  const c = { today, runAt: now, yearStart: yearStartOf(today) };
  let opened = 0;
  const rules = await runnableRules(tx);
  // Every save runs this: one statement finds the rules the case fails (a superset of those the
  // batch statement would open or refresh for it), and only those run, not all 41.
  const failing = new Set(await failingRules(tx, caseId, rules, c));
  for (const { row, def } of rules) if (failing.has(row.code)) opened += (await applyRule(tx, row, def, c, caseId)).opened;
  const fixed = await closeFixed(tx, now, c.yearStart, caseId);
  return { opened, fixed };
}

export async function inspectCase(db: Db, actor: Actor, caseId: number): Promise<CaseInspection> {
  if (!(await caseInScope(db, caseId, actor))) throw AppError.notFound();
  const [findings, defects] = await Promise.all([
    checkCase(db, caseId),
    listDefects(db, actor, { caseId, status: 'open', cursor: null, limit: 200 }),
  ]);
  return { caseId, checkedOn: chinaToday(), findings, defects: defects.items.map(toDefectView) };
}

// ---------------------------------------------------------------------------------------------
// Rules

export async function findRules(db: Db, actor: Actor): Promise<{ items: InspectionRuleView[]; total: number }> {
  const stored = await ruleRowsWithCounts(db, actor);
  const items = stored.map((r) => ({
    ...r,
    area: r.area as InspectionRuleView['area'],
    severity: r.severity as InspectionSeverity,
    caseTypes: r.caseTypes ?? null,
  }));
  return { items, total: items.length };
}

export async function editRule(db: Db, ctx: RequestContext, actor: Actor, code: string, input: UpdateInspectionRuleRequest) {
  const before = (await allRules(db)).find((r) => r.code === code);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  await db.transaction(async (tx) => {
    if (!(await updateRule(tx, code, input.version, input))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'inspection-rule',
      entityId: code,
      action: 'update',
      courtId: null,
      before: { active: before.active, severity: before.severity },
      after: { active: input.active ?? before.active, severity: input.severity ?? before.severity },
    });
  });
  const rules = await findRules(db, actor);
  return rules.items.find((r) => r.code === code) as InspectionRuleView;
}

// ---------------------------------------------------------------------------------------------
// Defects

export function toDefectView(row: DefectRecord): DefectView {
  return {
    ...row,
    firstFoundAt: isoOf(row.firstFoundAt) as string,
    lastSeenAt: isoOf(row.lastSeenAt) as string,
    fixedAt: isoOf(row.fixedAt),
  };
}

export async function findDefects(db: Db, actor: Actor, query: DefectQuery) {
  if (query.courtId && !(await courtInScope(db, query.courtId, actor))) throw AppError.notFound();
  const { items, total } = await listDefects(db, actor, { ...query, cursor: query.cursor ? Number(query.cursor) : null });
  const last = items.at(-1);
  return { items: items.map(toDefectView), total, nextCursor: items.length === query.limit && last ? String(last.id) : null };
}

async function openDefect(db: Db, actor: Actor, id: number, version: number): Promise<DefectRecord> {
  const defect = await findDefect(db, id, actor);
  if (!defect) throw AppError.notFound();
  if (defect.status !== 'open') {
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: `The defect is ${defect.status}; only an open defect can be corrected or waived.`,
      meta: { status: defect.status, allowed: [] },
    });
  }
  if (defect.version !== version) throw AppError.versionConflict(defect.version);
  return defect;
}

/**
 * A correction request (信息补正): a work order of type `correction` held by the defect's
 * responsible person from the start, linked to the defect. The defect stays open until the data
 * is valid; the order is how the inspector tracks who is on it.
 */
export async function requestCorrection(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: CorrectionRequest,
): Promise<DefectView> {
  const defect = await openDefect(db, actor, id, input.version);
  if (defect.correctionOrderId !== null && defect.correctionStatus !== 'withdrawn' && defect.correctionStatus !== 'completed') {
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: 'A correction request for this defect is still running.',
      meta: { status: defect.status, correctionOrderId: defect.correctionOrderId, allowed: ['waive'] },
    });
  }
  if (defect.responsibleId === null) {
    throw AppError.invalid(
      fieldProblem('params.id', 'invalid_value', {
        zh: '该问题没有责任人，无法发起补正',
        en: 'The defect has no responsible person to ask',
      }),
    );
  }
  const rule = ruleDefinition(defect.ruleCode);
  const note = correctionNote(input.note, { nameZh: defect.ruleNameZh, descriptionZh: rule?.descriptionZh ?? '' });
  const responsibleId = defect.responsibleId;
  await db.transaction(async (tx) => {
    const orderId = await createOrderForCase(tx, ctx, {
      caseId: defect.caseId,
      typeCode: CORRECTION_TYPE_CODE,
      assigneeId: responsibleId,
      initiatorId: actor.userId,
      initiatorName: actor.displayName,
      note,
    });
    if (orderId === null) {
      throw new AppError('INVALID_STATE', 'conflict', {
        detail: "The case's court has no active work-order type 信息补正 (correction).",
        meta: { allowed: [] },
      });
    }
    if (!(await updateDefect(tx, id, input.version, { correctionOrderId: orderId }))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'inspection-defect',
      entityId: id,
      action: 'request-correction',
      courtId: defect.courtId,
      before: { correctionOrderId: defect.correctionOrderId },
      after: { correctionOrderId: orderId, responsibleId, note },
    });
  });
  await deliverSoon(db);
  return toDefectView((await findDefect(db, id, actor)) as DefectRecord);
}

/** Waives (豁免) an open defect with a reason: the batch keeps seeing it but no longer counts it open. */
export async function waiveDefect(db: Db, ctx: RequestContext, actor: Actor, id: number, input: WaiveDefectRequest): Promise<DefectView> {
  const defect = await openDefect(db, actor, id, input.version);
  await db.transaction(async (tx) => {
    const patch = { status: 'waived' as DefectStatus, waivedBy: actor.userId, waivedReason: input.reason };
    if (!(await updateDefect(tx, id, input.version, patch))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'inspection-defect',
      entityId: id,
      action: 'waive',
      courtId: defect.courtId,
      before: { status: 'open' },
      after: { status: 'waived', reason: input.reason },
    });
  });
  return toDefectView((await findDefect(db, id, actor)) as DefectRecord);
}

// ---------------------------------------------------------------------------------------------
// Indicators

export async function summarise(
  db: Db,
  actor: Actor,
  query: { by: InspectionGroup; courtId?: number; status: DefectStatus },
): Promise<InspectionSummary> {
  if (query.courtId && !(await courtInScope(db, query.courtId, actor))) throw AppError.notFound();
  const items = await defectSummary(db, actor, query.by, query);
  return { by: query.by, items, total: items.reduce((n, i) => n + i.defects, 0) };
}

export async function completeness(
  db: Db,
  actor: Actor,
  query: { by: CompletenessReport['by']; courtId?: number },
  now: Date = new Date(),
): Promise<CompletenessReport> {
  if (query.courtId && !(await courtInScope(db, query.courtId, actor))) throw AppError.notFound();
  const today = chinaToday(now);
  const groups = await completenessRows(db, actor, query.by, { courtId: query.courtId, yearStart: yearStartOf(today) });
  return completenessOf(query.by, Number(today.slice(0, 4)), groups);
}
