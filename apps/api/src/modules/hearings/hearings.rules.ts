import { ANNOUNCEMENT_FULL_DAYS, type HearingConflict, MAX_HEARING_HOURS } from '@courtassist/contracts';

/**
 * Pure scheduling rules: when two bookings clash, when a public hearing may still be announced,
 * and how moments read in China Standard Time. Heavily unit-tested (hearings.rules.test.ts).
 */

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

/** A hearing as the conflict check sees it: a room and the people who must be there, for a time. */
export interface Slot extends Interval {
  /** Absent for a hearing not yet written. */
  id?: number;
  courtroomId: number;
  judgeId: number | null;
  clerkId: number | null;
  /** Panel members besides the judge (合议庭成员). */
  panelIds: readonly number[];
  /** A cancelled hearing holds nothing. */
  status?: string;
}

/** A hearing already booked, with what a conflict message names. */
export interface Booking extends Slot {
  id: number;
  caseNumber: string;
  courtroomName: string;
}

/**
 * Half-open intervals [start, end) overlap when each starts before the other ends: a hearing
 * ending at 10:00 and one starting at 10:00 do not clash.
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/** Everyone who must attend: judge, panel members and clerk. */
export function peopleOf(slot: Pick<Slot, 'judgeId' | 'clerkId' | 'panelIds'>): Set<number> {
  const people = new Set<number>(slot.panelIds);
  if (slot.judgeId !== null) people.add(slot.judgeId);
  if (slot.clerkId !== null) people.add(slot.clerkId);
  return people;
}

/**
 * What a candidate slot clashes on, against hearings already booked. Cancelled hearings and the
 * candidate itself (when moving a booked hearing) never clash. Each clash names the room or the
 * person of the candidate who is taken, and the hearing that took them.
 */
export function findConflicts(
  candidate: Slot,
  booked: readonly Booking[],
  names: ReadonlyMap<number, string> = new Map(),
): HearingConflict[] {
  const conflicts: HearingConflict[] = [];
  if (candidate.status === 'cancelled') return conflicts;
  const panel = [...new Set(candidate.panelIds)].filter((id) => id !== candidate.judgeId && id !== candidate.clerkId);
  for (const other of booked) {
    if (other.status === 'cancelled' || (candidate.id !== undefined && other.id === candidate.id) || !overlaps(candidate, other)) continue;
    const base = {
      hearingId: other.id,
      caseNumber: other.caseNumber,
      startsAt: other.startsAt.toISOString(),
      endsAt: other.endsAt.toISOString(),
      courtroomId: other.courtroomId,
      courtroomName: other.courtroomName,
    };
    const person = (kind: HearingConflict['kind'], userId: number): HearingConflict => ({
      kind,
      ...base,
      userId,
      ...(names.has(userId) ? { userName: names.get(userId) } : {}),
    });
    if (other.courtroomId === candidate.courtroomId) conflicts.push({ kind: 'room', ...base });
    const busy = peopleOf(other);
    if (candidate.judgeId !== null && busy.has(candidate.judgeId)) conflicts.push(person('judge', candidate.judgeId));
    for (const member of panel) if (busy.has(member)) conflicts.push(person('panel-member', member));
    if (candidate.clerkId !== null && candidate.clerkId !== candidate.judgeId && busy.has(candidate.clerkId))
      conflicts.push(person('clerk', candidate.clerkId));
  }
  return conflicts;
}

/** One line per clash, for the problem's `detail`. */
export function describeConflicts(conflicts: readonly HearingConflict[]): string {
  return conflicts
    .map((c) => {
      const who = c.kind === 'room' ? `Room ${c.courtroomName}` : `The ${c.kind} ${c.userName ?? `#${c.userId}`}`;
      const when = `${formatChinaMoment(new Date(c.startsAt))}–${formatChinaMoment(new Date(c.endsAt)).slice(11)}`;
      return `${who} is booked for ${c.caseNumber} (hearing ${c.hearingId}) at ${when} in ${c.courtroomName}.`;
    })
    .join(' ');
}

// ---- time ----

const CST_OFFSET_MS = 8 * 3_600_000;

/** The calendar date of a moment in China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(moment: Date): string {
  return new Date(moment.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-12-01 09:30` in China Standard Time. */
export function formatChinaMoment(moment: Date): string {
  return new Date(moment.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first moment of a CST calendar date. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The window [from 00:00, day after `to` 00:00) of two CST calendar dates. */
export function chinaWindow(from: string, to: string): Interval {
  return { startsAt: chinaDayStart(from), endsAt: chinaDayStart(addDays(to, 1)) };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** How a summons states the time: `2026年12月1日（星期二）09:30`. */
export function formatSummonsTime(moment: Date): string {
  const local = new Date(moment.getTime() + CST_OFFSET_MS);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日（星期${WEEKDAYS[local.getUTCDay()]}）${hh}:${mm}`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The date of a court document in Chinese numerals: 2026-11-21 → 二〇二六年十一月二十一日. */
export function documentDate(date: string): string {
  const [y, m, d] = date.split('-');
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

// ---- rules on the time of a hearing ----

/**
 * The first day a public hearing announced on `announcedOn` may be held: three full days must
 * lie between the announcement and the hearing (开庭三日前公告).
 */
export function earliestPublicHearingDay(announcedOn: string): string {
  return addDays(announcedOn, ANNOUNCEMENT_FULL_DAYS + 1);
}

export function announcedInTime(startsAt: Date, announcedOn: string): boolean {
  return chinaDate(startsAt) >= earliestPublicHearingDay(announcedOn);
}

export type TimeProblem = 'hearing_in_past' | 'hearing_too_long' | 'announcement_too_late';

/** What is wrong with the time of a hearing, by field; empty when nothing is. */
export function timeProblems(
  slot: Interval & { isPublic: boolean },
  now: Date,
  checks: { future: boolean; announcement: boolean },
): { field: 'startsAt' | 'endsAt'; code: TimeProblem }[] {
  const problems: { field: 'startsAt' | 'endsAt'; code: TimeProblem }[] = [];
  if (checks.future && slot.startsAt.getTime() <= now.getTime()) problems.push({ field: 'startsAt', code: 'hearing_in_past' });
  if (slot.endsAt.getTime() - slot.startsAt.getTime() > MAX_HEARING_HOURS * 3_600_000)
    problems.push({ field: 'endsAt', code: 'hearing_too_long' });
  if (checks.announcement && slot.isPublic && !announcedInTime(slot.startsAt, chinaDate(now)))
    problems.push({ field: 'startsAt', code: 'announcement_too_late' });
  return problems;
}
