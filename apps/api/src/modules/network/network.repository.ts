import {
  AGE_BANDS,
  type AssistantQuery,
  type AssistantStatus,
  type RecruitmentQuery,
  type StationQuery,
  type TrainingQuery,
} from '@courtassist/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/context.js';
import { type Executor, escapeLike, rows } from '../../platform/db.js';
import { courtIdInScope } from '../../platform/scope.js';
import {
  networkAssistantCategories,
  networkAssistantStations,
  networkAssistants,
  networkCategories,
  networkCommendations,
  networkRecruitments,
  networkStations,
  networkStatusChanges,
  networkTrainingAttendance,
  networkTrainingSessions,
} from './network.table.js';

type Scope = Pick<Actor, 'courtPath'>;
export type NewStation = typeof networkStations.$inferInsert;
export type NewAssistant = typeof networkAssistants.$inferInsert;
export type NewRecruitment = typeof networkRecruitments.$inferInsert;
export type NewTrainingSession = typeof networkTrainingSessions.$inferInsert;

/** The court and the courts below it (a basic court with its tribunals). */
function inCourtTree(column: SQL, courtId: number): SQL {
  return sql`${column} IN (SELECT ct.id FROM courts ct WHERE ct.path LIKE (SELECT cp.path FROM courts cp WHERE cp.id = ${courtId}) || '%')`;
}

