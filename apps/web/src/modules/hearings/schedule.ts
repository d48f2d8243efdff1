import {
  ANNOUNCEMENT_FULL_DAYS,
  type FieldProblem,
  type HearingDetail,
  type HearingKind,
  type RescheduleHearingRequest,
  type ScheduleHearingRequest,
} from '@courtassist/contracts';
import { addDays, chinaParts } from './week';

/**
 * What the schedule form holds, as plain strings: a CST date and `HH:mm` times. The pickers'
 * dayjs values are read only through `format`, so the browser's own time zone never shifts a hearing.
 */
export interface ScheduleValues {
  courtroomId: number;
  date: string;
  startTime: string;
  endTime: string;
  kind: HearingKind;
  isPublic: boolean;
  clerkId: number | null;
  partyIds: number[];
}

/** The moment of a CST date and time, as ISO 8601 with its +08:00 offset. */
export function chinaMoment(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The first day a public hearing announced today may be held: three full days in between (开庭三日前公告). */
export function earliestPublicDay(today: string): string {
  return addDays(today, ANNOUNCEMENT_FULL_DAYS + 1);
}

export function scheduleBody(caseId: number, v: ScheduleValues): ScheduleHearingRequest {
  return {
    caseId,
    courtroomId: v.courtroomId,
    startsAt: chinaMoment(v.date, v.startTime),
    endsAt: chinaMoment(v.date, v.endTime),
    kind: v.kind,
    isPublic: v.isPublic,
    clerkId: v.clerkId,
    partyIds: v.partyIds,
  };
}

/** The form's values of a booked hearing. */
export function valuesOf(h: HearingDetail): ScheduleValues {
  const start = chinaParts(h.startsAt);
  return {
    courtroomId: h.courtroomId,
    date: start.date,
    startTime: start.time,
    endTime: chinaParts(h.endsAt).time,
    kind: h.kind,
    isPublic: h.isPublic,
    clerkId: h.clerkId,
    partyIds: summonedParties(h),
  };
}

export function summonedParties(h: HearingDetail): number[] {
  return h.participants.flatMap((p) => (p.partyId !== null ? [p.partyId] : []));
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((x) => set.has(x));
}

/**
 * A reschedule (改期/换庭) sends only what changed, so that an unchanged start is not announced
 * again and the trail shows what moved. Null when nothing changed.
 */
export function rescheduleBody(h: HearingDetail, v: ScheduleValues): RescheduleHearingRequest | null {
  const before = valuesOf(h);
  const startsAt = chinaMoment(v.date, v.startTime);
  const endsAt = chinaMoment(v.date, v.endTime);
  const body: RescheduleHearingRequest = { version: h.version };
  if (v.courtroomId !== before.courtroomId) body.courtroomId = v.courtroomId;
  if (Date.parse(startsAt) !== Date.parse(h.startsAt)) body.startsAt = startsAt;
  if (Date.parse(endsAt) !== Date.parse(h.endsAt)) body.endsAt = endsAt;
  if (v.kind !== before.kind) body.kind = v.kind;
  if (v.isPublic !== before.isPublic) body.isPublic = v.isPublic;
  if (v.clerkId !== before.clerkId) body.clerkId = v.clerkId;
  if (!sameSet(v.partyIds, before.partyIds)) body.partyIds = v.partyIds;
  return Object.keys(body).length > 1 ? body : null;
}

/** The form field a server problem belongs on; null for one the form has no field for. */
export function formFieldOf(problem: Pick<FieldProblem, 'field' | 'code'>): keyof ScheduleValues | 'caseId' | null {
  switch (problem.field) {
    // The announcement rule is about the day; a start already past, about the time.
    case 'body.startsAt':
      return problem.code === 'announcement_too_late' ? 'date' : 'startTime';
    case 'body.endsAt':
      return 'endTime';
    case 'body.caseId':
    case 'body.courtroomId':
    case 'body.kind':
    case 'body.isPublic':
    case 'body.clerkId':
    case 'body.partyIds':
      return problem.field.slice('body.'.length) as keyof ScheduleValues | 'caseId';
    default:
      return null;
  }
}
