import {
  type AssignCaseRequest,
  CASE_NODES,
  CASE_TYPES,
  type CaseDetail,
  type CaseNode,
  type CaseQuery,
  type CaseSummary,
  type CaseTypeCode,
  CLOSURE_REQUIRED,
  type CloseCaseRequest,
  caseNumberPrefix,
  type FileCaseRequest,
  validateIdCard,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { mayStartWarned, noticeNewTeam, refreshCaseWarning, storedDeadline, warningHorizonDays } from '../deadlines/index.js';
import { syncCaseDefects } from '../inspection/index.js';
import { deliverSoon } from '../notifications/index.js';
import { startOrdersForAssignment, startOrdersForClosure } from '../work-orders/index.js';
import { drawJudge } from './assignment.js';
import {
  activeUsersOfCourt,
  advanceFromNode,
  type CaseListRow,
  type CaseRow,
  caseDeadlineStore,
  caseTypeOf,
  causeOf,
  eligibleJudges,
  filingFacts,
  findCaseDetailRow,
  findCaseRow,
  insertAgents,
  insertAssignment,
  insertCase,
  insertNodes,
  insertParties,
  insertRecusal,
  listCases,
  nodeDaysOf,
  numberCase,
  recusalsOf,
  replacePanel,
  teamOfJudge,
  updateCase,
  updateNode,
} from './cases.repository.js';
import { addDaysIso, chinaToday, maskIdNumber, requiredRolesMissing } from './cases.rules.js';

const toSummary = (row: CaseListRow): CaseSummary => row as CaseSummary;

// ---- filing (立案) ----

/**
 * Files a case: checks the court, type, procedure, cause and parties; draws the next number of
 * the court, type and year inside the transaction (gap-free); computes the trial limit and its
 * warning level (a case filed late may start near or past it); opens the filing node (done) and
 * the assignment node (active).
 */
export async function fileCase(db: Db, ctx: RequestContext, actor: Actor, input: FileCaseRequest): Promise<CaseDetail> {
  if (input.filedOn > chinaToday())
    throw AppError.invalid(
      fieldProblem('body.filedOn', 'invalid_value', { zh: '立案日期不能晚于今天', en: 'The filing date cannot be in the future' }),
    );
  // One round trip for the court, procedure, cause and node limits (filing's throughput is round trips).
  const facts = await filingFacts(db, actor, input, warningHorizonDays);
  const { court, procedure } = facts;
  if (!court) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  if (!procedure || procedure.caseTypeCode !== input.caseTypeCode)
    throw AppError.invalid(fieldProblem('body.procedureCode', 'invalid_value'));
  if (!facts.causeKnown) throw AppError.invalid(fieldProblem('body.causeCode', 'cause_code'));
  checkParties(input);
  const year = Number(input.filedOn.slice(0, 4));
  // A new case has no approved changes yet: the limit alone fixes its deadline.
  const deadline = storedDeadline(
    {
      procedureCode: procedure.code,
      filedOn: input.filedOn,
      limitMonths: procedure.limitMonths,
      limitDays: procedure.limitDays,
      procedureNameZh: procedure.nameZh,
      procedureNameEn: procedure.nameEn,
    },
    [],
    input.filedOn,
  );
  const nodeDays = new Map(Object.entries(facts.nodeDays));
  const mayWarn = mayStartWarned(deadline.deadlineOn, facts.warningHorizonDays);
  let warned = false;
  const id = await db.transaction(async (tx) => {
    // The case is written first under a placeholder and numbered last: the sequence row stays
    // locked from the number's increment to the commit, so everything done before it is time
    // other filings of the court and type do not wait for (measured: 62 ms of waiting a filing).
    const caseId = await insertCase(tx, {
      courtId: court.id,
      year,
      caseTypeCode: input.caseTypeCode,
      procedureCode: input.procedureCode,
      causeCode: input.causeCode ?? null,
      filedOn: input.filedOn,
      claimAmount: input.claimAmount ?? null,
      summary: input.summary,
      status: 'pending-assignment',
      currentNode: 'assignment',
      deadlineOn: deadline.deadlineOn,
      deadlineSteps: deadline.deadlineSteps,
      filedBy: actor.userId,
    });
    await writeParties(tx, caseId, input);
    await insertNodes(tx, initialNodes(caseId, actor.userId, input.filedOn, nodeDays));
    const prefix = caseNumberPrefix({ year, courtCode: court.code, typeCode: input.caseTypeCode as CaseTypeCode });
    const { caseNumber } = await numberCase(tx, caseId, {
      courtId: court.numberingCourtId,
      caseTypeCode: input.caseTypeCode,
      year,
      prefix,
    });
    // After numbering: a notice names the case by its number. Rare (a case filed late in its limit).
    if (mayWarn) warned = (await refreshCaseWarning(tx, caseDeadlineStore, caseId)) > 0;
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: caseId,
      action: 'file',
      courtId: court.id,
      after: {
        caseNumber,
        caseTypeCode: input.caseTypeCode,
        procedureCode: input.procedureCode,
        causeCode: input.causeCode,
        filedOn: input.filedOn,
        parties: input.parties.length,
      },
    });
    return caseId;
  });
  if (warned) await deliverSoon(db);
  return getCase(db, actor, id);
}

