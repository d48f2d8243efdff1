import {
  type AssistantProfile,
  type AssistantQuery,
  type AssistantSummary,
  type ChangeAssistantStatusRequest,
  type CommendationView,
  type CreateAssistantAccountRequest,
  type CreateAssistantRequest,
  type CreateCommendationRequest,
  type FieldProblem,
  NETWORK_FIELD_ERRORS,
  type UpdateAssistantRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import { constraintOf, type Db, type Executor, sqlState, UNIQUE_VIOLATION } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { deliverSoon, notify } from '../notifications/index.js';
import { createUser, setLinkedAccountStatus } from '../org/index.js';
import { maskedPerson, mayReveal, personFromIdCard, statusChangeAllowed } from './network.policy.js';
import {
  type AssistantRecord,
  categoryIdsOf,
  commendationsOf,
  courtInScope,
  findAssistant,
  idNumberTaken,
  insertAssistant,
  insertCommendation,
  insertStatusChange,
  isoOf,
  listAssistants,
  setAssistantCategories,
  setAssistantStations,
  stationsOfCourt,
  statusHistoryOf,
  trainingHoursByYear,
  trainingOf,
  updateAssistant,
} from './network.repository.js';
import { returnOpenTasksOf } from './tasks.repository.js';

/** Today in China Standard Time. */
export function chinaToday(moment: Date = new Date()): string {
  return new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function toSummary(row: AssistantRecord, reveal: boolean): AssistantSummary {
  return maskedPerson(row as AssistantSummary, reveal);
}

/** What the trail keeps of an assistant: the identity card number only masked. */
function auditable(row: AssistantRecord) {
  const { courtName: _c, username: _u, accountStatus: _s, categories, stations, ...rest } = row;
  return {
    ...maskedPerson(rest, false),
    categoryCodes: categories.map((c) => c.code),
    stationIds: stations.map((s) => s.id),
  };
}

function duplicate(): AppError {
  return new AppError('ASSISTANT_DUPLICATE', 'conflict', {
    fields: [fieldProblem('body.idNumber', 'id_card_taken', NETWORK_FIELD_ERRORS.id_card_taken)],
  });
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
    )
      return parsed as [string | null, number];
  } catch {
    // fall through
  }
  throw AppError.invalid(fieldProblem('query.cursor', 'invalid_format'));
}

export async function findAssistants(db: Db, actor: Actor, query: AssistantQuery) {
  const after = decodeCursor(query.cursor);
  const { items, total } = await listAssistants(db, actor, query, after, true);
  const last = items.at(-1);
  const sortValue = (row: AssistantRecord) => (query.sort === 'name' ? row.name : query.sort === 'startOn' ? row.startOn : null);
  return {
    // Lists never show phone and identity card number in full, whoever reads them.
    items: items.map((row) => toSummary(row, false)),
    total: total ?? 0,
    nextCursor: items.length === query.limit && last ? encodeCursor(sortValue(last), last.id) : null,
  };
}

export async function getProfile(db: Db, actor: Actor, id: number): Promise<AssistantProfile> {
  const row = await findAssistant(db, id, actor);
  if (!row) throw AppError.notFound();
  const reveal = mayReveal(actor.permissions);
  const [history, sessions, hoursByYear, commendations] = await Promise.all([
    statusHistoryOf(db, id),
    trainingOf(db, id),
    trainingHoursByYear(db, id),
    commendationsOf(db, id),
  ]);
  return {
    ...toSummary(row, reveal),
    revealed: reveal,
    statusHistory: history.map((h) => ({ ...h, changedAt: isoOf(h.changedAt) })),
    training: { sessions: sessions as AssistantProfile['training']['sessions'], hoursByYear },
    commendations,
  };
}

/** Categories by code and stations of the court; problems name the offending list entries. */
async function checkLinks(ex: Executor, courtId: number, categoryCodes: string[] | undefined, stationIds: number[] | undefined) {
  const problems: FieldProblem[] = [];
  let categoryIds: number[] | undefined;
  let stations: number[] | undefined;
  if (categoryCodes) {
    const codes = [...new Set(categoryCodes)];
    const known = await categoryIdsOf(ex, codes);
    codes.forEach((code, i) => {
      if (!known.has(code))
        problems.push(fieldProblem(`body.categoryCodes.${i}`, 'assistant_category', NETWORK_FIELD_ERRORS.assistant_category));
    });
    categoryIds = [...known.values()];
  }
  if (stationIds) {
    const wanted = [...new Set(stationIds)];
    const found = await stationsOfCourt(ex, courtId, wanted);
    wanted.forEach((id, i) => {
      if (!found.includes(id))
        problems.push(fieldProblem(`body.stationIds.${i}`, 'assistant_station', NETWORK_FIELD_ERRORS.assistant_station));
    });
    stations = found;
  }
  return { problems, categoryIds, stations };
}

function personProblems(problems: ReturnType<typeof personFromIdCard>['problems']) {
  return problems.map((p) => fieldProblem(`body.${p.field}`, p.code, NETWORK_FIELD_ERRORS[p.code]));
}

