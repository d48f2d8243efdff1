import {
  type AnnouncementQuery,
  type Courtroom,
  type CourtroomKind,
  type CourtroomQuery,
  type CreateCourtroomRequest,
  HEARING_FIELD_ERRORS,
  HEARING_KIND_NAMES,
  type HearingDetail,
  type HearingKind,
  type HearingQuery,
  type HearingView,
  type HoldHearingRequest,
  PARTY_ROLE_NAMES,
  type RescheduleHearingRequest,
  type ScheduleHearingRequest,
  type UpdateCourtroomRequest,
} from '@courtassist/contracts';
import { recordAudit } from '../../platform/audit.js';
import type { Actor, RequestContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db.js';
import { AppError, fieldProblem } from '../../platform/errors.js';
import { type CaseFacts, caseFacts, completeNodeByEvent } from '../cases/index.js';
import { maySchedule, roomServesCourt } from './hearings.policy.js';
import {
  type CourtFacts,
  type CourtroomRecord,
  countUpcomingInRoom,
  courtFacts,
  familyOfUser,
  findCourtroom,
  findHearing,
  type HearingRecord,
  insertCourtroom,
  insertHearing,
  insertParticipants,
  listAnnouncements,
  listCourtrooms,
  listHearings,
  lockSchedule,
  type NewParticipant,
  overlappingBookings,
  participantsOf,
  replaceParticipants,
  roomNameTaken,
  updateCourtroom,
  updateHearing,
  userNames,
} from './hearings.repository.js';
import {
  chinaDate,
  chinaWindow,
  describeConflicts,
  documentDate,
  findConflicts,
  formatSummonsTime,
  peopleOf,
  type Slot,
  type TimeProblem,
  timeProblems,
} from './hearings.rules.js';
import { contentDisposition, renderSummons } from './summons.js';

function invalidState(detail: string, allowed?: string[]): AppError {
  return new AppError('INVALID_STATE', 'conflict', { detail, meta: allowed ? { allowed } : undefined });
}

function problem(field: string, code: keyof typeof HEARING_FIELD_ERRORS) {
  return fieldProblem(field, code, HEARING_FIELD_ERRORS[code]);
}

/** Courts of a record in scope always exist: a missing one is a broken invariant, not a 404. */
async function courtOf(ex: Executor, courtId: number): Promise<CourtFacts> {
  const court = await courtFacts(ex, courtId);
  if (!court) throw new Error(`court ${courtId} does not exist`);
  return court;
}

// ---- courtrooms ----

function toCourtroom(r: CourtroomRecord): Courtroom {
  return {
    id: r.id,
    courtId: r.courtId,
    courtName: r.courtName,
    name: r.name,
    kind: r.kind as CourtroomKind,
    location: r.location,
    capacity: r.capacity,
    active: r.active,
    version: r.version,
  };
}

export async function findCourtrooms(db: Db, actor: Actor, query: CourtroomQuery) {
  const { items, total } = await listCourtrooms(db, actor, {
    courtId: query.courtId,
    withTribunals: query.withTribunals === 'true',
    kind: query.kind,
    active: query.active === undefined ? undefined : query.active === 'true',
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: items.map(toCourtroom), total, page: query.page, pageSize: query.pageSize };
}

export async function getCourtroom(db: Db, actor: Actor, id: number): Promise<Courtroom> {
  const row = await findCourtroom(db, id, actor);
  if (!row) throw AppError.notFound();
  return toCourtroom(row);
}

function duplicateName(): AppError {
  return new AppError('DUPLICATE', 'conflict', { fields: [fieldProblem('body.name', 'duplicate')] });
}

export async function createCourtroom(db: Db, ctx: RequestContext, actor: Actor, input: CreateCourtroomRequest): Promise<Courtroom> {
  const court = await courtFacts(db, input.courtId, actor);
  if (!court) throw AppError.invalid(fieldProblem('body.courtId', 'invalid_value'));
  const id = await db.transaction(async (tx) => {
    // Names are unique per court; the court's schedule lock makes the check and the insert one step.
    await lockSchedule(tx, court.familyId);
    if (await roomNameTaken(tx, court.id, input.name)) throw duplicateName();
    const values = { courtId: court.id, name: input.name, kind: input.kind, location: input.location, capacity: input.capacity ?? null };
    const roomId = await insertCourtroom(tx, values);
    await recordAudit(tx, ctx, { entityType: 'courtroom', entityId: roomId, action: 'create', courtId: court.id, after: values });
    return roomId;
  });
  return getCourtroom(db, actor, id);
}

export async function editCourtroom(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: UpdateCourtroomRequest,
  now: Date = new Date(),
): Promise<Courtroom> {
  const before = await findCourtroom(db, id, actor);
  if (!before) throw AppError.notFound();
  if (before.version !== input.version) throw AppError.versionConflict(before.version);
  const { version, ...patch } = input;
  const court = await courtOf(db, before.courtId);
  await db.transaction(async (tx) => {
    await lockSchedule(tx, court.familyId);
    if (patch.name !== undefined && patch.name !== before.name && (await roomNameTaken(tx, before.courtId, patch.name, id)))
      throw duplicateName();
    if (patch.active === false && before.active) {
      const upcoming = await countUpcomingInRoom(tx, id, now);
      if (upcoming > 0) {
        throw new AppError('INVALID_STATE', 'conflict', {
          detail: `The room has ${upcoming} upcoming hearing(s); move or cancel them before taking it out of use.`,
          meta: { upcomingHearings: upcoming },
        });
      }
    }
    if (!(await updateCourtroom(tx, id, version, patch))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'courtroom',
      entityId: id,
      action: 'update',
      courtId: before.courtId,
      before: toCourtroom(before),
      after: { ...toCourtroom(before), ...patch, version: before.version + 1 },
    });
  });
  return getCourtroom(db, actor, id);
}

// ---- hearings: reading ----

function caseTitle(facts: CaseFacts | undefined): string {
  return (facts?.parties ?? [])
    .slice(0, 4)
    .map((p) => p.name)
    .join('、');
}

function toView(row: HearingRecord, facts: CaseFacts | undefined): HearingView {
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: facts?.caseNumber ?? '',
    caseTitle: caseTitle(facts),
    courtId: row.courtId,
    courtroomId: row.courtroomId,
    courtroomName: row.courtroomName,
    courtroomKind: row.courtroomKind as CourtroomKind,
    courtroomCourtId: row.courtroomCourtId,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    kind: row.kind as HearingKind,
    status: row.status as HearingView['status'],
    isPublic: row.isPublic,
    announcedOn: row.announcedOn,
    judgeId: row.judgeId,
    judgeName: row.judgeName,
    clerkId: row.clerkId,
    clerkName: row.clerkName,
    version: row.version,
  };
}