/** ID numbers must agree with the birth date and gender given beside them; roles must suit the case type. */
function checkParties(input: FileCaseRequest) {
  const problems = input.parties.flatMap((p, i) => {
    if (p.kind !== 'person' || !p.idNumber) return [];
    const decoded = validateIdCard(p.idNumber);
    if (!decoded.ok) return [];
    const out = [];
    if (p.birthDate && p.birthDate !== decoded.birthDate)
      out.push(
        fieldProblem(`body.parties.${i}.birthDate`, 'invalid_value', {
          zh: '出生日期与身份证号码不一致',
          en: 'The birth date does not match the ID number',
        }),
      );
    if (p.gender && p.gender !== decoded.gender)
      out.push(
        fieldProblem(`body.parties.${i}.gender`, 'invalid_value', {
          zh: '性别与身份证号码不一致',
          en: 'The gender does not match the ID number',
        }),
      );
    return out;
  });
  const allowed = CASE_TYPES[input.caseTypeCode as CaseTypeCode].partyRoles;
  input.parties.forEach((p, i) => {
    if (!allowed.includes(p.role))
      problems.push(
        fieldProblem(`body.parties.${i}.role`, 'invalid_value', {
          zh: '该案件类型不使用此诉讼地位',
          en: 'This role is not used in this type of case',
        }),
      );
  });
  for (const role of requiredRolesMissing(
    input.caseTypeCode as CaseTypeCode,
    input.parties.map((p) => p.role),
  )) {
    problems.push(fieldProblem('body.parties', 'required', { zh: `缺少当事人：${role.zh}`, en: `A party is missing: ${role.en}` }));
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
}

async function writeParties(tx: Executor, caseId: number, input: FileCaseRequest) {
  const ids = await insertParties(
    tx,
    input.parties.map((p, sort) => {
      const decoded = p.kind === 'person' && p.idNumber ? validateIdCard(p.idNumber) : null;
      return {
        caseId,
        sort,
        role: p.role,
        kind: p.kind,
        name: p.name,
        phone: p.phone ?? null,
        address: p.address ?? null,
        ...(p.kind === 'person'
          ? {
              idNumber: p.idNumber ?? null,
              gender: p.gender ?? (decoded?.ok ? decoded.gender : null),
              birthDate: p.birthDate ?? (decoded?.ok ? decoded.birthDate : null),
            }
          : { creditCode: p.creditCode ?? null, legalRepresentative: p.legalRepresentative ?? null }),
      };
    }),
  );
  await insertAgents(
    tx,
    input.agents.map((a) => ({
      caseId,
      partyId: ids[a.partyIndex],
      kind: a.kind,
      name: a.name,
      licenseNumber: a.licenseNumber ?? null,
      lawFirm: a.lawFirm ?? null,
      phone: a.phone ?? null,
    })),
  );
}

function initialNodes(caseId: number, filedBy: number, filedOn: string, nodeDays: Map<string, number>) {
  const now = new Date();
  return CASE_NODES.map((node) => {
    if (node === 'filing')
      return {
        caseId,
        node,
        status: 'done',
        responsibleId: filedBy,
        startedAt: now,
        completedAt: now,
        completedBy: filedBy,
        dueOn: filedOn,
      };
    if (node === 'assignment')
      return { caseId, node, status: 'active', startedAt: now, dueOn: addDaysIso(filedOn, nodeDays.get(node) ?? 3) };
    return { caseId, node, status: 'pending' };
  });
}

// ---- reading ----

export async function getCase(db: Db, actor: Actor, id: number): Promise<CaseDetail> {
  const detail = await findCaseDetailRow(db, actor, id);
  if (!detail) throw AppError.notFound();
  const { departmentName, assistantName, clerkName, parties, agents, nodes, assignments, panel, recusals, deadlineSteps, ...rest } = detail;
  const {
    departmentId,
    teamId,
    assistantId,
    clerkId,
    collegial,
    presidingJudgeId,
    claimAmount,
    summary,
    suspended,
    closedOn,
    closureMethod,
    archivedOn,
    ...listed
  } = rest;
  return {
    ...toSummary(listed),
    departmentId,
    departmentName,
    teamId,
    assistantId,
    assistantName,
    clerkId,
    clerkName,
    collegial,
    presidingJudgeId,
    panel: panel as CaseDetail['panel'],
    claimAmount,
    summary,
    suspended,
    deadlineSteps: (deadlineSteps as CaseDetail['deadlineSteps']) ?? [],
    closedOn,
    closureMethod: closureMethod as CaseDetail['closureMethod'],
    archivedOn,
    parties: parties.map((p) => ({
      ...p,
      // Identity numbers are for those who handle cases; readers see the region and the last four.
      idNumber: p.idNumber && !actor.permissions.has('case.handle') ? maskIdNumber(p.idNumber) : p.idNumber,
    })) as CaseDetail['parties'],
    agents,
    nodes: nodes.map(
      (n) => ({ ...n, startedAt: isoMoment(n.startedAt), completedAt: isoMoment(n.completedAt) }) as CaseDetail['nodes'][number],
    ),
    assignments: assignments.map((a) => ({ ...a, assignedAt: isoMoment(a.assignedAt) }) as CaseDetail['assignments'][number]),
    recusals,
  };
}

/** Raw queries give moments as Date (node-postgres) or text (PGlite): one ISO form for both. */
function isoMoment(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** Opaque keyset cursor: base64url of [sort value, id]. */
export function encodeCursor(value: string | null, id: number): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): [string | null, number] | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (parsed[0] === null || typeof parsed[0] === 'string') &&
      Number.isInteger(parsed[1])
    ) {
      return parsed as [string | null, number];
    }
  } catch {
    // fall through
  }
  throw AppError.invalid(fieldProblem('query.cursor', 'invalid_format'));
}

