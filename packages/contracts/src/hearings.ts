import { z } from 'zod';
import { dbId, dbIdParam, isoDateTime, pageOf, pageQuery, versionField } from './common.js';
import { calendarDate } from './deadlines.js';

/**
 * Courtrooms, hearing schedules (排期), hearing announcements (开庭公告) and summonses (传票).
 * Shared by the API and the web app.
 */

// ---- vocabulary ----

export const COURTROOM_KINDS = ['courtroom', 'tribunal-room', 'vehicle', 'online'] as const;
export type CourtroomKind = (typeof COURTROOM_KINDS)[number];
export const COURTROOM_KIND_NAMES: Readonly<Record<CourtroomKind, { zh: string; en: string }>> = {
  courtroom: { zh: '法庭', en: 'Courtroom' },
  'tribunal-room': { zh: '人民法庭审判庭', en: "Tribunal's courtroom" },
  vehicle: { zh: '车载法庭', en: 'Vehicle-mounted court' },
  online: { zh: '科技法庭（在线庭审）', en: 'Online courtroom' },
};

export const HEARING_KINDS = ['first', 'continued', 'judgment-pronouncement', 'mediation', 'pre-trial'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];
export const HEARING_KIND_NAMES: Readonly<Record<HearingKind, { zh: string; en: string }>> = {
  first: { zh: '开庭审理', en: 'Hearing' },
  continued: { zh: '继续开庭', en: 'Continued hearing' },
  'judgment-pronouncement': { zh: '宣判', en: 'Pronouncement of judgment' },
  mediation: { zh: '调解', en: 'Mediation' },
  'pre-trial': { zh: '庭前会议', en: 'Pre-trial meeting' },
};