export async function getHearing(db: Db, actor: Actor, id: number): Promise<HearingDetail> {
  const row = await findHearing(db, actor, id);
  if (!row) throw AppError.notFound();
  const [facts, participants] = await Promise.all([caseFacts(db, [row.caseId]), participantsOf(db, id)]);
  const theCase = facts.get(row.caseId);
  return {
    ...toView(row, theCase),
    participants: participants.map((p) => {
      const party = p.partyId !== null ? theCase?.parties.find((x) => x.id === p.partyId) : undefined;
      return {
        role: p.role as HearingDetail['participants'][number]['role'],
        userId: p.userId,
        partyId: p.partyId,
        name: p.userName ?? party?.name ?? '',
        partyRole: party?.role ?? null,
      };
    }),
  };
}

/** The calendar: hearings of a court, a room or a person over at most a few weeks. */
export async function findHearings(db: Db, actor: Actor, query: HearingQuery) {
  const { items, total } = await listHearings(db, actor, {
    courtId: query.courtId,
    courtroomId: query.courtroomId,
    judgeId: query.judgeId,
    caseId: query.caseId,
    window: chinaWindow(query.from, query.to),
    includeCancelled: query.includeCancelled === 'true',
    limit: query.limit,
  });
  const facts = await caseFacts(
    db,
    items.map((h) => h.caseId),
  );
  return { items: items.map((h) => toView(h, facts.get(h.caseId))), total };
}

