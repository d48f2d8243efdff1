import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import { courtrooms, hearingParticipants, hearings } from './hearings.table.js';

type Scope = Pick<Actor, 'courtPath'>;
export type HearingRow = typeof hearings.$inferSelect;
export type NewHearing = typeof hearings.$inferInsert;
export type NewParticipant = typeof hearingParticipants.$inferInsert;

/** Raw queries give moments as Date (node-postgres) or text (PGlite): one Date for both. */
const moment = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

function idList(ids: readonly number[]): SQL {
  return sql`(${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )})`;
}

// ---- courts and people ----

export interface CourtFacts {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
  address: string;
  /** The court whose schedule lock covers this one: a tribunal schedules with its basic court. */
  familyId: number;
  familyName: string;
}

const courtFactsColumns = sql`c.id, c.name, c.level, c.parent_id AS "parentId", c.address,
  CASE WHEN c.level = 'tribunal' THEN c.parent_id ELSE c.id END AS "familyId",
  CASE WHEN c.level = 'tribunal' THEN p.name ELSE c.name END AS "familyName"`;

export async function courtFacts(ex: Executor, courtId: number, scope?: Scope): Promise<CourtFacts | null> {
  const [row] = await rows<CourtFacts>(
    ex,
    sql`SELECT ${courtFactsColumns} FROM courts c LEFT JOIN courts p ON p.id = c.parent_id
        WHERE c.id = ${courtId} ${scope ? sql`AND c.path LIKE ${`${scope.courtPath}%`}` : sql``}`,
  );
  return row ?? null;
}

/** The schedule family (see CourtFacts.familyId) of an active user's court; null for an unknown or inactive user. */
export async function familyOfUser(ex: Executor, userId: number): Promise<number | null> {
  const [row] = await rows<{ familyId: number }>(
    ex,
    sql`SELECT CASE WHEN c.level = 'tribunal' THEN c.parent_id ELSE c.id END AS "familyId"
        FROM users u JOIN courts c ON c.id = u.court_id WHERE u.id = ${userId} AND u.status = 'active'`,
  );
  return row?.familyId ?? null;
}

export async function userNames(ex: Executor, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const found = await rows<{ id: number; name: string }>(ex, sql`SELECT id, display_name AS name FROM users WHERE id IN ${idList(wanted)}`);
  return new Map(found.map((r) => [r.id, r.name]));
}

/**
 * Serialises scheduling within a court family until the transaction ends: the conflict check
 * and the insert that follows it cannot interleave with another scheduling of the same court.
 */