const ids = (values: readonly number[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Raw queries give moments as Date (node-postgres) or text (PGlite): ISO text for both. */
export const isoOf = (value: Date | string): string => new Date(value).toISOString();

// ---- courts ----

export interface CourtRef {
  id: number;
  name: string;
  level: string;
}

export async function courtInScope(ex: Executor, id: number, scope: Scope): Promise<CourtRef | null> {
  const [row] = await rows<CourtRef>(ex, sql`SELECT id, name, level FROM courts WHERE id = ${id} AND path LIKE ${`${scope.courtPath}%`}`);
  return row ?? null;
}

export async function userOfCourt(ex: Executor, userId: number, courtId: number): Promise<{ id: number; displayName: string } | null> {
  const [row] = await rows<{ id: number; displayName: string }>(
    ex,
    sql`SELECT id, display_name AS "displayName" FROM users WHERE id = ${userId} AND court_id = ${courtId} AND status = 'active'`,
  );
  return row ?? null;
}

// ---- categories ----

export const CATEGORY_DATA = [
  { code: 'village-cadre', nameZh: '村干部', nameEn: 'Village cadre', official: true, sort: 1 },
  { code: 'judicial-office', nameZh: '司法所工作人员', nameEn: 'Judicial office staff', official: true, sort: 2 },
  { code: 'grid-worker', nameZh: '网格员', nameEn: 'Grid worker', official: true, sort: 3 },
  { code: 'trade-association', nameZh: '行业协会', nameEn: 'Trade association', official: false, sort: 4 },
  { code: 'local-talent', nameZh: '经济文化能人', nameEn: 'Economic or cultural talent', official: false, sort: 5 },
  { code: 'volunteer', nameZh: '志愿者', nameEn: 'Volunteer', official: false, sort: 6 },
  { code: 'invited-mediator', nameZh: '特邀调解员', nameEn: 'Invited mediator', official: false, sort: 7 },
  { code: 'people-assessor', nameZh: '人民陪审员', nameEn: "People's assessor", official: false, sort: 8 },
  { code: 'other', nameZh: '其他', nameEn: 'Other', official: false, sort: 9 },
] as const;

/** The built-in categories exist; names and the official flag stay the administrators' to change. */
export async function ensureCategories(ex: Executor): Promise<void> {
  await ex
    .insert(networkCategories)
    .values([...CATEGORY_DATA])
    .onConflictDoNothing();
}

export type CategoryRecord = typeof networkCategories.$inferSelect;

export async function listCategories(ex: Executor): Promise<CategoryRecord[]> {
  return ex.select().from(networkCategories).orderBy(networkCategories.sort, networkCategories.id);
}

// ---- stations ----

export interface StationRecord {
  id: number;
  courtId: number;
  courtName: string;
  parentId: number | null;
  kind: string;
  name: string;
  address: string;
  lng: number | null;
  lat: number | null;
  contactName: string;
  contactPhone: string;
  areaNames: string[];
  active: boolean;
  assistantCount: number;
  childCount: number;
  version: number;
}

const stationColumns = sql`s.id, s.court_id AS "courtId", c.name AS "courtName", s.parent_id AS "parentId", s.kind, s.name, s.address,
  s.lng, s.lat, s.contact_name AS "contactName", s.contact_phone AS "contactPhone", s.area_names AS "areaNames", s.active, s.version,
  (SELECT count(*)::int FROM network_assistant_stations x JOIN network_assistants a ON a.id = x.assistant_id
    WHERE x.station_id = s.id AND a.status <> 'left') AS "assistantCount",
  (SELECT count(*)::int FROM network_stations ch WHERE ch.parent_id = s.id) AS "childCount"`;

export async function findStation(ex: Executor, id: number, scope: Scope): Promise<StationRecord | null> {
  const [row] = await rows<StationRecord>(
    ex,
    sql`SELECT ${stationColumns} FROM network_stations s JOIN courts c ON c.id = s.court_id
        WHERE s.id = ${id} AND ${courtIdInScope(sql`s.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function listStations(ex: Executor, scope: Scope, query: StationQuery): Promise<{ items: StationRecord[]; total: number }> {
  const parts: SQL[] = [courtIdInScope(sql`s.court_id`, scope)];
  if (query.courtId) parts.push(sql`s.court_id = ${query.courtId}`);
  if (query.kind) parts.push(sql`s.kind = ${query.kind}`);
  if (query.active) parts.push(sql`s.active = ${query.active === 'true'}`);
  if (query.q) parts.push(sql`s.name LIKE ${`%${escapeLike(query.q)}%`}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<StationRecord>(
    ex,
    sql`SELECT ${stationColumns} FROM network_stations s JOIN courts c ON c.id = s.court_id WHERE ${where}
        ORDER BY c.code, (c.level = 'tribunal'), s.court_id, s.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_stations s WHERE ${where}`);
  return { items, total };
}

/** Ids of the station and every station below it. */
export async function subtreeOf(ex: Executor, stationId: number): Promise<number[]> {
  const found = await rows<{ id: number }>(
    ex,
    sql`WITH RECURSIVE t AS (SELECT id FROM network_stations WHERE id = ${stationId}
          UNION ALL SELECT s.id FROM network_stations s JOIN t ON s.parent_id = t.id)
        SELECT id FROM t`,
  );
  return found.map((r) => r.id);
}

export async function stationNameTaken(ex: Executor, courtId: number, name: string, exceptId: number | null): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM network_stations WHERE court_id = ${courtId} AND name = ${name} ${exceptId ? sql`AND id <> ${exceptId}` : sql``}`,
  );
  return found.length > 0;
}

export async function insertStation(ex: Executor, values: NewStation): Promise<number> {
  const [row] = await ex.insert(networkStations).values(values).returning({ id: networkStations.id });
  return row.id;
}

export async function updateStation(ex: Executor, id: number, version: number, patch: Partial<NewStation>): Promise<boolean> {
  const changed = await ex
    .update(networkStations)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(networkStations.id, id), eq(networkStations.version, version)))
    .returning({ id: networkStations.id });
  return changed.length === 1;
}

/** Deletes a station with no assistants (any status), no children and no recruitments; false if it is in use or stale. */
export async function deleteStation(ex: Executor, id: number, version: number): Promise<boolean> {
  const deleted = await rows<{ id: number }>(
    ex,
    sql`DELETE FROM network_stations s WHERE s.id = ${id} AND s.version = ${version}
          AND NOT EXISTS (SELECT 1 FROM network_stations ch WHERE ch.parent_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM network_assistant_stations x WHERE x.station_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM network_recruitments r WHERE r.station_id = s.id)
        RETURNING s.id`,
  );
  return deleted.length === 1;
}

export async function stationUse(ex: Executor, id: number): Promise<{ assistants: number; children: number; recruitments: number }> {
  const [row] = await rows<{ assistants: number; children: number; recruitments: number }>(
    ex,
    sql`SELECT (SELECT count(*)::int FROM network_assistant_stations WHERE station_id = ${id}) AS assistants,
               (SELECT count(*)::int FROM network_stations WHERE parent_id = ${id}) AS children,
               (SELECT count(*)::int FROM network_recruitments WHERE station_id = ${id}) AS recruitments`,
  );
  return row;
}

export async function stationsOfCourt(ex: Executor, courtId: number, stationIds: readonly number[]): Promise<number[]> {
  if (stationIds.length === 0) return [];
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM network_stations WHERE court_id = ${courtId} AND id IN (${ids(stationIds)})`,
  );
  return found.map((r) => r.id);
}

// ---- assistants ----

export interface AssistantRecord {
  id: number;
  courtId: number;
  courtName: string;
  name: string;
  gender: 'male' | 'female' | null;
  phone: string;
  idNumber: string | null;
  education: string | null;
  birthDate: string | null;
  employer: string;
  post: string;
  startOn: string;
  status: AssistantStatus;
  userId: number | null;
  username: string | null;
  accountStatus: 'active' | 'disabled' | null;
  version: number;
  categories: { code: string; nameZh: string; nameEn: string; official: boolean }[];
  stations: { id: number; name: string }[];
}

const assistantColumns = sql`a.id, a.court_id AS "courtId", c.name AS "courtName", a.name, a.gender, a.phone, a.id_number AS "idNumber",
  a.education, a.birth_date::text AS "birthDate", a.employer, a.post, a.start_on::text AS "startOn", a.status,
  a.user_id AS "userId", u.username, u.status AS "accountStatus", a.version,
  coalesce((SELECT json_agg(json_build_object('code', k.code, 'nameZh', k.name_zh, 'nameEn', k.name_en, 'official', k.official) ORDER BY k.sort)
    FROM network_assistant_categories ac JOIN network_categories k ON k.id = ac.category_id WHERE ac.assistant_id = a.id), '[]') AS categories,
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.id)
    FROM network_assistant_stations x JOIN network_stations s ON s.id = x.station_id WHERE x.assistant_id = a.id), '[]') AS stations`;

const assistantFrom = sql`network_assistants a JOIN courts c ON c.id = a.court_id LEFT JOIN users u ON u.id = a.user_id`;

/** json_agg comes back as text from some drivers: parse it when it is. */
function parsed(row: AssistantRecord): AssistantRecord {
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return { ...row, categories: json(row.categories), stations: json(row.stations) };
}

export async function findAssistant(ex: Executor, id: number, scope: Scope): Promise<AssistantRecord | null> {
  const [row] = await rows<AssistantRecord>(
    ex,
    sql`SELECT ${assistantColumns} FROM ${assistantFrom} WHERE a.id = ${id} AND ${courtIdInScope(sql`a.court_id`, scope)}`,
  );
  return row ? parsed(row) : null;
}

const SORT_COLUMNS = { name: sql`a.name`, startOn: sql`a.start_on`, id: sql`a.id` } as const;

export async function listAssistants(
  ex: Executor,
  scope: Scope,
  query: AssistantQuery,
  after: [string | null, number] | null,
  withTotal: boolean,
): Promise<{ items: AssistantRecord[]; total: number | null }> {
  const parts: SQL[] = [courtIdInScope(sql`a.court_id`, scope)];
  if (query.courtId) parts.push(inCourtTree(sql`a.court_id`, query.courtId));
  if (query.status) parts.push(sql`a.status = ${query.status}`);
  if (query.stationId)
    parts.push(sql`EXISTS (SELECT 1 FROM network_assistant_stations x WHERE x.assistant_id = a.id AND x.station_id = ${query.stationId})`);
  if (query.category)
    parts.push(
      sql`EXISTS (SELECT 1 FROM network_assistant_categories ac JOIN network_categories k ON k.id = ac.category_id
                  WHERE ac.assistant_id = a.id AND k.code = ${query.category})`,
    );
  if (query.q) parts.push(sql`a.name LIKE ${`%${escapeLike(query.q)}%`}`);
  const where = sql.join(parts, sql` AND `);
  const column = SORT_COLUMNS[query.sort];
  const direction = query.order === 'desc' ? sql`DESC` : sql`ASC`;
  const op = query.order === 'desc' ? sql`<` : sql`>`;
  const keyset = after
    ? query.sort === 'id'
      ? sql`AND a.id ${op} ${after[1]}`
      : sql`AND (${column}, a.id) ${op} (${after[0]}, ${after[1]})`
    : sql``;
  const items = await rows<AssistantRecord>(
    ex,
    sql`SELECT ${assistantColumns} FROM ${assistantFrom} WHERE ${where} ${keyset}
        ORDER BY ${column} ${direction}, a.id ${direction} LIMIT ${query.limit}`,
  );
  const total = withTotal
    ? (await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_assistants a WHERE ${where}`))[0].total
    : null;
  return { items: items.map(parsed), total };
}

