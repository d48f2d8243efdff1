import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASSISTED_DELIVERY_OUTCOMES,
  createNetworkTaskRequest,
  type NetworkTaskReportContent,
  networkTaskReportContent,
  outcomeOfReport,
  submitNetworkTaskReportRequest,
} from './network-tasks.js';

describe('outcome of a report', () => {
  it.each<[NetworkTaskReportContent, 'success' | 'failure']>([
    [{ kind: 'delivery', outcome: 'success', receiver: '本人', place: '幸福镇', note: '' }, 'success'],
    [{ kind: 'delivery', outcome: 'refused', receiver: '', place: '幸福镇', note: '' }, 'failure'],
    [{ kind: 'delivery', outcome: 'unsigned', receiver: '', place: '幸福镇', note: '' }, 'failure'],
    [{ kind: 'mediation', result: 'settled', note: '达成协议' }, 'success'],
    [{ kind: 'mediation', result: 'partly-settled', note: '部分达成' }, 'success'],
    [{ kind: 'mediation', result: 'not-settled', note: '分歧较大' }, 'failure'],
    [{ kind: 'investigation', findings: [{ kind: 'vehicle', text: '白色货车' }], note: '' }, 'success'],
    [{ kind: 'investigation', findings: [], note: '未找到' }, 'failure'],
    [{ kind: 'petition-risk', attitude: '情绪激动', riskLevel: 'high', note: '' }, 'success'],
    [{ kind: 'dispute-report', parties: '张某、李某', summary: '宅基地纠纷', place: '红旗村' }, 'success'],
    [{ kind: 'circuit-liaison', venue: '村委会会议室', notified: ['张某'], note: '' }, 'success'],
  ])('%j → %s', (content, outcome) => {
    expect(outcomeOfReport(content)).toBe(outcome);
  });

  it('every assisted delivery outcome but success is a failure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ASSISTED_DELIVERY_OUTCOMES), (outcome) => {
        const r = outcomeOfReport({ kind: 'delivery', outcome, receiver: '', place: '某地', note: '' });
        expect(r).toBe(outcome === 'success' ? 'success' : 'failure');
      }),
    );
  });
});

describe('report schemas', () => {
  const ok = {
    version: 2,
    idempotencyKey: '2f1d5c1e-7a55-4c43-9d49-6c6d2c7e9a10',
    occurredAt: '2026-11-21T09:30:00+08:00',
    content: { kind: 'delivery', outcome: 'success', place: '幸福镇红旗村' },
    photos: [{ type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' }],
  };
  it('accepts a complete report and fills defaults', () => {
    const parsed = submitNetworkTaskReportRequest.parse(ok);
    expect(parsed.content).toEqual({ kind: 'delivery', outcome: 'success', place: '幸福镇红旗村', receiver: '', note: '' });
  });
  it.each([
    [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    [{ content: { kind: 'delivery', outcome: 'announcement-ok', place: 'x' } }, 'content'],
    [{ content: { kind: 'delivery', outcome: 'success', place: '' } }, 'content'],
    [{ content: { kind: 'petition-risk', attitude: '平稳', riskLevel: 'extreme' } }, 'content'],
    [{ content: { kind: 'circuit-liaison', venue: '会议室', notified: [] } }, 'content'],
    [{ content: { kind: 'sweeping' } }, 'content'],
    [{ photos: [{ type: 'image/gif', data: 'R0lGOD' }] }, 'photos'],
    [{ photos: [{ type: 'image/jpeg', data: 'not base64!' }] }, 'photos'],
    [{ photos: Array.from({ length: 5 }, () => ({ type: 'image/jpeg', data: '/9j/' })) }, 'photos'],
    [{ occurredAt: '2026-11-21' }, 'occurredAt'],
  ])('refuses %j at %s', (patch, path) => {
    const result = submitNetworkTaskReportRequest.safeParse({ ...ok, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(path);
  });
  it('every kind is a member of the union', () => {
    expect(networkTaskReportContent.options.map((o) => o.shape.kind.value)).toEqual([
      'delivery',
      'mediation',
      'investigation',
      'petition-risk',
      'dispute-report',
      'circuit-liaison',
    ]);
  });
  it('a task needs a title and a due date; links default to null', () => {
    const parsed = createNetworkTaskRequest.parse({ kind: 'mediation', assistantId: 3, title: '参与调解', dueOn: '2026-11-30' });
    expect(parsed).toMatchObject({ stationId: null, deliveryTaskId: null, caseId: null, partyId: null, instructions: '' });
    expect(createNetworkTaskRequest.safeParse({ kind: 'mediation', assistantId: 3, title: ' ', dueOn: '2026-11-30' }).success).toBe(false);
  });
});