function isDuplicateIdNumber(error: unknown): boolean {
  return sqlState(error) === UNIQUE_VIOLATION && constraintOf(error) === 'network_assistants_court_id_number_key';
}

export async function createAssistant(db: Db, ctx: RequestContext, actor: Actor, input: CreateAssistantRequest): Promise<AssistantProfile> {
  const court = await courtInScope(db, input.courtId, actor);
  if (!court) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  const person = personFromIdCard(input);
  const links = await checkLinks(db, input.courtId, input.categoryCodes, input.stationIds);
  const problems = [...personProblems(person.problems), ...links.problems];
  if (problems.length > 0) throw AppError.invalid(...problems);
  if (input.idNumber && (await idNumberTaken(db, input.courtId, input.idNumber, null))) throw duplicate();
  const { categoryCodes: _c, stationIds: _s, ...values } = input;
  try {
    const id = await db.transaction(async (tx) => {
      const newId = await insertAssistant(tx, { ...values, birthDate: person.birthDate, gender: person.gender, createdBy: actor.userId });
      await setAssistantCategories(tx, newId, links.categoryIds ?? []);
      await setAssistantStations(tx, newId, links.stations ?? []);
      await insertStatusChange(tx, {
        assistantId: newId,
        fromStatus: null,
        toStatus: 'active',
        reason: '登记为司法协助员 Registered',
        changedBy: actor.userId,
        changedByName: actor.displayName,
      });
      const created = (await findAssistant(tx, newId, actor)) as AssistantRecord;
      await recordAudit(tx, ctx, {
        entityType: 'network-assistant',
        entityId: newId,
        action: 'create',
        courtId: input.courtId,
        after: auditable(created),
      });
      return newId;
    });
    return getProfile(db, actor, id);
  } catch (error) {
    if (isDuplicateIdNumber(error)) throw duplicate();
    throw error;
  }
}