export async function idNumberTaken(ex: Executor, courtId: number, idNumber: string, exceptId: number | null): Promise<boolean> {
  const found = await rows<{ id: number }>(
    ex,
    sql`SELECT id FROM network_assistants WHERE court_id = ${courtId} AND id_number = ${idNumber} ${exceptId ? sql`AND id <> ${exceptId}` : sql``}`,
  );
  return found.length > 0;
}

export async function categoryIdsOf(ex: Executor, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const found = await ex
    .select({ id: networkCategories.id, code: networkCategories.code })
    .from(networkCategories)
    .where(inArray(networkCategories.code, [...codes]));
  return new Map(found.map((r) => [r.code, r.id]));
}

export async function insertAssistant(ex: Executor, values: NewAssistant): Promise<number> {
  const [row] = await ex.insert(networkAssistants).values(values).returning({ id: networkAssistants.id });
  return row.id;
}

export async function updateAssistant(ex: Executor, id: number, version: number, patch: Partial<NewAssistant>): Promise<boolean> {
  const changed = await ex
    .update(networkAssistants)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(networkAssistants.id, id), eq(networkAssistants.version, version)))
    .returning({ id: networkAssistants.id });
  return changed.length === 1;
}

export async function setAssistantCategories(ex: Executor, assistantId: number, categoryIds: readonly number[]): Promise<void> {
  await ex.delete(networkAssistantCategories).where(eq(networkAssistantCategories.assistantId, assistantId));
  if (categoryIds.length > 0)
    await ex.insert(networkAssistantCategories).values(categoryIds.map((categoryId) => ({ assistantId, categoryId })));
}

