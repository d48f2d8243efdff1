import { type LimitChangeView, requestLimitChangeRequest } from '@courtassist/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { busyKinds, requestBody } from './requestBody';

function change(over: Partial<LimitChangeView>): LimitChangeView {
  return {
    id: 1,
    caseId: 1,
    caseNumber: '（2026）吉0102民初1号',
    courtId: 1,
    kind: 'extension',
    months: 1,
    days: null,
    deductionKind: null,
    fromOn: null,
    toOn: null,
    reason: '案情复杂',
    status: 'requested',
    awaiting: 'head',
    requestedBy: 2,
    requestedByName: '许杰凯',
    requestedAt: '2026-11-22T01:00:00.000Z',
    decisions: [],
    allowed: ['decide', 'withdraw'],
    version: 1,
    ...over,
  };
}

describe('requestBody', () => {
  it('sends exactly one length of an extension, by the unit chosen', () => {
    expect(requestBody({ kind: 'extension', unit: 'months', months: 3, days: 10, reason: ' 案情复杂 ' })).toEqual({
      kind: 'extension',
      months: 3,
      reason: '案情复杂',
    });
    expect(requestBody({ kind: 'extension', unit: 'days', months: 3, days: 10, reason: '案情复杂' })).toEqual({
      kind: 'extension',
      days: 10,
      reason: '案情复杂',
    });
  });

  it('sends a deduction with both dates, and a suspension with its start only, as the contract accepts them', () => {
    const deduction = requestBody({
      kind: 'deduction',
      deductionKind: 'announcement',
      fromOn: dayjs('2026-03-01'),
      toOn: dayjs('2026-03-31'),
      reason: '公告送达',
    });
    expect(deduction).toEqual({
      kind: 'deduction',
      deductionKind: 'announcement',
      fromOn: '2026-03-01',
      toOn: '2026-03-31',
      reason: '公告送达',
    });
    expect(requestLimitChangeRequest.safeParse(deduction).success).toBe(true);
    const suspension = requestBody({ kind: 'suspension', fromOn: dayjs('2026-03-01'), toOn: dayjs('2026-03-31'), reason: '等待另案结果' });
    expect(suspension).toEqual({ kind: 'suspension', fromOn: '2026-03-01', reason: '等待另案结果' });
    expect(requestLimitChangeRequest.safeParse(suspension).success).toBe(true);
  });

  it('leaves the date order to the server, which refuses it on the end date', () => {
    const body = requestBody({
      kind: 'deduction',
      deductionKind: 'appraisal',
      fromOn: dayjs('2026-03-10'),
      toOn: dayjs('2026-03-01'),
      reason: '鉴定',
    });
    const parsed = requestLimitChangeRequest.safeParse(body);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['toOn']);
  });
});

describe('busyKinds', () => {
  it('blocks a second pending extension or suspension and a new suspension while one runs, never a deduction', () => {
    expect(busyKinds([])).toEqual({});
    expect(busyKinds([change({})])).toEqual({ extension: 'pending' });
    expect(busyKinds([change({ kind: 'deduction', awaiting: 'head' })])).toEqual({});
    const running = change({ kind: 'suspension', status: 'approved', awaiting: null, fromOn: '2026-03-01', allowed: ['resume'] });
    expect(busyKinds([running])).toEqual({ suspension: 'suspended' });
    const decided = change({ status: 'approved', awaiting: null, allowed: [] });
    const resumed = change({
      kind: 'suspension',
      status: 'approved',
      awaiting: null,
      fromOn: '2026-03-01',
      toOn: '2026-03-05',
      allowed: [],
    });
    expect(busyKinds([decided, resumed])).toEqual({});
  });
});