export async function lockSchedule(tx: Executor, familyId: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SCHEDULE_LOCK_SPACE}, ${familyId})`);
}
/** First key of the two-key advisory locks taken per court family. */
const SCHEDULE_LOCK_SPACE = 7_240_100;

// ---- courtrooms ----

export interface CourtroomRecord {
  id: number;
  courtId: number;
  courtName: string;
  courtLevel: string;
  courtParentId: number | null;
  courtAddress: string;
  name: string;
  kind: string;
  location: string;
  capacity: number | null;
  active: boolean;
  version: number;
}

const courtroomColumns = sql`r.id, r.court_id AS "courtId", c.name AS "courtName", c.level AS "courtLevel",
  c.parent_id AS "courtParentId", c.address AS "courtAddress", r.name, r.kind, r.location, r.capacity, r.active, r.version`;

export interface CourtroomFilter {
  courtId?: number;
  withTribunals?: boolean;
  kind?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

export async function listCourtrooms(
  ex: Executor,
  scope: Scope,
  filter: CourtroomFilter,
): Promise<{ items: CourtroomRecord[]; total: number }> {
  const parts: SQL[] = [courtIdInScope(sql`r.court_id`, scope)];
  if (filter.courtId !== undefined)
    parts.push(
      filter.withTribunals
        ? sql`(r.court_id = ${filter.courtId} OR (c.parent_id = ${filter.courtId} AND c.level = 'tribunal'))`
        : sql`r.court_id = ${filter.courtId}`,
    );
  if (filter.kind) parts.push(sql`r.kind = ${filter.kind}`);
  if (filter.active !== undefined) parts.push(sql`r.active = ${filter.active}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<CourtroomRecord>(
    ex,
    sql`SELECT ${courtroomColumns} FROM courtrooms r JOIN courts c ON c.id = r.court_id WHERE ${where}
        ORDER BY c.path, r.id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    ex,
    sql`SELECT count(*)::int AS total FROM courtrooms r JOIN courts c ON c.id = r.court_id WHERE ${where}`,
  );
  return { items, total };
}

/** A room, within the scope when one is given. */
export async function findCourtroom(ex: Executor, id: number, scope?: Scope): Promise<CourtroomRecord | null> {
  const [row] = await rows<CourtroomRecord>(
    ex,
    sql`SELECT ${courtroomColumns} FROM courtrooms r JOIN courts c ON c.id = r.court_id
        WHERE r.id = ${id} ${scope ? sql`AND ${courtIdInScope(sql`r.court_id`, scope)}` : sql``}`,
  );
  return row ?? null;
}

export async function roomNameTaken(ex: Executor, courtId: number, name: string, exceptId?: number): Promise<boolean> {
  const found = await ex
    .select({ id: courtrooms.id })
    .from(courtrooms)
    .where(and(eq(courtrooms.courtId, courtId), eq(courtrooms.name, name), exceptId ? sql`${courtrooms.id} <> ${exceptId}` : undefined));
  return found.length > 0;
}

export async function insertCourtroom(ex: Executor, values: typeof courtrooms.$inferInsert): Promise<number> {
  const [row] = await ex.insert(courtrooms).values(values).returning({ id: courtrooms.id });
  return row.id;
}

export async function insertCourtrooms(ex: Executor, values: (typeof courtrooms.$inferInsert)[]): Promise<number> {
  if (values.length === 0) return 0;
  const inserted = await ex.insert(courtrooms).values(values).returning({ id: courtrooms.id });
  return inserted.length;
}

/** Compare-and-set on `version`; false when the room moved on since it was read. */
export async function updateCourtroom(
  ex: Executor,
  id: number,
  version: number,
  patch: Partial<Pick<typeof courtrooms.$inferInsert, 'name' | 'kind' | 'location' | 'capacity' | 'active'>>,
): Promise<boolean> {
  const updated = await ex
    .update(courtrooms)
    .set({ ...patch, version: sql`${courtrooms.version} + 1` })
    .where(and(eq(courtrooms.id, id), eq(courtrooms.version, version)))
    .returning({ id: courtrooms.id });
  return updated.length === 1;
}

export async function countUpcomingInRoom(ex: Executor, roomId: number, now: Date): Promise<number> {
  const [{ n }] = await rows<{ n: number }>(
    ex,
    sql`SELECT count(*)::int AS n FROM hearings WHERE courtroom_id = ${roomId} AND status = 'scheduled' AND ends_at > ${now.toISOString()}::timestamptz`,
  );
  return n;
}

/** Court ids (basic, intermediate, higher, tribunal) with how many rooms each already has. */
export function courtsForRooms(ex: Executor) {
  return rows<{ id: number; level: string; name: string; address: string; rooms: number }>(
    ex,
    sql`SELECT c.id, c.level, c.name, c.address, (SELECT count(*)::int FROM courtrooms r WHERE r.court_id = c.id) AS rooms
        FROM courts c ORDER BY c.path`,
  );
}

// ---- hearings ----

export interface BookedRow {
  id: number;
  caseId: number;
  courtroomId: number;
  courtroomName: string;
  startsAt: Date;
  endsAt: Date;
  status: string;
  judgeId: number | null;
  clerkId: number | null;
  panelIds: number[];
}

/**
 * Hearings not cancelled that overlap [start, end) and use the room or any of the people. Run
 * under the schedule lock, it sees every hearing committed before the lock was granted.
 */
export async function overlappingBookings(
  ex: Executor,
  input: { startsAt: Date; endsAt: Date; courtroomId: number; people: readonly number[]; exceptId?: number },
): Promise<BookedRow[]> {
  const people = input.people.length > 0 ? input.people : [0];
  const found = await rows<Omit<BookedRow, 'startsAt' | 'endsAt'> & { startsAt: Date | string; endsAt: Date | string }>(
    ex,
    sql`SELECT h.id, h.case_id AS "caseId", h.courtroom_id AS "courtroomId", r.name AS "courtroomName",
               h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.status, h.judge_id AS "judgeId", h.clerk_id AS "clerkId",
               coalesce((SELECT array_agg(p.user_id ORDER BY p.user_id) FROM hearing_participants p
                         WHERE p.hearing_id = h.id AND p.role IN ('presiding', 'panel-member')), '{}') AS "panelIds"
        FROM hearings h JOIN courtrooms r ON r.id = h.courtroom_id
        WHERE h.status <> 'cancelled'
          AND h.starts_at < ${input.endsAt.toISOString()}::timestamptz AND h.ends_at > ${input.startsAt.toISOString()}::timestamptz
          ${input.exceptId ? sql`AND h.id <> ${input.exceptId}` : sql``}
          AND (h.courtroom_id = ${input.courtroomId}
               OR EXISTS (SELECT 1 FROM hearing_participants p WHERE p.hearing_id = h.id AND p.user_id IN ${idList(people)}))
        ORDER BY h.starts_at, h.id`,
  );
  return found.map((r) => ({ ...r, startsAt: moment(r.startsAt), endsAt: moment(r.endsAt), panelIds: (r.panelIds ?? []).map(Number) }));
}

export async function insertHearing(ex: Executor, values: NewHearing): Promise<number> {
  const [row] = await ex.insert(hearings).values(values).returning({ id: hearings.id });
  return row.id;
}

export async function insertParticipants(ex: Executor, values: NewParticipant[]): Promise<void> {
  if (values.length > 0) await ex.insert(hearingParticipants).values(values);
}

/** Replaces the people (users) of a hearing, or its summoned parties. */
export async function replaceParticipants(
  ex: Executor,
  hearingId: number,
  kind: 'users' | 'parties',
  values: NewParticipant[],
): Promise<void> {
  await ex
    .delete(hearingParticipants)
    .where(
      and(
        eq(hearingParticipants.hearingId, hearingId),
        kind === 'users' ? sql`${hearingParticipants.userId} IS NOT NULL` : sql`${hearingParticipants.partyId} IS NOT NULL`,
      ),
    );
  await insertParticipants(ex, values);
}

/** Compare-and-set on `version`; false when the hearing moved on since it was read. */
export async function updateHearing(ex: Executor, id: number, version: number, patch: Partial<NewHearing>): Promise<boolean> {
  const updated = await ex
    .update(hearings)
    .set({ ...patch, version: sql`${hearings.version} + 1` })
    .where(and(eq(hearings.id, id), eq(hearings.version, version)))
    .returning({ id: hearings.id });
  return updated.length === 1;
}

export interface HearingRecord {
  id: number;
  caseId: number;
  courtId: number;
  courtroomId: number;
  courtroomName: string;
  courtroomKind: string;
  courtroomCourtId: number;
  courtroomLocation: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  status: string;
  isPublic: boolean;
  announcedOn: string | null;
  judgeId: number | null;
  judgeName: string | null;
  clerkId: number | null;
  clerkName: string | null;
  version: number;
}

const hearingColumns = sql`h.id, h.case_id AS "caseId", h.court_id AS "courtId", h.courtroom_id AS "courtroomId",
  r.name AS "courtroomName", r.kind AS "courtroomKind", r.court_id AS "courtroomCourtId", r.location AS "courtroomLocation",
  h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.kind, h.status, h.is_public AS "isPublic",
  to_char(h.announced_on, 'YYYY-MM-DD') AS "announcedOn", h.judge_id AS "judgeId", j.display_name AS "judgeName",
  h.clerk_id AS "clerkId", k.display_name AS "clerkName", h.version`;

const hearingFrom = sql`hearings h JOIN courtrooms r ON r.id = h.courtroom_id
  LEFT JOIN users j ON j.id = h.judge_id LEFT JOIN users k ON k.id = h.clerk_id`;

type RawHearing = Omit<HearingRecord, 'startsAt' | 'endsAt'> & { startsAt: Date | string; endsAt: Date | string };
const toRecord = (r: RawHearing): HearingRecord => ({ ...r, startsAt: moment(r.startsAt), endsAt: moment(r.endsAt) });

export async function findHearing(ex: Executor, scope: Scope, id: number): Promise<HearingRecord | null> {
  const [row] = await rows<RawHearing>(
    ex,
    sql`SELECT ${hearingColumns} FROM ${hearingFrom} WHERE h.id = ${id} AND ${courtIdInScope(sql`h.court_id`, scope)}`,
  );
  return row ? toRecord(row) : null;
}

export function participantsOf(ex: Executor, hearingId: number) {
  return rows<{ role: string; userId: number | null; partyId: number | null; userName: string | null }>(
    ex,
    sql`SELECT p.role, p.user_id AS "userId", p.party_id AS "partyId", u.display_name AS "userName"
        FROM hearing_participants p LEFT JOIN users u ON u.id = p.user_id
        WHERE p.hearing_id = ${hearingId} ORDER BY p.id`,
  );
}

export interface HearingFilter {
  courtId?: number;
  courtroomId?: number;
  judgeId?: number;
  caseId?: number;
  window: { startsAt: Date; endsAt: Date };
  includeCancelled: boolean;
  limit: number;
}

export async function listHearings(ex: Executor, scope: Scope, filter: HearingFilter): Promise<{ items: HearingRecord[]; total: number }> {
  const parts: SQL[] = [
    courtIdInScope(sql`h.court_id`, scope),
    sql`h.starts_at < ${filter.window.endsAt.toISOString()}::timestamptz`,
    sql`h.ends_at > ${filter.window.startsAt.toISOString()}::timestamptz`,
  ];
  if (filter.courtId) parts.push(sql`(h.court_id = ${filter.courtId} OR r.court_id = ${filter.courtId})`);
  if (filter.courtroomId) parts.push(sql`h.courtroom_id = ${filter.courtroomId}`);
  if (filter.caseId) parts.push(sql`h.case_id = ${filter.caseId}`);
  if (filter.judgeId)
    parts.push(sql`EXISTS (SELECT 1 FROM hearing_participants p WHERE p.hearing_id = h.id AND p.user_id = ${filter.judgeId})`);
  if (!filter.includeCancelled) parts.push(sql`h.status <> 'cancelled'`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<RawHearing>(
    ex,
    sql`SELECT ${hearingColumns} FROM ${hearingFrom} WHERE ${where} ORDER BY h.starts_at, h.id LIMIT ${filter.limit}`,
  );
  const [{ total }] = await rows<{ total: number }>(
    ex,
    sql`SELECT count(*)::int AS total FROM hearings h JOIN courtrooms r ON r.id = h.courtroom_id WHERE ${where}`,
  );
  return { items: items.map(toRecord), total };
}

export interface AnnouncementRecord {
  hearingId: number;
  caseId: number;
  courtId: number;
  courtName: string;
  startsAt: Date;
  endsAt: Date;
  kind: string;
  courtroomName: string;
  location: string;
  announcedOn: string | null;
}

/** Public hearings not cancelled in a window, of a court and the courts under it. */
export async function listAnnouncements(
  ex: Executor,
  filter: { courtId?: number; window: { startsAt: Date; endsAt: Date }; page: number; pageSize: number },
): Promise<{ items: AnnouncementRecord[]; total: number }> {
  const parts: SQL[] = [
    sql`h.is_public`,
    sql`h.status <> 'cancelled'`,
    sql`h.starts_at >= ${filter.window.startsAt.toISOString()}::timestamptz`,
    sql`h.starts_at < ${filter.window.endsAt.toISOString()}::timestamptz`,
  ];
  if (filter.courtId)
    parts.push(sql`h.court_id IN (SELECT d.id FROM courts a JOIN courts d ON d.path LIKE a.path || '%' WHERE a.id = ${filter.courtId})`);
  const where = sql.join(parts, sql` AND `);
  const found = await rows<Omit<AnnouncementRecord, 'startsAt' | 'endsAt'> & { startsAt: Date | string; endsAt: Date | string }>(
    ex,
    sql`SELECT h.id AS "hearingId", h.case_id AS "caseId", h.court_id AS "courtId", c.name AS "courtName",
               h.starts_at AS "startsAt", h.ends_at AS "endsAt", h.kind, r.name AS "courtroomName",
               trim(both ' ' from concat_ws(' ', rc.address, r.location)) AS location,
               to_char(h.announced_on, 'YYYY-MM-DD') AS "announcedOn"
        FROM hearings h JOIN courts c ON c.id = h.court_id JOIN courtrooms r ON r.id = h.courtroom_id JOIN courts rc ON rc.id = r.court_id
        WHERE ${where}
        ORDER BY h.starts_at, h.id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM hearings h WHERE ${where}`);
  return { items: found.map((r) => ({ ...r, startsAt: moment(r.startsAt), endsAt: moment(r.endsAt) })), total };
}