export async function setAssistantStations(ex: Executor, assistantId: number, stationIds: readonly number[]): Promise<void> {
  await ex.delete(networkAssistantStations).where(eq(networkAssistantStations.assistantId, assistantId));
  if (stationIds.length > 0) await ex.insert(networkAssistantStations).values(stationIds.map((stationId) => ({ assistantId, stationId })));
}

export async function insertStatusChange(ex: Executor, values: typeof networkStatusChanges.$inferInsert): Promise<void> {
  await ex.insert(networkStatusChanges).values(values);
}

export interface StatusChangeRecord {
  id: number;
  fromStatus: AssistantStatus | null;
  toStatus: AssistantStatus;
  reason: string;
  changedByName: string;
  changedAt: Date | string;
}

export async function statusHistoryOf(ex: Executor, assistantId: number): Promise<StatusChangeRecord[]> {
  return rows<StatusChangeRecord>(
    ex,
    sql`SELECT id, from_status AS "fromStatus", to_status AS "toStatus", reason, changed_by_name AS "changedByName", changed_at AS "changedAt"
        FROM network_status_changes WHERE assistant_id = ${assistantId} ORDER BY changed_at DESC, id DESC`,
  );
}

/** Assistants of the court or of the courts below it (a basic court's training takes in its tribunals'). */
export async function assistantsOfCourtTree(ex: Executor, courtId: number, assistantIds: readonly number[]) {
  if (assistantIds.length === 0) return [];
  return rows<{ id: number; status: AssistantStatus }>(
    ex,
    sql`SELECT a.id, a.status FROM network_assistants a WHERE ${inCourtTree(sql`a.court_id`, courtId)} AND a.id IN (${ids(assistantIds)})`,
  );
}

// ---- commendations ----

export interface CommendationRecord {
  id: number;
  assistantId: number;
  kind: 'commendation' | 'criticism';
  recordedOn: string;
  reason: string;
  recordedByName: string;
}