export const HEARING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];
export const HEARING_STATUS_NAMES: Readonly<Record<HearingStatus, { zh: string; en: string }>> = {
  scheduled: { zh: '已排期', en: 'Scheduled' },
  held: { zh: '已开庭', en: 'Held' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Who sits or records at a hearing (users), and who is summoned (parties). */
export const HEARING_PARTICIPANT_ROLES = ['judge', 'presiding', 'panel-member', 'clerk', 'party'] as const;
export type HearingParticipantRole = (typeof HEARING_PARTICIPANT_ROLES)[number];
export const HEARING_PARTICIPANT_ROLE_NAMES: Readonly<Record<HearingParticipantRole, { zh: string; en: string }>> = {
  judge: { zh: '承办法官', en: 'Judge' },
  presiding: { zh: '审判长', en: 'Presiding judge' },
  'panel-member': { zh: '合议庭成员', en: 'Panel member' },
  clerk: { zh: '书记员', en: 'Clerk' },
  party: { zh: '当事人', en: 'Party' },
};

/** What a new or moved hearing clashes on: its room, or one of the people who must be there. */
export const HEARING_CONFLICT_KINDS = ['room', 'judge', 'panel-member', 'clerk'] as const;
export type HearingConflictKind = (typeof HEARING_CONFLICT_KINDS)[number];
export const HEARING_CONFLICT_KIND_NAMES: Readonly<Record<HearingConflictKind, { zh: string; en: string }>> = {
  room: { zh: '法庭已被占用', en: 'The room is booked' },
  judge: { zh: '承办法官已有庭审', en: 'The judge is already sitting' },
  'panel-member': { zh: '合议庭成员已有庭审', en: 'A panel member is already sitting' },
  clerk: { zh: '书记员已有庭审', en: 'The clerk is already booked' },
};

/** One clash, as `meta.conflicts[]` of a 409 HEARING_CONFLICT. */
export const hearingConflict = z.object({
  kind: z.enum(HEARING_CONFLICT_KINDS),
  hearingId: z.number().int(),
  caseNumber: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The person who is booked (judge, panel member, clerk); absent for a room clash. */
  userId: z.number().int().optional(),
  userName: z.string().optional(),
  courtroomId: z.number().int(),
  courtroomName: z.string(),
});
export type HearingConflict = z.infer<typeof hearingConflict>;

/**
 * A public hearing is announced (开庭公告) no later than three days before it: three full days
 * must lie between the day of the announcement and the day of the hearing.
 */
export const ANNOUNCEMENT_FULL_DAYS = 3;
/** The longest a single hearing may be booked for. */
export const MAX_HEARING_HOURS = 12;
/** The widest window a calendar or announcement query may ask for. */
export const MAX_CALENDAR_DAYS = 42;
export const MAX_ANNOUNCEMENT_DAYS = 366;

const text = (max: number) => z.string().trim().max(max);

// ---- courtrooms ----

export const courtroom = z.object({
  id: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  name: z.string(),
  kind: z.enum(COURTROOM_KINDS),
  location: z.string(),
  capacity: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Courtroom = z.infer<typeof courtroom>;

export const courtroomQuery = z.strictObject({
  courtId: dbIdParam.optional(),
  /** With `courtId`: also the rooms of the people's tribunals under that court. */
  withTribunals: z.enum(['true', 'false']).optional(),
  kind: z.enum(COURTROOM_KINDS).optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CourtroomQuery = z.infer<typeof courtroomQuery>;
export const courtroomPage = pageOf(courtroom);

export const createCourtroomRequest = z.strictObject({
  courtId: dbId,
  name: text(40).min(1),
  kind: z.enum(COURTROOM_KINDS),
  location: text(200).default(''),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
});
export type CreateCourtroomRequest = z.infer<typeof createCourtroomRequest>;

export const updateCourtroomRequest = z.strictObject({
  name: text(40).min(1).optional(),
  kind: z.enum(COURTROOM_KINDS).optional(),
  location: text(200).optional(),
  capacity: z.number().int().min(1).max(10_000).nullable().optional(),
  active: z.boolean().optional(),
  version: versionField,
});
export type UpdateCourtroomRequest = z.infer<typeof updateCourtroomRequest>;

// ---- hearings ----

export const hearingParticipant = z.object({
  role: z.enum(HEARING_PARTICIPANT_ROLES),
  userId: z.number().int().nullable(),
  partyId: z.number().int().nullable(),
  name: z.string(),
  /** For a party: the litigation role (plaintiff, defendant …). */
  partyRole: z.string().nullable(),
});

export const hearingView = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  caseNumber: z.string(),
  /** e.g. 张三、某某公司 — the parties' names. */
  caseTitle: z.string(),
  courtId: z.number().int(),
  courtroomId: z.number().int(),
  courtroomName: z.string(),
  courtroomKind: z.enum(COURTROOM_KINDS),
  courtroomCourtId: z.number().int(),
  startsAt: z.string(),
  endsAt: z.string(),
  kind: z.enum(HEARING_KINDS),
  status: z.enum(HEARING_STATUSES),
  isPublic: z.boolean(),
  announcedOn: z.string().nullable(),
  judgeId: z.number().int().nullable(),
  judgeName: z.string().nullable(),
  clerkId: z.number().int().nullable(),
  clerkName: z.string().nullable(),
  version: z.number().int(),
});
export type HearingView = z.infer<typeof hearingView>;

export const hearingDetail = hearingView.extend({ participants: z.array(hearingParticipant) });
export type HearingDetail = z.infer<typeof hearingDetail>;

const scheduleFields = {
  courtroomId: dbId,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  kind: z.enum(HEARING_KINDS),
  /** Public hearings are announced; a hearing in camera (不公开审理) is not. */
  isPublic: z.boolean(),
  /** The clerk who records the hearing; the case's clerk when not given. */
  clerkId: dbId.nullable(),
  /** The parties summoned; every party of the case when not given. */
  partyIds: z.array(dbId).max(100),
};

function endsAfterStart(value: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && new Date(value.endsAt).getTime() <= new Date(value.startsAt).getTime()) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'ends before it starts', params: { code: 'hearing_times' } });
  }
}

export const scheduleHearingRequest = z
  .strictObject({
    caseId: dbId,
    ...scheduleFields,
    isPublic: scheduleFields.isPublic.default(true),
    clerkId: scheduleFields.clerkId.optional(),
    partyIds: scheduleFields.partyIds.optional(),
  })
  .superRefine(endsAfterStart);
export type ScheduleHearingRequest = z.infer<typeof scheduleHearingRequest>;