export async function findCases(db: Db, actor: Actor, query: CaseQuery) {
  const after = decodeCursor(query.cursor);
  // The total is counted with the first page only: the later pages of the same list share it.
  const { items, total, totalApproximate } = await listCases(db, actor, { query, actorId: actor.userId, after }, after === null);
  const last = items.at(-1);
  const sortValue = (row: CaseListRow) =>
    query.sort === 'filedOn' ? row.filedOn : query.sort === 'deadlineOn' ? row.deadlineOn : row.caseNumber;
  return {
    items: items.map(toSummary),
    total,
    totalApproximate,
    nextCursor: items.length === query.limit && last ? encodeCursor(sortValue(last), last.id) : null,
  };
}

// ---- changes ----

async function loadForChange(db: Db, actor: Actor, id: number, version: number): Promise<CaseRow> {
  const row = await findCaseRow(db, actor, id);
  if (!row) throw AppError.notFound();
  if (row.version !== version) throw AppError.versionConflict(row.version);
  return row;
}

function invalidState(detail: string, allowed?: string[]): AppError {
  return new AppError('INVALID_STATE', 'conflict', { detail, meta: allowed ? { allowed } : undefined });
}

/** The judge, assistant and clerk of a case, and its panel, may handle it; so may division heads of its court. */
function refuseOutsider(actor: Actor, row: CaseRow) {
  const team = [row.judgeId, row.assistantId, row.clerkId];
  if (team.includes(actor.userId) || actor.permissions.has('case.assign')) return;
  throw AppError.forbidden();
}

export async function editCase(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { causeCode?: string | null; claimAmount?: string | null; summary?: string; version: number },
) {
  const before = await loadForChange(db, actor, id, input.version);
  refuseOutsider(actor, before);
  if (input.causeCode && !(await causeOf(db, input.causeCode))) throw AppError.invalid(fieldProblem('body.causeCode', 'cause_code'));
  const { version, ...patch } = input;
  await db.transaction(async (tx) => {
    if (!(await updateCase(tx, id, version, patch))) throw AppError.versionConflict();
    // The inspection rules run on save: defects the edit fixed close, new ones open.
    await syncCaseDefects(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: pick(before, Object.keys(patch)),
      after: patch,
    });
  });
  return getCase(db, actor, id);
}