export async function editAssistant(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: UpdateAssistantRequest,
): Promise<AssistantProfile> {
  const before = await findAssistant(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  const { version, categoryCodes, stationIds, ...patch } = input;
  const idNumber = patch.idNumber === undefined ? before.idNumber : patch.idNumber;
  // A new identity card number fills the fields not given; the fields given must agree with it.
  const idChanged = patch.idNumber !== undefined && patch.idNumber !== before.idNumber;
  const person = personFromIdCard({
    idNumber,
    birthDate: patch.birthDate === undefined ? (idChanged ? null : before.birthDate) : patch.birthDate,
    gender: patch.gender === undefined ? (idChanged ? null : before.gender) : patch.gender,
  });
  const links = await checkLinks(db, before.courtId, categoryCodes, stationIds);
  const problems = [...personProblems(person.problems), ...links.problems];
  if (problems.length > 0) throw AppError.invalid(...problems);
  if (idChanged && idNumber && (await idNumberTaken(db, before.courtId, idNumber, id))) throw duplicate();
  try {
    await db.transaction(async (tx) => {
      const values = { ...patch, birthDate: person.birthDate, gender: person.gender };
      if (!(await updateAssistant(tx, id, version, values))) throw AppError.versionConflict(before.version);
      if (links.categoryIds) await setAssistantCategories(tx, id, links.categoryIds);
      if (links.stations) await setAssistantStations(tx, id, links.stations);
      const after = (await findAssistant(tx, id, actor)) as AssistantRecord;
      await recordAudit(tx, ctx, {
        entityType: 'network-assistant',
        entityId: id,
        action: 'update',
        courtId: before.courtId,
        before: auditable(before),
        after: auditable(after),
        omit: ['version'],
      });
    });
  } catch (error) {
    if (isDuplicateIdNumber(error)) throw duplicate();
    throw error;
  }
  return getProfile(db, actor, id);
}

/** The role the assistant's own account is made with (createAccount); the network manages such an account. */
const ASSISTANT_ROLES = ['grassroots-assistant'] as const;

/**
 * A change of status, with its consequences in the same transaction:
 *   - leaving (退出): the linked account is disabled and its sessions end (the next request is
 *     401, a new sign-in is refused); the tasks still waiting for the assistant (assigned or
 *     accepted) go back to the court as declined, with a trace row, an audit row and a notice to
 *     whoever assigned them — the court assigns them again. Reported tasks stay for the court to
 *     confirm: the work was done before the departure.
 *   - returning from 退出 (to 在岗 or 暂停): the account is enabled again; the returned tasks stay
 *     with the court.
 *   - pausing (暂停): the account stays usable (the assistant still sees and finishes their
 *     tasks); the suggestion and the assignment take only assistants in post.
 */
export async function changeStatus(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: ChangeAssistantStatusRequest,
): Promise<AssistantProfile> {
  const before = await findAssistant(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  if (!statusChangeAllowed(before.status, input.status))
    throw AppError.invalid(fieldProblem('body.status', 'same_status', NETWORK_FIELD_ERRORS.same_status));
  const leaving = input.status === 'left';
  const crossesLeft = leaving !== (before.status === 'left');
  await db.transaction(async (tx) => {
    if (!(await updateAssistant(tx, id, input.version, { status: input.status }))) throw AppError.versionConflict(before.version);
    await insertStatusChange(tx, {
      assistantId: id,
      fromStatus: before.status,
      toStatus: input.status,
      reason: input.reason,
      changedBy: actor.userId,
      changedByName: actor.displayName,
    });
    let account: 'active' | 'disabled' | null = before.accountStatus;
    if (before.userId !== null && crossesLeft) {
      const why = `${leaving ? '协助员退出' : '协助员恢复'}：${input.reason}`;
      account = await setLinkedAccountStatus(tx, ctx, actor, before.userId, leaving ? 'disabled' : 'active', ASSISTANT_ROLES, why);
    }
    const returned = leaving ? await returnTasksOf(tx, ctx, actor, before, input.reason) : [];
    await recordAudit(tx, ctx, {
      entityType: 'network-assistant',
      entityId: id,
      action: 'change-status',
      courtId: before.courtId,
      before: { status: before.status, accountStatus: before.accountStatus },
      after: { status: input.status, reason: input.reason, accountStatus: account, returnedTaskIds: returned },
    });
  });
  await deliverSoon(db);
  return getProfile(db, actor, id);
}

/** The open tasks of a departing assistant go back to the court (see changeStatus); answers their ids. */
async function returnTasksOf(tx: Executor, ctx: RequestContext, actor: Actor, assistant: AssistantRecord, reason: string) {
  const note = `协助员已退出，任务退回法院重新派发（${reason}） The assistant has left; the task is back with the court`;
  const moved = await returnOpenTasksOf(tx, assistant.id, note, actor);
  for (const task of moved) {
    await recordAudit(tx, ctx, {
      entityType: 'network-task',
      entityId: task.id,
      action: 'decline',
      courtId: task.courtId,
      before: { status: task.fromStatus, version: task.version - 1 },
      after: { status: 'declined', note, assistantLeft: assistant.id },
    });
  }
  await notify(
    tx,
    moved.map((task) => ({
      userId: task.assignedBy,
      kind: 'network-task-declined',
      titleZh: `${assistant.name}已退出，任务退回待重新派发：${task.title}`,
      titleEn: `${assistant.name} has left; reassign: ${task.title}`,
      entityType: 'network-task',
      entityId: task.id,
    })),
  );
  return moved.map((task) => task.id);
}

/**
 * Makes the assistant's own sign-in (role grassroots-assistant, in the assistant's court) and
 * links it. Making accounts is user management: the actor needs user.manage as well.
 */
export async function createAccount(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: CreateAssistantAccountRequest,
): Promise<AssistantProfile> {
  if (!actor.permissions.has('user.manage')) throw AppError.forbidden();
  const before = await findAssistant(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  if (before.userId !== null)
    throw new AppError('INVALID_STATE', 'conflict', { detail: 'The assistant has an account already.', meta: { userId: before.userId } });
  if (before.status === 'left')
    throw new AppError('INVALID_STATE', 'conflict', {
      detail: 'An assistant who has left gets no account.',
      meta: { status: before.status },
    });
  const user = await createUser(db, ctx, actor, {
    username: input.username,
    displayName: before.name,
    phone: before.phone,
    courtId: before.courtId,
    departmentId: null,
    roles: ['grassroots-assistant'],
    password: input.password,
  });
  await db.transaction(async (tx) => {
    if (!(await updateAssistant(tx, id, input.version, { userId: user.id }))) throw AppError.versionConflict(before.version);
    await recordAudit(tx, ctx, {
      entityType: 'network-assistant',
      entityId: id,
      action: 'link-account',
      courtId: before.courtId,
      before: { userId: null },
      after: { userId: user.id, username: user.username },
    });
  });
  return getProfile(db, actor, id);
}

export async function addCommendation(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: CreateCommendationRequest,
): Promise<CommendationView> {
  const assistant = await findAssistant(db, id, actor);
  if (!assistant) throw AppError.notFound();
  if (input.recordedOn > chinaToday())
    throw AppError.invalid(
      fieldProblem('body.recordedOn', 'invalid_value', { zh: '日期不能晚于今天', en: 'The date cannot be in the future' }),
    );
  const commendationId = await db.transaction(async (tx) => {
    const newId = await insertCommendation(tx, {
      ...input,
      assistantId: id,
      courtId: assistant.courtId,
      recordedBy: actor.userId,
      recordedByName: actor.displayName,
    });
    await recordAudit(tx, ctx, {
      entityType: 'network-assistant',
      entityId: id,
      action: `add-${input.kind}`,
      courtId: assistant.courtId,
      after: { commendationId: newId, ...input },
    });
    return newId;
  });
  const all = await commendationsOf(db, id);
  return all.find((c) => c.id === commendationId) as CommendationView;
}
