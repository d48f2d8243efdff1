import { DELIVERY_DOCUMENT_KINDS, DELIVERY_METHODS, DELIVERY_OUTCOMES } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deliveryNodeDone, orderFeedbackOf, type SettledTaskFacts, type TaskCounts } from './settlement.js';

const served = (partyName: string, servedOn: string, method: SettledTaskFacts['servedMethod'], person = '送达员'): SettledTaskFacts => ({
  partyName,
  documentKind: 'summons',
  status: 'served',
  servedOn,
  servedMethod: method,
  endReason: null,
  lastOutcome: 'success',
  lastPerson: person,
});
const ended = (partyName: string, lastOutcome: SettledTaskFacts['lastOutcome'] = null): SettledTaskFacts => ({
  partyName,
  documentKind: 'judgment',
  status: 'failed',
  servedOn: null,
  servedMethod: null,
  endReason: 'deregistered',
  lastOutcome,
  lastPerson: lastOutcome ? '邮政 投递员' : null,
});

describe('the delivery node', () => {
  const cases: [string, TaskCounts, boolean][] = [
    ['every task served', { open: 0, served: 3, failed: 0 }, true],
    ['served and ended', { open: 0, served: 1, failed: 2 }, true],
    ['one still open', { open: 1, served: 2, failed: 0 }, false],
    ['ended alone', { open: 0, served: 0, failed: 2 }, false],
    ['no task', { open: 0, served: 0, failed: 0 }, false],
  ];
  it.each(cases)('%s', (_name, counts, done) => expect(deliveryNodeDone(counts)).toBe(done));

  it('is done exactly when nothing is open and someone is served', () => {
    const count = fc.nat({ max: 20 });
    fc.assert(
      fc.property(count, count, count, (open, served, failed) => {
        expect(deliveryNodeDone({ open, served, failed })).toBe(open === 0 && served > 0);
      }),
    );
  });
});

describe('the feedback of a work order', () => {
  it('takes the day and method of the last service, and lists every task', () => {
    const feedback = orderFeedbackOf([served('王五', '2026-11-20', 'postal', '邮政 投递员'), served('王五', '2026-11-21', 'direct')]);
    expect(feedback.values).toEqual({ method: '直接送达', outcome: '成功', servedOn: '2026-11-21' });
    expect(feedback.served).toEqual(['传票']);
    expect(feedback.note).toBe(
      '送达任务均已送达，系统据送达记录自动反馈：王五·传票：2026-11-20 邮寄送达，送达人 邮政 投递员；王五·传票：2026-11-21 直接送达，送达人 送达员',
    );
  });

  it('with some ended, still the service; with all ended, the last failure and no date', () => {
    const mixed = orderFeedbackOf([served('长春某某公司', '2026-11-02', 'assisted'), ended('长春某某公司', 'no-such-person')]);
    expect(mixed.values).toEqual({ method: '协助送达', outcome: '成功', servedOn: '2026-11-02' });
    expect(mixed.note).toContain('送达任务均已办结（送达或终止送达）');
    expect(mixed.served).toEqual(['传票']);
    expect(mixed.note).toContain('长春某某公司·判决书：终止送达（法人或其他组织已注销）');
    expect(orderFeedbackOf([ended('甲', 'unsigned'), ended('乙', 'no-such-person')]).values).toEqual({
      method: null,
      outcome: '查无此人',
      servedOn: null,
    });
    expect(orderFeedbackOf([ended('甲')]).values).toEqual({ method: null, outcome: null, servedOn: null });
  });

  it('names every task once, and is served on the latest day of service', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`);
    const task = fc.oneof(
      fc.record({
        partyName: fc.constantFrom('甲', '乙', '丙'),
        documentKind: fc.constantFrom(...DELIVERY_DOCUMENT_KINDS),
        status: fc.constant('served' as const),
        servedOn: day,
        servedMethod: fc.constantFrom(...DELIVERY_METHODS),
        endReason: fc.constant(null),
        lastOutcome: fc.constant('success' as const),
        lastPerson: fc.constant('送达员'),
      }),
      fc.record({
        partyName: fc.constantFrom('甲', '乙', '丙'),
        documentKind: fc.constantFrom(...DELIVERY_DOCUMENT_KINDS),
        status: fc.constant('failed' as const),
        servedOn: fc.constant(null),
        servedMethod: fc.constant(null),
        endReason: fc.constantFrom('deceased' as const, 'deregistered' as const, 'court-decision' as const),
        lastOutcome: fc.option(fc.constantFrom(...DELIVERY_OUTCOMES.filter((o) => o !== 'success'))),
        lastPerson: fc.constant(null),
      }),
    );
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 8 }), (tasks) => {
        const feedback = orderFeedbackOf(tasks);
        expect(feedback.note.split('；')).toHaveLength(tasks.length);
        const days = tasks.flatMap((t) => (t.servedOn ? [t.servedOn] : [])).sort();
        expect(feedback.values.servedOn).toBe(days.at(-1) ?? null);
        expect(feedback.values.outcome === '成功').toBe(days.length > 0);
      }),
    );
  });
});