function pick(row: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

/**
 * Assignment (分案): automatic by weighted draw among eligible judges, or manual with a reason;
 * re-assignment of an open case is manual only. The judge's team (assistant, clerk) follows.
 */
export async function assignCase(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: AssignCaseRequest,
  random: () => number = Math.random,
) {
  const before = await loadForChange(db, actor, id, input.version);
  if (before.status !== 'pending-assignment' && (input.mode === 'auto' || before.status !== 'open')) {
    throw invalidState('Only a case awaiting assignment is drawn; an open case may be re-assigned manually.');
  }
  const type = await caseTypeOf(db, before.caseTypeCode);
  const chosen =
    input.mode === 'auto'
      ? await drawFor(db, before, type?.departmentKind ?? 'civil', random)
      : await manualChoice(db, before, input.judgeId);
  const nodeDays = await nodeDaysOf(db, before.caseTypeCode);
  const today = chinaToday();
  await db.transaction(async (tx) => {
    const moved = await updateCase(tx, id, input.version, {
      status: 'open',
      currentNode: before.status === 'open' ? before.currentNode : 'delivery',
      judgeId: chosen.judgeId,
      teamId: chosen.teamId,
      departmentId: chosen.departmentId,
      assistantId: chosen.assistantId,
      clerkId: chosen.clerkId,
      presidingJudgeId: before.collegial ? before.presidingJudgeId : chosen.judgeId,
    });
    if (!moved) throw AppError.versionConflict();
    if (chosen.judgeId !== before.judgeId) await noticeNewTeam(tx, id, today);
    await insertAssignment(tx, {
      caseId: id,
      judgeId: chosen.judgeId,
      teamId: chosen.teamId,
      method: input.mode,
      reason: input.mode === 'manual' ? input.reason : '',
      assignedBy: actor.userId,
    });
    if (before.status === 'pending-assignment') {
      await updateNode(tx, id, 'assignment', {
        status: 'done',
        completedAt: new Date(),
        completedBy: actor.userId,
        responsibleId: actor.userId,
      });
      await updateNode(tx, id, 'delivery', {
        status: 'active',
        startedAt: new Date(),
        responsibleId: chosen.clerkId ?? chosen.judgeId,
        dueOn: addDaysIso(today, nodeDays.get('delivery') ?? 15),
      });
      await startOrdersForAssignment(tx, ctx, { caseId: id, courtId: before.courtId, caseTypeCode: before.caseTypeCode });
    }
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: before.status === 'open' ? 'reassign' : 'assign',
      courtId: before.courtId,
      before: { judgeId: before.judgeId, assistantId: before.assistantId, clerkId: before.clerkId },
      after: {
        judgeId: chosen.judgeId,
        assistantId: chosen.assistantId,
        clerkId: chosen.clerkId,
        method: input.mode,
        reason: input.mode === 'manual' ? input.reason : '',
      },
    });
  });
  await deliverSoon(db);
  return getCase(db, actor, id);
}

async function drawFor(db: Db, row: CaseRow, departmentKind: string, random: () => number) {
  const candidates = await eligibleJudges(db, {
    caseId: row.id,
    courtId: row.courtId,
    departmentKind,
    caseTypeCode: row.caseTypeCode,
    causeCode: row.causeCode,
  });
  const picked = drawJudge(candidates, random());
  if (!picked) throw invalidState('No eligible judge: no active judge of the right department who is not recused.');
  return candidates.find((c) => c.judgeId === picked.judgeId) as (typeof candidates)[number];
}

async function manualChoice(db: Db, row: CaseRow, judgeId: number) {
  const recused = (await recusalsOf(db, row.id)).some((r) => r.judgeId === judgeId);
  const team = recused ? null : await teamOfJudge(db, row.courtId, judgeId);
  if (!team)
    throw AppError.invalid(
      fieldProblem('body.judgeId', 'invalid_value', {
        zh: '不是本院可承办的法官（或已回避）',
        en: 'Not a judge of this court who may hear the case (or recused)',
      }),
    );
  return team;
}

export async function recuseJudge(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { judgeId: number; reason: string }) {
  const row = await findCaseRow(db, actor, id);
  if (!row) throw AppError.notFound();
  if (row.judgeId === input.judgeId && row.status === 'open')
    throw invalidState('Re-assign the case before recording the recusal of its judge.');
  await db.transaction(async (tx) => {
    await insertRecusal(tx, { caseId: id, judgeId: input.judgeId, reason: input.reason });
    await recordAudit(tx, ctx, { entityType: 'case', entityId: id, action: 'recuse', courtId: row.courtId, after: input });
  });
  return getCase(db, actor, id);
}

