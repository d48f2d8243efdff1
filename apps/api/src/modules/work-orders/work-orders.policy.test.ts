import { describe, expect, it } from 'vitest';
import { handlesTeam, refusalOf } from './work-orders.policy.js';

const actor = (userId: number, permissions: string[], teamIds: number[] = []) => ({ userId, permissions: new Set(permissions), teamIds });
const order = { initiatorId: 1, assigneeId: 2, teamId: 10 };

describe('work order policy', () => {
  it('lets members of the handling team claim, and anyone handling claim from the shared centre', () => {
    expect(handlesTeam(actor(2, ['order.handle'], [10]), 10)).toBe(true);
    expect(handlesTeam(actor(2, ['order.handle'], [11]), 10)).toBe(false);
    expect(handlesTeam(actor(2, ['order.read'], [10]), 10)).toBe(false);
    expect(handlesTeam(actor(2, ['order.handle']), null)).toBe(true);
    expect(refusalOf('claim', actor(3, ['order.handle'], [11]), order)).toBe('FORBIDDEN');
  });

  it('keeps the handling steps to the assignee', () => {
    expect(refusalOf('start', actor(2, ['order.handle'], [10]), order)).toBeNull();
    expect(refusalOf('record', actor(3, ['order.handle'], [10]), order)).toBe('NOT_ASSIGNEE');
    expect(refusalOf('return', actor(3, ['order.handle'], [10]), order)).toBe('NOT_ASSIGNEE');
    expect(refusalOf('return', actor(4, ['order.dispatch']), order)).toBeNull();
  });

  it('lets only a leader return an order still in the pool (no assignee)', () => {
    const pooled = { ...order, assigneeId: null };
    expect(refusalOf('return', actor(3, ['order.handle'], [10]), pooled)).toBe('NOT_ASSIGNEE');
    expect(refusalOf('return', actor(4, ['order.handle', 'order.dispatch'], [10]), pooled)).toBeNull();
  });

  it('keeps completion, re-initiation and withdrawal to the initiator', () => {
    for (const action of ['complete', 'reinitiate', 'withdraw'] as const) {
      expect(refusalOf(action, actor(1, []), order)).toBeNull();
      expect(refusalOf(action, actor(2, ['order.handle', 'order.dispatch']), order)).toBe('NOT_INITIATOR');
    }
  });

  it('keeps dispatching to leaders', () => {
    expect(refusalOf('dispatch', actor(5, ['order.dispatch']), order)).toBeNull();
    expect(refusalOf('redispatch', actor(2, ['order.handle'], [10]), order)).toBe('FORBIDDEN');
  });
});
