import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maySchedule, roomServesCourt } from './hearings.policy.js';
import {
  type Booking,
  chinaDate,
  chinaWindow,
  documentDate,
  earliestPublicHearingDay,
  findConflicts,
  formatSummonsTime,
  overlaps,
  type Slot,
  timeProblems,
} from './hearings.rules.js';
import { roomsOfCourt } from './hearings.seed.js';

/** 2026-12-01 at `hh:mm` China Standard Time. */
const at = (hhmm: string, day = '2026-12-01') => new Date(`${day}T${hhmm}:00+08:00`);

const slot = (overrides: Partial<Slot> = {}): Slot => ({
  courtroomId: 1,
  startsAt: at('09:00'),
  endsAt: at('11:00'),
  judgeId: 10,
  clerkId: 30,
  panelIds: [],
  ...overrides,
});

const booking = (overrides: Partial<Booking> = {}): Booking => ({
  ...slot(),
  id: 100,
  caseNumber: '（2026）吉0102民初1号',
  courtroomName: '第一法庭',
  status: 'scheduled',
  ...overrides,
});

describe('overlaps: half-open intervals [start, end)', () => {
  it.each([
    ['09:00', '11:00', '10:00', '12:00', true],
    ['09:00', '11:00', '11:00', '12:00', false], // back to back
    ['11:00', '12:00', '09:00', '11:00', false], // back to back, the other way
    ['09:00', '12:00', '10:00', '11:00', true], // contains
    ['10:00', '11:00', '09:00', '12:00', true], // contained
    ['09:00', '10:00', '10:30', '11:00', false], // gap
    ['09:00', '11:00', '09:00', '11:00', true], // same
  ])('[%s, %s) and [%s, %s) overlap: %s', (s1, e1, s2, e2, expected) => {
    expect(overlaps({ startsAt: at(s1), endsAt: at(e1) }, { startsAt: at(s2), endsAt: at(e2) })).toBe(expected);
  });
});