/** A collegial panel (合议庭) or a single judge; the presiding judge is the judge or a member. */
export async function setPanel(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { collegial: boolean; memberIds: number[]; presidingJudgeId: number; version: number },
) {
  const before = await loadForChange(db, actor, id, input.version);
  refuseOutsider(actor, before);
  if (!before.judgeId) throw invalidState('Assign the case first.');
  const members = input.collegial ? [...new Set(input.memberIds.filter((m) => m !== before.judgeId))] : [];
  if (input.collegial && members.length < 2)
    throw AppError.invalid(
      fieldProblem('body.memberIds', 'too_small', { zh: '合议庭至少由三人组成', en: 'A collegial panel has at least three members' }),
    );
  const everyone = [before.judgeId, ...members];
  if (!everyone.includes(input.presidingJudgeId)) throw AppError.invalid(fieldProblem('body.presidingJudgeId', 'invalid_value'));
  const known = await activeUsersOfCourt(db, before.courtId, members);
  const strangers = members.filter((m) => !known.has(m));
  if (strangers.length > 0)
    throw AppError.invalid(
      fieldProblem('body.memberIds', 'invalid_value', {
        zh: '合议庭成员须为本院在职人员',
        en: 'Panel members must be active users of this court',
      }),
    );
  await db.transaction(async (tx) => {
    if (!(await updateCase(tx, id, input.version, { collegial: input.collegial, presidingJudgeId: input.presidingJudgeId })))
      throw AppError.versionConflict();
    await replacePanel(
      tx,
      id,
      input.collegial ? everyone.map((userId) => ({ userId, role: userId === input.presidingJudgeId ? 'presiding' : 'member' })) : [],
    );
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: 'set-panel',
      courtId: before.courtId,
      before: { collegial: before.collegial, presidingJudgeId: before.presidingJudgeId },
      after: { collegial: input.collegial, presidingJudgeId: input.presidingJudgeId, members },
    });
  });
  return getCase(db, actor, id);
}

/** Completes the active node and starts the next, with its responsible person and due date. */
export async function completeNode(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  node: CaseNode,
  input: { note: string; version: number },
) {
  const before = await loadForChange(db, actor, id, input.version);
  refuseOutsider(actor, before);
  if (before.status !== 'open' || before.currentNode !== node || ['closure', 'archive', 'assignment', 'filing'].includes(node)) {
    throw invalidState(`The active node is ${before.currentNode}; closure and archiving have their own actions.`, [before.currentNode]);
  }
  const next = CASE_NODES[CASE_NODES.indexOf(node) + 1];
  await db.transaction(async (tx) => {
    if (!(await updateCase(tx, id, input.version, { currentNode: next }))) throw AppError.versionConflict();
    await handOverNode(
      tx,
      ctx,
      { caseId: id, courtId: before.courtId, caseTypeCode: before.caseTypeCode, judgeId: before.judgeId },
      node,
      input.note,
    );
  });
  return getCase(db, actor, id);
}

/** The node rows and the trail of a node completed and the next one started (the case row has moved already). */
async function handOverNode(
  tx: Executor,
  ctx: RequestContext,
  k: { caseId: number; courtId: number; caseTypeCode: string; judgeId: number | null },
  node: CaseNode,
  note: string,
) {
  const next = CASE_NODES[CASE_NODES.indexOf(node) + 1];
  const nodeDays = await nodeDaysOf(tx, k.caseTypeCode);
  await updateNode(tx, k.caseId, node, { status: 'done', completedAt: new Date(), completedBy: ctx.actor?.userId ?? null, note });
  await updateNode(tx, k.caseId, next, {
    status: 'active',
    startedAt: new Date(),
    responsibleId: k.judgeId,
    dueOn: addDaysIso(chinaToday(), nodeDays.get(next) ?? 10),
  });
  await recordAudit(tx, ctx, {
    entityType: 'case',
    entityId: k.caseId,
    action: 'complete-node',
    courtId: k.courtId,
    before: { currentNode: node },
    after: { currentNode: next, note },
  });
}

/**
 * For other modules: an event (a hearing scheduled, a hearing held) completes `node` when it is
 * the case's active node, and the next node starts, as if completed by hand; audited in the
 * caller's transaction. Nothing happens when the case has moved past `node` or is not open.
 */