/** Reschedule (改期) or move (换庭): only the fields given change. */
export const rescheduleHearingRequest = z
  .strictObject({
    courtroomId: scheduleFields.courtroomId.optional(),
    startsAt: scheduleFields.startsAt.optional(),
    endsAt: scheduleFields.endsAt.optional(),
    kind: scheduleFields.kind.optional(),
    isPublic: scheduleFields.isPublic.optional(),
    clerkId: scheduleFields.clerkId.optional(),
    partyIds: scheduleFields.partyIds.optional(),
    version: versionField,
  })
  .superRefine(endsAfterStart);
export type RescheduleHearingRequest = z.infer<typeof rescheduleHearingRequest>;

export const cancelHearingRequest = z.strictObject({ reason: text(500).min(2), version: versionField });

/** Records that a hearing took place (已开庭), once its start time has come; the note goes to the trail. */
export const holdHearingRequest = z.strictObject({ note: text(500).default(''), version: versionField });
export type HoldHearingRequest = z.infer<typeof holdHearingRequest>;

export const hearingQuery = z
  .strictObject({
    courtId: dbIdParam.optional(),
    courtroomId: dbIdParam.optional(),
    /** A person's hearings: as judge, panel member or clerk. */
    judgeId: dbIdParam.optional(),
    caseId: dbIdParam.optional(),
    /** Calendar dates (China Standard Time), both included. */
    from: calendarDate,
    to: calendarDate,
    includeCancelled: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  })
  .superRefine((value, ctx) => windowRule(value, MAX_CALENDAR_DAYS, ctx));
export type HearingQuery = z.infer<typeof hearingQuery>;

export const hearingList = z.object({ items: z.array(hearingView), total: z.number().int() });

export const hearingSummonsParam = z.strictObject({ id: dbIdParam, partyId: dbIdParam });

// ---- announcements (开庭公告) ----

export const hearingAnnouncement = z.object({
  hearingId: z.number().int(),
  courtId: z.number().int(),
  courtName: z.string(),
  caseNumber: z.string(),
  causeName: z.string().nullable(),
  parties: z.array(z.object({ role: z.string(), name: z.string() })),
  startsAt: z.string(),
  endsAt: z.string(),
  kind: z.enum(HEARING_KINDS),
  courtroomName: z.string(),
  location: z.string(),
  announcedOn: z.string().nullable(),
});
export type HearingAnnouncement = z.infer<typeof hearingAnnouncement>;

export const announcementQuery = z
  .strictObject({
    /** The court and the courts under it (its people's tribunals). */
    courtId: dbIdParam.optional(),
    from: calendarDate,
    to: calendarDate,
    ...pageQuery,
  })
  .superRefine((value, ctx) => windowRule(value, MAX_ANNOUNCEMENT_DAYS, ctx));
export type AnnouncementQuery = z.infer<typeof announcementQuery>;
export const announcementPage = pageOf(hearingAnnouncement);

function windowRule(value: { from?: string; to?: string }, maxDays: number, ctx: z.RefinementCtx) {
  if (!value.from || !value.to || !/^\d{4}-\d{2}-\d{2}$/.test(value.from) || !/^\d{4}-\d{2}-\d{2}$/.test(value.to)) return;
  const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from', params: { code: 'date_order' } });
  else if (days >= maxDays)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxDays} days`, params: { code: 'window_too_wide' } });
}

export const HEARING_FIELD_ERRORS = {
  hearing_times: { zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  window_too_wide: { zh: '查询时间范围过大', en: 'The date range is too wide' },
  hearing_in_past: { zh: '开庭时间不能早于现在', en: 'The hearing cannot start in the past' },
  hearing_not_started: { zh: '开庭时间未到，不能登记为已开庭', en: 'The hearing has not started yet: it cannot be recorded as held' },
  hearing_too_long: { zh: `单次庭审不超过 ${MAX_HEARING_HOURS} 小时`, en: `A hearing lasts at most ${MAX_HEARING_HOURS} hours` },
  announcement_too_late: {
    zh: `公开审理的案件应在开庭三日前公告：开庭日与公告日之间须间隔 ${ANNOUNCEMENT_FULL_DAYS} 个整日`,
    en: `A public hearing must be announced at least ${ANNOUNCEMENT_FULL_DAYS} full days before it`,
  },
  courtroom_not_available: {
    zh: '法庭须为本院或其派出人民法庭的在用法庭',
    en: "The room must be an active room of the case's court or of its tribunals",
  },
} as const;