describe('findConflicts', () => {
  it.each<[string, Partial<Slot>, Partial<Booking>, string[]]>([
    ['same room, other people', {}, { judgeId: 11, clerkId: 31 }, ['room']],
    ['same judge, other room', {}, { courtroomId: 2, clerkId: 31 }, ['judge']],
    ['same clerk, other room', {}, { courtroomId: 2, judgeId: 11 }, ['clerk']],
    ['a panel member sits elsewhere', { panelIds: [20, 21] }, { courtroomId: 2, judgeId: 21, clerkId: 31 }, ['panel-member']],
    ['our judge sits on their panel', {}, { courtroomId: 2, judgeId: 11, clerkId: 31, panelIds: [10] }, ['judge']],
    ['room, judge and clerk at once', {}, {}, ['room', 'judge', 'clerk']],
    ['back to back in the same room', { startsAt: at('11:00'), endsAt: at('12:00') }, {}, []],
    ['a cancelled hearing frees everything', {}, { status: 'cancelled' }, []],
    ['the hearing being moved does not clash with itself', { id: 100 }, {}, []],
    ['nothing shared', {}, { courtroomId: 2, judgeId: 11, clerkId: 31 }, []],
    ['no clerk', { clerkId: null }, { courtroomId: 2, judgeId: 11 }, []],
  ])('%s', (_name, candidate, other, kinds) => {
    expect(findConflicts(slot(candidate), [booking(other)]).map((c) => c.kind)).toEqual(kinds);
  });

  it('names the hearing, the time and the person', () => {
    const [conflict] = findConflicts(slot({ courtroomId: 2 }), [booking({ clerkId: 31 })], new Map([[10, '王法官']]));
    expect(conflict).toEqual({
      kind: 'judge',
      hearingId: 100,
      caseNumber: '（2026）吉0102民初1号',
      startsAt: at('09:00').toISOString(),
      endsAt: at('11:00').toISOString(),
      courtroomId: 1,
      courtroomName: '第一法庭',
      userId: 10,
      userName: '王法官',
    });
  });

  const arbitrarySlot = fc
    .record({
      id: fc.integer({ min: 1, max: 1000 }),
      courtroomId: fc.integer({ min: 1, max: 3 }),
      start: fc.integer({ min: 0, max: 48 }),
      length: fc.integer({ min: 1, max: 12 }),
      judgeId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      clerkId: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
      panelIds: fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 4 }),
      status: fc.constantFrom('scheduled', 'held', 'cancelled'),
    })
    .map(
      (r): Booking => ({
        id: r.id,
        courtroomId: r.courtroomId,
        courtroomName: `R${r.courtroomId}`,
        caseNumber: `C${r.id}`,
        // Quarter hours from 09:00.
        startsAt: new Date(at('09:00').getTime() + r.start * 900_000),
        endsAt: new Date(at('09:00').getTime() + (r.start + r.length) * 900_000),
        judgeId: r.judgeId,
        clerkId: r.clerkId,
        panelIds: r.panelIds,
        status: r.status,
      }),
    );

  it('is symmetric: A clashes with B exactly when B clashes with A', () => {
    fc.assert(
      fc.property(arbitrarySlot, arbitrarySlot, (a, b) => {
        fc.pre(a.id !== b.id);
        const ab = findConflicts(a, [b]).length > 0;
        const ba = findConflicts(b, [a]).length > 0;
        expect(ab).toBe(ba);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a clash exactly when two live hearings overlap and share the room or a person', () => {
    fc.assert(
      fc.property(arbitrarySlot, arbitrarySlot, (a, b) => {
        fc.pre(a.id !== b.id && a.status !== 'cancelled');
        const people = (s: Slot) => new Set([s.judgeId, s.clerkId, ...s.panelIds].filter((x) => x !== null));
        const shared = a.courtroomId === b.courtroomId || [...people(a)].some((p) => people(b).has(p));
        const expected = b.status !== 'cancelled' && overlaps(a, b) && shared;
        expect(findConflicts(a, [b]).length > 0).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('announcement rule (开庭三日前公告)', () => {
  it('leaves three full days between the announcement and the hearing', () => {
    expect(earliestPublicHearingDay('2026-11-21')).toBe('2026-11-25');
    expect(earliestPublicHearingDay('2026-12-30')).toBe('2027-01-03');
  });

  const now = at('16:00', '2026-11-21');
  it.each<[string, string, boolean, string[]]>([
    ['2026-11-25', '09:00', true, []],
    ['2026-11-24', '23:00', true, ['startsAt:announcement_too_late']],
    ['2026-11-22', '09:00', false, []],
    ['2026-11-21', '15:00', false, ['startsAt:hearing_in_past']],
    ['2026-11-21', '15:00', true, ['startsAt:hearing_in_past', 'startsAt:announcement_too_late']],
  ])('a hearing on %s at %s (public: %s)', (day, hhmm, isPublic, expected) => {
    const startsAt = at(hhmm, day);
    const problems = timeProblems({ startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), isPublic }, now, {
      future: true,
      announcement: true,
    });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(expected);
  });

  it('refuses a hearing of more than twelve hours', () => {
    const problems = timeProblems({ startsAt: at('08:00', '2026-12-01'), endsAt: at('20:30', '2026-12-01'), isPublic: false }, now, {
      future: true,
      announcement: true,
    });
    expect(problems).toEqual([{ field: 'endsAt', code: 'hearing_too_long' }]);
  });
});

describe('time in China Standard Time', () => {
  it('reads dates and windows in UTC+8', () => {
    expect(chinaDate(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(chinaWindow('2026-11-30', '2026-12-06')).toEqual({
      startsAt: new Date('2026-11-29T16:00:00Z'),
      endsAt: new Date('2026-12-06T16:00:00Z'),
    });
  });

  it('writes the time and the date of a summons the way court documents do', () => {
    expect(formatSummonsTime(at('09:30', '2026-12-01'))).toBe('2026年12月1日（星期二）09:30');
    expect(documentDate('2026-11-21')).toBe('二〇二六年十一月二十一日');
    expect(documentDate('2027-01-10')).toBe('二〇二七年一月十日');
    expect(documentDate('2026-10-05')).toBe('二〇二六年十月五日');
  });
});

describe('policy', () => {
  const team = { judgeId: 1, assistantId: 2, clerkId: 3, panel: [{ userId: 4 }] };
  it.each([
    [1, [], true],
    [3, [], true],
    [4, [], true],
    [9, [], false],
    [9, ['case.assign'], true],
  ])('user %s holding %j may schedule: %s', (userId, permissions, expected) => {
    expect(maySchedule({ userId, permissions: new Set(permissions) }, team)).toBe(expected);
  });

  it.each([
    [{ courtId: 5, courtParentId: 2, courtLevel: 'basic', active: true }, 5, true],
    [{ courtId: 7, courtParentId: 5, courtLevel: 'tribunal', active: true }, 5, true],
    [{ courtId: 7, courtParentId: 5, courtLevel: 'tribunal', active: false }, 5, false],
    [{ courtId: 6, courtParentId: 2, courtLevel: 'basic', active: true }, 5, false],
    [{ courtId: 5, courtParentId: 2, courtLevel: 'basic', active: true }, 7, false],
  ])('room %j serves the court %s: %s', (room, courtId, expected) => {
    expect(roomServesCourt(room, courtId)).toBe(expected);
  });
});

describe('demo rooms', () => {
  it('gives basic courts numbered rooms, an online room and a vehicle court; tribunals one room', () => {
    const basic = roomsOfCourt({ id: 1, level: 'basic', name: '长春市南关区人民法院' }, 2);
    expect(basic.map((r) => r.name)).toEqual([
      '第一法庭',
      '第二法庭',
      '第三法庭',
      '第四法庭',
      '第五法庭',
      '第六法庭',
      '科技法庭',
      '车载法庭',
    ]);
    expect(roomsOfCourt({ id: 2, level: 'intermediate', name: '长春市中级人民法院' }, 0).map((r) => r.kind)).toEqual([
      'courtroom',
      'courtroom',
      'courtroom',
      'courtroom',
      'online',
    ]);
    expect(roomsOfCourt({ id: 3, level: 'tribunal', name: '长春市南关区人民法院幸福人民法庭' }, 0)).toEqual([
      expect.objectContaining({ name: '幸福法庭审判庭', kind: 'tribunal-room' }),
    ]);
    expect(roomsOfCourt({ id: 4, level: 'higher', name: '吉林省高级人民法院' }, 0)).toEqual([]);
  });
});