/** Hearing announcements (开庭公告): public hearings not cancelled, with what the public is told. */
export async function findAnnouncements(db: Db, query: AnnouncementQuery) {
  const { items, total } = await listAnnouncements(db, {
    courtId: query.courtId,
    window: chinaWindow(query.from, query.to),
    page: query.page,
    pageSize: query.pageSize,
  });
  const facts = await caseFacts(
    db,
    items.map((a) => a.caseId),
  );
  return {
    items: items.map(({ caseId, ...a }) => {
      const theCase = facts.get(caseId);
      return {
        ...a,
        kind: a.kind as HearingKind,
        startsAt: a.startsAt.toISOString(),
        endsAt: a.endsAt.toISOString(),
        caseNumber: theCase?.caseNumber ?? '',
        causeName: theCase?.causeName ?? null,
        parties: (theCase?.parties ?? []).map((p) => ({ role: p.role, name: p.name })),
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ---- hearings: scheduling ----

/** The people of a hearing, from the case: its judge, its panel (when collegial) and a clerk. */
function peopleFor(facts: CaseFacts, clerkId: number | null) {
  const judgeId = facts.judgeId;
  const panel = facts.collegial ? facts.panel.filter((m) => m.userId !== judgeId) : [];
  const participants: Omit<NewParticipant, 'hearingId'>[] = [
    ...(judgeId !== null ? [{ userId: judgeId, role: 'judge' }] : []),
    ...panel.map((m) => ({ userId: m.userId, role: m.role === 'presiding' ? 'presiding' : 'panel-member' })),
    ...(clerkId !== null ? [{ userId: clerkId, role: 'clerk' }] : []),
  ];
  return { judgeId, clerkId, panelIds: panel.map((m) => m.userId), participants };
}

/** The case of a hearing, if the actor may schedule its hearings (404 outside the scope, 403 outside the case's team). */
async function caseForScheduling(db: Db, actor: Actor, caseId: number, scoped: boolean): Promise<CaseFacts> {
  const facts = (await caseFacts(db, [caseId], scoped ? actor : undefined)).get(caseId);
  if (!facts) throw AppError.notFound();
  if (!maySchedule(actor, facts)) throw AppError.forbidden();
  return facts;
}

function requireOpen(facts: CaseFacts) {
  if (facts.status !== 'open' || facts.judgeId === null)
    throw invalidState('Only an open (assigned) case has hearings scheduled.', ['open']);
}

function timeFieldProblems(problems: { field: 'startsAt' | 'endsAt'; code: TimeProblem }[]) {
  return problems.map((p) => problem(`body.${p.field}`, p.code));
}

async function roomProblems(db: Db, courtroomId: number, caseCourtId: number) {
  const room = await findCourtroom(db, courtroomId);
  return room && roomServesCourt(room, caseCourtId) ? [] : [problem('body.courtroomId', 'courtroom_not_available')];
}

/** A clerk other than the case's must be an active user of the same court family. */
async function clerkProblems(db: Db, clerkId: number | null | undefined, allowed: (number | null)[], familyId: number) {
  if (clerkId === undefined || clerkId === null || allowed.includes(clerkId)) return [];
  if ((await familyOfUser(db, clerkId)) === familyId) return [];
  return [
    fieldProblem('body.clerkId', 'invalid_value', {
      zh: '书记员须为本院（含派出法庭）在职人员',
      en: 'The clerk must be an active user of this court or its tribunals',
    }),
  ];
}

function partyProblems(partyIds: number[] | undefined, facts: CaseFacts) {
  if (partyIds === undefined) return [];
  const known = new Set(facts.parties.map((p) => p.id));
  if (partyIds.every((id) => known.has(id))) return [];
  return [fieldProblem('body.partyIds', 'invalid_value', { zh: '只能传唤本案当事人', en: 'Only parties of the case can be summoned' })];
}

/**
 * Refuses a slot that clashes with a hearing already booked (409 HEARING_CONFLICT, naming each
 * clash). Call under the schedule lock. A clashing hearing of a case outside the actor's scope is
 * named without its case number.
 */
async function refuseConflicts(tx: Executor, actor: Actor, slot: Slot): Promise<void> {
  const people = [...peopleOf(slot)];
  const booked = await overlappingBookings(tx, { ...slot, people, exceptId: slot.id });
  if (booked.length === 0) return;
  const visible = await caseFacts(
    tx,
    booked.map((b) => b.caseId),
    actor,
  );
  const names = await userNames(tx, people);
  const conflicts = findConflicts(
    slot,
    booked.map((b) => ({ ...b, caseNumber: visible.get(b.caseId)?.caseNumber ?? '—' })),
    names,
  );
  if (conflicts.length > 0)
    throw new AppError('HEARING_CONFLICT', 'conflict', { detail: describeConflicts(conflicts), meta: { conflicts } });
}

function auditView(h: {
  courtroomId: number;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  isPublic: boolean;
  judgeId: number | null;
  clerkId: number | null;
  panelIds?: readonly number[];
  announcedOn: string | null;
}) {
  return {
    courtroomId: h.courtroomId,
    startsAt: h.startsAt.toISOString(),
    endsAt: h.endsAt.toISOString(),
    kind: h.kind,
    isPublic: h.isPublic,
    judgeId: h.judgeId,
    clerkId: h.clerkId,
    announcedOn: h.announcedOn,
    ...(h.panelIds ? { panelIds: [...h.panelIds] } : {}),
  };
}

/**
 * Schedules a hearing (排期): checks the case, the room, the time and the announcement rule, then
 * — under the court family's schedule lock — the room and the people for clashes, and books it.
 */
export async function scheduleHearing(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  input: ScheduleHearingRequest,
  now: Date = new Date(),
): Promise<HearingDetail> {
  const facts = await caseForScheduling(db, actor, input.caseId, true);
  requireOpen(facts);
  const court = await courtOf(db, facts.courtId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const clerkId = input.clerkId === undefined ? facts.clerkId : input.clerkId;
  const problems = [
    ...timeFieldProblems(timeProblems({ startsAt, endsAt, isPublic: input.isPublic }, now, { future: true, announcement: true })),
    ...(await roomProblems(db, input.courtroomId, facts.courtId)),
    ...(await clerkProblems(db, input.clerkId, [facts.clerkId], court.familyId)),
    ...partyProblems(input.partyIds, facts),
  ];
  if (problems.length > 0) throw AppError.invalid(...problems);
  const people = peopleFor(facts, clerkId);
  const partyIds = input.partyIds ?? facts.parties.map((p) => p.id);
  const announcedOn = input.isPublic ? chinaDate(now) : null;
  const id = await db.transaction(async (tx) => {
    await lockSchedule(tx, court.familyId);
    await refuseConflicts(tx, actor, { courtroomId: input.courtroomId, startsAt, endsAt, ...people });
    const hearingId = await insertHearing(tx, {
      caseId: facts.id,
      courtId: facts.courtId,
      courtroomId: input.courtroomId,
      startsAt,
      endsAt,
      kind: input.kind,
      judgeId: people.judgeId,
      clerkId,
      isPublic: input.isPublic,
      announcedOn,
      scheduledBy: actor.userId,
    });
    await insertParticipants(tx, [
      ...people.participants.map((p) => ({ ...p, hearingId })),
      ...[...new Set(partyIds)].map((partyId) => ({ hearingId, partyId, role: 'party' })),
    ]);
    await recordAudit(tx, ctx, {
      entityType: 'hearing',
      entityId: hearingId,
      action: 'schedule',
      courtId: facts.courtId,
      after: {
        caseId: facts.id,
        caseNumber: facts.caseNumber,
        ...auditView({
          courtroomId: input.courtroomId,
          startsAt,
          endsAt,
          kind: input.kind,
          isPublic: input.isPublic,
          announcedOn,
          ...people,
        }),
        partyIds,
      },
    });
    // Scheduling is the 排期 node's work: a case waiting at that node moves on to 开庭.
    await completeNodeByEvent(tx, ctx, facts.id, 'scheduling', '已排期开庭');
    return hearingId;
  });
  return getHearing(db, actor, id);
}

async function loadForChange(db: Db, actor: Actor, id: number, version: number, action = 'moved or cancelled'): Promise<HearingRecord> {
  const row = await findHearing(db, actor, id);
  if (!row) throw AppError.notFound();
  if (row.version !== version) throw AppError.versionConflict(row.version);
  if (row.status !== 'scheduled') throw invalidState(`Only a scheduled hearing can be ${action}.`, ['scheduled']);
  return row;
}

/**
 * Reschedules (改期) or moves (换庭) a hearing. A new start time, or a hearing made public, is a
 * new announcement: the three-day rule applies again from today. The people follow the case as
 * it is now (a re-assigned judge, a changed panel).
 */
export async function rescheduleHearing(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: RescheduleHearingRequest,
  now: Date = new Date(),
): Promise<HearingDetail> {
  const before = await loadForChange(db, actor, id, input.version);
  const facts = await caseForScheduling(db, actor, before.caseId, false);
  requireOpen(facts);
  const court = await courtOf(db, facts.courtId);
  const next = {
    courtroomId: input.courtroomId ?? before.courtroomId,
    startsAt: input.startsAt ? new Date(input.startsAt) : before.startsAt,
    endsAt: input.endsAt ? new Date(input.endsAt) : before.endsAt,
    kind: input.kind ?? before.kind,
    isPublic: input.isPublic ?? before.isPublic,
  };
  const timeChanged = next.startsAt.getTime() !== before.startsAt.getTime() || next.endsAt.getTime() !== before.endsAt.getTime();
  const startChanged = next.startsAt.getTime() !== before.startsAt.getTime();
  const reannounce = next.isPublic && (startChanged || !before.isPublic);
  const clerkId = input.clerkId === undefined ? before.clerkId : input.clerkId;
  const problems = [
    ...(next.endsAt.getTime() <= next.startsAt.getTime() ? [problem('body.endsAt', 'hearing_times')] : []),
    ...timeFieldProblems(timeProblems(next, now, { future: timeChanged, announcement: reannounce })),
    ...(next.courtroomId !== before.courtroomId ? await roomProblems(db, next.courtroomId, facts.courtId) : []),
    ...(await clerkProblems(db, input.clerkId, [before.clerkId, facts.clerkId], court.familyId)),
    ...partyProblems(input.partyIds, facts),
  ];
  if (problems.length > 0) throw AppError.invalid(...problems);
  const people = peopleFor(facts, clerkId);
  const announcedOn = !next.isPublic ? null : reannounce ? chinaDate(now) : before.announcedOn;
  await db.transaction(async (tx) => {
    await lockSchedule(tx, court.familyId);
    await refuseConflicts(tx, actor, { id, courtroomId: next.courtroomId, startsAt: next.startsAt, endsAt: next.endsAt, ...people });
    const moved = await updateHearing(tx, id, input.version, {
      ...next,
      judgeId: people.judgeId,
      clerkId,
      announcedOn,
    });
    if (!moved) throw AppError.versionConflict();
    await replaceParticipants(
      tx,
      id,
      'users',
      people.participants.map((p) => ({ ...p, hearingId: id })),
    );
    if (input.partyIds)
      await replaceParticipants(
        tx,
        id,
        'parties',
        [...new Set(input.partyIds)].map((partyId) => ({ hearingId: id, partyId, role: 'party' })),
      );
    await recordAudit(tx, ctx, {
      entityType: 'hearing',
      entityId: id,
      action: 'reschedule',
      courtId: before.courtId,
      before: auditView(before),
      after: { ...auditView({ ...next, ...people, announcedOn }), ...(input.partyIds ? { partyIds: input.partyIds } : {}) },
    });
  });
  return getHearing(db, actor, id);
}

/** Cancels a hearing (取消开庭): its room and people are free again; the reason is kept in the trail. */
export async function cancelHearing(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: { reason: string; version: number },
): Promise<HearingDetail> {
  const before = await loadForChange(db, actor, id, input.version);
  // A hearing of a case closed since may still be cancelled.
  await caseForScheduling(db, actor, before.caseId, false);
  await db.transaction(async (tx) => {
    if (!(await updateHearing(tx, id, input.version, { status: 'cancelled' }))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'hearing',
      entityId: id,
      action: 'cancel',
      courtId: before.courtId,
      before: { status: before.status },
      after: { status: 'cancelled', reason: input.reason },
    });
  });
  return getHearing(db, actor, id);
}

/**
 * Records that a hearing took place (已开庭): only a scheduled hearing whose start has come. A case
 * waiting at the 开庭 node moves on to the next one.
 */
export async function holdHearing(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  input: HoldHearingRequest,
  now: Date = new Date(),
): Promise<HearingDetail> {
  const before = await loadForChange(db, actor, id, input.version, 'recorded as held');
  await caseForScheduling(db, actor, before.caseId, false);
  if (before.startsAt.getTime() > now.getTime()) throw AppError.invalid(problem('params.id', 'hearing_not_started'));
  await db.transaction(async (tx) => {
    if (!(await updateHearing(tx, id, input.version, { status: 'held' }))) throw AppError.versionConflict();
    await recordAudit(tx, ctx, {
      entityType: 'hearing',
      entityId: id,
      action: 'hold',
      courtId: before.courtId,
      before: { status: before.status },
      after: { status: 'held', note: input.note },
    });
    await completeNodeByEvent(tx, ctx, before.caseId, 'hearing', input.note || '已开庭');
  });
  return getHearing(db, actor, id);
}

// ---- summons (传票) ----

export interface SummonsFile {
  content: Buffer;
  contentDisposition: string;
}

/** The summons of one party to one hearing, as DOCX; each generation is recorded in the trail. */
export async function summonsFor(
  db: Db,
  ctx: RequestContext,
  actor: Actor,
  id: number,
  partyId: number,
  now: Date = new Date(),
): Promise<SummonsFile> {
  const hearing = await findHearing(db, actor, id);
  if (!hearing) throw AppError.notFound();
  const participants = await participantsOf(db, id);
  if (!participants.some((p) => p.partyId === partyId)) throw AppError.notFound('The party is not summoned to this hearing.');
  if (hearing.status === 'cancelled') throw invalidState('The hearing is cancelled.', ['scheduled', 'held']);
  const facts = (await caseFacts(db, [hearing.caseId])).get(hearing.caseId);
  const party = facts?.parties.find((p) => p.id === partyId);
  if (!facts || !party) throw AppError.notFound();
  const [court, roomCourt] = await Promise.all([courtOf(db, facts.courtId), courtOf(db, hearing.courtroomCourtId)]);
  const content = renderSummons({
    // Documents are issued in the name of the basic court, also for its tribunals' cases.
    courtName: court.familyName,
    caseNumber: facts.caseNumber,
    causeName: facts.causeName ?? '',
    partyName: party.name,
    partyRole: (PARTY_ROLE_NAMES as Record<string, { zh: string }>)[party.role]?.zh ?? party.role,
    partyAddress: party.address ?? '',
    hearingKind: HEARING_KIND_NAMES[hearing.kind as HearingKind]?.zh ?? hearing.kind,
    hearingTime: formatSummonsTime(hearing.startsAt),
    courtroomName: roomCourt.id === court.id ? hearing.courtroomName : `${roomCourt.name}${hearing.courtroomName}`,
    courtroomLocation: hearing.courtroomLocation,
    courtAddress: roomCourt.address,
    clerkName: hearing.clerkName ?? '',
    sealText: `${court.familyName}（院印）`,
    issuedOn: documentDate(chinaDate(now)),
  });
  await db.transaction(async (tx) => {
    await recordAudit(tx, ctx, {
      entityType: 'hearing',
      entityId: id,
      action: 'summons',
      courtId: hearing.courtId,
      after: { partyId, partyName: party.name, caseNumber: facts.caseNumber },
    });
  });
  return {
    content,
    contentDisposition: contentDisposition(`传票-${facts.caseNumber}-${party.name}.docx`, `summons-${id}-${partyId}.docx`),
  };
}
