import { WORK_ORDER_ACTIONS, WORK_ORDER_STATUSES, type WorkOrderAction, type WorkOrderStatus } from '@courtassist/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions, isFinal, isHeld, nextStatus } from './work-orders.rules.js';

/** Every legal transition, written out by hand: anything not listed must be refused. */
const LEGAL: [WorkOrderStatus, WorkOrderAction, WorkOrderStatus][] = [
  ['initiated', 'claim', 'accepted'],
  ['initiated', 'dispatch', 'accepted'],
  ['initiated', 'return', 'returned'],
  ['initiated', 'withdraw', 'withdrawn'],
  ['accepted', 'start', 'in-progress'],
  ['accepted', 'redispatch', 'accepted'],
  ['accepted', 'return', 'returned'],
  ['accepted', 'withdraw', 'withdrawn'],
  ['in-progress', 'record', 'feedback'],
  ['in-progress', 'redispatch', 'accepted'],
  ['in-progress', 'return', 'returned'],
  ['in-progress', 'withdraw', 'withdrawn'],
  ['feedback', 'complete', 'completed'],
  ['feedback', 'withdraw', 'withdrawn'],
  ['returned', 'reinitiate', 'initiated'],
  ['returned', 'withdraw', 'withdrawn'],
];

const legal = new Map(LEGAL.map(([from, action, to]) => [`${from}/${action}`, to]));

describe('work order state machine', () => {
  const every = WORK_ORDER_STATUSES.flatMap((from) => WORK_ORDER_ACTIONS.map((action) => [from, action] as const));

  it.each(every)('%s --%s-->', (from, action) => {
    expect(nextStatus(from, action)).toBe(legal.get(`${from}/${action}`) ?? null);
  });

  it('lists as allowed exactly the actions that lead somewhere', () => {
    for (const status of WORK_ORDER_STATUSES) {
      const expected = WORK_ORDER_ACTIONS.filter((a) => legal.has(`${status}/${a}`));
      expect([...allowedActions(status)].sort()).toEqual([...expected].sort());
    }
  });

  it('ends only in completed and withdrawn', () => {
    expect(WORK_ORDER_STATUSES.filter(isFinal)).toEqual(['completed', 'withdrawn']);
    expect(WORK_ORDER_STATUSES.filter(isHeld)).toEqual(['accepted', 'in-progress']);
  });

  it('lets the initiator withdraw anything not yet final, and nothing final', () => {
    for (const status of WORK_ORDER_STATUSES) expect(nextStatus(status, 'withdraw') !== null).toBe(!isFinal(status));
  });

  it('reaches completion only through feedback, whatever the sequence of actions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORK_ORDER_ACTIONS), { maxLength: 40 }), (actions) => {
        let status: WorkOrderStatus = 'initiated';
        for (const action of actions) {
          const next = nextStatus(status, action);
          if (next === null) continue;
          if (next === 'completed') expect(status).toBe('feedback');
          if (next === 'feedback') expect(status).toBe('in-progress');
          if (next === 'in-progress') expect(status).toBe('accepted');
          status = next;
        }
        // A final state stays final.
        if (isFinal(status)) for (const action of WORK_ORDER_ACTIONS) expect(nextStatus(status, action)).toBeNull();
      }),
    );
  });
});