export async function completeNodeByEvent(tx: Executor, ctx: RequestContext, caseId: number, node: CaseNode, note: string) {
  const moved = await advanceFromNode(tx, caseId, node, CASE_NODES[CASE_NODES.indexOf(node) + 1]);
  if (moved) await handOverNode(tx, ctx, { caseId, ...moved }, node, note);
}

/** Closure (结案): checks the date and the fields the method requires; closes every open node. */
export async function closeCase(db: Db, ctx: RequestContext, actor: Actor, id: number, input: CloseCaseRequest) {
  const before = await loadForChange(db, actor, id, input.version);
  refuseOutsider(actor, before);
  if (before.status !== 'open') throw invalidState('Only an open case can be closed.', ['open']);
  const problems = [];
  if (input.closedOn < before.filedOn)
    problems.push(
      fieldProblem('body.closedOn', 'invalid_value', {
        zh: '结案日期不能早于立案日期',
        en: 'The closure date cannot be before the filing date',
      }),
    );
  if (input.closedOn > chinaToday())
    problems.push(
      fieldProblem('body.closedOn', 'invalid_value', { zh: '结案日期不能晚于今天', en: 'The closure date cannot be in the future' }),
    );
  for (const field of CLOSURE_REQUIRED[input.method]) if (!input[field]) problems.push(fieldProblem(`body.${field}`, 'required'));
  if (input.pronouncedOn && (input.pronouncedOn < before.filedOn || input.pronouncedOn > input.closedOn)) {
    problems.push(
      fieldProblem('body.pronouncedOn', 'invalid_value', {
        zh: '宣判日期须在立案与结案之间',
        en: 'The pronouncement date must fall between filing and closure',
      }),
    );
  }
  if (problems.length > 0) throw AppError.invalid(...problems);
  const nodeDays = await nodeDaysOf(db, before.caseTypeCode);
  await db.transaction(async (tx) => {
    if (
      !(await updateCase(tx, id, input.version, {
        status: 'closed',
        currentNode: 'archive',
        closedOn: input.closedOn,
        closureMethod: input.method,
        warningLevel: 'none',
      }))
    ) {
      throw AppError.versionConflict();
    }
    for (const node of CASE_NODES.slice(CASE_NODES.indexOf(before.currentNode as CaseNode), CASE_NODES.indexOf('closure') + 1)) {
      await updateNode(tx, id, node, {
        status: 'done',
        completedAt: new Date(),
        completedBy: actor.userId,
        note: node === 'closure' ? input.method : '',
      });
    }
    await updateNode(tx, id, 'archive', {
      status: 'active',
      startedAt: new Date(),
      responsibleId: before.clerkId ?? before.judgeId,
      dueOn: addDaysIso(input.closedOn, nodeDays.get('archive') ?? 90),
    });
    await startOrdersForClosure(tx, ctx, { caseId: id, courtId: before.courtId, caseTypeCode: before.caseTypeCode });
    await syncCaseDefects(tx, id);
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: 'close',
      courtId: before.courtId,
      before: { status: before.status },
      after: { status: 'closed', ...input, version: undefined },
    });
  });
  return getCase(db, actor, id);
}

export async function archiveCase(db: Db, ctx: RequestContext, actor: Actor, id: number, input: { archivedOn: string; version: number }) {
  const before = await loadForChange(db, actor, id, input.version);
  refuseOutsider(actor, before);
  if (before.status !== 'closed') throw invalidState('Only a closed case can be archived.', ['closed']);
  if (input.archivedOn < (before.closedOn ?? before.filedOn) || input.archivedOn > chinaToday()) {
    throw AppError.invalid(
      fieldProblem('body.archivedOn', 'invalid_value', {
        zh: '归档日期须在结案日期之后且不晚于今天',
        en: 'The archiving date must be on or after closure and not in the future',
      }),
    );
  }
  await db.transaction(async (tx) => {
    if (!(await updateCase(tx, id, input.version, { status: 'archived', archivedOn: input.archivedOn }))) throw AppError.versionConflict();
    await updateNode(tx, id, 'archive', { status: 'done', completedAt: new Date(), completedBy: actor.userId });
    await recordAudit(tx, ctx, {
      entityType: 'case',
      entityId: id,
      action: 'archive',
      courtId: before.courtId,
      before: { status: 'closed' },
      after: { status: 'archived', archivedOn: input.archivedOn },
    });
  });
  return getCase(db, actor, id);
}