export async function commendationsOf(ex: Executor, assistantId: number): Promise<CommendationRecord[]> {
  return rows<CommendationRecord>(
    ex,
    sql`SELECT id, assistant_id AS "assistantId", kind, recorded_on::text AS "recordedOn", reason, recorded_by_name AS "recordedByName"
        FROM network_commendations WHERE assistant_id = ${assistantId} ORDER BY recorded_on DESC, id DESC`,
  );
}

export async function insertCommendation(ex: Executor, values: typeof networkCommendations.$inferInsert): Promise<number> {
  const [row] = await ex.insert(networkCommendations).values(values).returning({ id: networkCommendations.id });
  return row.id;
}

// ---- training ----

export async function trainingOf(ex: Executor, assistantId: number) {
  return rows<{ id: number; topic: string; heldOn: string; hours: number; kind: string; trainer: string }>(
    ex,
    sql`SELECT t.id, t.topic, t.held_on::text AS "heldOn", t.hours::float8 AS hours, t.kind, t.trainer
        FROM network_training_attendance a JOIN network_training_sessions t ON t.id = a.session_id
        WHERE a.assistant_id = ${assistantId} ORDER BY t.held_on DESC, t.id DESC`,
  );
}

export async function trainingHoursByYear(ex: Executor, assistantId: number) {
  return rows<{ year: number; hours: number; sessions: number }>(
    ex,
    sql`SELECT extract(year FROM t.held_on)::int AS year, sum(t.hours)::float8 AS hours, count(*)::int AS sessions
        FROM network_training_attendance a JOIN network_training_sessions t ON t.id = a.session_id
        WHERE a.assistant_id = ${assistantId} GROUP BY 1 ORDER BY 1 DESC`,
  );
}

export interface TrainingSessionRecord {
  id: number;
  courtId: number;
  courtName: string;
  topic: string;
  heldOn: string;
  hours: number;
  trainer: string;
  kind: string;
  attendeeCount: number;
  version: number;
}

const sessionColumns = sql`t.id, t.court_id AS "courtId", c.name AS "courtName", t.topic, t.held_on::text AS "heldOn",
  t.hours::float8 AS hours, t.trainer, t.kind, t.version,
  (SELECT count(*)::int FROM network_training_attendance a WHERE a.session_id = t.id) AS "attendeeCount"`;

