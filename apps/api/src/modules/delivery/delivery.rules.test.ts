import { DELIVERY_METHODS, DELIVERY_OUTCOMES, type DeliveryMethod, type DeliveryOutcome } from '@courtassist/contracts';
import { describe, expect, it } from 'vitest';
import {
  type AttemptFacts,
  announcementEffectiveOn,
  effectOf,
  isLegalOutcome,
  LEGAL_OUTCOMES,
  nextStep,
  type TaskFacts,
} from './delivery.rules.js';

const TODAY = '2026-11-21';
const at = (method: DeliveryMethod, outcome: DeliveryOutcome, extra: Partial<AttemptFacts> = {}): AttemptFacts => ({
  method,
  outcome,
  attemptedOn: '2026-11-20',
  ...extra,
});
const withAddress: TaskFacts = { confirmedElectronicAddress: null, address: '长春市南关区人民大街1号' };
const confirmed: TaskFacts = { confirmedElectronicAddress: 'zhang@example.cn', address: '长春市南关区人民大街1号' };
const noAddress: TaskFacts = { confirmedElectronicAddress: null, address: null };

describe('legal outcomes per method', () => {
  // The whole table: every method × every outcome.
  const expected: Record<DeliveryMethod, DeliveryOutcome[]> = {
    electronic: ['success', 'phone-empty', 'send-failed'],
    postal: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
    direct: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
    'left-at-residence': ['success'],
    entrusted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned'],
    assisted: ['success', 'refused', 'no-such-person', 'address-unknown', 'unsigned', 'phone-empty'],
    announcement: ['success'],
  };
  for (const method of DELIVERY_METHODS)
    for (const outcome of DELIVERY_OUTCOMES)
      it(`${method} / ${outcome}: ${expected[method].includes(outcome) ? 'legal' : 'illegal'}`, () => {
        expect(isLegalOutcome(method, outcome)).toBe(expected[method].includes(outcome));
      });
  it('every method can succeed', () => {
    for (const method of DELIVERY_METHODS) expect(LEGAL_OUTCOMES[method]).toContain('success');
  });
});

describe('when an attempt serves a task', () => {
  it.each(['postal', 'direct', 'left-at-residence', 'entrusted', 'assisted'] as const)('%s success serves on the attempt day', (method) => {
    expect(effectOf(at(method, 'success'), withAddress, TODAY)).toEqual({ status: 'served', servedOn: '2026-11-20' });
  });
  it.each([
    'refused',
    'unsigned',
    'address-unknown',
    'no-such-person',
  ] as const)('a failure (%s) leaves the task in progress', (outcome) => {
    expect(effectOf(at('postal', outcome), withAddress, TODAY)).toEqual({ status: 'in-progress', servedOn: null });
  });
  it('electronic delivery counts only when sent to the confirmed electronic address (case-insensitive)', () => {
    expect(effectOf(at('electronic', 'success', { electronicAddress: 'Zhang@Example.cn ' }), confirmed, TODAY).status).toBe('served');
    expect(effectOf(at('electronic', 'success', { electronicAddress: 'other@example.cn' }), confirmed, TODAY).status).toBe('in-progress');
    expect(effectOf(at('electronic', 'success', { electronicAddress: 'zhang@example.cn' }), withAddress, TODAY).status).toBe('in-progress');
  });
  it('an announcement serves on its effective day, not before', () => {
    expect(effectOf(at('announcement', 'success', { effectiveOn: '2026-11-22' }), withAddress, TODAY)).toEqual({
      status: 'in-progress',
      servedOn: null,
    });
    expect(effectOf(at('announcement', 'success', { effectiveOn: '2026-11-21' }), withAddress, TODAY)).toEqual({
      status: 'served',
      servedOn: '2026-11-21',
    });
  });
});

describe('announcement period (30 days, rule 4)', () => {
  const calendar = {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-10-10'],
  };
  it('ends thirty days on, the publication day not counted', () => {
    expect(announcementEffectiveOn('2026-11-01', calendar)).toBe('2026-12-01');
  });
  it('an end in the National Day holidays moves to the next working day', () => {
    expect(announcementEffectiveOn('2026-09-05', calendar)).toBe('2026-10-08');
  });
  it('an end on a Saturday moves to Monday', () => {
    expect(announcementEffectiveOn('2026-11-05', calendar)).toBe('2026-12-07');
  });
  it('an end on an adjusted working Saturday stays', () => {
    expect(announcementEffectiveOn('2026-09-10', calendar)).toBe('2026-10-10');
  });
});

describe('next step', () => {
  const cases: [string, AttemptFacts[], TaskFacts, DeliveryMethod | null, string | null][] = [
    ['nothing tried, confirmed e-address → electronic', [], confirmed, 'electronic', 'first-electronic'],
    ['nothing tried, an address → postal', [], withAddress, 'postal', 'first-postal'],
    ['nothing tried, no address → assisted', [], noAddress, 'assisted', 'no-address'],
    ['refused at the door → left at residence', [at('direct', 'refused')], withAddress, 'left-at-residence', 'refused'],
    ['postal refused → left at residence', [at('postal', 'refused')], withAddress, 'left-at-residence', 'refused'],
    ['address unknown after postal → announcement', [at('postal', 'address-unknown')], withAddress, 'announcement', 'address-unknown'],
    ['no such person after direct → announcement', [at('direct', 'no-such-person')], withAddress, 'announcement', 'address-unknown'],
    ['one failed postal → post again', [at('postal', 'unsigned')], withAddress, 'postal', 'postal-again'],
    ['two failed postal → assisted', [at('postal', 'unsigned'), at('postal', 'unsigned')], withAddress, 'assisted', 'postal-twice'],
    ['empty phone (electronic) → postal', [at('electronic', 'phone-empty')], withAddress, 'postal', 'electronic-failed'],
    ['sending failed → postal', [at('electronic', 'send-failed')], withAddress, 'postal', 'electronic-failed'],
    ['sent to an unconfirmed address → postal', [at('electronic', 'success')], withAddress, 'postal', 'electronic-failed'],
    ['direct, nobody signed → assisted', [at('direct', 'unsigned')], withAddress, 'assisted', 'direct-unsigned'],
    ['entrusted failed → assisted', [at('entrusted', 'unsigned')], withAddress, 'assisted', 'entrusted-failed'],
    ['assisted failed → direct', [at('assisted', 'phone-empty')], withAddress, 'direct', 'assisted-failed'],
    ['announcement running → nothing to do', [at('postal', 'address-unknown'), at('announcement', 'success')], withAddress, null, null],
  ];
  it.each(cases)('%s', (_name, attempts, task, method, reason) => {
    const step = nextStep('in-progress', attempts, task);
    expect(step?.method ?? null).toBe(method);
    expect(step?.reason ?? null).toBe(reason);
    if (step) expect(step.message.zh.length).toBeGreaterThan(0);
  });
  it('nothing once served', () => {
    expect(nextStep('served', [at('postal', 'success')], withAddress)).toBeNull();
  });
  it('nothing once ended as undeliverable, whatever was tried before', () => {
    expect(nextStep('failed', [at('postal', 'no-such-person')], withAddress)).toBeNull();
    expect(nextStep('failed', [], noAddress)).toBeNull();
  });
});
