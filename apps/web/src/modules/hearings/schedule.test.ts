import type { HearingDetail } from '@courtassist/contracts';
import { describe, expect, it } from 'vitest';
import { chinaMoment, earliestPublicDay, formFieldOf, rescheduleBody, scheduleBody, valuesOf } from './schedule';

const hearing: HearingDetail = {
  id: 7,
  caseId: 3,
  caseNumber: '（2026）吉0102民初5号',
  caseTitle: '周明、吴刚',
  courtId: 1,
  courtroomId: 11,
  courtroomName: '第一法庭',
  courtroomKind: 'courtroom',
  courtroomCourtId: 1,
  // 09:00–10:30 China Standard Time on 2026-12-01.
  startsAt: '2026-12-01T01:00:00.000Z',
  endsAt: '2026-12-01T02:30:00.000Z',
  kind: 'first',
  status: 'scheduled',
  isPublic: true,
  announcedOn: '2026-11-20',
  judgeId: 20,
  judgeName: '法官',
  clerkId: 22,
  clerkName: '书记员',
  version: 4,
  participants: [
    { role: 'judge', userId: 20, partyId: null, name: '法官', partyRole: null },
    { role: 'clerk', userId: 22, partyId: null, name: '书记员', partyRole: null },
    { role: 'party', userId: null, partyId: 31, name: '周明', partyRole: 'plaintiff' },
    { role: 'party', userId: null, partyId: 32, name: '吴刚', partyRole: 'defendant' },
  ],
};

describe('times in China Standard Time', () => {
  it('writes a CST date and time with its offset, whatever the browser zone', () => {
    expect(chinaMoment('2026-12-01', '09:00')).toBe('2026-12-01T09:00:00+08:00');
    expect(new Date(chinaMoment('2026-12-01', '07:30')).toISOString()).toBe('2026-11-30T23:30:00.000Z');
  });

  it('puts three full days between the announcement and a public hearing', () => {
    expect(earliestPublicDay('2026-11-21')).toBe('2026-11-25');
    expect(earliestPublicDay('2026-12-30')).toBe('2027-01-03');
  });
});

describe('request bodies', () => {
  it('schedules with the form values as moments', () => {
    const body = scheduleBody(3, { ...valuesOf(hearing), partyIds: [31] });
    expect(body).toEqual({
      caseId: 3,
      courtroomId: 11,
      startsAt: '2026-12-01T09:00:00+08:00',
      endsAt: '2026-12-01T10:30:00+08:00',
      kind: 'first',
      isPublic: true,
      clerkId: 22,
      partyIds: [31],
    });
  });

  it('reads a booked hearing back in court time', () => {
    expect(valuesOf(hearing)).toMatchObject({ date: '2026-12-01', startTime: '09:00', endTime: '10:30', partyIds: [31, 32] });
  });

  it('reschedules with only what changed, and nothing when nothing did', () => {
    const same = valuesOf(hearing);
    expect(rescheduleBody(hearing, same)).toBeNull();
    expect(rescheduleBody(hearing, { ...same, partyIds: [32, 31] })).toBeNull();
    expect(rescheduleBody(hearing, { ...same, courtroomId: 12 })).toEqual({ version: 4, courtroomId: 12 });
    expect(rescheduleBody(hearing, { ...same, date: '2026-12-02', endTime: '11:00' })).toEqual({
      version: 4,
      startsAt: '2026-12-02T09:00:00+08:00',
      endsAt: '2026-12-02T11:00:00+08:00',
    });
    expect(rescheduleBody(hearing, { ...same, isPublic: false, clerkId: null, partyIds: [31] })).toEqual({
      version: 4,
      isPublic: false,
      clerkId: null,
      partyIds: [31],
    });
  });
});

describe('server problems on form fields', () => {
  it('puts the announcement rule on the date and a past start on the time', () => {
    expect(formFieldOf({ field: 'body.startsAt', code: 'announcement_too_late' })).toBe('date');
    expect(formFieldOf({ field: 'body.startsAt', code: 'hearing_in_past' })).toBe('startTime');
    expect(formFieldOf({ field: 'body.endsAt', code: 'hearing_too_long' })).toBe('endTime');
    expect(formFieldOf({ field: 'body.courtroomId', code: 'courtroom_not_available' })).toBe('courtroomId');
    expect(formFieldOf({ field: 'params.id', code: 'hearing_not_started' })).toBeNull();
  });
});