export async function findSession(ex: Executor, id: number, scope: Scope): Promise<TrainingSessionRecord | null> {
  const [row] = await rows<TrainingSessionRecord>(
    ex,
    sql`SELECT ${sessionColumns} FROM network_training_sessions t JOIN courts c ON c.id = t.court_id
        WHERE t.id = ${id} AND ${courtIdInScope(sql`t.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function listSessions(ex: Executor, scope: Scope, query: TrainingQuery) {
  const parts: SQL[] = [courtIdInScope(sql`t.court_id`, scope)];
  if (query.courtId) parts.push(inCourtTree(sql`t.court_id`, query.courtId));
  if (query.kind) parts.push(sql`t.kind = ${query.kind}`);
  if (query.year) parts.push(sql`t.held_on >= ${`${query.year}-01-01`} AND t.held_on <= ${`${query.year}-12-31`}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<TrainingSessionRecord>(
    ex,
    sql`SELECT ${sessionColumns} FROM network_training_sessions t JOIN courts c ON c.id = t.court_id WHERE ${where}
        ORDER BY t.held_on DESC, t.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_training_sessions t WHERE ${where}`);
  return { items, total };
}

export async function attendeesOf(ex: Executor, sessionId: number) {
  return rows<{ id: number; name: string }>(
    ex,
    sql`SELECT a.id, a.name FROM network_training_attendance x JOIN network_assistants a ON a.id = x.assistant_id
        WHERE x.session_id = ${sessionId} ORDER BY a.name, a.id`,
  );
}

export async function insertSession(ex: Executor, values: NewTrainingSession): Promise<number> {
  const [row] = await ex.insert(networkTrainingSessions).values(values).returning({ id: networkTrainingSessions.id });
  return row.id;
}

export async function updateSession(ex: Executor, id: number, version: number, patch: Partial<NewTrainingSession>): Promise<boolean> {
  const changed = await ex
    .update(networkTrainingSessions)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(networkTrainingSessions.id, id), eq(networkTrainingSessions.version, version)))
    .returning({ id: networkTrainingSessions.id });
  return changed.length === 1;
}

export async function setAttendance(ex: Executor, sessionId: number, assistantIds: readonly number[]): Promise<void> {
  await ex.delete(networkTrainingAttendance).where(eq(networkTrainingAttendance.sessionId, sessionId));
  if (assistantIds.length > 0)
    await ex.insert(networkTrainingAttendance).values(assistantIds.map((assistantId) => ({ sessionId, assistantId })));
}

// ---- recruitment ----

export interface RecruitmentRecord {
  id: number;
  courtId: number;
  courtName: string;
  stationId: number | null;
  stationName: string | null;
  announcedOn: string;
  announcement: string;
  candidateName: string;
  candidatePhone: string;
  status: string;
  judgeId: number | null;
  judgeName: string | null;
  interviewedOn: string | null;
  interviewResult: 'passed' | 'failed' | null;
  interviewNote: string;
  contractParty: string | null;
  payBand: string | null;
  insurance: string | null;
  annualTrainingHours: number | null;
  contractedOn: string | null;
  assistantId: number | null;
  assistantName: string | null;
  replacementRequestedOn: string | null;
  replacementReason: string | null;
  version: number;
}

const recruitmentColumns = sql`r.id, r.court_id AS "courtId", c.name AS "courtName", r.station_id AS "stationId", s.name AS "stationName",
  r.announced_on::text AS "announcedOn", r.announcement, r.candidate_name AS "candidateName", r.candidate_phone AS "candidatePhone",
  r.status, r.judge_id AS "judgeId", j.display_name AS "judgeName", r.interviewed_on::text AS "interviewedOn",
  r.interview_result AS "interviewResult", r.interview_note AS "interviewNote", r.contract_party AS "contractParty",
  r.pay_band AS "payBand", r.insurance, r.annual_training_hours::float8 AS "annualTrainingHours", r.contracted_on::text AS "contractedOn",
  r.assistant_id AS "assistantId", a.name AS "assistantName", r.replacement_requested_on::text AS "replacementRequestedOn",
  r.replacement_reason AS "replacementReason", r.version`;

const recruitmentFrom = sql`network_recruitments r JOIN courts c ON c.id = r.court_id LEFT JOIN network_stations s ON s.id = r.station_id
  LEFT JOIN users j ON j.id = r.judge_id LEFT JOIN network_assistants a ON a.id = r.assistant_id`;

export async function findRecruitment(ex: Executor, id: number, scope: Scope): Promise<RecruitmentRecord | null> {
  const [row] = await rows<RecruitmentRecord>(
    ex,
    sql`SELECT ${recruitmentColumns} FROM ${recruitmentFrom} WHERE r.id = ${id} AND ${courtIdInScope(sql`r.court_id`, scope)}`,
  );
  return row ?? null;
}

export async function listRecruitments(ex: Executor, scope: Scope, query: RecruitmentQuery) {
  const parts: SQL[] = [courtIdInScope(sql`r.court_id`, scope)];
  if (query.courtId) parts.push(inCourtTree(sql`r.court_id`, query.courtId));
  if (query.status) parts.push(sql`r.status = ${query.status}`);
  const where = sql.join(parts, sql` AND `);
  const items = await rows<RecruitmentRecord>(
    ex,
    sql`SELECT ${recruitmentColumns} FROM ${recruitmentFrom} WHERE ${where}
        ORDER BY r.announced_on DESC, r.id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  const [{ total }] = await rows<{ total: number }>(ex, sql`SELECT count(*)::int AS total FROM network_recruitments r WHERE ${where}`);
  return { items, total };
}

export async function insertRecruitment(ex: Executor, values: NewRecruitment): Promise<number> {
  const [row] = await ex.insert(networkRecruitments).values(values).returning({ id: networkRecruitments.id });
  return row.id;
}

export async function updateRecruitment(ex: Executor, id: number, version: number, patch: Partial<NewRecruitment>): Promise<boolean> {
  const changed = await ex
    .update(networkRecruitments)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(networkRecruitments.id, id), eq(networkRecruitments.version, version)))
    .returning({ id: networkRecruitments.id });
  return changed.length === 1;
}

// ---- composition ----

/** The SQL of an age band, built from the shared AGE_BANDS table. */
function ageBandSql(today: string): SQL {
  const age = sql`extract(year FROM age(${today}::date, a.birth_date))`;
  const cases = AGE_BANDS.map((b) =>
    b.to === null ? sql`WHEN ${age} >= ${b.from} THEN ${b.code}` : sql`WHEN ${age} >= ${b.from} AND ${age} < ${b.to} THEN ${b.code}`,
  );
  return sql`CASE WHEN a.birth_date IS NULL THEN 'unknown' ${sql.join(cases, sql` `)} ELSE 'unknown' END`;
}

export interface CompositionFilter {
  courtId?: number;
  stationId?: number;
}

function compositionWhere(scope: Scope, filter: CompositionFilter): SQL {
  const parts: SQL[] = [courtIdInScope(sql`a.court_id`, scope)];
  if (filter.courtId) parts.push(inCourtTree(sql`a.court_id`, filter.courtId));
  if (filter.stationId)
    parts.push(sql`EXISTS (SELECT 1 FROM network_assistant_stations x WHERE x.assistant_id = a.id AND x.station_id = ${filter.stationId})`);
  return sql.join(parts, sql` AND `);
}

/** An assistant counts as official when any of their categories is an official one. */
const isOfficial = sql`EXISTS (SELECT 1 FROM network_assistant_categories ac JOIN network_categories k ON k.id = ac.category_id
  WHERE ac.assistant_id = a.id AND k.official)`;

export async function composition(ex: Executor, scope: Scope, filter: CompositionFilter, today: string) {
  const where = compositionWhere(scope, filter);
  const active = sql`${where} AND a.status = 'active'`;
  const [totals, byCategory, ageBands, education, statuses, courts, stations] = await Promise.all([
    rows<{ total: number; official: number }>(
      ex,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${isOfficial})::int AS official FROM network_assistants a WHERE ${active}`,
    ),
    rows<{ code: string; nameZh: string; nameEn: string; official: boolean; count: number }>(
      ex,
      sql`SELECT k.code, k.name_zh AS "nameZh", k.name_en AS "nameEn", k.official,
                 (SELECT count(*)::int FROM network_assistant_categories ac JOIN network_assistants a ON a.id = ac.assistant_id
                  WHERE ac.category_id = k.id AND ${active}) AS count
          FROM network_categories k ORDER BY k.sort, k.id`,
    ),
    rows<{ key: string; count: number }>(
      ex,
      sql`SELECT ${ageBandSql(today)} AS key, count(*)::int AS count FROM network_assistants a WHERE ${active} GROUP BY 1`,
    ),
    rows<{ key: string; count: number }>(
      ex,
      sql`SELECT coalesce(a.education, 'unknown') AS key, count(*)::int AS count FROM network_assistants a WHERE ${active} GROUP BY 1`,
    ),
    rows<{ key: AssistantStatus; count: number }>(
      ex,
      sql`SELECT a.status AS key, count(*)::int AS count FROM network_assistants a WHERE ${where} GROUP BY 1`,
    ),
    rows<{ id: number; name: string; total: number; official: number }>(
      ex,
      sql`SELECT c.id, c.name, count(*)::int AS total, count(*) FILTER (WHERE ${isOfficial})::int AS official
          FROM network_assistants a JOIN courts c ON c.id = a.court_id WHERE ${active}
          GROUP BY c.id, c.name, c.code, c.level ORDER BY c.code, (c.level = 'tribunal'), c.id`,
    ),
    rows<{ id: number; name: string; total: number; official: number }>(
      ex,
      sql`SELECT s.id, s.name, count(*)::int AS total, count(*) FILTER (WHERE ${isOfficial})::int AS official
          FROM network_assistants a JOIN network_assistant_stations x ON x.assistant_id = a.id JOIN network_stations s ON s.id = x.station_id
          WHERE ${active} ${filter.stationId ? sql`AND s.id = ${filter.stationId}` : sql``}
          GROUP BY s.id, s.name ORDER BY s.id`,
    ),
  ]);
  return { totals: totals[0], byCategory, ageBands, education, statuses, courts, stations };
}
